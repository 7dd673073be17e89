-- The knowledge manager's work queue (docs/benchmarks.md, "Work queue").
-- "Did not help" answers per entry: the open ones grouped by entry, read from the index alone.
CREATE INDEX "Feedback_helpful_handledAt_entryId_createdAt_idx" ON "Feedback"("helpful", "handledAt", "entryId", "createdAt");

-- A community's entries: its due reviews in order, and the entries whose flags and answers a community filter reads.
CREATE INDEX "Entry_communityId_state_reviewBy_idx" ON "Entry"("communityId", "state", "reviewBy");
