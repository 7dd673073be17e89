import type { Prisma } from "@prisma/client";
import { db } from "~/utils/db.server";
import { notFound } from "~/utils/http.server";
import { canSeeCommunityContent, communityAbilities, communityRelation, isArchived, type Actor } from "~/policies/policies";

/** Everything the community pages show about the community itself, in one select. */
const communityPageSelect = {
  id: true,
  slug: true,
  name: true,
  purpose: true,
  visibility: true,
  status: true,
  departmentId: true,
  budgetMinutes: true,
  budgetPeriodDays: true,
  createdAt: true,
  department: { select: { name: true, head: { select: { name: true } } } },
  memberships: { orderBy: [{ role: "asc" }, { createdAt: "asc" }], select: { role: true, user: { select: { id: true, name: true } } } },
  requests: { orderBy: { createdAt: "asc" }, select: { user: { select: { id: true, name: true } } } },
} satisfies Prisma.CommunitySelect;

async function loadCommunity(slug: string) {
  const row = await db.community.findUnique({ where: { slug }, select: communityPageSelect });
  if (!row) return null;
  const leadIds = row.memberships.filter((m) => m.role === "LEAD").map((m) => m.user.id);
  return { ...row, leadIds, archived: isArchived(row) };
}

/**
 * The community of a community page, if this actor may know it exists (a closed one is 404 for
 * outsiders), with the actor's relation to it and what the pages may offer them. The layout and
 * the child page each call it: Remix runs their loaders in parallel.
 */
export async function requireCommunity(actor: Actor, slug: string | undefined) {
  const community = slug ? await loadCommunity(slug) : null;
  if (!community || !canSeeCommunityContent(actor, community)) notFound();
  const requesterIds = community.requests.map((r) => r.user.id);
  return { community, relation: communityRelation(actor, community), can: communityAbilities(actor, { ...community, requesterIds }) };
}

/** The community of an action, without the visibility check: outsiders may ask to join a closed one. */
export async function findCommunityForAction(slug: string | undefined) {
  const community = slug ? await loadCommunity(slug) : null;
  if (!community) notFound();
  return community;
}
