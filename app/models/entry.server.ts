import { db } from "~/utils/db.server";
import { isoDay, addDays } from "~/utils/dates";
import { canViewEntry, type Actor } from "~/policies/policies";
import { searchEntries, similarEntries } from "./search.server";
import { communityRef } from "./selects";

export async function getEntry(id: string) {
  return db.entry.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      bodyJson: true,
      bodyText: true,
      state: true,
      version: true,
      reviewBy: true,
      ownerId: true,
      helpfulCount: true,
      createdAt: true,
      updatedAt: true,
      owner: { select: { id: true, name: true } },
      community: communityRef,
      tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
      archivedAt: true,
      archiveReason: true,
      successor: { select: { id: true, title: true, state: true, community: communityRef } },
    },
  });
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

/** Everything the entry page shows besides the entry: versions, contributors, the viewer's feedback. */
export async function getEntryHistory(entryId: string, viewerId: string) {
  const sourceEntryIds = [entryId, ...(await listPredecessorIds(entryId))];
  const [versions, sourceNotes, feedback] = await Promise.all([
    db.entryVersion.findMany({
      where: { entryId },
      orderBy: { version: "desc" },
      select: { version: true, title: true, bodyText: true, tags: true, summary: true, createdAt: true, editor: { select: { name: true } } },
    }),
    db.note.findMany({
      // Entries archived with this one as successor (merged duplicates) credit their contributors here.
      where: { entryId: { in: sourceEntryIds }, state: { in: ["PUBLISHED", "MERGED"] } },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        author: { select: { id: true, name: true } },
        // A question's accepted answer is part of the source: its author is credited too.
        acceptedAnswer: { select: { author: { select: { id: true, name: true } } } },
      },
    }),
    db.feedback.findUnique({ where: { entryId_userId: { entryId, userId: viewerId } }, select: { helpful: true, reason: true } }),
  ]);
  const contributors = new Map<string, string>();
  for (const note of sourceNotes) {
    contributors.set(note.author.id, note.author.name);
    if (note.acceptedAnswer) contributors.set(note.acceptedAnswer.author.id, note.acceptedAnswer.author.name);
  }
  return { versions, contributors: [...contributors].map(([id, name]) => ({ id, name })), viewerFeedback: feedback };
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
    const rows = await db.entry.findMany({ where: { successorId: { in: frontier }, state: "ARCHIVED" }, select: { id: true } });
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
    where: { id: { not: excludeId }, state: { not: "ARCHIVED" }, title: { contains: q.trim() } },
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
