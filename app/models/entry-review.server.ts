/**
 * Demand on entries since their last review, read in one statement for many entries: "this helped me"
 * marks given after the last review (or publication) and notes merged into the entry after it. Served by
 * Feedback(entryId, helpful, createdAt) and Note(entryId). Dates compare as the stored text (sqlTimestamp).
 */
import { Prisma } from "@prisma/client";
import { db, type Tx } from "~/utils/db.server";
import { sqlTimestamp } from "~/utils/knowledge-figures";
import type { DemandSinceReview } from "~/utils/review-schedule";

const BASELINE = Prisma.sql`COALESCE(e."lastReviewedAt", e."createdAt")`;
const HELPFUL_SINCE = Prisma.sql`(SELECT COUNT(*) FROM "Feedback" f WHERE f."entryId" = e."id" AND f."helpful" = TRUE AND f."createdAt" > ${BASELINE})`;
const REUSED_SINCE = Prisma.sql`(SELECT COUNT(*) FROM "Note" n WHERE n."entryId" = e."id" AND n."state" = 'MERGED' AND n."decidedAt" > ${BASELINE})`;

type DemandRow = { id: string; helpfulSince: unknown; reusedSince: unknown };
const toDemand = (row: DemandRow): DemandSinceReview & { id: string } => ({ id: row.id, helpfulSince: Number(row.helpfulSince), reusedSince: Number(row.reusedSince) });

/** Demand since the last review of each of these entries (the work queue shows it beside a due review). */
export async function demandSinceReview(entryIds: readonly string[], client: Tx | typeof db = db): Promise<Map<string, DemandSinceReview>> {
  if (entryIds.length === 0) return new Map();
  const rows = await client.$queryRaw<DemandRow[]>`
    SELECT e."id" AS "id", ${HELPFUL_SINCE} AS "helpfulSince", ${REUSED_SINCE} AS "reusedSince"
    FROM "Entry" e WHERE e."id" IN (${Prisma.join(entryIds)})`;
  return new Map(rows.map((row) => [row.id, toDemand(row)]));
}

/** Published entries past their review date at `now`, with their demand since the last review (the sweep's candidates). */
export async function pastReviewWithDemand(now: Date) {
  const rows = await db.$queryRaw<DemandRow[]>`
    SELECT e."id" AS "id", ${HELPFUL_SINCE} AS "helpfulSince", ${REUSED_SINCE} AS "reusedSince"
    FROM "Entry" e WHERE e."state" = 'PUBLISHED' AND e."reviewBy" <= ${sqlTimestamp(now)}
    ORDER BY e."reviewBy", e."id"`;
  return rows.map(toDemand);
}

/** Communities with their review interval, for the knowledge manager's settings page. */
export async function listCommunityReviewIntervals() {
  return db.community.findMany({
    orderBy: [{ status: "asc" }, { name: "asc" }],
    select: { id: true, name: true, slug: true, status: true, visibility: true, reviewIntervalDays: true, _count: { select: { entries: { where: { state: { not: "ARCHIVED" } } } } } },
  });
}

/** What the entry page shows a knowledge manager about its review: when it was last reviewed and the demand since. */
export async function entryReviewPanel(entryId: string) {
  const [entry, demand, notHelped] = await Promise.all([
    db.entry.findUnique({ where: { id: entryId }, select: { lastReviewedAt: true, createdAt: true } }),
    demandSinceReview([entryId]),
    db.feedback.count({ where: { entryId, helpful: false, handledAt: null } }),
  ]);
  if (!entry) return null;
  return { lastReviewedAt: entry.lastReviewedAt, publishedAt: entry.createdAt, notHelped, ...(demand.get(entryId) ?? { helpfulSince: 0, reusedSince: 0 }) };
}
