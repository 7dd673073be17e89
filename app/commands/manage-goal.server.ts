/**
 * Goals of a community: the lead proposes, the head of the community's department agrees or sends back,
 * the lead records progress and closes (done or dropped). Each step writes a GoalEvent (the history the
 * page shows) and an audit event in the same transaction, so nothing is ever half-saved.
 */
import type { Tx } from "~/utils/db.server";
import { isoDay } from "~/utils/dates";
import { canAgreeGoals, canLeadGoals, isSentBack, type Actor } from "~/policies/policies";
import type { ProposeGoalInput } from "~/schemas/goal";
import type { GoalEventKind, GoalStatus } from "~/schemas/goal.shared";
import { CommandError } from "./errors";
import { runCommand, type CommandContext } from "./runner.server";
import { loadCommunityRef } from "~/models/community-ref.server";


/** The goal, if it belongs to this community, with its community. */
async function loadGoal(tx: Tx, actor: Actor, communityId: string, goalId: string) {
  const community = await loadCommunityRef(tx, actor, communityId);
  const goal = await tx.goal.findUnique({
    where: { id: goalId },
    select: { id: true, communityId: true, status: true, title: true, target: true, dueDate: true, events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { kind: true } } },
  });
  if (!goal || goal.communityId !== communityId) throw CommandError.notFound();
  return { community, goal: { ...goal, status: goal.status as GoalStatus } };
}

async function record({ tx, audit }: CommandContext, actor: Actor, goalId: string, kind: GoalEventKind, details: { comment?: string; percentage?: number } = {}) {
  await tx.goalEvent.create({ data: { goalId, actorId: actor.id, kind, comment: details.comment ?? "", percentage: details.percentage ?? null } });
  await audit({ action: `goal.${kind}`, targetType: "goal", targetId: goalId, details });
}

/** The head of the community's department hears of a goal proposed to them (again, after a revision). */
async function tellHead({ tx, notify }: CommandContext, community: { id: string; departmentId: string }, goalId: string, title: string, revised: boolean) {
  const department = await tx.department.findUnique({ where: { id: community.departmentId }, select: { headId: true } });
  if (!department?.headId) return;
  await notify({ recipientIds: [department.headId], type: "goal.proposed", subjectType: "goal", subjectId: goalId, communityId: community.id, data: { title, revised } });
}

export async function proposeGoal(actor: Actor, communityId: string, input: ProposeGoalInput) {
  return runCommand(actor, async (context) => {
    const { tx, audit } = context;
    const community = await loadCommunityRef(tx, actor, communityId);
    if (!canLeadGoals(actor, community)) throw CommandError.forbidden();
    const goal = await tx.goal.create({
      data: { communityId, title: input.title, target: input.target, dueDate: input.dueDate, proposedById: actor.id },
      select: { id: true },
    });
    await tx.goalEvent.create({ data: { goalId: goal.id, actorId: actor.id, kind: "proposed" } });
    await audit({
      action: "goal.proposed",
      targetType: "goal",
      targetId: goal.id,
      details: { communityId, title: input.title, target: input.target, dueDate: isoDay(input.dueDate) },
    });
    await tellHead(context, community, goal.id, input.title, false);
    return goal;
  });
}

/** The head agrees (PROPOSED → AGREED) or sends the proposal back with a comment (it stays PROPOSED). */
export async function decideGoal(actor: Actor, communityId: string, goalId: string, agree: boolean, comment = "") {
  await runCommand(actor, async (context) => {
    const { tx } = context;
    const { community, goal } = await loadGoal(tx, actor, communityId, goalId);
    if (!canAgreeGoals(actor, community)) throw CommandError.forbidden();
    if (goal.status !== "PROPOSED") throw CommandError.invalid("error.goal.notProposed");
    if (agree) {
      await tx.goal.update({ where: { id: goalId }, data: { status: "AGREED", agreedById: actor.id, agreedAt: new Date() } });
      await record(context, actor, goalId, "agreed", { comment });
    } else {
      if (!comment.trim()) throw CommandError.invalid("error.goal.commentRequired", "comment");
      await record(context, actor, goalId, "sent_back", { comment });
    }
    await context.notify({
      recipientIds: community.leadIds,
      type: "goal.decided",
      subjectType: "goal",
      subjectId: goalId,
      communityId,
      data: { title: goal.title, agreed: agree, comment },
    });
  });
}

/**
 * The lead revises a goal the head sent back (title, target, due date) and proposes it again: it stays
 * PROPOSED, a "revised" event joins its history (the send-back and its comment stay) and the audit
 * event keeps the values before and after.
 */
export async function reviseGoal(actor: Actor, communityId: string, goalId: string, input: ProposeGoalInput & { comment?: string }) {
  await runCommand(actor, async (context) => {
    const { tx, audit } = context;
    const { community, goal } = await loadGoal(tx, actor, communityId, goalId);
    if (!canLeadGoals(actor, community)) throw CommandError.forbidden();
    if (!isSentBack(goal)) throw CommandError.invalid("error.goal.notSentBack");
    await tx.goal.update({ where: { id: goalId }, data: { title: input.title, target: input.target, dueDate: input.dueDate, status: "PROPOSED" } });
    const comment = input.comment ?? "";
    await tx.goalEvent.create({ data: { goalId, actorId: actor.id, kind: "revised", comment } });
    await audit({
      action: "goal.revised",
      targetType: "goal",
      targetId: goalId,
      details: {
        before: { title: goal.title, target: goal.target, dueDate: isoDay(goal.dueDate) },
        after: { title: input.title, target: input.target, dueDate: isoDay(input.dueDate) },
        comment,
      },
    });
    await tellHead(context, community, goalId, input.title, true);
  });
}

/** The lead's progress note with a percentage, on an agreed goal only. */
export async function recordGoalProgress(actor: Actor, communityId: string, goalId: string, input: { percentage: number; comment: string }) {
  await runCommand(actor, async (context) => {
    const { tx } = context;
    const { community, goal } = await loadGoal(tx, actor, communityId, goalId);
    if (!canLeadGoals(actor, community)) throw CommandError.forbidden();
    if (goal.status !== "AGREED") throw CommandError.invalid("error.goal.notAgreed");
    if (!Number.isInteger(input.percentage) || input.percentage < 0 || input.percentage > 100) throw CommandError.invalid("error.goal.percentage", "percentage");
    await tx.goal.update({ where: { id: goalId }, data: { updatedAt: new Date() } });
    await record(context, actor, goalId, "progress", input);
  });
}

/** The lead closes a goal: DONE (agreed goals) or DROPPED (proposed or agreed, with a comment). */
export async function closeGoal(actor: Actor, communityId: string, goalId: string, outcome: "DONE" | "DROPPED", comment = "") {
  await runCommand(actor, async (context) => {
    const { tx } = context;
    const { community, goal } = await loadGoal(tx, actor, communityId, goalId);
    if (!canLeadGoals(actor, community)) throw CommandError.forbidden();
    if (outcome === "DONE" && goal.status !== "AGREED") throw CommandError.invalid("error.goal.notAgreed");
    if (outcome === "DROPPED" && goal.status !== "AGREED" && goal.status !== "PROPOSED") throw CommandError.invalid("error.goal.closed");
    if (outcome === "DROPPED" && !comment.trim()) throw CommandError.invalid("error.goal.commentRequired", "comment");
    await tx.goal.update({ where: { id: goalId }, data: { status: outcome } });
    await record(context, actor, goalId, outcome === "DONE" ? "done" : "dropped", { comment });
  });
}
