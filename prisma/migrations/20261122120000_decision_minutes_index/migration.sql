-- The minutes from writing a note to its decision, first in an index: the knowledge manager's dashboard reads
-- the percentiles of a period's decision times in this order, without sorting them (app/models/knowledge-figures.server.ts,
-- docs/decisions/0018). An expression index, which schema.prisma cannot describe; the query must use the same expression.
CREATE INDEX "Note_decisionMinutes_decidedAt_state_idx" ON "Note"(CAST(ROUND((julianday("decidedAt") - julianday("createdAt")) * 1440) AS INTEGER), "decidedAt", "state");
