import type { Tx } from "~/utils/db.server";

/** What Meilisearch holds for one entry. Derived from the database; never edited by hand. */
export type EntryDocument = {
  id: string;
  title: string;
  body: string;
  tags: string[];
  communityId: string | null;
  communityName: string | null;
  state: string;
  /** "public", or for a closed community ["community:<id>", "department:<id>"]: matched by entrySearchFilter. */
  visibility: string[];
  updatedAt: number;
  helpfulCount: number;
  reuseCount: number;
};

export const entryDocumentSelect = {
  id: true,
  title: true,
  bodyText: true,
  state: true,
  updatedAt: true,
  helpfulCount: true,
  reuseCount: true,
  communityId: true,
  community: { select: { name: true, visibility: true, departmentId: true } },
  tags: { select: { tag: { select: { name: true } } } },
} as const;

type EntryRow = {
  id: string;
  title: string;
  bodyText: string;
  state: string;
  updatedAt: Date;
  helpfulCount: number;
  reuseCount: number;
  communityId: string | null;
  community: { name: string; visibility: string; departmentId: string } | null;
  tags: { tag: { name: string } }[];
};

export function toEntryDocument(row: EntryRow): EntryDocument {
  const closed = row.community?.visibility === "CLOSED";
  return {
    id: row.id,
    title: row.title,
    body: row.bodyText,
    tags: row.tags.map((t) => t.tag.name).sort(),
    communityId: row.communityId,
    communityName: row.community?.name ?? null,
    state: row.state,
    visibility: closed ? [`community:${row.communityId}`, `department:${row.community!.departmentId}`] : ["public"],
    updatedAt: Math.floor(row.updatedAt.getTime() / 1000),
    helpfulCount: row.helpfulCount,
    reuseCount: row.reuseCount,
  };
}

export async function loadEntryDocuments(db: Tx, ids: string[]): Promise<EntryDocument[]> {
  const rows = await db.entry.findMany({ where: { id: { in: ids } }, select: entryDocumentSelect });
  return rows.map(toEntryDocument);
}
