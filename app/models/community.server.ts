import { db } from "~/utils/db.server";
import type { Actor } from "~/policies/policies";

/** Communities a note can be filed under: the ones the actor belongs to. */
export async function listCommunitiesForNote(actor: Actor) {
  return db.community.findMany({
    where: { id: { in: [...actor.communityIds] }, status: "ACTIVE" },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

const NAMES_TTL_MS = 30_000;
let namesCache: { at: number; names: Map<string, string> } | undefined;

/**
 * Names for the community facet of the search page. Communities are few and rarely renamed, so the
 * names are kept for 30 s instead of costing every search a query (docs/benchmarks.md).
 */
export async function communityNames(ids: string[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  if (!namesCache || Date.now() - namesCache.at > NAMES_TTL_MS || ids.some((id) => !namesCache!.names.has(id))) {
    const rows = await db.community.findMany({ select: { id: true, name: true } });
    namesCache = { at: Date.now(), names: new Map(rows.map((r) => [r.id, r.name])) };
  }
  const names = namesCache.names;
  return Object.fromEntries(ids.filter((id) => names.has(id)).map((id) => [id, names.get(id)!]));
}
