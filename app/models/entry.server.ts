import { db, quickSelect } from "~/utils/db.server";
import { isoDay, addDays } from "~/utils/dates";
import { canViewEntry, type Actor } from "~/policies/policies";
import { searchEntries, similarEntries } from "./search.server";
import { communityRef } from "./selects";
import { containsText } from "~/utils/sql-dialect.server";

type CommunityRef = { id: string; name: string; visibility: string; departmentId: string };

export type EntryRecord = {
  id: string;
  title: string;
  bodyJson: string;
  bodyText: string;
  state: string;
  version: number;
  reviewBy: Date | null;
  ownerId: string;
  helpfulCount: number;
  createdAt: Date;
  updatedAt: Date;
  owner: { id: string; name: string };
  community: CommunityRef | null;
  tags: { tag: { name: string } }[];
  archivedAt: Date | null;
  archiveReason: string | null;
  successor: { id: string; title: string; state: string; community: CommunityRef | null } | null;
};

/** A date column as SQLite (ISO text) or PostgreSQL (a Date) gives it to a raw query. */
const date = (value: string | Date) => new Date(value);
const dateOrNull = (value: string | Date | null) => (value === null ? null : new Date(value));

/** A community read through LEFT JOIN: all its columns are null when there is none. */
function communityOf(id: string | null, name: string | null, visibility: string | null, departmentId: string | null): CommunityRef | null {
  return id === null ? null : { id, name: name ?? "", visibility: visibility ?? "OPEN", departmentId: departmentId ?? "" };
}

/**
 * An entry with its owner, community, tags and successor: read by every entry page, so two plain SQL
 * queries (portable: quoted identifiers, no dialect functions) instead of Prisma's nested select, which
 * sent seven statements and compiled a query plan for each (docs/decisions/0053).
 */
export async function getEntry(id: string): Promise<EntryRecord | null> {
  const [rows, tags] = await Promise.all([
    quickSelect<
      {
        id: string;
        title: string;
        bodyJson: string;
        bodyText: string;
        state: string;
        version: number | bigint;
        reviewBy: string | Date | null;
        ownerId: string;
        helpfulCount: number | bigint;
        createdAt: string | Date;
        updatedAt: string | Date;
        archivedAt: string | Date | null;
        archiveReason: string | null;
        ownerName: string;
        communityId: string | null;
        communityName: string | null;
        communityVisibility: string | null;
        communityDepartmentId: string | null;
        successorId: string | null;
        successorTitle: string | null;
        successorState: string | null;
        successorCommunityId: string | null;
        successorCommunityName: string | null;
        successorCommunityVisibility: string | null;
        successorCommunityDepartmentId: string | null;
      }[]
    >`
      SELECT e."id", e."title", e."bodyJson", e."bodyText", e."state", e."version", e."reviewBy", e."ownerId", e."helpfulCount",
        e."createdAt", e."updatedAt", e."archivedAt", e."archiveReason", o."name" AS "ownerName",
        c."id" AS "communityId", c."name" AS "communityName", c."visibility" AS "communityVisibility", c."departmentId" AS "communityDepartmentId",
        s."id" AS "successorId", s."title" AS "successorTitle", s."state" AS "successorState",
        sc."id" AS "successorCommunityId", sc."name" AS "successorCommunityName", sc."visibility" AS "successorCommunityVisibility",
        sc."departmentId" AS "successorCommunityDepartmentId"
      FROM "Entry" e
      JOIN "User" o ON o."id" = e."ownerId"
      LEFT JOIN "Community" c ON c."id" = e."communityId"
      LEFT JOIN "Entry" s ON s."id" = e."successorId"
      LEFT JOIN "Community" sc ON sc."id" = s."communityId"
      WHERE e."id" = ${id}`,
    quickSelect<{ name: string }[]>`
      SELECT t."name" FROM "EntryTag" et JOIN "Tag" t ON t."id" = et."tagId" WHERE et."entryId" = ${id} ORDER BY t."name" ASC`,
  ]);
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    title: r.title,
    bodyJson: r.bodyJson,
    bodyText: r.bodyText,
    state: r.state,
    version: Number(r.version),
    reviewBy: dateOrNull(r.reviewBy),
    ownerId: r.ownerId,
    helpfulCount: Number(r.helpfulCount),
    createdAt: date(r.createdAt),
    updatedAt: date(r.updatedAt),
    owner: { id: r.ownerId, name: r.ownerName },
    community: communityOf(r.communityId, r.communityName, r.communityVisibility, r.communityDepartmentId),
    tags: tags.map((t) => ({ tag: { name: t.name } })),
    archivedAt: dateOrNull(r.archivedAt),
    archiveReason: r.archiveReason,
    successor:
      r.successorId === null
        ? null
        : {
            id: r.successorId,
            title: r.successorTitle ?? "",
            state: r.successorState ?? "",
            community: communityOf(r.successorCommunityId, r.successorCommunityName, r.successorCommunityVisibility, r.successorCommunityDepartmentId),
          },
  };
}

type LoadedEntry = NonNullable<Awaited<ReturnType<typeof getEntry>>>;

/**
 * The archived notice of an entry for this reader: when, why, and the successor only if the reader
 * may read it (a closed community's entry is not named to outsiders). Null for a live entry.
 */
export function archiveNoticeFor(actor: Actor, entry: LoadedEntry) {
  if (entry.state !== "ARCHIVED") return null;
  const successor = entry.successor && canViewEntry(actor, entry.successor) ? { id: entry.successor.id, title: entry.successor.title } : null;
  return { archivedAt: entry.archivedAt, reason: entry.archiveReason, successor };
}

/**
 * Who an entry credits: the authors of the notes it came from and of their accepted answers, oldest first.
 * Entries archived with this one as successor (merged duplicates) credit their contributors here, and a
 * question's accepted answer is part of the source: its author is credited too. The asker of a question
 * asked as "a member" is not credited (docs/decisions/0065); the answerer is.
 */
export async function listEntryContributors(entryId: string) {
  const sourceEntryIds = [entryId, ...(await listPredecessorIds(entryId))];
  const sourceNotes = await quickSelect<{ authorId: string; authorName: string; anonymous: boolean | number | bigint; answerAuthorId: string | null; answerAuthorName: string | null }[]>`
    SELECT a."id" AS "authorId", a."name" AS "authorName", n."anonymous" AS "anonymous", aa."id" AS "answerAuthorId", aa."name" AS "answerAuthorName"
    FROM "Note" n
    JOIN "User" a ON a."id" = n."authorId"
    LEFT JOIN "Answer" ans ON ans."id" = n."acceptedAnswerId"
    LEFT JOIN "User" aa ON aa."id" = ans."authorId"
    WHERE n."entryId" IN (${sourceEntryIds}) AND n."state" IN ('PUBLISHED', 'MERGED')
    ORDER BY n."createdAt" ASC, n."id" ASC`;
  const contributors = new Map<string, string>();
  for (const note of sourceNotes) {
    if (!Number(note.anonymous)) contributors.set(note.authorId, note.authorName);
    if (note.answerAuthorId !== null) contributors.set(note.answerAuthorId, note.answerAuthorName ?? "");
  }
  return [...contributors].map(([id, name]) => ({ id, name }));
}

/**
 * Everything the entry page shows besides the entry: versions, contributors, the viewer's feedback. Plain SQL
 * for the same reason as getEntry: four statements where Prisma's nested selects sent eight.
 */
export async function getEntryHistory(entryId: string, viewerId: string) {
  const [versions, contributors, feedback] = await Promise.all([
    // The list shows how much each version's text grew or shrank: its length, not the text itself.
    quickSelect<{ version: number | bigint; title: string; bodyLength: number | bigint; tags: string; summary: string; createdAt: string | Date; editorName: string }[]>`
      SELECT v."version", v."title", LENGTH(v."bodyText") AS "bodyLength", v."tags", v."summary", v."createdAt", u."name" AS "editorName"
      FROM "EntryVersion" v JOIN "User" u ON u."id" = v."editorId"
      WHERE v."entryId" = ${entryId} ORDER BY v."version" DESC`,
    listEntryContributors(entryId),
    quickSelect<{ helpful: boolean | number | bigint; reason: string | null }[]>`
      SELECT "helpful", "reason" FROM "Feedback" WHERE "entryId" = ${entryId} AND "userId" = ${viewerId}`,
  ]);
  return {
    versions: versions.map((v) => ({ version: Number(v.version), title: v.title, bodyLength: Number(v.bodyLength), tags: v.tags, summary: v.summary, createdAt: date(v.createdAt), editor: { name: v.editorName } })),
    contributors,
    viewerFeedback: feedback[0] ? { helpful: Boolean(Number(feedback[0].helpful)), reason: feedback[0].reason } : null,
  };
}

const versionSelect = {
  version: true,
  title: true,
  bodyJson: true,
  bodyText: true,
  tags: true,
  summary: true,
  createdAt: true,
  editor: { select: { name: true } },
} as const;

/** One version of an entry as it was saved, its tags parsed (the route checks who may see the entry). */
export async function getEntryVersion(entryId: string, version: number) {
  const row = await db.entryVersion.findUnique({ where: { entryId_version: { entryId, version } }, select: versionSelect });
  if (!row) return null;
  return { ...row, tags: parseTags(row.tags) };
}

/** The version numbers of an entry, newest first: what a comparison may choose from. */
export async function listEntryVersionNumbers(entryId: string) {
  const rows = await db.entryVersion.findMany({ where: { entryId }, orderBy: { version: "desc" }, select: { version: true } });
  return rows.map((r) => r.version);
}

function parseTags(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json || "[]");
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/**
 * Every live entry (published or needing review) in the terms of the import format (npm run
 * kb:export): an entry that was never imported is known by its own id, oldest first.
 */
export async function listLiveEntriesForExport() {
  const rows = await db.entry.findMany({
    where: { state: { not: "ARCHIVED" } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      externalId: true,
      title: true,
      bodyJson: true,
      community: { select: { slug: true } },
      tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
    },
  });
  return rows.map((row) => ({
    externalId: row.externalId ?? row.id,
    title: row.title,
    bodyJson: row.bodyJson,
    tags: row.tags.map((t) => t.tag.name),
    community: row.community?.slug ?? null,
  }));
}

/** How far back a chain of merged duplicates is followed: far more than any real chain. */
const PREDECESSOR_DEPTH = 20;

/**
 * The archived entries this one replaces: those archived with it as successor, and theirs in turn.
 * A chain cannot loop (a successor is live when chosen), the depth bound and the seen set guard anyway.
 */
export async function listPredecessorIds(entryId: string): Promise<string[]> {
  const seen = new Set([entryId]);
  let frontier = [entryId];
  for (let depth = 0; depth < PREDECESSOR_DEPTH && frontier.length; depth++) {
    const rows = await quickSelect<{ id: string }[]>`SELECT "id" FROM "Entry" WHERE "successorId" IN (${frontier}) AND "state" = 'ARCHIVED'`;
    frontier = rows.map((r) => r.id).filter((id) => !seen.has(id));
    for (const id of frontier) seen.add(id);
  }
  seen.delete(entryId);
  return [...seen];
}

/** The flags still waiting for an answer, oldest first: what an edit may resolve. */
export async function listOpenFlags(entryId: string) {
  return db.flag.findMany({
    where: { entryId, state: "OPEN" },
    orderBy: { createdAt: "asc" },
    select: { id: true, reason: true, comment: true, createdAt: true, user: { select: { name: true } } },
  });
}

/**
 * Who may own the entry: active users who can read it in this community (an owner answers for what
 * they can see), the current owner always listed so the form shows who it is.
 */
export async function listOwnerChoices(community: { id: string; visibility: string; departmentId: string } | null, currentOwnerId: string) {
  const closed = community?.visibility === "CLOSED";
  const rows = await db.user.findMany({
    where: {
      OR: [
        { id: currentOwnerId },
        closed
          ? {
              disabledAt: null,
              OR: [
                { role: { in: ["KNOWLEDGE_MANAGER", "ADMIN"] } },
                { memberships: { some: { communityId: community.id } } },
                { headOf: { id: community.departmentId } },
              ],
            }
          : { disabledAt: null },
      ],
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true, disabledAt: true },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, disabled: r.disabledAt !== null }));
}

/** How many successor candidates the archive page lists. */
export const SUCCESSOR_CANDIDATES = 10;

/**
 * Live entries whose title contains the words, that the actor may read: the archive page's successor
 * list when search is unavailable (the database still answers).
 */
export async function findEntriesByTitle(actor: Actor, q: string, excludeId: string) {
  const rows = await db.entry.findMany({
    where: { id: { not: excludeId }, state: { not: "ARCHIVED" }, title: containsText(q.trim()) },
    orderBy: { updatedAt: "desc" },
    take: SUCCESSOR_CANDIDATES * 5,
    select: { id: true, title: true, state: true, community: communityRef },
  });
  return rows.filter((r) => canViewEntry(actor, r)).slice(0, SUCCESSOR_CANDIDATES);
}

/** Entries are reviewed a year after a review unless their community says otherwise. */
const DEFAULT_REVIEW_DAYS = 365;

/** The review date an edit form proposes: today plus the community's review interval ("yyyy-mm-dd"). */
export async function suggestedReviewDay(communityId: string | null, now = new Date()) {
  const community = communityId ? await db.community.findUnique({ where: { id: communityId }, select: { reviewIntervalDays: true } }) : null;
  return isoDay(addDays(now, community?.reviewIntervalDays ?? DEFAULT_REVIEW_DAYS));
}

export type SuccessorCandidate = { id: string; title: string; communityName: string | null };

/**
 * Live entries the actor may read that could replace this one: what search finds for `q`, or, without
 * a query, the entries most like it (the duplicates a merge is about). The entry itself is never
 * offered. When search is down, a title match in the database answers instead (`fallback`).
 */
export async function listSuccessorCandidates(actor: Actor, entry: { id: string; title: string; tags: string[] }, q: string) {
  const query = q.trim();
  const found = query ? await searchEntries(actor, { q: query, limit: SUCCESSOR_CANDIDATES + 1 }) : await similarEntries(actor, { title: entry.title, tags: entry.tags }, SUCCESSOR_CANDIDATES + 1);
  if (found.status === "ok") {
    const hits = found.hits.filter((h) => h.id !== entry.id && h.state !== "ARCHIVED").slice(0, SUCCESSOR_CANDIDATES);
    return { fallback: false, candidates: hits.map((h): SuccessorCandidate => ({ id: h.id, title: h.title, communityName: h.communityName })) };
  }
  const rows = await findEntriesByTitle(actor, query || entry.title, entry.id);
  return { fallback: true, candidates: rows.map((r): SuccessorCandidate => ({ id: r.id, title: r.title, communityName: r.community?.name ?? null })) };
}
