/**
 * What every community command starts with: the community as the policies see it (its leads
 * included), its 404, and the "archived is read-only" rule.
 */
import type { Tx } from "~/utils/db.server";
import { canSeeCommunityContent, isActive, type Actor, type ManagedCommunityRef } from "~/policies/policies";
import { CommandError } from "~/commands/errors";

/** The fields the policies need, for a Prisma `select` of a community (also through a relation). */
export const communityRefSelect = {
  id: true,
  slug: true,
  visibility: true,
  departmentId: true,
  status: true,
  memberships: { where: { role: "LEAD" }, select: { userId: true } },
} as const;

type CommunityRow = { id: string; slug: string; visibility: string; departmentId: string; status: string; memberships: { userId: string }[] };

export function toCommunityRef(row: CommunityRow): ManagedCommunityRef & { slug: string } {
  const { memberships, ...community } = row;
  return { ...community, leadIds: memberships.map((m) => m.userId) };
}

/** The community, or 404 when it does not exist. Closed ones included: the caller's policy decides. */
export async function findCommunityRef(tx: Tx, communityId: string) {
  const row = await tx.community.findUnique({ where: { id: communityId }, select: communityRefSelect });
  if (!row) throw CommandError.notFound();
  return toCommunityRef(row);
}

/** The community, or 404 when the actor may not know it exists (closed, and not theirs to see). */
export async function loadCommunityRef(tx: Tx, actor: Actor, communityId: string) {
  const community = await findCommunityRef(tx, communityId);
  if (!canSeeCommunityContent(actor, community)) throw CommandError.notFound();
  return community;
}

export function assertActive(community: { status: string }) {
  if (!isActive(community)) throw CommandError.invalid("error.community.archived");
}
