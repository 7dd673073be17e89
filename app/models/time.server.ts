/**
 * Reads for time budgets and activities. The figures come from aggregate queries (SUM per member, per
 * day); the budget arithmetic is the pure app/models/budget.ts.
 */
import { Prisma } from "@prisma/client";
import { db } from "~/utils/db.server";
import { timestampValue } from "~/utils/sql-dialect.server";
import { addDays, startOfDay } from "~/utils/dates";
import {
  budgetLines,
  budgetPeriods,
  budgetTotals,
  memberBudget,
  periodByKey,
  periodOf,
  usedPerPeriod,
  type BudgetPeriod,
  type BudgetSetting,
  type MembershipStint,
} from "./budget";

export type BudgetCommunity = { id: string; budgetMinutes: number; budgetPeriodDays: number; createdAt: Date };

/** The community's budget settings; without BudgetChange rows, its own budget from the day it was created. */
export async function budgetSettings(community: BudgetCommunity): Promise<BudgetSetting[]> {
  return (await budgetSettingsOf([community])).get(community.id)!;
}

/** budgetSettings of several communities, in one query. */
async function budgetSettingsOf(communities: readonly BudgetCommunity[]): Promise<Map<string, BudgetSetting[]>> {
  const rows = await db.budgetChange.findMany({
    where: { communityId: { in: communities.map((c) => c.id) } },
    orderBy: [{ effectiveFrom: "asc" }, { createdAt: "asc" }],
    select: { communityId: true, effectiveFrom: true, minutes: true, periodDays: true },
  });
  const settings = new Map<string, BudgetSetting[]>(communities.map((c) => [c.id, []]));
  for (const { communityId, ...setting } of rows) settings.get(communityId)?.push(setting);
  for (const c of communities) {
    if (settings.get(c.id)!.length === 0) settings.set(c.id, [{ effectiveFrom: startOfDay(c.createdAt), minutes: c.budgetMinutes, periodDays: c.budgetPeriodDays }]);
  }
  return settings;
}

/** Who was a member when, per user; current members without history count from their membership's creation. */
export async function membershipStints(communityId: string): Promise<Map<string, MembershipStint[]>> {
  return (await membershipStintsOf([communityId])).get(communityId)!;
}

/** membershipStints of several communities, in two queries. */
async function membershipStintsOf(communityIds: readonly string[]): Promise<Map<string, Map<string, MembershipStint[]>>> {
  const where = { communityId: { in: [...communityIds] } };
  const [history, memberships] = await Promise.all([
    db.membershipHistory.findMany({ where, select: { communityId: true, userId: true, joinedAt: true, leftAt: true } }),
    db.membership.findMany({ where, select: { communityId: true, userId: true, createdAt: true } }),
  ]);
  const byCommunity = new Map(communityIds.map((id) => [id, new Map<string, MembershipStint[]>()]));
  for (const h of history) {
    const stints = byCommunity.get(h.communityId)!;
    stints.set(h.userId, [...(stints.get(h.userId) ?? []), { joinedAt: h.joinedAt, leftAt: h.leftAt }]);
  }
  for (const m of memberships) {
    const stints = byCommunity.get(m.communityId)!;
    if (!stints.has(m.userId)) stints.set(m.userId, [{ joinedAt: m.createdAt, leftAt: null }]);
  }
  return byCommunity;
}

/** Minutes per member in a period: one GROUP BY. */
async function usedByMember(communityId: string, period: BudgetPeriod): Promise<Map<string, number>> {
  const rows = await db.timeEntry.groupBy({
    by: ["userId"],
    where: { communityId, date: { gte: period.start, lt: period.end } },
    _sum: { minutes: true },
  });
  return new Map(rows.map((r) => [r.userId, r._sum.minutes ?? 0]));
}

/** Minutes per day of the whole community: one GROUP BY, bucketed into periods by the caller. */
async function usedPerDay(communityId: string, from: Date) {
  const rows = await db.timeEntry.groupBy({ by: ["date"], where: { communityId, date: { gte: from } }, _sum: { minutes: true } });
  return rows.map((r) => ({ date: r.date, minutes: r._sum.minutes ?? 0 }));
}

async function names(ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The current period's totals for the community home: budget of all members against time used. */
export async function currentBudgetStatus(community: BudgetCommunity, now = new Date()) {
  return (await currentBudgetStatuses([community], now)).get(community.id) ?? null;
}

/**
 * currentBudgetStatus for several communities (the department dashboard) with one query per kind for
 * all of them: settings, membership history, and the minutes per member of each one's current period.
 */
export async function currentBudgetStatuses(communities: readonly BudgetCommunity[], now = new Date()) {
  const statuses = new Map<string, { period: ReturnType<typeof periodSummary>; totals: ReturnType<typeof budgetTotals> }>();
  if (communities.length === 0) return statuses;
  const [settings, stints] = await Promise.all([budgetSettingsOf(communities), membershipStintsOf(communities.map((c) => c.id))]);
  const current = new Map<string, BudgetPeriod>();
  for (const c of communities) {
    const period = periodOf(budgetPeriods(settings.get(c.id)!, now), now);
    if (period) current.set(c.id, period);
  }
  if (current.size === 0) return statuses;
  const ranges = Prisma.join([...current].map(([id, p]) => Prisma.sql`(${id}, ${timestampValue(p.start)}, ${timestampValue(p.end)})`));
  const rows = await db.$queryRaw<{ communityId: string; userId: string; minutes: bigint | number }[]>`
    WITH p("communityId", "start", "end") AS (VALUES ${ranges})
    SELECT t."communityId", t."userId", SUM(t."minutes") AS "minutes"
    FROM "TimeEntry" t JOIN p ON p."communityId" = t."communityId" AND t."date" >= p."start" AND t."date" < p."end"
    GROUP BY t."communityId", t."userId"`;
  const used = new Map<string, Map<string, number>>();
  for (const r of rows) used.set(r.communityId, (used.get(r.communityId) ?? new Map()).set(r.userId, Number(r.minutes)));
  for (const [id, period] of current) {
    statuses.set(id, { period: periodSummary(period), totals: budgetTotals(budgetLines(period, stints.get(id)!, used.get(id) ?? new Map())) });
  }
  return statuses;
}

const periodSummary = (p: BudgetPeriod) => ({ key: p.key, start: p.start, end: p.end, days: p.days, minutes: p.minutes, setting: p.setting });

/** How many past periods the page offers. */
export const PERIODS_SHOWN = 26;

/**
 * The budget page: the chosen period (the current one by default) with a line per member and the
 * total, the list of recent periods with their totals, and the people who logged nothing.
 * `perMember: false` keeps only the asking user's own line.
 */
export async function budgetView(community: BudgetCommunity, opts: { periodKey?: string | null; userId: string; perMember: boolean; now?: Date }) {
  const now = opts.now ?? new Date();
  const periods = budgetPeriods(await budgetSettings(community), now);
  const current = periodOf(periods, now) ?? periods.at(-1);
  if (!current) return null;
  const period = periodByKey(periods, opts.periodKey) ?? current;
  const recent = periods.slice(-PERIODS_SHOWN);
  const [stints, used, perDay] = await Promise.all([membershipStints(community.id), usedByMember(community.id, period), usedPerDay(community.id, recent[0].start)]);
  const lines = budgetLines(period, stints, used);
  const totals = budgetTotals(lines);
  const userNames = await names(lines.map((l) => l.userId));
  const named = lines
    .map((l) => ({ ...l, name: userNames.get(l.userId) ?? "?" }))
    .sort((a, b) => a.name.localeCompare(b.name, "nl"));
  const usedByPeriod = usedPerPeriod(recent, perDay);
  const history = recent
    .map((p) => {
      const budget = [...stints.values()].reduce((sum, s) => sum + memberBudget(p, s), 0);
      const usedMinutes = usedByPeriod.get(p.key) ?? 0;
      return { ...periodSummary(p), budget, used: usedMinutes, over: usedMinutes > budget };
    })
    .reverse();
  return {
    period: periodSummary(period),
    isCurrent: period.key === current.key,
    currentKey: current.key,
    totals,
    lines: opts.perMember ? named : named.filter((l) => l.userId === opts.userId),
    loggedNothing: opts.perMember ? named.filter((l) => l.memberDays > 0 && l.used === 0).map((l) => ({ userId: l.userId, name: l.name })) : [],
    history,
  };
}
export type BudgetView = NonNullable<Awaited<ReturnType<typeof budgetView>>>;

/** The user's own entries in a period, newest first. */
export async function listOwnEntries(userId: string, communityId: string, period: { start: Date; end: Date }) {
  return db.timeEntry.findMany({
    where: { userId, communityId, date: { gte: period.start, lt: period.end } },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    select: { id: true, date: true, minutes: true, what: true, activity: { select: { id: true, title: true } } },
  });
}

const activitySelect = {
  id: true,
  kind: true,
  title: true,
  agenda: true,
  startsAt: true,
  durationMinutes: true,
  cancelledAt: true,
  createdBy: { select: { name: true } },
  attendances: { orderBy: { createdAt: "asc" }, select: { user: { select: { id: true, name: true } } } },
} as const;

/** Activities not yet started (soonest first) and the most recent ones that have (newest first). */
export async function listActivities(communityId: string, opts: { now?: Date; take?: number } = {}) {
  const now = opts.now ?? new Date();
  const take = opts.take ?? 20;
  const [upcoming, past] = await Promise.all([
    db.activity.findMany({ where: { communityId, startsAt: { gt: now } }, orderBy: { startsAt: "asc" }, take, select: activitySelect }),
    db.activity.findMany({ where: { communityId, startsAt: { lte: now } }, orderBy: { startsAt: "desc" }, take, select: activitySelect }),
  ]);
  return { upcoming, past };
}
export type ActivityView = Awaited<ReturnType<typeof listActivities>>["past"][number];

/** Started, not cancelled activities of the last 60 days the user has not logged yet: the choices of the log form. */
export async function activitiesToLog(communityId: string, userId: string, now = new Date()) {
  return db.activity.findMany({
    where: {
      communityId,
      cancelledAt: null,
      startsAt: { lte: now, gte: addDays(now, -60) },
      timeEntries: { none: { userId } },
    },
    orderBy: { startsAt: "desc" },
    select: { id: true, title: true, startsAt: true },
  });
}

/** The community home's budget card: the current period's totals, by community id. */
export async function currentBudgetStatusOf(communityId: string, now = new Date()) {
  const community = await db.community.findUnique({ where: { id: communityId }, select: { id: true, budgetMinutes: true, budgetPeriodDays: true, createdAt: true } });
  return community ? currentBudgetStatus(community, now) : null;
}
