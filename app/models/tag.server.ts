import { db, quickSelect, type Tx } from "~/utils/db.server";

/** Tags by name, created when new. Names arrive normalised (lower-case, trimmed) from the schemas. */
export async function ensureTags(tx: Tx, names: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const tag = await tx.tag.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } });
    ids.push(tag.id);
  }
  return ids;
}

/** The most used tags, offered as suggestions when writing a note. */
export async function listPopularTagNames(limit = 200): Promise<string[]> {
  const tags = await db.tag.findMany({
    select: { name: true },
    orderBy: [{ entries: { _count: "desc" } }, { name: "asc" }],
    take: limit,
  });
  return tags.map((t) => t.name);
}

/** Entries that are still part of the knowledge base: published or needing review. */
export const LIVE_ENTRY_STATES = ["PUBLISHED", "NEEDS_REVIEW"];

const productSelect = {
  id: true,
  name: true,
  isProduct: true,
  reviewIntervalDays: true,
  retirementAnnouncedAt: true,
  retiresOn: true,
  retirementNote: true,
  archiveOnRetire: true,
  retirementArchivedAt: true,
} as const;

/**
 * The knowledge manager's list of tags: products first, then by name, each with how many live
 * entries carry it. `query` filters on the name; at most `take` rows (the page says when there are more).
 */
export async function listTagsWithLiveCounts({ query = "", productsOnly = false, take = 200 }: { query?: string; productsOnly?: boolean; take?: number }) {
  const where = { ...(query ? { name: { contains: query.toLowerCase() } } : {}), ...(productsOnly ? { isProduct: true } : {}) };
  const [rows, total] = await Promise.all([
    db.tag.findMany({
      where,
      select: { ...productSelect, _count: { select: { entries: { where: { entry: { state: { in: LIVE_ENTRY_STATES } } } } } } },
      orderBy: [{ isProduct: "desc" }, { name: "asc" }],
      take,
    }),
    db.tag.count({ where }),
  ]);
  return { tags: rows.map(({ _count, ...tag }) => ({ ...tag, liveEntries: _count.entries })), total };
}

export async function getProductTag(tx: Tx, id: string) {
  return tx.tag.findUnique({ where: { id }, select: productSelect });
}

/** The live entries carrying a tag, with what retiring needs to know about each. */
export async function listLiveEntriesWithTag(tx: Tx, tagId: string) {
  return tx.entry.findMany({ where: { state: { in: LIVE_ENTRY_STATES }, tags: { some: { tagId } } }, select: { id: true, state: true }, orderBy: { id: "asc" } });
}

/** Products whose retirement archives their entries and whose day has come, not yet carried out. */
export async function listProductsDueForArchiving(now: Date) {
  return db.tag.findMany({
    where: { archiveOnRetire: true, retirementAnnouncedAt: { not: null }, retirementArchivedAt: null, retiresOn: { lte: now } },
    select: { id: true },
    orderBy: { retiresOn: "asc" },
  });
}

/** Retirements of the entry's tags that are announced and not yet carried out: the entry page tells readers. */
export async function listRetiringProductsOfEntry(entryId: string) {
  // Every entry page asks: past Prisma's engine (docs/decisions/0077).
  const rows = await quickSelect<{ name: string; retiresOn: string | Date | null; retirementNote: string | null }[]>`
    SELECT t."name", t."retiresOn", t."retirementNote" FROM "EntryTag" et JOIN "Tag" t ON t."id" = et."tagId"
    WHERE et."entryId" = ${entryId} AND t."retirementAnnouncedAt" IS NOT NULL AND t."retirementArchivedAt" IS NULL
    ORDER BY t."name" ASC`;
  return rows.map((row) => ({ name: row.name, retiresOn: row.retiresOn === null ? null : new Date(row.retiresOn), retirementNote: row.retirementNote }));
}

/** One tag with its live entries counted: the retire form says how many go to review. */
export async function getTagWithLiveCount(id: string) {
  const row = await db.tag.findUnique({
    where: { id },
    select: { ...productSelect, _count: { select: { entries: { where: { entry: { state: { in: LIVE_ENTRY_STATES } } } } } } },
  });
  if (!row) return null;
  const { _count, ...tag } = row;
  return { ...tag, liveEntries: _count.entries };
}
