/**
 * The knowledge manager's dashboard figures for a period, each from one aggregate query (counts,
 * GROUP BY, percentiles with ORDER BY … LIMIT 1 OFFSET k): nothing here loops over rows.
 * Definitions and the arithmetic on the results live in app/utils/knowledge-figures.ts.
 *
 * Dates are compared as the stored text (sqlTimestamp); durations, buckets and the planner hints that
 * differ between SQLite and PostgreSQL come from app/utils/sql-dialect.server.ts.
 *
 * Speed (npm run bench:reports, 200 000 notes): decisions are counted from Note(decidedAt, state, createdAt)
 * and their percentiles read from the decision-minutes expression index, contributors from
 * Note(communityId, authorId, createdAt) (the distinct authors of a community arrive in order: a year
 * ~65 → ~35 ms on SQLite, against the (communityId, createdAt, authorId) index the reports use), the search
 * totals from SearchLog(createdAt, resultCount) and the knowledge gaps from SearchLog(resultCount, createdAt,
 * query) (a year ~50 → ~12 ms), each from the index alone. The helpful entries read
 * Feedback(entryId, helpful, createdAt) alone (a year ~55 → ~33 ms); left to itself SQLite's planner walks
 * the (entryId, userId) index and looks up every row. `indexedBy` names these indexes on SQLite (plain on
 * PostgreSQL); withoutIndex() in DECIDED_SCAN tells SQLite not to use the state index for that column.
 */
import { Prisma } from "@prisma/client";
import { NOTE_STATES } from "~/schemas/enums";
import { QUESTION_STATES } from "~/schemas/question.shared";
import { DAY_MS } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { indexedBy, minutesBetween, percentileAggregate, withoutIndex } from "~/utils/sql-dialect.server";
import {
  ageInDays,
  creationVersusReuse,
  decisionShares,
  fillBuckets,
  PERCENTILES,
  reviewBasisShares,
  sqlTimestamp,
  type DecisionCounts,
  type Period,
} from "~/utils/knowledge-figures";

const DECIDED_SCAN = () => Prisma.sql`${withoutIndex(Prisma.sql`n."state"`)} IN ('PUBLISHED', 'MERGED', 'DECLINED')`;
const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

/** Notes waiting for a decision now, and how long the oldest has been waiting. */
export async function inboxFigure(now: Date) {
  const [row] = await db.$queryRaw<{ count: unknown; oldest: string | null }[]>`
    SELECT COUNT(*) AS "count", MIN(n."createdAt") AS "oldest" FROM "Note" n WHERE n."state" = 'SUBMITTED'`;
  const oldest = row?.oldest ? new Date(row.oldest) : null;
  return { count: num(row?.count), oldestSubmittedAt: oldest, oldestAgeDays: oldest ? ageInDays(oldest, now) : null };
}

/** SQL for percentileOffsetInteger(total, fraction): the nearest-rank position, in integer arithmetic. */
const offsetSql = ([num, den]: readonly [number, number]) => Prisma.sql`((${Prisma.raw(String(num))} * c."total" + ${Prisma.raw(String(den - 1))}) / ${Prisma.raw(String(den))} - 1)`;

/** An offset of no rows is −1; SQLite reads a negative OFFSET as 0, PostgreSQL refuses it. */
const notNegative = (offset: Prisma.Sql) => Prisma.sql`CASE WHEN ${offset} < 0 THEN 0 ELSE ${offset} END`;

/**
 * Whole minutes from writing a note to its decision. On SQLite exactly the expression of the index
 * Note_decisionMinutes_decidedAt_state_idx (migration 20261122120000, not in schema.prisma): SQLite uses
 * an expression index only for the identical expression.
 */
const DECISION_MINUTES = () => minutesBetween(Prisma.sql`n."createdAt"`, Prisma.sql`n."decidedAt"`);
const DECIDED_IN = (period: Period) =>
  Prisma.sql`n."decidedAt" >= ${sqlTimestamp(period.from)} AND n."decidedAt" <= ${sqlTimestamp(period.to)}`;

/**
 * Decisions taken in the period by outcome, and the p50 and p90 (nearest rank) of the time from
 * writing a note to its decision, in whole minutes. The counts read Note(decidedAt, state, createdAt).
 * Each percentile walks the decision-minutes index in order, skipping decisions outside the period,
 * and stops at its row (LIMIT 1 OFFSET k, k from the count in the same statement; p90 from the long
 * end, total − 1 − k): no sort, so a year of decisions costs a walk of an index instead of sorting
 * ~145 000 values (docs/decisions/0018). `INDEXED BY` is SQLite's; on PostgreSQL the same statement
 * reads Note(decidedAt, state, createdAt) and sorts the period's minutes.
 */
export async function decisionFigures(period: Period) {
  const p50 = percentileAggregate(PERCENTILES.p50, DECISION_MINUTES());
  const p90 = percentileAggregate(PERCENTILES.p90, DECISION_MINUTES());
  // PostgreSQL: one pass over Note(decidedAt, state, createdAt) and one sort for both percentiles.
  const sql =
    p50 && p90
      ? Prisma.sql`
    SELECT COUNT(*) AS "total",
           SUM(CASE WHEN n."state" = 'PUBLISHED' THEN 1 ELSE 0 END) AS "published",
           SUM(CASE WHEN n."state" = 'MERGED' THEN 1 ELSE 0 END) AS "merged",
           SUM(CASE WHEN n."state" = 'DECLINED' THEN 1 ELSE 0 END) AS "declined",
           ${p50} AS "p50", ${p90} AS "p90"
    FROM "Note" n WHERE ${DECIDED_IN(period)} AND ${DECIDED_SCAN()}`
      : decisionWalkSql(period);
  const [row] = await db.$queryRaw<{ total: unknown; published: unknown; merged: unknown; declined: unknown; p50: unknown; p90: unknown }[]>(sql);
  const counts: DecisionCounts = { PUBLISHED: num(row?.published), MERGED: num(row?.merged), DECLINED: num(row?.declined) };
  const total = num(row?.total);
  const hours = (minutes: unknown) => (total === 0 || minutes === null || minutes === undefined ? null : Number(minutes) / 60);
  return { counts, decisionTime: { n: total, p50Hours: hours(row?.p50), p90Hours: hours(row?.p90) } };
}

/** SQLite: the counts, then each percentile as a walk of the decision-minutes index (see decisionFigures). */
function decisionWalkSql(period: Period): Prisma.Sql {
  const inOrder = (direction: Prisma.Sql, offset: Prisma.Sql) => Prisma.sql`
    (SELECT ${DECISION_MINUTES()} FROM "Note" n ${indexedBy("Note_decisionMinutes_decidedAt_state_idx")}
     WHERE ${DECIDED_IN(period)} AND n."state" IN ('PUBLISHED', 'MERGED', 'DECLINED')
     ORDER BY ${DECISION_MINUTES()} ${direction} LIMIT 1 OFFSET (SELECT ${notNegative(offset)} FROM c))`;
  return Prisma.sql`
    WITH c AS MATERIALIZED (
      SELECT COUNT(*) AS "total",
             SUM(CASE WHEN n."state" = 'PUBLISHED' THEN 1 ELSE 0 END) AS "published",
             SUM(CASE WHEN n."state" = 'MERGED' THEN 1 ELSE 0 END) AS "merged",
             SUM(CASE WHEN n."state" = 'DECLINED' THEN 1 ELSE 0 END) AS "declined"
      FROM "Note" n WHERE ${DECIDED_IN(period)} AND ${DECIDED_SCAN()}
    )
    SELECT c."total" AS "total", c."published" AS "published", c."merged" AS "merged", c."declined" AS "declined",
      ${inOrder(Prisma.sql`ASC`, offsetSql(PERCENTILES.p50))} AS "p50",
      ${inOrder(Prisma.sql`DESC`, Prisma.sql`c."total" - 1 - ${offsetSql(PERCENTILES.p90)}`)} AS "p90"
    FROM c`;
}

/** The entries most often marked "this helped me" in the period (top 10; ties by title). */
export async function mostHelpfulEntries(period: Period, limit = 10) {
  const rows = await db.$queryRaw<{ entryId: string; title: string; state: string; count: unknown }[]>`
    SELECT t."entryId" AS "entryId", e."title" AS "title", e."state" AS "state", t."count" AS "count"
    FROM (
      SELECT f."entryId" AS "entryId", COUNT(*) AS "count" FROM "Feedback" f ${indexedBy("Feedback_entryId_helpful_createdAt_idx")}
      WHERE f."helpful" = ${true} AND f."createdAt" >= ${sqlTimestamp(period.from)} AND f."createdAt" <= ${sqlTimestamp(period.to)}
      GROUP BY f."entryId"
      ORDER BY "count" DESC, f."entryId" ASC
      LIMIT ${limit}
    ) t JOIN "Entry" e ON e."id" = t."entryId"
    ORDER BY t."count" DESC, e."title" ASC`;
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
      SELECT n."communityId" AS "communityId", COUNT(DISTINCT n."authorId") AS "contributors", COUNT(*) AS "notes"
      FROM "Note" n ${indexedBy("Note_communityId_authorId_createdAt_idx")}
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

/** The states of a note or question once it is sent to curation: every one but a question's OPEN. */
const SENT_STATES = [...new Set<string>([...NOTE_STATES, ...QUESTION_STATES])].filter((state) => state !== "OPEN");

/**
 * Notes sent to curation per day (periods up to 30 days) or per 7 days, empty buckets included. One count
 * per bucket over its range of Note(state, createdAt), asked in one statement: the index answers each
 * count from its entries alone, and nothing is computed per note or sorted. (Grouping the period's notes by
 * a bucket computed from each one's date took ~90 ms for a year of ~145 000 notes on SQLite; this ~13 ms.)
 */
export async function submissionsPerBucket(period: Period) {
  const n = Math.ceil(period.days / period.bucketDays);
  const at = (bucket: number) => new Date(period.from.getTime() + bucket * period.bucketDays * DAY_MS);
  // Each bucket from its start up to the next one's; the last one up to the end of the period, included.
  const bounds = Array.from({ length: n }, (_, i) => ({ i, from: at(i), until: i === n - 1 ? new Date(period.to.getTime() + 1) : at(i + 1) }));
  const counts = bounds.map(
    ({ i, from, until }) => Prisma.sql`SELECT ${Prisma.raw(String(i))} AS "bucket", (SELECT COUNT(*) FROM "Note" n
      WHERE n."state" IN (${Prisma.join(SENT_STATES)}) AND n."createdAt" >= ${sqlTimestamp(from)} AND n."createdAt" < ${sqlTimestamp(until)}) AS "count"`,
  );
  const rows = await db.$queryRaw<{ bucket: unknown; count: unknown }[]>`${Prisma.join(counts, " UNION ALL ")}`;
  return fillBuckets(period, rows.map((r) => ({ bucket: num(r.bucket), count: num(r.count) })));
}

/** Open flags now, whatever the period: how many, and how long the oldest has been open (Flag(state, createdAt) alone). */
export async function openFlagsFigure(now: Date) {
  const [row] = await db.$queryRaw<{ count: unknown; oldest: string | null }[]>`
    SELECT COUNT(*) AS "count", MIN(f."createdAt") AS "oldest" FROM "Flag" f WHERE f."state" = 'OPEN'`;
  const oldest = row?.oldest ? new Date(row.oldest) : null;
  return { count: num(row?.count), oldestAgeDays: oldest ? ageInDays(oldest, now) : null };
}

const FLAG_MINUTES = () => minutesBetween(Prisma.sql`f."createdAt"`, Prisma.sql`f."resolvedAt"`);
const RESOLVED_IN = (period: Period) =>
  Prisma.sql`f."resolvedAt" >= ${sqlTimestamp(period.from)} AND f."resolvedAt" <= ${sqlTimestamp(period.to)}`;

/**
 * Flags resolved in the period by outcome, and the p50 and p90 (nearest rank) of the time from flagging
 * to resolution. Flags are few next to notes (thousands a year), so the period's rows are read through
 * Flag(resolvedAt) and sorted for each percentile.
 */
export async function flagResolutionFigures(period: Period) {
  const inOrder = (direction: Prisma.Sql, offset: Prisma.Sql) => Prisma.sql`
    (SELECT ${FLAG_MINUTES()} FROM "Flag" f WHERE ${RESOLVED_IN(period)}
     ORDER BY ${FLAG_MINUTES()} ${direction} LIMIT 1 OFFSET (SELECT ${notNegative(offset)} FROM c))`;
  const [row] = await db.$queryRaw<{ total: unknown; fixed: unknown; noChange: unknown; archived: unknown; p50: unknown; p90: unknown }[]>`
    WITH c AS MATERIALIZED (
      SELECT COUNT(*) AS "total",
             SUM(CASE WHEN f."state" = 'FIXED' THEN 1 ELSE 0 END) AS "fixed",
             SUM(CASE WHEN f."state" = 'NO_CHANGE' THEN 1 ELSE 0 END) AS "noChange",
             SUM(CASE WHEN f."state" = 'ARCHIVED' THEN 1 ELSE 0 END) AS "archived"
      FROM "Flag" f WHERE ${RESOLVED_IN(period)}
    )
    SELECT c."total" AS "total", c."fixed" AS "fixed", c."noChange" AS "noChange", c."archived" AS "archived",
      ${inOrder(Prisma.sql`ASC`, offsetSql(PERCENTILES.p50))} AS "p50",
      ${inOrder(Prisma.sql`DESC`, Prisma.sql`c."total" - 1 - ${offsetSql(PERCENTILES.p90)}`)} AS "p90"
    FROM c`;
  const total = num(row?.total);
  const hours = (minutes: unknown) => (total === 0 || minutes === null || minutes === undefined ? null : Number(minutes) / 60);
  return {
    n: total,
    outcomes: { FIXED: num(row?.fixed), NO_CHANGE: num(row?.noChange), ARCHIVED: num(row?.archived) },
    p50Hours: hours(row?.p50),
    p90Hours: hours(row?.p90),
  };
}

/**
 * Review now and in the period: live entries past their review date (of which already marked as needing
 * review), entries archived in the period, and the period's reviews by basis — reuse, calendar or an edit.
 */
export async function reviewFigures(period: Period, now: Date) {
  const [[due], [archived], bases] = [
    await db.$queryRaw<{ pastReview: unknown; needsReview: unknown }[]>`
      SELECT SUM(CASE WHEN e."reviewBy" < ${sqlTimestamp(now)} THEN 1 ELSE 0 END) AS "pastReview",
             SUM(CASE WHEN e."state" = 'NEEDS_REVIEW' THEN 1 ELSE 0 END) AS "needsReview"
      FROM "Entry" e WHERE e."state" IN ('PUBLISHED', 'NEEDS_REVIEW') AND (e."state" = 'NEEDS_REVIEW' OR e."reviewBy" < ${sqlTimestamp(now)})`,
    await db.$queryRaw<{ count: unknown }[]>`
      SELECT COUNT(*) AS "count" FROM "Entry" e
      WHERE e."archivedAt" >= ${sqlTimestamp(period.from)} AND e."archivedAt" <= ${sqlTimestamp(period.to)}`,
    await db.$queryRaw<{ basis: string; count: unknown }[]>`
      SELECT r."basis" AS "basis", COUNT(*) AS "count" FROM "EntryReview" r
      WHERE r."createdAt" >= ${sqlTimestamp(period.from)} AND r."createdAt" <= ${sqlTimestamp(period.to)}
      GROUP BY r."basis"`,
  ];
  const byBasis = new Map(bases.map((b) => [b.basis, num(b.count)]));
  return {
    pastReview: num(due?.pastReview),
    needsReview: num(due?.needsReview),
    archived: num(archived?.count),
    reviews: reviewBasisShares({ REUSE: byBasis.get("REUSE") ?? 0, CALENDAR: byBasis.get("CALENDAR") ?? 0, EDIT: byBasis.get("EDIT") ?? 0 }),
  };
}

/** Everything the knowledge manager's dashboard shows, for one period. */
export async function knowledgeFigures(period: Period, now = new Date()) {
  // Asked together: PostgreSQL answers them on several connections at once; SQLite's single connection takes them in turn.
  const [inbox, { counts, decisionTime }, helpful, gaps, searches, contributors, submissions, openFlags, flagResolution, review] = await Promise.all([
    inboxFigure(now),
    decisionFigures(period),
    mostHelpfulEntries(period),
    knowledgeGaps(period),
    searchTotals(period),
    contributorsPerCommunity(period),
    submissionsPerBucket(period),
    openFlagsFigure(now),
    flagResolutionFigures(period),
    reviewFigures(period, now),
  ]);
  const decisions = decisionShares(counts);
  return {
    period,
    inbox,
    decisions,
    decisionTime,
    reuse: creationVersusReuse(counts),
    helpful,
    gaps,
    searches,
    contributors,
    submissions,
    openFlags,
    flagResolution,
    review,
  };
}
export type KnowledgeFigures = Awaited<ReturnType<typeof knowledgeFigures>>;
