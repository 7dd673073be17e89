/**
 * Mentoring (peterschap/meterschap): a head keeps the department's onboarding template; a head, a lead in
 * the department or an admin pairs a newcomer with a mentor, which copies the template into a plan; the
 * mentor shows, the newcomer or mentor marks practised, and only the mentor signs off each item; either
 * of them logs the time spent mentoring on the plan.
 */
import type { Tx } from "~/utils/db.server";
import {
  canLogMentoringTime,
  canManageOnboardingTemplate,
  canPairMentoring,
  canStepPlanItem,
  canViewMentoringPlan,
  type Actor,
  type PlanItemStep,
} from "~/policies/policies";
import { MENTORING_LIMITS, type MentoringTimeInput, type PairInput, type TemplateItemInput } from "~/schemas/mentoring.shared";
import { isoDay } from "~/utils/dates";
import { STEP_FROM, STEP_TO } from "~/models/mentoring";
import { leadDepartmentIds } from "~/models/mentoring.server";
import { CommandError } from "./errors";
import { runCommand } from "./runner.server";

export async function addTemplateItem(actor: Actor, departmentId: string, input: TemplateItemInput) {
  return runCommand(actor, async ({ tx, audit }) => {
    if (!canManageOnboardingTemplate(actor, departmentId)) throw CommandError.forbidden();
    const { _count, _max } = await tx.onboardingItem.aggregate({ where: { departmentId }, _count: true, _max: { position: true } });
    if (_count >= MENTORING_LIMITS.templateItemsMax) throw CommandError.invalid("error.mentoring.templateFull", "title", { max: MENTORING_LIMITS.templateItemsMax });
    const item = await tx.onboardingItem.create({ data: { departmentId, ...input, position: (_max.position ?? 0) + 1 }, select: { id: true } });
    await audit({ action: "onboarding.item.add", targetType: "department", targetId: departmentId, details: { itemId: item.id, kind: input.kind, title: input.title } });
    return item;
  });
}

/** Removing an item changes the template only: plans already made keep their copy. */
export async function removeTemplateItem(actor: Actor, departmentId: string, itemId: string) {
  await runCommand(actor, async ({ tx, audit }) => {
    if (!canManageOnboardingTemplate(actor, departmentId)) throw CommandError.forbidden();
    const item = await tx.onboardingItem.findUnique({ where: { id: itemId }, select: { departmentId: true, title: true } });
    if (!item || item.departmentId !== departmentId) throw CommandError.notFound();
    await tx.onboardingItem.delete({ where: { id: itemId } });
    await audit({ action: "onboarding.item.remove", targetType: "department", targetId: departmentId, details: { itemId, title: item.title } });
  });
}

async function activeUser(tx: Tx, id: string, field: string) {
  const user = await tx.user.findUnique({ where: { id }, select: { id: true, departmentId: true, disabledAt: true } });
  if (!user || user.disabledAt) throw CommandError.invalid(field === "newcomerId" ? "error.mentoring.newcomer" : "error.mentoring.mentor", field);
  return user;
}

/**
 * Pairs a newcomer with a mentor for a period in the newcomer's department. The plan copies that
 * department's template; a newcomer has one plan at a time (periods may not overlap).
 */
export async function pairMentoring(actor: Actor, input: PairInput) {
  const leads = await leadDepartmentIds(actor.id);
  return runCommand(actor, async ({ tx, audit, notify }) => {
    const newcomer = await activeUser(tx, input.newcomerId, "newcomerId");
    await activeUser(tx, input.mentorId, "mentorId");
    if (newcomer.departmentId === null) throw CommandError.invalid("error.mentoring.noDepartment", "newcomerId");
    if (!canPairMentoring(actor, newcomer.departmentId, leads)) throw CommandError.forbidden("error.mentoring.notYourDepartment", "newcomerId");
    const overlapping = await tx.mentoringPlan.findFirst({
      where: { newcomerId: newcomer.id, startsOn: { lte: input.endsOn }, endsOn: { gte: input.startsOn } },
      select: { id: true },
    });
    if (overlapping) throw CommandError.conflict("error.mentoring.overlap", "startsOn");
    const template = await tx.onboardingItem.findMany({ where: { departmentId: newcomer.departmentId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { kind: true, title: true, description: true } });
    if (template.length === 0) throw CommandError.invalid("error.mentoring.emptyTemplate", "_form");
    const plan = await tx.mentoringPlan.create({
      data: {
        departmentId: newcomer.departmentId,
        newcomerId: newcomer.id,
        mentorId: input.mentorId,
        pairedById: actor.id,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        items: { create: template.map((item, index) => ({ ...item, position: index + 1 })) },
      },
      select: { id: true },
    });
    await audit({
      action: "mentoring.pair",
      targetType: "mentoringPlan",
      targetId: plan.id,
      details: { newcomerId: newcomer.id, mentorId: input.mentorId, startsOn: isoDay(input.startsOn), endsOn: isoDay(input.endsOn), items: template.length },
    });
    await notify({
      recipientIds: [newcomer.id, input.mentorId],
      type: "mentoring.paired",
      subjectType: "mentoringPlan",
      subjectId: plan.id,
      data: { startsOn: isoDay(input.startsOn), endsOn: isoDay(input.endsOn) },
    });
    return plan;
  });
}

/** The plan as the actor may touch it: 404 for who may not see it. */
async function visiblePlan(tx: Tx, actor: Actor, planId: string) {
  const plan = await tx.mentoringPlan.findUnique({ where: { id: planId }, select: { id: true, newcomerId: true, mentorId: true, departmentId: true } });
  if (!plan || !canViewMentoringPlan(actor, plan)) throw CommandError.notFound();
  return plan;
}

/** One step of one item, in order: shown, practised, signed off. */
export async function stepPlanItem(actor: Actor, planId: string, itemId: string, step: PlanItemStep, now = new Date()) {
  await runCommand(actor, async ({ tx, audit }) => {
    const plan = await visiblePlan(tx, actor, planId);
    const item = await tx.mentoringPlanItem.findUnique({ where: { id: itemId }, select: { planId: true, state: true, title: true } });
    if (!item || item.planId !== plan.id) throw CommandError.notFound();
    if (!canStepPlanItem(actor, plan, step)) throw CommandError.forbidden(step === "signOff" ? "error.mentoring.mentorSignsOff" : "error.forbidden.body");
    if (item.state !== STEP_FROM[step]) throw CommandError.conflict("error.mentoring.stepOrder");
    const at = { show: { shownAt: now }, practise: { practisedAt: now }, signOff: { signedOffAt: now, signedOffById: actor.id } }[step];
    await tx.mentoringPlanItem.update({ where: { id: itemId }, data: { state: STEP_TO[step], ...at } });
    await audit({ action: `mentoring.item.${step}`, targetType: "mentoringPlan", targetId: plan.id, details: { itemId, title: item.title } });
  });
}

/** Time spent mentoring: informal learning for the newcomer and for the mentor. */
export async function logMentoringTime(actor: Actor, planId: string, input: MentoringTimeInput) {
  return runCommand(actor, async ({ tx, audit }) => {
    const plan = await visiblePlan(tx, actor, planId);
    if (!canLogMentoringTime(actor, plan)) throw CommandError.forbidden();
    const session = await tx.mentoringSession.create({ data: { planId: plan.id, date: input.date, minutes: input.minutes, what: input.what, loggedById: actor.id }, select: { id: true } });
    await audit({ action: "mentoring.time", targetType: "mentoringPlan", targetId: plan.id, details: { sessionId: session.id, date: isoDay(input.date), minutes: input.minutes } });
    return session;
  });
}
