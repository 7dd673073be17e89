/**
 * Learning registration: a person's formal entries, the head's pending decisions, and the yearly
 * figures per person, community and department, from which the social-balance export is made.
 *
 * Informal learning is not registered by anyone: it flows in from what Gilde already records. Community
 * time logged without an activity, activities attended (the time logged for them, or the activity's
 * duration when none was), and time spent mentoring (counted for the newcomer and for the mentor).
 * A person counts in the department they belong to now. Every figure is one GROUP BY per source over
 * the year, folded per person here, so the export reads a few aggregates however many people there are.
 */
import { db } from "~/utils/db.server";
import { sqlTimestamp } from "~/utils/knowledge-figures";

/** A calendar year as [start, end) in UTC, like every calendar day. */
export function yearRange(year: number) {
  return { start: new Date(Date.UTC(year, 0, 1)), end: new Date(Date.UTC(year + 1, 0, 1)) };
}

const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

const entrySelect = {
  id: true,
  kind: true,
  title: true,
  provider: true,
  date: true,
  minutes: true,
  costCents: true,
  certificateOn: true,
  state: true,
  decidedAt: true,
  decisionReason: true,
  decidedBy: { select: { name: true } },
} as const;

/** The person's own formal entries of a year, newest first. */
export async function listOwnLearning(userId: string, year: number) {
  const { start, end } = yearRange(year);
  return db.learningEntry.findMany({ where: { userId, date: { gte: start, lt: end } }, orderBy: [{ date: "desc" }, { createdAt: "desc" }], select: entrySelect });
}
export type LearningEntryView = Awaited<ReturnType<typeof listOwnLearning>>[number];

/** One entry with what the policies need: its person and their department. */
export async function findLearningEntry(entryId: string) {
  return db.learningEntry.findUnique({
    where: { id: entryId },
    select: { id: true, userId: true, title: true, state: true, user: { select: { departmentId: true } } },
  });
}

/** Pending formal entries of a department's people (or of everyone: admins), oldest first. */
export async function listPendingLearning(departmentId: string | null) {
  return db.learningEntry.findMany({
    where: { state: "PENDING", ...(departmentId ? { user: { departmentId } } : {}) },
    orderBy: { createdAt: "asc" },
    select: { ...entrySelect, user: { select: { id: true, name: true } } },
  });
}
export type PendingLearningView = Awaited<ReturnType<typeof listPendingLearning>>[number];

export type PersonLearning = {
  userId: string;
  name: string;
  departmentId: string | null;
  formalMinutes: number;
  formalCostCents: number;
  formalCount: number;
  communityMinutes: number;
  activityMinutes: number;
  mentoringMinutes: number;
};

export const informalMinutes = (p: Pick<PersonLearning, "communityMinutes" | "activityMinutes" | "mentoringMinutes">) =>
  p.communityMinutes + p.activityMinutes + p.mentoringMinutes;

export type CommunityLearning = { communityId: string; name: string; departmentId: string; participants: number; communityMinutes: number; activityMinutes: number };

export type DepartmentBalance = {
  departmentId: string | null;
  name: string | null;
  headcount: number;
  formal: { participants: number; minutes: number; costCents: number };
  informal: { participants: number; minutes: number; communityMinutes: number; activityMinutes: number; mentoringMinutes: number };
};

/** What the sources say per person (and, for time, per community) over the year. */
async function yearSources(year: number) {
  const { start, end } = yearRange(year);
  const from = sqlTimestamp(start);
  const to = sqlTimestamp(end);
  const [formal, time, attendedOnly, mentoring] = await Promise.all([
    db.$queryRaw<{ userId: string; minutes: unknown; cost: unknown; n: unknown }[]>`
      SELECT l."userId" AS "userId", SUM(l."minutes") AS "minutes", SUM(l."costCents") AS "cost", COUNT(*) AS "n"
      FROM "LearningEntry" l WHERE l."state" = 'APPROVED' AND l."date" >= ${from} AND l."date" < ${to}
      GROUP BY l."userId"`,
    db.$queryRaw<{ userId: string; communityId: string; community: unknown; activity: unknown }[]>`
      SELECT t."userId" AS "userId", t."communityId" AS "communityId",
             SUM(CASE WHEN t."activityId" IS NULL THEN t."minutes" ELSE 0 END) AS "community",
             SUM(CASE WHEN t."activityId" IS NULL THEN 0 ELSE t."minutes" END) AS "activity"
      FROM "TimeEntry" t WHERE t."date" >= ${from} AND t."date" < ${to}
      GROUP BY t."userId", t."communityId"`,
    // An attendance always comes with its time entry when made in the app; one without counts the activity's duration.
    db.$queryRaw<{ userId: string; communityId: string; minutes: unknown }[]>`
      SELECT a."userId" AS "userId", act."communityId" AS "communityId", SUM(act."durationMinutes") AS "minutes"
      FROM "Attendance" a JOIN "Activity" act ON act."id" = a."activityId"
      WHERE act."cancelledAt" IS NULL AND act."startsAt" >= ${from} AND act."startsAt" < ${to}
        AND NOT EXISTS (SELECT 1 FROM "TimeEntry" t WHERE t."activityId" = a."activityId" AND t."userId" = a."userId")
      GROUP BY a."userId", act."communityId"`,
    db.$queryRaw<{ newcomerId: string; mentorId: string; minutes: unknown }[]>`
      SELECT p."newcomerId" AS "newcomerId", p."mentorId" AS "mentorId", SUM(s."minutes") AS "minutes"
      FROM "MentoringSession" s JOIN "MentoringPlan" p ON p."id" = s."planId"
      WHERE s."date" >= ${from} AND s."date" < ${to}
      GROUP BY p."id"`,
  ]);
  return { formal, time, attendedOnly, mentoring };
}

/**
 * The year's learning per person (everyone in the department, or everyone when `departmentId` is
 * null, with zeros for who learned nothing), per community and per department.
 */
export async function learningFigures({ year, departmentId }: { year: number; departmentId: string | null }) {
  const [users, departments, communities, sources] = await Promise.all([
    db.user.findMany({
      where: { ...(departmentId ? { departmentId } : {}), disabledAt: null },
      select: { id: true, name: true, departmentId: true },
      orderBy: { name: "asc" },
    }),
    db.department.findMany({ where: departmentId ? { id: departmentId } : {}, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.community.findMany({ where: departmentId ? { departmentId } : {}, select: { id: true, name: true, departmentId: true }, orderBy: { name: "asc" } }),
    yearSources(year),
  ]);
  const people = new Map<string, PersonLearning>(
    users.map((u) => [u.id, { userId: u.id, name: u.name, departmentId: u.departmentId, formalMinutes: 0, formalCostCents: 0, formalCount: 0, communityMinutes: 0, activityMinutes: 0, mentoringMinutes: 0 }]),
  );
  for (const r of sources.formal) {
    const p = people.get(r.userId);
    if (!p) continue;
    p.formalMinutes += num(r.minutes);
    p.formalCostCents += num(r.cost);
    p.formalCount += num(r.n);
  }
  // Per community: the time of everyone logged there (a member of another department included), as the community's own figure.
  const perCommunity = new Map<string, { participants: Set<string>; communityMinutes: number; activityMinutes: number }>();
  const addCommunity = (communityId: string, userId: string, community: number, activity: number) => {
    const c = perCommunity.get(communityId) ?? { participants: new Set<string>(), communityMinutes: 0, activityMinutes: 0 };
    if (community + activity > 0) c.participants.add(userId);
    c.communityMinutes += community;
    c.activityMinutes += activity;
    perCommunity.set(communityId, c);
  };
  for (const r of sources.time) {
    addCommunity(r.communityId, r.userId, num(r.community), num(r.activity));
    const p = people.get(r.userId);
    if (!p) continue;
    p.communityMinutes += num(r.community);
    p.activityMinutes += num(r.activity);
  }
  for (const r of sources.attendedOnly) {
    addCommunity(r.communityId, r.userId, 0, num(r.minutes));
    const p = people.get(r.userId);
    if (p) p.activityMinutes += num(r.minutes);
  }
  for (const r of sources.mentoring) {
    for (const id of new Set([r.newcomerId, r.mentorId])) {
      const p = people.get(id);
      if (p) p.mentoringMinutes += num(r.minutes);
    }
  }

  const balances = new Map<string | null, DepartmentBalance>();
  const balanceOf = (id: string | null, name: string | null) => {
    let b = balances.get(id);
    if (!b) {
      b = { departmentId: id, name, headcount: 0, formal: { participants: 0, minutes: 0, costCents: 0 }, informal: { participants: 0, minutes: 0, communityMinutes: 0, activityMinutes: 0, mentoringMinutes: 0 } };
      balances.set(id, b);
    }
    return b;
  };
  for (const d of departments) balanceOf(d.id, d.name);
  for (const p of people.values()) {
    const b = balanceOf(p.departmentId, null);
    b.headcount += 1;
    if (p.formalMinutes > 0 || p.formalCount > 0) b.formal.participants += 1;
    b.formal.minutes += p.formalMinutes;
    b.formal.costCents += p.formalCostCents;
    const informal = informalMinutes(p);
    if (informal > 0) b.informal.participants += 1;
    b.informal.minutes += informal;
    b.informal.communityMinutes += p.communityMinutes;
    b.informal.activityMinutes += p.activityMinutes;
    b.informal.mentoringMinutes += p.mentoringMinutes;
  }
  const communityRows: CommunityLearning[] = communities
    .map((c) => {
      const f = perCommunity.get(c.id);
      return { communityId: c.id, name: c.name, departmentId: c.departmentId, participants: f?.participants.size ?? 0, communityMinutes: f?.communityMinutes ?? 0, activityMinutes: f?.activityMinutes ?? 0 };
    });
  return {
    year,
    people: [...people.values()],
    communities: communityRows,
    // Departments by name, people without a department last.
    departments: [...balances.values()].sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name, "nl"))),
  };
}
export type LearningFigures = Awaited<ReturnType<typeof learningFigures>>;

/** One person's totals of a year (their own page), from the same sources as the department's. */
export async function personLearning(userId: string, year: number): Promise<PersonLearning | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { name: true, departmentId: true } });
  if (!user) return null;
  // The person's own figures: the department's query narrowed would read every colleague; this reads only theirs.
  const { start, end } = yearRange(year);
  const [formal, time, attended, mentoring] = await Promise.all([
    db.learningEntry.aggregate({ where: { userId, state: "APPROVED", date: { gte: start, lt: end } }, _sum: { minutes: true, costCents: true }, _count: true }),
    db.timeEntry.groupBy({ by: ["userId"], where: { userId, date: { gte: start, lt: end }, activityId: null }, _sum: { minutes: true } }),
    db.$queryRaw<{ minutes: unknown }[]>`
      SELECT COALESCE((SELECT SUM(t."minutes") FROM "TimeEntry" t WHERE t."userId" = ${userId} AND t."activityId" IS NOT NULL AND t."date" >= ${sqlTimestamp(start)} AND t."date" < ${sqlTimestamp(end)}), 0)
           + COALESCE((SELECT SUM(act."durationMinutes") FROM "Attendance" a JOIN "Activity" act ON act."id" = a."activityId"
                       WHERE a."userId" = ${userId} AND act."cancelledAt" IS NULL AND act."startsAt" >= ${sqlTimestamp(start)} AND act."startsAt" < ${sqlTimestamp(end)}
                         AND NOT EXISTS (SELECT 1 FROM "TimeEntry" t WHERE t."activityId" = a."activityId" AND t."userId" = a."userId")), 0) AS "minutes"`,
    db.mentoringSession.aggregate({ where: { date: { gte: start, lt: end }, plan: { OR: [{ newcomerId: userId }, { mentorId: userId }] } }, _sum: { minutes: true } }),
  ]);
  return {
    userId,
    name: user.name,
    departmentId: user.departmentId,
    formalMinutes: formal._sum.minutes ?? 0,
    formalCostCents: formal._sum.costCents ?? 0,
    formalCount: formal._count,
    communityMinutes: time[0]?._sum.minutes ?? 0,
    activityMinutes: num(attended[0]?.minutes),
    mentoringMinutes: mentoring._sum.minutes ?? 0,
  };
}

/** The years someone may pick: this one and the four before. */
export function learningYears(now = new Date()): number[] {
  const current = now.getUTCFullYear();
  return [0, 1, 2, 3, 4].map((i) => current - i);
}
