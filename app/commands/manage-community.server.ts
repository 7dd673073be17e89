/**
 * Communities and their membership: create, join (open) or ask to join (closed), accept or refuse,
 * leave, remove, archive. Every change writes its audit event in the same transaction.
 */
import type { Tx } from "~/utils/db.server";
import { startOfDay } from "~/utils/dates";
import {
  canArchiveCommunity,
  canCreateCommunity,
  canEditCommunity,
  canManageCommunity,
  isArchived,
  type Actor,
  type ManagedCommunityRef,
} from "~/policies/policies";
import { type CreateCommunityInput, type UpdateCommunityInput } from "~/schemas/community";
import { slugify } from "~/schemas/community.shared";
import { documentTokensChange } from "~/policies/visibility";
import { CommandError } from "./errors";
import { runCommand } from "./runner.server";
import { assertActive, findCommunityRef } from "~/models/community-ref.server";


/** A slug from the name that no other community has: "sparen", else "sparen-2", "sparen-3"… */
async function uniqueSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (await tx.community.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((c) => c.slug),
  );
  taken.add("new"); // /communities/new is the form
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function createCommunity(actor: Actor, input: CreateCommunityInput) {
  if (!canCreateCommunity(actor)) throw CommandError.forbidden();
  if (!canCreateCommunity(actor, input.departmentId)) throw CommandError.forbidden("error.community.departmentNotYours", "departmentId");
  return runCommand(actor, async ({ tx, audit }) => {
    if (!(await tx.department.findUnique({ where: { id: input.departmentId }, select: { id: true } }))) {
      throw CommandError.invalid("error.community.department", "departmentId");
    }
    const leads = await tx.user.count({ where: { id: { in: input.leadIds }, disabledAt: null } });
    if (leads !== input.leadIds.length) throw CommandError.invalid("error.community.leadUnknown", "leadIds");
    const slug = await uniqueSlug(tx, input.name);
    const { leadIds, ...data } = input;
    const community = await tx.community.create({
      data: { ...data, slug, memberships: { create: leadIds.map((userId) => ({ userId, role: "LEAD" })) } },
      select: { id: true, slug: true, createdAt: true },
    });
    await tx.budgetChange.create({
      data: { communityId: community.id, effectiveFrom: startOfDay(community.createdAt), minutes: input.budgetMinutes, periodDays: input.budgetPeriodDays },
    });
    await tx.membershipHistory.createMany({ data: leadIds.map((userId) => ({ userId, communityId: community.id, joinedAt: community.createdAt })) });
    await audit({
      action: "community.create",
      targetType: "community",
      targetId: community.id,
      details: { name: input.name, visibility: input.visibility, leadIds, budgetMinutes: input.budgetMinutes, budgetPeriodDays: input.budgetPeriodDays },
    });
    return community;
  });
}

/** Open: the actor becomes a member. Closed: the actor's request waits for a lead. */
export async function joinCommunity(actor: Actor, communityId: string): Promise<{ result: "joined" | "requested"; slug: string }> {
  return runCommand(actor, async ({ tx, audit, notify }) => {
    const community = await findCommunityRef(tx, communityId);
    assertActive(community);
    const where = { userId_communityId: { userId: actor.id, communityId } };
    if (await tx.membership.findUnique({ where, select: { id: true } })) throw CommandError.invalid("error.community.alreadyMember");
    if (community.visibility === "OPEN") {
      await addMembership(tx, actor.id, communityId);
      await audit({ action: "community.join", targetType: "community", targetId: communityId });
      return { result: "joined", slug: community.slug };
    }
    if (await tx.membershipRequest.findUnique({ where, select: { id: true } })) throw CommandError.invalid("error.community.alreadyRequested");
    await tx.membershipRequest.create({ data: { userId: actor.id, communityId } });
    await audit({ action: "community.request", targetType: "community", targetId: communityId });
    await notify({ recipientIds: community.leadIds, type: "membership.requested", subjectType: "community", subjectId: communityId, communityId });
    return { result: "requested", slug: community.slug };
  });
}

/** A lead (or the department head, or an admin) accepts or refuses a request to join. */
export async function decideRequest(actor: Actor, communityId: string, userId: string, accept: boolean) {
  await runCommand(actor, async ({ tx, audit, notify }) => {
    const community = await findCommunityRef(tx, communityId);
    if (!canManageCommunity(actor, community)) throw CommandError.forbidden();
    assertActive(community);
    const where = { userId_communityId: { userId, communityId } };
    if (!(await tx.membershipRequest.findUnique({ where, select: { id: true } }))) throw CommandError.invalid("error.community.noRequest");
    await tx.membershipRequest.delete({ where });
    if (accept) await addMembership(tx, userId, communityId);
    await audit({
      action: accept ? "community.accept" : "community.refuse",
      targetType: "community",
      targetId: communityId,
      details: { userId },
    });
    await notify({ recipientIds: [userId], type: "membership.decided", subjectType: "community", subjectId: communityId, communityId, data: { accepted: accept } });
  });
}

async function removeMembership(tx: Tx, community: ManagedCommunityRef, userId: string) {
  const where = { userId_communityId: { userId, communityId: community.id } };
  const membership = await tx.membership.findUnique({ where, select: { role: true } });
  if (!membership) throw CommandError.invalid("error.community.notMember");
  if (membership.role === "LEAD" && community.leadIds.length <= 1) throw CommandError.invalid("error.community.lastLead");
  await tx.membership.delete({ where });
  await tx.membershipHistory.updateMany({ where: { userId, communityId: community.id, leftAt: null }, data: { leftAt: new Date() } });
}

/** A new membership, and its line in the history that reports count members from. */
async function addMembership(tx: Tx, userId: string, communityId: string) {
  const membership = await tx.membership.create({ data: { userId, communityId }, select: { createdAt: true } });
  await tx.membershipHistory.create({ data: { userId, communityId, joinedAt: membership.createdAt } });
}

export async function leaveCommunity(actor: Actor, communityId: string) {
  await runCommand(actor, async ({ tx, audit }) => {
    const community = await findCommunityRef(tx, communityId);
    assertActive(community);
    await removeMembership(tx, community, actor.id);
    await audit({ action: "community.leave", targetType: "community", targetId: communityId });
  });
}

export async function removeMember(actor: Actor, communityId: string, userId: string) {
  await runCommand(actor, async ({ tx, audit }) => {
    const community = await findCommunityRef(tx, communityId);
    if (!canManageCommunity(actor, community)) throw CommandError.forbidden();
    assertActive(community);
    await removeMembership(tx, community, userId);
    await audit({ action: "community.remove", targetType: "community", targetId: communityId, details: { userId } });
  });
}

/** Archived: read-only and out of the lists; members, notes and entries stay. Open requests lapse. */
export async function archiveCommunity(actor: Actor, communityId: string) {
  await runCommand(actor, async ({ tx, audit }) => {
    const community = await findCommunityRef(tx, communityId);
    if (!canManageCommunity(actor, community)) throw CommandError.forbidden();
    if (!canArchiveCommunity(actor, community)) throw CommandError.invalid("error.community.archived");
    await tx.community.update({ where: { id: communityId }, data: { status: "ARCHIVED" } });
    await tx.membershipRequest.deleteMany({ where: { communityId } });
    await audit({ action: "community.archive", targetType: "community", targetId: communityId });
  });
}

/**
 * The settings of a community, by an admin or the head of its department: name, purpose, access, budget
 * and leads. A new budget starts a new series of periods today; a change of access re-indexes the
 * community's entries and questions, whose visibility in search depends on it.
 */
export async function updateCommunity(actor: Actor, communityId: string, input: UpdateCommunityInput) {
  return runCommand(actor, async ({ tx, audit, enqueue }) => {
    const community = await findCommunityRef(tx, communityId);
    if (!canEditCommunity(actor, community)) throw CommandError.forbidden();
    assertActive(community);
    const current = await tx.community.findUniqueOrThrow({ where: { id: communityId }, select: { budgetMinutes: true, budgetPeriodDays: true } });
    const leads = await tx.user.count({ where: { id: { in: input.leadIds }, disabledAt: null } });
    if (leads !== input.leadIds.length) throw CommandError.invalid("error.community.leadUnknown", "leadIds");

    await tx.community.update({
      where: { id: communityId },
      data: { name: input.name, purpose: input.purpose, visibility: input.visibility, budgetMinutes: input.budgetMinutes, budgetPeriodDays: input.budgetPeriodDays },
    });
    const budgetChanged = current.budgetMinutes !== input.budgetMinutes || current.budgetPeriodDays !== input.budgetPeriodDays;
    if (budgetChanged) {
      const today = startOfDay(new Date());
      await tx.budgetChange.deleteMany({ where: { communityId, effectiveFrom: today } });
      await tx.budgetChange.create({ data: { communityId, effectiveFrom: today, minutes: input.budgetMinutes, periodDays: input.budgetPeriodDays } });
    }

    // Leads: the chosen people lead (joining if needed); former leads stay on as members.
    const wanted = new Set(input.leadIds);
    const demoted = community.leadIds.filter((id) => !wanted.has(id));
    if (demoted.length) await tx.membership.updateMany({ where: { communityId, userId: { in: demoted } }, data: { role: "MEMBER" } });
    const appointed = input.leadIds.filter((id) => !community.leadIds.includes(id));
    for (const userId of appointed) {
      const where = { userId_communityId: { userId, communityId } };
      if (await tx.membership.findUnique({ where, select: { id: true } })) await tx.membership.update({ where, data: { role: "LEAD" } });
      else {
        await addMembership(tx, userId, communityId);
        await tx.membership.update({ where, data: { role: "LEAD" } });
        await tx.membershipRequest.deleteMany({ where: { userId, communityId } });
      }
    }

    // Search documents carry their community's visibility tokens: when those change, they are indexed again.
    const accessChanged = documentTokensChange(community, { ...community, visibility: input.visibility });
    if (accessChanged) {
      const entries = await tx.entry.findMany({ where: { communityId }, select: { id: true } });
      for (const entry of entries) await enqueue("entries", entry.id);
      const questions = await tx.note.findMany({ where: { communityId, kind: "QUESTION" }, select: { id: true } });
      for (const question of questions) await enqueue("questions", question.id);
    }
    await audit({
      action: "community.update",
      targetType: "community",
      targetId: communityId,
      details: {
        name: input.name,
        visibility: input.visibility,
        ...(budgetChanged ? { budgetMinutes: input.budgetMinutes, budgetPeriodDays: input.budgetPeriodDays } : {}),
        ...(appointed.length ? { appointed } : {}),
        ...(demoted.length ? { demoted } : {}),
      },
    });
    return { slug: community.slug };
  });
}

/** An archived community becomes active again, by an admin or the head of its department. */
export async function restoreCommunity(actor: Actor, communityId: string) {
  await runCommand(actor, async ({ tx, audit }) => {
    const community = await findCommunityRef(tx, communityId);
    if (!canEditCommunity(actor, community)) throw CommandError.forbidden();
    if (!isArchived(community)) throw CommandError.invalid("error.community.notArchived");
    await tx.community.update({ where: { id: communityId }, data: { status: "ACTIVE" } });
    await audit({ action: "community.restore", targetType: "community", targetId: communityId });
  });
}
