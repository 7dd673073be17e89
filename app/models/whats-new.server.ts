/**
 * The database side of "what is new" (app/models/whats-new.ts): the entries published or changed in a
 * window, and each reader's topics. Moments are compared as stored text (sqlTimestamp), like the figures.
 */
import { Prisma } from "@prisma/client";
import { db } from "~/utils/db.server";
import { joinedText } from "~/utils/sql-dialect.server";
import { sqlTimestamp } from "~/utils/knowledge-figures";
import { SEARCHABLE_ENTRY_STATES } from "~/policies/visibility";
import type { Actor } from "~/policies/policies";
import { addDays } from "~/utils/dates";
import { FIRST_VISIT_DAYS, indexChanged, whatsNewFor, type ChangedEntry, type WhatsNewItem } from "./whats-new";

export const WHATS_NEW_PAGE_LIMIT = 100;

const moment = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Live entries with a version in (from, to], optionally only those in these communities or with these tags.
 * One grouped query over the versions, with each entry's tags (ids are cuids: no commas).
 */
export async function loadChangedEntries(from: Date, to: Date, scope?: { communityIds: readonly string[]; tagIds: readonly string[] }): Promise<ChangedEntry[]> {
  let scoped = Prisma.empty;
  if (scope) {
    if (scope.communityIds.length === 0 && scope.tagIds.length === 0) return [];
    const inCommunity = scope.communityIds.length ? Prisma.sql`e."communityId" IN (${Prisma.join(scope.communityIds)})` : Prisma.sql`FALSE`;
    const withTag = scope.tagIds.length
      ? Prisma.sql`EXISTS (SELECT 1 FROM "EntryTag" et WHERE et."entryId" = e."id" AND et."tagId" IN (${Prisma.join(scope.tagIds)}))`
      : Prisma.sql`FALSE`;
    scoped = Prisma.sql`AND (${inCommunity} OR ${withTag})`;
  }
  const rows = await db.$queryRaw<{ id: string; title: string; communityId: string | null; name: string | null; visibility: string | null; departmentId: string | null; lastAt: unknown; publishedAt: unknown; tagIds: string | null }[]>`
    SELECT e."id" AS "id", e."title" AS "title", e."communityId" AS "communityId", c."name" AS "name", c."visibility" AS "visibility",
      c."departmentId" AS "departmentId", MAX(v."createdAt") AS "lastAt", MIN(CASE WHEN v."version" = 1 THEN v."createdAt" END) AS "publishedAt",
      (SELECT ${joinedText(Prisma.sql`et."tagId"`, "comma")} FROM "EntryTag" et WHERE et."entryId" = e."id") AS "tagIds"
    FROM "EntryVersion" v
    JOIN "Entry" e ON e."id" = v."entryId"
    LEFT JOIN "Community" c ON c."id" = e."communityId"
    WHERE v."createdAt" > ${sqlTimestamp(from)} AND v."createdAt" <= ${sqlTimestamp(to)}
      AND e."state" IN (${Prisma.join([...SEARCHABLE_ENTRY_STATES])}) ${scoped}
    GROUP BY e."id", c."id"`;
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    community: r.communityId ? { id: r.communityId, name: r.name ?? "", visibility: r.visibility ?? "OPEN", departmentId: r.departmentId ?? "" } : null,
    tagIds: r.tagIds ? r.tagIds.split(",") : [],
    lastAt: moment(r.lastAt),
    publishedAt: r.publishedAt === null ? null : moment(r.publishedAt),
  }));
}

/** Each person's topics: the tags of the notes they wrote. */
export async function readerTagIds(userIds: readonly string[]): Promise<Map<string, string[]>> {
  const topics = new Map<string, string[]>();
  for (const part of chunks(userIds)) {
    const rows = await db.$queryRaw<{ authorId: string; tagId: string }[]>`
      SELECT DISTINCT n."authorId" AS "authorId", nt."tagId" AS "tagId" FROM "NoteTag" nt JOIN "Note" n ON n."id" = nt."noteId"
      WHERE n."authorId" IN (${Prisma.join(part)})`;
    for (const row of rows) topics.set(row.authorId, [...(topics.get(row.authorId) ?? []), row.tagId]);
  }
  return topics;
}

export type WhatsNewPage = { since: string; until: string; firstVisit: boolean; items: WhatsNewItem[]; total: number };

/** The page for one person: since their last "seen it all", or the last FIRST_VISIT_DAYS days. */
export async function whatsNewPage(actor: Actor, now = new Date()): Promise<WhatsNewPage> {
  const preference = await db.notificationPreference.findUnique({ where: { userId: actor.id }, select: { whatsNewSeenAt: true } });
  const seenAt = preference?.whatsNewSeenAt ?? null;
  const since = seenAt ?? addDays(now, -FIRST_VISIT_DAYS);
  const tagIds = (await readerTagIds([actor.id])).get(actor.id) ?? [];
  const entries = await loadChangedEntries(since, now, { communityIds: actor.communityIds, tagIds });
  const { items, total } = whatsNewFor(indexChanged(entries), { actor, tagIds, since }, WHATS_NEW_PAGE_LIMIT);
  return { since: since.toISOString(), until: now.toISOString(), firstVisit: seenAt === null, items, total };
}
