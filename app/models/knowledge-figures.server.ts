/**
 * The knowledge manager's dashboard figures for a period, each from one aggregate query (counts,
 * GROUP BY, percentiles with ORDER BY … LIMIT 1 OFFSET k): nothing here loops over rows.
 * Definitions and the arithmetic on the results live in app/utils/knowledge-figures.ts.
 *
 * Dates are compared as the stored text (sqlTimestamp); durations use SQLite's julianday(), the one
 * dialect-specific expression (PostgreSQL: EXTRACT(EPOCH FROM …)), kept in HOURS_TO_DECISION.
 */
import { Prisma } from "@prisma/client";
import { db } from "~/utils/db.server";
import {
  ageInDays,
  creationVersusReuse,
  decisionShares,
  fillBuckets,
  percentileOffset,
  sqlTimestamp,
  type DecisionCounts,
  type Period,
} from "~/utils/knowledge-figures";

const HOURS_TO_DECISION = Prisma.sql`(julianday(n."decidedAt") - julianday(n."createdAt")) * 24.0`;
const DECIDED = Prisma.sql`n."state" IN ('PUBLISHED', 'MERGED', 'DECLINED')`;
const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

/** Notes waiting for a decision now, and how long the oldest has been waiting. */
export async function inboxFigure(now: Date) {
  const [row] = await db.$queryRaw<{ count: unknown; oldest: string | null }[]>`
    SELECT COUNT(*) AS "count", MIN(n."createdAt") AS "oldest" FROM "Note" n WHERE n."state" = 'SUBMITTED'`;
  const oldest = row?.oldest ? new Date(row.oldest) : null;
  return { count: num(row?.count), oldestSubmittedAt: oldest, oldestAgeDays: oldest ? ageInDays(oldest, now) : null };
}

/** Decisions taken in the period by outcome. */
export async function decisionCounts(period: Period): Promise<DecisionCounts> {
  const rows = await db.$queryRaw<{ state: string; count: unknown }[]>`
    SELECT n."state" AS "state", COUNT(*) AS "count" FROM "Note" n
    WHERE n."decidedAt" >= ${sqlTimestamp(period.from)} AND n."decidedAt" <= ${sqlTimestamp(period.to)} AND ${DECIDED}
    GROUP BY n."state"`;
  const counts: DecisionCounts = { PUBLISHED: 0, MERGED: 0, DECLINED: 0 };
  for (const r of rows) if (r.state in counts) counts[r.state as keyof DecisionCounts] = num(r.count);
  return counts;
}

/** The p-th percentile (nearest rank) of hours from writing a note to its decision, over `n` decisions in the period. */
async function decisionHoursAt(period: Period, n: number, p: number): Promise<number | null> {
  const offset = percentileOffset(n, p);
  if (offset === null) return null;
  const [row] = await db.$queryRaw<{ hours: unknown }[]>`
    SELECT ${HOURS_TO_DECISION} AS "hours" FROM "Note" n
    WHERE n."decidedAt" >= ${sqlTimestamp(period.from)} AND n."decidedAt" <= ${sqlTimestamp(period.to)} AND ${DECIDED}
    ORDER BY "hours" ASC LIMIT 1 OFFSET ${offset}`;
  return row ? num(row.hours) : null;
}

/** Submission → decision: p50 and p90 in hours of the notes decided in the period. */
export async function decisionTimeFigure(period: Period, decided: number) {
  const [p50, p90] = [await decisionHoursAt(period, decided, 0.5), await decisionHoursAt(period, decided, 0.9)];
  return { n: decided, p50Hours: p50, p90Hours: p90 };
}

/** The entries most often marked "this helped me" in the period (top 10). */
export async function mostHelpfulEntries(period: Period, limit = 10) {
  const rows = await db.$queryRaw<{ entryId: string; title: string; state: string; count: unknown }[]>`
    SELECT f."entryId" AS "entryId", e."title" AS "title", e."state" AS "state", COUNT(*) AS "count"
    FROM "Feedback" f JOIN "Entry" e ON e."id" = f."entryId"
    WHERE f."helpful" = ${true} AND f."createdAt" >= ${sqlTimestamp(period.from)} AND f."createdAt" <= ${sqlTimestamp(period.to)}
    GROUP BY f."entryId", e."title", e."state"
    ORDER BY "count" DESC, e."title" ASC
    LIMIT ${limit}`;
  return rows.map((r) => ({ entryId: r.entryId, title: r.title, state: r.state, count: num(r.count) }));
}

/** Knowledge gaps: searches without results in the period, by normalised query (top 20), with how often and when last. */
export async function knowledgeGaps(period: Period, limit = 20) {
  const rows = await db.$queryRaw<{ query: string; count: unknown; lastSeen: string }[]>`
    SELECT s."query" AS "query", COUNT(*) AS "count", MAX(s."createdAt") AS "lastSeen" FROM "SearchLog" s
    WHERE s."resultCount" = 0 AND s."createdAt" >= ${sqlTimestamp(period.from)} AND s."createdAt" <= ${sqlTimestamp(period.to)}
    GROUP BY s."query"
    ORDER BY "count" DESC, "lastSeen" DESC, s."query" ASC
    LIMIT ${limit}`;
  return rows.map((r) => ({ query: r.query, count: num(r.count), lastSeen: new Date(r.lastSeen) }));
}

/** How many searches were logged in the period and how many of them found nothing. */
export async function searchTotals(period: Period) {
  const [row] = await db.$queryRaw<{ total: unknown; zero: unknown }[]>`
    SELECT COUNT(*) AS "total", SUM(CASE WHEN s."resultCount" = 0 THEN 1 ELSE 0 END) AS "zero" FROM "SearchLog" s
    WHERE s."createdAt" >= ${sqlTimestamp(period.from)} AND s."createdAt" <= ${sqlTimestamp(period.to)}`;
  return { total: num(row?.total), zero: num(row?.zero) };
}

/**
 * Contributors per community: distinct people who wrote a note or asked a question in the period,
 * for every active community (zeros included) and for notes outside any community (communityId null).
 */
export async function contributorsPerCommunity(period: Period) {
  const [rows, communities] = [
    await db.$queryRaw<{ communityId: string | null; contributors: unknown; notes: unknown }[]>`
      SELECT n."communityId" AS "communityId", COUNT(DISTINCT n."authorId") AS "contributors", COUNT(*) AS "notes" FROM "Note" n
      WHERE n."createdAt" >= ${sqlTimestamp(period.from)} AND n."createdAt" <= ${sqlTimestamp(period.to)}
      GROUP BY n."communityId"`,
    await db.community.findMany({ select: { id: true, name: true, status: true } }),
  ];
  const byId = new Map(rows.map((r) => [r.communityId, { contributors: num(r.contributors), notes: num(r.notes) }]));
  const list = communities
    .filter((c) => c.status === "ACTIVE" || byId.has(c.id))
    .map((c) => ({ communityId: c.id as string | null, name: c.name as string | null, ...(byId.get(c.id) ?? { contributors: 0, notes: 0 }) }));
  list.push({ communityId: null, name: null, ...(byId.get(null) ?? { contributors: 0, notes: 0 }) });
  return list.sort((a, b) => b.contributors - a.contributors || b.notes - a.notes || (a.name ?? "\uffff").localeCompare(b.name ?? "\uffff"));
}

/** Notes sent to curation per day (periods up to 30 days) or per 7 days, empty buckets included. */
export async function submissionsPerBucket(period: Period) {
  const rows = await db.$queryRaw<{ bucket: unknown; count: unknown }[]>`
    SELECT CAST((julianday(n."createdAt") - julianday(${sqlTimestamp(period.from)})) / ${period.bucketDays} AS INTEGER) AS "bucket", COUNT(*) AS "count"
    FROM "Note" n
    WHERE n."createdAt" >= ${sqlTimestamp(period.from)} AND n."createdAt" <= ${sqlTimestamp(period.to)} AND n."state" <> 'OPEN'
    GROUP BY "bucket"`;
  return fillBuckets(period, rows.map((r) => ({ bucket: num(r.bucket), count: num(r.count) })));
}

/** Everything the knowledge manager's dashboard shows, for one period. */
export async function knowledgeFigures(period: Period, now = new Date()) {
  const inbox = await inboxFigure(now);
  const counts = await decisionCounts(period);
  const decisions = decisionShares(counts);
  const decisionTime = await decisionTimeFigure(period, decisions.total);
  const [helpful, gaps, searches, contributors, submissions] = [
    await mostHelpfulEntries(period),
    await knowledgeGaps(period),
    await searchTotals(period),
    await contributorsPerCommunity(period),
    await submissionsPerBucket(period),
  ];
  return { period, inbox, decisions, decisionTime, reuse: creationVersusReuse(counts), helpful, gaps, searches, contributors, submissions };
}
export type KnowledgeFigures = Awaited<ReturnType<typeof knowledgeFigures>>;
