/**
 * Formal learning registration: a person adds their own course, e-learning or external training (it
 * waits for approval) and may withdraw it while it waits; the head of their department (or an admin,
 * never the person themself) approves or rejects it. Only approved entries count in the figures.
 */
import { canDecideLearning, canViewPersonLearning, canWithdrawLearning, type Actor } from "~/policies/policies";
import type { AddLearningInput } from "~/schemas/learning.shared";
import { isoDay } from "~/utils/dates";
import type { Tx } from "~/utils/db.server";
import { CommandError } from "./errors";
import { runCommand } from "./runner.server";

export async function addLearning(actor: Actor, input: AddLearningInput) {
  return runCommand(actor, async ({ tx, audit, notify }) => {
    const entry = await tx.learningEntry.create({ data: { userId: actor.id, ...input }, select: { id: true } });
    await audit({
      action: "learning.add",
      targetType: "learningEntry",
      targetId: entry.id,
      details: { kind: input.kind, title: input.title, date: isoDay(input.date), minutes: input.minutes, costCents: input.costCents },
    });
    const department = actor.departmentId ? await tx.department.findUnique({ where: { id: actor.departmentId }, select: { headId: true } }) : null;
    if (department?.headId) {
      await notify({ recipientIds: [department.headId], type: "learning.submitted", subjectType: "learningEntry", subjectId: entry.id, data: { title: input.title } });
    }
    return entry;
  });
}

async function loadEntry(tx: Tx, actor: Actor, entryId: string) {
  const entry = await tx.learningEntry.findUnique({ where: { id: entryId }, select: { id: true, userId: true, title: true, state: true, user: { select: { departmentId: true } } } });
  if (!entry || !canViewPersonLearning(actor, { id: entry.userId, departmentId: entry.user.departmentId })) throw CommandError.notFound();
  return { ...entry, departmentId: entry.user.departmentId };
}

export async function withdrawLearning(actor: Actor, entryId: string) {
  await runCommand(actor, async ({ tx, audit }) => {
    const entry = await loadEntry(tx, actor, entryId);
    if (entry.userId !== actor.id) throw CommandError.forbidden();
    if (!canWithdrawLearning(actor, entry)) throw CommandError.conflict("error.learning.decided");
    await tx.learningEntry.delete({ where: { id: entryId } });
    await audit({ action: "learning.withdraw", targetType: "learningEntry", targetId: entryId, details: { title: entry.title } });
  });
}

/** Approve, or reject with a reason; the person is told either way. */
export async function decideLearning(actor: Actor, entryId: string, decision: { approve: true } | { approve: false; reason: string }, now = new Date()) {
  await runCommand(actor, async ({ tx, audit, notify }) => {
    const entry = await loadEntry(tx, actor, entryId);
    if (entry.state !== "PENDING") throw CommandError.conflict("error.learning.decided");
    if (!canDecideLearning(actor, entry)) throw CommandError.forbidden(entry.userId === actor.id ? "error.learning.ownEntry" : "error.forbidden.body");
    const reason = decision.approve ? "" : decision.reason;
    const state = decision.approve ? "APPROVED" : "REJECTED";
    await tx.learningEntry.update({ where: { id: entryId }, data: { state, decidedById: actor.id, decidedAt: now, decisionReason: reason } });
    await audit({ action: decision.approve ? "learning.approve" : "learning.reject", targetType: "learningEntry", targetId: entryId, details: { userId: entry.userId, reason } });
    await notify({
      recipientIds: [entry.userId],
      type: "learning.decided",
      subjectType: "learningEntry",
      subjectId: entryId,
      data: { title: entry.title, approved: decision.approve, ...(reason ? { reason } : {}) },
    });
  });
}
