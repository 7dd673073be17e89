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

/** The communities page: the actor's communities, then every other active one (closed ones by name only). */
export async function listCommunityOverview(actor: Actor) {
  const rows = await db.community.findMany({
    where: { status: "ACTIVE" },
    orderBy: { name: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      purpose: true,
      visibility: true,
      departmentId: true,
      budgetMinutes: true,
      budgetPeriodDays: true,
      department: { select: { name: true } },
      _count: { select: { memberships: true } },
      memberships: { where: { userId: actor.id }, select: { role: true } },
      requests: { where: { userId: actor.id }, select: { id: true } },
    },
  });
  const communities = rows.map(({ memberships, requests, _count, department, ...c }) => ({
    ...c,
    departmentName: department.name,
    memberCount: _count.memberships,
    role: memberships[0]?.role ?? null,
    requested: requests.length > 0,
  }));
  return { mine: communities.filter((c) => c.role), others: communities.filter((c) => !c.role) };
}

/** The newest entries and notes filed under a community; the caller filters them through the policies. */
export async function latestCommunityContent(communityId: string, notesOf: { authorId?: string }, take = 5) {
  const [entries, notes] = await Promise.all([
    db.entry.findMany({
      where: { communityId, state: { in: ["PUBLISHED", "NEEDS_REVIEW"] } },
      orderBy: { updatedAt: "desc" },
      take,
      select: { id: true, title: true, state: true, updatedAt: true },
    }),
    db.note.findMany({
      // Questions have their own card (latest questions); these are the field notes.
      where: { communityId, kind: "FIELD_NOTE", ...notesOf },
      orderBy: { createdAt: "desc" },
      take,
      select: { id: true, title: true, state: true, authorId: true, createdAt: true },
    }),
  ]);
  return { entries, notes };
}

/** The id and slug of an active or archived community, for the join button of the overview. */
export async function findCommunitySlug(id: string) {
  return db.community.findUnique({ where: { id }, select: { slug: true } });
}

/** Communities an entry can be moved to: the active ones, and the one it is in (even if archived) so a save keeps it. */
export async function listCommunitiesForEntry(currentId: string | null) {
  return db.community.findMany({
    where: { OR: [{ status: "ACTIVE" }, ...(currentId ? [{ id: currentId }] : [])] },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
