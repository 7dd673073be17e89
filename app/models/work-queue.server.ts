/**
 * The knowledge manager's work queue: submitted notes and questions, open flags, entries due for review
 * and "did not help" answers (grouped per entry), in one list ordered by age, with counts per kind.
 *
 * Built for a large organisation: each kind is a stream read in the order of an index and cut at a
 * page (keyset pagination: "more" continues after the last item shown, never with OFFSET); the streams
 * are merged here. The indexes: Note(state, createdAt), Note(state, assigneeId, createdAt),
 * Note(communityId, kind, createdAt) for notes; Flag(state, createdAt), Flag(state, assigneeId, createdAt)
 * for flags; Entry(state, reviewBy) for reviews; Feedback(helpful, handledAt, createdAt) for "did not help".
 * Timings: docs/benchmarks.md, section "Work queue".
 *
 * Knowledge managers and admins see every community, closed ones included (visibility.ts), so the queue
 * has no visibility clause; the route lets only them in.
 */
import { Prisma } from "@prisma/client";
import { db } from "~/utils/db.server";
import { joinedText } from "~/utils/sql-dialect.server";
import { sqlTimestamp } from "~/utils/knowledge-figures";
import { type QueueFilters } from "~/schemas/work-queue";
import { QUEUE_PAGE_SIZE, type QueueKind } from "~/schemas/work-queue.shared";
import { demandSinceReview } from "./entry-review.server";

/**
 * The streams in the order they win a tie on the same moment. Notes and questions share one (the
 * Note table); due reviews are two reads of Entry(state, reviewBy) merged into one.
 */
const STREAMS = ["note", "flag", "review", "feedback"] as const;
type Stream = (typeof STREAMS)[number];
const rank = (stream: Stream) => STREAMS.indexOf(stream);

/** One item's place in the queue: its moment as stored (ISO text), its stream and its id. */
type Key = { at: string; stream: Stream; id: string };

function parseCursor(cursor: string | undefined): { at: string; rank: number; id: string } | null {
  if (!cursor) return null;
  const [at, r, id] = cursor.split("~");
  return { at, rank: Number(r), id };
}
const cursorOf = (key: Key) => `${key.at}~${rank(key.stream)}~${key.id}`;

/**
 * The keyset condition of a stream: after the cursor in the queue's total order (moment, stream, id),
 * or before it when the newest come first.
 */
function afterCursor(stream: Stream, at: Prisma.Sql, idColumn: Prisma.Sql, filters: QueueFilters): Prisma.Sql {
  const cursor = parseCursor(filters.after);
  if (!cursor) return Prisma.empty;
  const mine = rank(stream);
  const asc = filters.sort === "oldest";
  const later = asc ? Prisma.sql`>` : Prisma.sql`<`;
  const sameOrLater = asc ? Prisma.sql`>=` : Prisma.sql`<=`;
  if (mine === cursor.rank) return Prisma.sql`AND (${at} ${later} ${cursor.at} OR (${at} = ${cursor.at} AND ${idColumn} ${later} ${cursor.id}))`;
  // On the same moment, a stream ranked after the cursor's comes after it (oldest first), before it (newest first).
  return (mine > cursor.rank) === asc ? Prisma.sql`AND ${at} ${sameOrLater} ${cursor.at}` : Prisma.sql`AND ${at} ${later} ${cursor.at}`;
}

const direction = (filters: QueueFilters) => (filters.sort === "oldest" ? Prisma.sql`ASC` : Prisma.sql`DESC`);

/** Who the queue is for: the assignment filter reads "me" as this user. */
type Viewer = { id: string };

/** The assignee condition on a column, for "me", "nobody" or anyone. */
function assignedTo(column: Prisma.Sql, filters: QueueFilters, viewer: Viewer): Prisma.Sql {
  if (filters.assigned === "me") return Prisma.sql`AND ${column} = ${viewer.id}`;
  if (filters.assigned === "nobody") return Prisma.sql`AND ${column} IS NULL`;
  return Prisma.empty;
}

function inCommunity(column: Prisma.Sql, filters: QueueFilters): Prisma.Sql {
  if (!filters.community) return Prisma.empty;
  return filters.community === "none" ? Prisma.sql`AND ${column} IS NULL` : Prisma.sql`AND ${column} = ${filters.community}`;
}

/** The tag filter, resolved to the tag's id once: an unknown tag matches nothing. */
type Scope = { filters: QueueFilters; viewer: Viewer; now: string; tagId: string | null | undefined };

function noteTagged(scope: Scope): Prisma.Sql {
  if (scope.tagId === undefined) return Prisma.empty;
  return Prisma.sql`AND EXISTS (SELECT 1 FROM "NoteTag" nt WHERE nt."noteId" = n."id" AND nt."tagId" = ${scope.tagId ?? ""})`;
}
function entryTagged(scope: Scope, entryId: Prisma.Sql): Prisma.Sql {
  if (scope.tagId === undefined) return Prisma.empty;
  // IN rather than EXISTS: SQLite may then start from the tag's entries, EntryTag(tagId), instead of probing for each row.
  return Prisma.sql`AND ${entryId} IN (SELECT et."entryId" FROM "EntryTag" et WHERE et."tagId" = ${scope.tagId ?? ""})`;
}
function ownedBy(scope: Scope): Prisma.Sql {
  return scope.filters.owner ? Prisma.sql`AND e."ownerId" = ${scope.filters.owner}` : Prisma.empty;
}

/** Which streams the filters leave: a flag reason is about flags only, an owner about entries only. */
function streamsFor(filters: QueueFilters): Set<Stream> {
  const wanted = new Set<Stream>();
  const kind = filters.kind;
  if ((kind === "all" || kind === "note" || kind === "question") && !filters.reason && !filters.owner) wanted.add("note");
  if (kind === "all" || kind === "flag") wanted.add("flag");
  if ((kind === "all" || kind === "review") && !filters.reason) wanted.add("review");
  if ((kind === "all" || kind === "feedback") && !filters.reason) wanted.add("feedback");
  return wanted;
}

function noteKind(filters: QueueFilters): Prisma.Sql {
  if (filters.kind === "note") return Prisma.sql`AND n."kind" = 'FIELD_NOTE'`;
  if (filters.kind === "question") return Prisma.sql`AND n."kind" = 'QUESTION'`;
  return Prisma.empty;
}

// ---------------------------------------------------------------------------------------------
// The conditions of each stream, shared by its page and its count
// ---------------------------------------------------------------------------------------------

const noteWhere = (scope: Scope) => Prisma.sql`
  n."state" = 'SUBMITTED' ${noteKind(scope.filters)} ${inCommunity(Prisma.sql`n."communityId"`, scope.filters)}
  ${assignedTo(Prisma.sql`n."assigneeId"`, scope.filters, scope.viewer)} ${noteTagged(scope)}`;

/**
 * The entries a filter on the entry (community, owner, tag) leaves, as a subquery that drives the read of
 * flags and "did not help" answers: from a community's or a tag's entries to their flags through
 * Flag(entryId, state) and Feedback(helpful, handledAt, entryId, createdAt), instead of every open flag
 * looking up its entry. Null without such a filter.
 */
function filteredEntries(scope: Scope, extra: Prisma.Sql = Prisma.empty): Prisma.Sql | null {
  const { community, owner } = scope.filters;
  if (!community && !owner && scope.tagId === undefined) return null;
  return Prisma.sql`(SELECT e."id" FROM "Entry" e WHERE TRUE ${inCommunity(Prisma.sql`e."communityId"`, scope.filters)} ${ownedBy(scope)} ${entryTagged(scope, Prisma.sql`e."id"`)} ${extra})`;
}

const flagWhere = (scope: Scope) => {
  const entries = filteredEntries(scope);
  return Prisma.sql`
    f."state" = 'OPEN' ${scope.filters.reason ? Prisma.sql`AND f."reason" = ${scope.filters.reason}` : Prisma.empty}
    ${entries ? Prisma.sql`AND f."entryId" IN ${entries}` : Prisma.empty} ${assignedTo(Prisma.sql`f."assigneeId"`, scope.filters, scope.viewer)}`;
};

const entryFilters = (scope: Scope) => Prisma.sql`
  ${inCommunity(Prisma.sql`e."communityId"`, scope.filters)} ${ownedBy(scope)}
  ${assignedTo(Prisma.sql`e."reviewAssigneeId"`, scope.filters, scope.viewer)} ${entryTagged(scope, Prisma.sql`e."id"`)}`;

/**
 * Due for review: marked NEEDS_REVIEW (by the sweep, a retired product, a colleague), or published and
 * past its review date. Both are read from Entry(state, reviewBy) in order; an entry needing review
 * without a review date takes its publication as its moment.
 */
const REVIEW_AT = Prisma.sql`COALESCE(e."reviewBy", e."createdAt")`;
const needsReviewWhere = (scope: Scope) => Prisma.sql`e."state" = 'NEEDS_REVIEW' ${entryFilters(scope)}`;
const pastDueWhere = (scope: Scope) => Prisma.sql`e."state" = 'PUBLISHED' AND e."reviewBy" <= ${scope.now} ${entryFilters(scope)}`;

/**
 * "Did not help" answers not yet handled, per live entry (the group's moment is its oldest answer). With an
 * entry filter the filtered entries drive the read; without one, every open answer joins its entry (read
 * from the covering index Feedback(helpful, handledAt, entryId, createdAt)).
 */
const feedbackFrom = (scope: Scope) =>
  filteredEntries(scope) ? Prisma.sql`"Feedback" f` : Prisma.sql`"Feedback" f JOIN "Entry" e ON e."id" = f."entryId"`;
const feedbackWhere = (scope: Scope) => {
  const live = Prisma.sql`AND e."state" <> 'ARCHIVED' ${assignedTo(Prisma.sql`e."reviewAssigneeId"`, scope.filters, scope.viewer)}`;
  const entries = filteredEntries(scope, live);
  return Prisma.sql`f."helpful" = FALSE AND f."handledAt" IS NULL ${entries ? Prisma.sql`AND f."entryId" IN ${entries}` : live}`;
};

// ---------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------

type KeyRow = { id: string; at: unknown };

/**
 * A moment as stored: a plain column comes back from the driver as a Date, an expression (MIN, COALESCE)
 * as the stored text. Both become the stored text, which is what the cursor compares against.
 */
const storedText = (value: unknown) => (value instanceof Date ? sqlTimestamp(value) : String(value));
const toKeys = (rows: KeyRow[], stream: Stream): Key[] => rows.map((r) => ({ id: r.id, at: storedText(r.at), stream }));

async function noteKeys(scope: Scope, limit: number): Promise<Key[]> {
  const rows = await db.$queryRaw<KeyRow[]>`
    SELECT n."id" AS "id", n."createdAt" AS "at" FROM "Note" n
    WHERE ${noteWhere(scope)} ${afterCursor("note", Prisma.sql`n."createdAt"`, Prisma.sql`n."id"`, scope.filters)}
    ORDER BY n."createdAt" ${direction(scope.filters)}, n."id" ${direction(scope.filters)} LIMIT ${limit}`;
  return toKeys(rows, "note");
}

async function flagKeys(scope: Scope, limit: number): Promise<Key[]> {
  const rows = await db.$queryRaw<KeyRow[]>`
    SELECT f."id" AS "id", f."createdAt" AS "at" FROM "Flag" f
    WHERE ${flagWhere(scope)} ${afterCursor("flag", Prisma.sql`f."createdAt"`, Prisma.sql`f."id"`, scope.filters)}
    ORDER BY f."createdAt" ${direction(scope.filters)}, f."id" ${direction(scope.filters)} LIMIT ${limit}`;
  return toKeys(rows, "flag");
}

async function reviewKeys(scope: Scope, limit: number): Promise<Key[]> {
  const after = afterCursor("review", REVIEW_AT, Prisma.sql`e."id"`, scope.filters);
  const order = direction(scope.filters);
  const [needing, pastDue] = await Promise.all([
    db.$queryRaw<KeyRow[]>`
      SELECT e."id" AS "id", ${REVIEW_AT} AS "at" FROM "Entry" e WHERE ${needsReviewWhere(scope)} ${after}
      ORDER BY ${REVIEW_AT} ${order}, e."id" ${order} LIMIT ${limit}`,
    db.$queryRaw<KeyRow[]>`
      SELECT e."id" AS "id", e."reviewBy" AS "at" FROM "Entry" e WHERE ${pastDueWhere(scope)}
      ${afterCursor("review", Prisma.sql`e."reviewBy"`, Prisma.sql`e."id"`, scope.filters)}
      ORDER BY e."reviewBy" ${order}, e."id" ${order} LIMIT ${limit}`,
  ]);
  return toKeys([...needing, ...pastDue], "review");
}

async function feedbackKeys(scope: Scope, limit: number): Promise<Key[]> {
  const cursor = afterCursor("feedback", Prisma.sql`MIN(f."createdAt")`, Prisma.sql`f."entryId"`, scope.filters);
  const rows = await db.$queryRaw<KeyRow[]>`
    SELECT f."entryId" AS "id", MIN(f."createdAt") AS "at" FROM ${feedbackFrom(scope)}
    WHERE ${feedbackWhere(scope)} GROUP BY f."entryId"
    ${cursor === Prisma.empty ? Prisma.empty : Prisma.sql`HAVING TRUE ${cursor}`}
    ORDER BY "at" ${direction(scope.filters)}, f."entryId" ${direction(scope.filters)} LIMIT ${limit}`;
  return toKeys(rows, "feedback");
}

function compareKeys(a: Key, b: Key): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  if (a.stream !== b.stream) return rank(a.stream) - rank(b.stream);
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** One page of the queue: each stream's next items, merged in order and cut at the page size. */
async function pageKeys(scope: Scope, streams: Set<Stream>): Promise<{ keys: Key[]; next: string | null }> {
  const limit = QUEUE_PAGE_SIZE + 1;
  const reads: Promise<Key[]>[] = [];
  if (streams.has("note")) reads.push(noteKeys(scope, limit));
  if (streams.has("flag")) reads.push(flagKeys(scope, limit));
  if (streams.has("review")) reads.push(reviewKeys(scope, limit));
  if (streams.has("feedback")) reads.push(feedbackKeys(scope, limit));
  const merged = (await Promise.all(reads)).flat().sort(compareKeys);
  if (scope.filters.sort === "newest") merged.reverse();
  const keys = merged.slice(0, QUEUE_PAGE_SIZE);
  return { keys, next: merged.length > QUEUE_PAGE_SIZE ? cursorOf(keys[keys.length - 1]) : null };
}

// ---------------------------------------------------------------------------------------------
// Counts per kind, with the oldest item of each
// ---------------------------------------------------------------------------------------------

export type KindCount = { count: number; oldest: Date | null };
const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));
const date = (value: unknown) => (typeof value === "string" && value ? new Date(value) : value instanceof Date ? value : null);
const earliest = (...dates: (Date | null)[]) => dates.filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;

/** How many items of each kind the filters leave (the kind filter aside), and the oldest one's moment. */
async function countKinds(scope: Scope): Promise<Record<QueueKind, KindCount>> {
  const all = { ...scope.filters, kind: "all" as const };
  const streams = streamsFor(all);
  const wide = { ...scope, filters: all };
  const none = Promise.resolve([] as Record<string, unknown>[]);
  const [notes, flags, needing, pastDue, feedback] = await Promise.all([
    streams.has("note")
      ? db.$queryRaw<{ kind: string; count: unknown; oldest: unknown }[]>`
          SELECT n."kind" AS "kind", COUNT(*) AS "count", MIN(n."createdAt") AS "oldest" FROM "Note" n WHERE ${noteWhere(wide)} GROUP BY n."kind"`
      : none,
    streams.has("flag")
      ? db.$queryRaw<{ count: unknown; oldest: unknown }[]>`SELECT COUNT(*) AS "count", MIN(f."createdAt") AS "oldest" FROM "Flag" f WHERE ${flagWhere(wide)}`
      : none,
    streams.has("review")
      ? db.$queryRaw<{ count: unknown; oldest: unknown }[]>`SELECT COUNT(*) AS "count", MIN(${REVIEW_AT}) AS "oldest" FROM "Entry" e WHERE ${needsReviewWhere(wide)}`
      : none,
    streams.has("review")
      ? db.$queryRaw<{ count: unknown; oldest: unknown }[]>`SELECT COUNT(*) AS "count", MIN(e."reviewBy") AS "oldest" FROM "Entry" e WHERE ${pastDueWhere(wide)}`
      : none,
    streams.has("feedback")
      ? db.$queryRaw<{ count: unknown; oldest: unknown }[]>`
          SELECT COUNT(DISTINCT f."entryId") AS "count", MIN(f."createdAt") AS "oldest" FROM ${feedbackFrom(wide)} WHERE ${feedbackWhere(wide)}`
      : none,
  ]);
  const noteRow = (kind: string) => notes.find((r) => r.kind === kind);
  const one = (rows: Record<string, unknown>[]): KindCount => ({ count: num(rows[0]?.count), oldest: date(rows[0]?.oldest) });
  const reviewA = one(needing);
  const reviewB = one(pastDue);
  return {
    note: { count: num(noteRow("FIELD_NOTE")?.count), oldest: date(noteRow("FIELD_NOTE")?.oldest) },
    question: { count: num(noteRow("QUESTION")?.count), oldest: date(noteRow("QUESTION")?.oldest) },
    flag: one(flags),
    review: { count: reviewA.count + reviewB.count, oldest: earliest(reviewA.oldest, reviewB.oldest) },
    feedback: one(feedback),
  };
}

// ---------------------------------------------------------------------------------------------
// The items of a page, with what the knowledge manager decides on
// ---------------------------------------------------------------------------------------------

// The items are read with a few plain statements (every person, community and tag name joined in), not
// with nested relation reads: for a page of 50 that is a handful of statements instead of a score of them.

type Person = { id: string; name: string };
type Community = { id: string; name: string };
type EntrySummary = {
  id: string;
  title: string;
  state: string;
  reviewBy: Date | null;
  lastReviewedAt: Date | null;
  createdAt: Date;
  community: Community | null;
  owner: Person;
  reviewAssignee: Person | null;
  tags: string[];
};
type NoteSummary = { id: string; kind: string; title: string; bodyText: string; createdAt: Date; author: Person; community: Community | null; assignee: Person | null; tags: string[] };
type FlagSummary = { id: string; reason: string; comment: string; createdAt: Date; user: Person; assignee: Person | null; entry: EntrySummary };

export type WorkQueueItem =
  | { kind: "note"; id: string; at: Date; note: NoteSummary }
  | { kind: "question"; id: string; at: Date; note: NoteSummary }
  | { kind: "flag"; id: string; at: Date; flag: FlagSummary }
  | { kind: "review"; id: string; at: Date; review: { entry: EntrySummary; helpfulSince: number; reusedSince: number } }
  | { kind: "feedback"; id: string; at: Date; feedback: { entry: EntrySummary; count: number; reasons: { reason: string; createdAt: Date }[] } };

/** How many "did not help" reasons a group shows (the newest). */
const FEEDBACK_REASONS_SHOWN = 3;

type Row = Record<string, unknown>;
const str = (value: unknown) => (value === null || value === undefined ? "" : String(value));
const moment = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));
const maybeMoment = (value: unknown) => (value === null || value === undefined ? null : moment(value));
const who = (row: Row, prefix: string): Person | null => (row[`${prefix}Id`] ? { id: str(row[`${prefix}Id`]), name: str(row[`${prefix}Name`]) } : null);
const tagList = (value: unknown) => (value ? String(value).split("\u001f").sort() : []);

async function readNotes(ids: string[]): Promise<Map<string, NoteSummary>> {
  if (!ids.length) return new Map();
  const rows = await db.$queryRaw<Row[]>`
    SELECT n."id" AS "id", n."kind" AS "kind", n."title" AS "title", substr(n."bodyText", 1, 220) AS "bodyText", n."createdAt" AS "createdAt",
      a."id" AS "authorId", a."name" AS "authorName", c."id" AS "communityId", c."name" AS "communityName", s."id" AS "assigneeId", s."name" AS "assigneeName",
      (SELECT ${joinedText(Prisma.sql`t."name"`, "unit")} FROM "NoteTag" nt JOIN "Tag" t ON t."id" = nt."tagId" WHERE nt."noteId" = n."id") AS "tags"
    FROM "Note" n JOIN "User" a ON a."id" = n."authorId" LEFT JOIN "Community" c ON c."id" = n."communityId" LEFT JOIN "User" s ON s."id" = n."assigneeId"
    WHERE n."id" IN (${Prisma.join(ids)})`;
  return new Map(
    rows.map((r) => [
      str(r.id),
      { id: str(r.id), kind: str(r.kind), title: str(r.title), bodyText: str(r.bodyText), createdAt: moment(r.createdAt), author: who(r, "author")!, community: who(r, "community"), assignee: who(r, "assignee"), tags: tagList(r.tags) },
    ]),
  );
}

async function readEntries(ids: string[]): Promise<Map<string, EntrySummary>> {
  if (!ids.length) return new Map();
  const rows = await db.$queryRaw<Row[]>`
    SELECT e."id" AS "id", e."title" AS "title", e."state" AS "state", e."reviewBy" AS "reviewBy", e."lastReviewedAt" AS "lastReviewedAt", e."createdAt" AS "createdAt",
      c."id" AS "communityId", c."name" AS "communityName", o."id" AS "ownerId", o."name" AS "ownerName", r."id" AS "assigneeId", r."name" AS "assigneeName",
      (SELECT ${joinedText(Prisma.sql`t."name"`, "unit")} FROM "EntryTag" et JOIN "Tag" t ON t."id" = et."tagId" WHERE et."entryId" = e."id") AS "tags"
    FROM "Entry" e JOIN "User" o ON o."id" = e."ownerId" LEFT JOIN "Community" c ON c."id" = e."communityId" LEFT JOIN "User" r ON r."id" = e."reviewAssigneeId"
    WHERE e."id" IN (${Prisma.join(ids)})`;
  return new Map(
    rows.map((r) => [
      str(r.id),
      {
        id: str(r.id),
        title: str(r.title),
        state: str(r.state),
        reviewBy: maybeMoment(r.reviewBy),
        lastReviewedAt: maybeMoment(r.lastReviewedAt),
        createdAt: moment(r.createdAt),
        community: who(r, "community"),
        owner: who(r, "owner")!,
        reviewAssignee: who(r, "assignee"),
        tags: tagList(r.tags),
      },
    ]),
  );
}

async function readFlags(ids: string[]) {
  if (!ids.length) return [];
  return db.$queryRaw<Row[]>`
    SELECT f."id" AS "id", f."entryId" AS "entryId", f."reason" AS "reason", f."comment" AS "comment", f."createdAt" AS "createdAt",
      u."id" AS "userId", u."name" AS "userName", s."id" AS "assigneeId", s."name" AS "assigneeName"
    FROM "Flag" f JOIN "User" u ON u."id" = f."userId" LEFT JOIN "User" s ON s."id" = f."assigneeId"
    WHERE f."id" IN (${Prisma.join(ids)})`;
}

/** The open "did not help" answers of these entries, newest first. */
async function readNotHelped(entryIds: string[]) {
  if (!entryIds.length) return [];
  const rows = await db.$queryRaw<Row[]>`
    SELECT f."entryId" AS "entryId", f."reason" AS "reason", f."createdAt" AS "createdAt" FROM "Feedback" f
    WHERE f."entryId" IN (${Prisma.join(entryIds)}) AND f."helpful" = FALSE AND f."handledAt" IS NULL ORDER BY f."createdAt" DESC`;
  return rows.map((r) => ({ entryId: str(r.entryId), reason: r.reason === null ? null : str(r.reason), createdAt: moment(r.createdAt) }));
}

async function hydrate(keys: Key[]): Promise<WorkQueueItem[]> {
  const ids = (stream: Stream) => keys.filter((k) => k.stream === stream).map((k) => k.id);
  const reviewIds = ids("review");
  const feedbackIds = ids("feedback");
  const [notes, flags, demand, notHelped] = await Promise.all([readNotes(ids("note")), readFlags(ids("flag")), demandSinceReview(reviewIds), readNotHelped(feedbackIds)]);
  const entries = await readEntries([...new Set([...reviewIds, ...feedbackIds, ...flags.map((f) => str(f.entryId))])]);
  const flagMap = new Map(flags.map((f) => [str(f.id), f]));

  return keys.flatMap((key): WorkQueueItem[] => {
    if (key.stream === "note") {
      const note = notes.get(key.id);
      if (!note) return [];
      return [note.kind === "QUESTION" ? { kind: "question", id: note.id, at: note.createdAt, note } : { kind: "note", id: note.id, at: note.createdAt, note }];
    }
    if (key.stream === "flag") {
      const row = flagMap.get(key.id);
      const entry = row ? entries.get(str(row.entryId)) : undefined;
      if (!row || !entry) return [];
      const flag = { id: str(row.id), reason: str(row.reason), comment: str(row.comment), createdAt: moment(row.createdAt), user: who(row, "user")!, assignee: who(row, "assignee"), entry };
      return [{ kind: "flag", id: flag.id, at: flag.createdAt, flag }];
    }
    const entry = entries.get(key.id);
    if (!entry) return [];
    if (key.stream === "review") {
      return [{ kind: "review", id: entry.id, at: new Date(key.at), review: { entry, ...(demand.get(entry.id) ?? { helpfulSince: 0, reusedSince: 0 }) } }];
    }
    const answers = notHelped.filter((f) => f.entryId === entry.id);
    const reasons = answers.flatMap((a) => (a.reason ? [{ reason: a.reason, createdAt: a.createdAt }] : [])).slice(0, FEEDBACK_REASONS_SHOWN);
    return [{ kind: "feedback", id: entry.id, at: new Date(key.at), feedback: { entry, count: answers.length, reasons } }];
  });
}

/** The tag filter's tag id: undefined without a filter, null for a tag that does not exist. */
async function resolveTag(name: string | undefined): Promise<string | null | undefined> {
  if (!name) return undefined;
  return (await db.tag.findUnique({ where: { name }, select: { id: true } }))?.id ?? null;
}

/** One page of the queue with the counts per kind, for this viewer and these filters, at `now`. */
export async function workQueue(viewer: Viewer, filters: QueueFilters, now = new Date()) {
  const scope: Scope = { filters, viewer, now: sqlTimestamp(now), tagId: await resolveTag(filters.tag) };
  const [page, counts] = await Promise.all([pageKeys(scope, streamsFor(filters)), countKinds(scope)]);
  const items = await hydrate(page.keys);
  const shown = filters.kind === "all" ? (Object.keys(counts) as QueueKind[]) : [filters.kind];
  const total = shown.reduce((sum, kind) => sum + counts[kind].count, 0);
  return { items, counts, total, next: page.next };
}

/** What the filters offer: communities (every one: knowledge managers see closed ones too) and entry owners. */
export async function workQueueFilterOptions() {
  const [communities, owners] = await Promise.all([
    db.community.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.$queryRaw<{ id: string; name: string }[]>`
      SELECT u."id" AS "id", u."name" AS "name" FROM "User" u WHERE u."id" IN (SELECT DISTINCT e."ownerId" FROM "Entry" e) ORDER BY u."name"`,
  ]);
  return { communities, owners };
}
