import { db, type Tx } from "~/utils/db.server";

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
