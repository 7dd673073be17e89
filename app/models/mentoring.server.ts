/**
 * Reads for mentoring: a department's onboarding template, a plan with its items and time, the plans a
 * person is in, a department's plans, and whom an actor may pair.
 */
import { db } from "~/utils/db.server";
import { isPlanLate, planProgress } from "./mentoring";

/** The departments of the communities the user leads: where a lead may pair newcomers. */
export async function leadDepartmentIds(userId: string): Promise<string[]> {
  const rows = await db.membership.findMany({ where: { userId, role: "LEAD" }, select: { community: { select: { departmentId: true } } } });
  return [...new Set(rows.map((r) => r.community.departmentId))];
}

export async function listTemplateItems(departmentId: string) {
  return db.onboardingItem.findMany({
    where: { departmentId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, kind: true, title: true, description: true },
  });
}

export async function findDepartment(departmentId: string) {
  return db.department.findUnique({ where: { id: departmentId }, select: { id: true, name: true } });
}

/** The plan page: people, period, items in order, the time logged (newest first) and its total. */
export async function getPlan(planId: string) {
  const plan = await db.mentoringPlan.findUnique({
    where: { id: planId },
    select: {
      id: true,
      departmentId: true,
      newcomerId: true,
      mentorId: true,
      startsOn: true,
      endsOn: true,
      department: { select: { name: true } },
      newcomer: { select: { name: true } },
      mentor: { select: { name: true } },
      pairedBy: { select: { name: true } },
      items: {
        orderBy: { position: "asc" },
        select: { id: true, kind: true, title: true, description: true, state: true, shownAt: true, practisedAt: true, signedOffAt: true, signedOffBy: { select: { name: true } } },
      },
      sessions: { orderBy: [{ date: "desc" }, { createdAt: "desc" }], select: { id: true, date: true, minutes: true, what: true, loggedBy: { select: { name: true } } } },
    },
  });
  if (!plan) return null;
  return { ...plan, progress: planProgress(plan.items), late: isPlanLate(plan), minutes: plan.sessions.reduce((sum, s) => sum + s.minutes, 0) };
}
export type PlanView = NonNullable<Awaited<ReturnType<typeof getPlan>>>;

const listSelect = {
  id: true,
  startsOn: true,
  endsOn: true,
  newcomer: { select: { id: true, name: true } },
  mentor: { select: { id: true, name: true } },
  items: { select: { state: true } },
} as const;

type PlanRow = { id: string; startsOn: Date; endsOn: Date; newcomer: { id: string; name: string }; mentor: { id: string; name: string }; items: { state: string }[] };

function summarise(plans: PlanRow[], now: Date) {
  return plans.map(({ items, ...plan }) => ({ ...plan, progress: planProgress(items), late: isPlanLate({ endsOn: plan.endsOn, items }, now) }));
}
export type PlanSummary = ReturnType<typeof summarise>[number];

/** The plans a person is in, as newcomer or as mentor; the latest first. */
export async function listPlansOf(userId: string, now = new Date()) {
  const plans = await db.mentoringPlan.findMany({ where: { OR: [{ newcomerId: userId }, { mentorId: userId }] }, orderBy: { startsOn: "desc" }, select: listSelect });
  return summarise(plans, now);
}

/** Every plan of a department (the head's view), the late ones first, then by their end. */
export async function listDepartmentPlans(departmentId: string, now = new Date()) {
  const plans = summarise(await db.mentoringPlan.findMany({ where: { departmentId }, orderBy: { endsOn: "asc" }, select: listSelect }), now);
  return [...plans.filter((p) => p.late), ...plans.filter((p) => !p.late)];
}

/** Active people of the given departments, by name: the newcomers and mentors a pairing form offers. */
export async function listPeopleIn(departmentIds: readonly string[] | null) {
  return db.user.findMany({
    where: { disabledAt: null, ...(departmentIds ? { departmentId: { in: [...departmentIds] } } : { departmentId: { not: null } }) },
    orderBy: { name: "asc" },
    select: { id: true, name: true, department: { select: { name: true } } },
  });
}
