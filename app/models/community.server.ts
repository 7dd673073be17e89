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

export async function communityNames(ids: string[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const rows = await db.community.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}
