/**
 * Time budgets, as pure functions (no database): the periods of a community, the budget of a member in a
 * period, and how the time used compares with it. Shared by the time page, the community home and
 * period reports.
 *
 * Calendar days are Dates at midnight UTC (app/utils/dates.ts). A budget is "minutes per member per period of
 * N days". Periods start on the day a budget takes effect and follow each other every N days; a budget
 * change starts a new series on its own day, so the last period before a change can be shorter (its
 * budget is then prorated by its length). A member's budget in a period is prorated by the days they
 * were a member within it.
 */

import { dayFromNumber, dayNumber, isoDay, startOfDay } from "~/utils/dates";

/** The budget from a day on (a BudgetChange row). */
export type BudgetSetting = { effectiveFrom: Date; minutes: number; periodDays: number };

/** A period of the budget: from `start` (included) to `end` (excluded). */
export type BudgetPeriod = {
  /** The period's start as YYYY-MM-DD: its key in URLs (`?period=`). */
  key: string;
  start: Date;
  end: Date;
  days: number;
  /** The full budget per member for this period (prorated when a change cut the period short). */
  minutes: number;
  /** The setting the period belongs to. */
  setting: { minutes: number; periodDays: number };
};

/** When someone was a member: joined at a moment, left at a moment or not (yet). */
export type MembershipStint = { joinedAt: Date; leftAt: Date | null };

export type MemberUsage = { userId: string; budget: number; used: number; memberDays: number };
export type BudgetLine = MemberUsage & { over: boolean; overBy: number; remaining: number };
export type BudgetTotals = { budget: number; used: number; over: boolean; overBy: number; members: number };

/**
 * Every period from the first budget setting up to and including the one that contains `until`,
 * oldest first. Settings may come in any order; of two settings on the same day the last one given wins.
 * Settings that take effect after `until` are ignored.
 */
export function budgetPeriods(settings: readonly BudgetSetting[], until: Date): BudgetPeriod[] {
  const lastDay = dayNumber(until);
  const byDay = new Map<number, BudgetSetting>();
  for (const s of settings) if (s.periodDays >= 1) byDay.set(dayNumber(s.effectiveFrom), s);
  const series = [...byDay.entries()].sort((a, b) => a[0] - b[0]);
  const periods: BudgetPeriod[] = [];
  series.forEach(([firstDay, setting], i) => {
    const seriesEnd = i + 1 < series.length ? series[i + 1][0] : Number.POSITIVE_INFINITY;
    for (let start = firstDay; start <= lastDay && start < seriesEnd; start += setting.periodDays) {
      const end = Math.min(start + setting.periodDays, seriesEnd);
      const days = end - start;
      periods.push({
        key: isoDay(dayFromNumber(start)),
        start: dayFromNumber(start),
        end: dayFromNumber(end),
        days,
        minutes: Math.round((setting.minutes * days) / setting.periodDays),
        setting: { minutes: setting.minutes, periodDays: setting.periodDays },
      });
    }
  });
  return periods;
}

/** The period that contains this day, if any. */
export function periodOf(periods: readonly BudgetPeriod[], date: Date): BudgetPeriod | undefined {
  const t = date.getTime();
  return periods.find((p) => p.start.getTime() <= t && t < p.end.getTime());
}

/** The period with this key (YYYY-MM-DD of its start), if any. */
export function periodByKey(periods: readonly BudgetPeriod[], key: string | null | undefined): BudgetPeriod | undefined {
  return key ? periods.find((p) => p.key === key) : undefined;
}

/**
 * How many days of the period someone was a member: the day they joined counts, the day they left
 * does not (leaving and joining on the same day is no membership). Overlapping stints count once.
 */
export function memberDays(period: Pick<BudgetPeriod, "start" | "end">, stints: readonly MembershipStint[]): number {
  const from = dayNumber(period.start);
  const to = dayNumber(period.end);
  const days = new Set<number>();
  for (const s of stints) {
    const joined = Math.max(dayNumber(s.joinedAt), from);
    const left = Math.min(s.leftAt ? dayNumber(s.leftAt) : to, to);
    for (let d = joined; d < left; d++) days.add(d);
  }
  return days.size;
}

/** A member's budget in a period: the period's budget prorated by the days they were a member, in whole minutes. */
export function memberBudget(period: BudgetPeriod, stints: readonly MembershipStint[]): number {
  const days = memberDays(period, stints);
  return days === period.days ? period.minutes : Math.round((period.minutes * days) / period.days);
}

/**
 * One line per person who was a member during the period or used time in it, with their budget,
 * the minutes they used and whether they went over (allowed, and shown).
 */
export function budgetLines(
  period: BudgetPeriod,
  stintsByUser: ReadonlyMap<string, readonly MembershipStint[]>,
  usedByUser: ReadonlyMap<string, number>,
): BudgetLine[] {
  const ids = new Set<string>([...usedByUser.keys()]);
  for (const [userId, stints] of stintsByUser) if (memberDays(period, stints) > 0) ids.add(userId);
  return [...ids].map((userId) => {
    const stints = stintsByUser.get(userId) ?? [];
    return budgetLine({ userId, budget: memberBudget(period, stints), used: usedByUser.get(userId) ?? 0, memberDays: memberDays(period, stints) });
  });
}

export function budgetLine(usage: MemberUsage): BudgetLine {
  const overBy = Math.max(0, usage.used - usage.budget);
  return { ...usage, over: overBy > 0, overBy, remaining: Math.max(0, usage.budget - usage.used) };
}

/** The community's figures for the period: the sum of the members' budgets and of the minutes used. */
export function budgetTotals(lines: readonly Pick<MemberUsage, "budget" | "used" | "memberDays">[]): BudgetTotals {
  const budget = lines.reduce((sum, l) => sum + l.budget, 0);
  const used = lines.reduce((sum, l) => sum + l.used, 0);
  const overBy = Math.max(0, used - budget);
  return { budget, used, over: overBy > 0, overBy, members: lines.filter((l) => l.memberDays > 0).length };
}

/** Members of the period (at least one day) who logged nothing in it. */
export function loggedNothing<L extends Pick<MemberUsage, "used" | "memberDays">>(lines: readonly L[]): L[] {
  return lines.filter((l) => l.memberDays > 0 && l.used === 0);
}

/** Sums minutes per day (e.g. from a GROUP BY date) into the periods they fall in, by period key. */
export function usedPerPeriod(periods: readonly BudgetPeriod[], perDay: readonly { date: Date; minutes: number }[]): Map<string, number> {
  const used = new Map<string, number>(periods.map((p) => [p.key, 0]));
  for (const row of perDay) {
    const period = periodOf(periods, row.date);
    if (period) used.set(period.key, (used.get(period.key) ?? 0) + row.minutes);
  }
  return used;
}

/** The last period that has fully ended before `today` (its end is today or earlier), if any. */
export function lastEndedPeriod(periods: readonly BudgetPeriod[], today: Date): BudgetPeriod | undefined {
  const day = startOfDay(today).getTime();
  return [...periods].reverse().find((p) => p.end.getTime() <= day);
}

/**
 * The parts of the budget periods that fall in a date range (`from` included, `until` excluded), each
 * with its budget prorated by the days it keeps: the budget of any range, e.g. a report's period.
 */
export function clipPeriods(periods: readonly BudgetPeriod[], from: Date, until: Date): BudgetPeriod[] {
  const start = dayNumber(from);
  const end = dayNumber(until);
  return periods.flatMap((p) => {
    const s = Math.max(dayNumber(p.start), start);
    const e = Math.min(dayNumber(p.end), end);
    if (e <= s) return [];
    const days = e - s;
    return [{ ...p, key: isoDay(dayFromNumber(s)), start: dayFromNumber(s), end: dayFromNumber(e), days, minutes: Math.round((p.minutes * days) / p.days) }];
  });
}
