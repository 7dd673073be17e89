import { describe, expect, it } from "vitest";
import {
  clipPeriods,
  lastEndedPeriod,
  budgetLines,
  budgetPeriods,
  budgetTotals,
  loggedNothing,
  memberBudget,
  memberDays,
  periodByKey,
  periodOf,
  usedPerPeriod,
  type BudgetSetting,
  type MembershipStint,
} from "./budget";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const at = (iso: string) => new Date(iso);
const twoHoursPerTwoWeeks: BudgetSetting = { effectiveFrom: day("2026-01-05"), minutes: 120, periodDays: 14 };

describe("budgetPeriods", () => {
  it("makes periods of N days from the day the budget takes effect, up to the one containing the date", () => {
    const periods = budgetPeriods([twoHoursPerTwoWeeks], day("2026-02-01"));
    expect(periods.map((p) => [p.key, p.days, p.minutes])).toEqual([
      ["2026-01-05", 14, 120],
      ["2026-01-19", 14, 120],
    ]);
    expect(periods.at(-1)!.end).toEqual(day("2026-02-02"));
  });

  it("includes the period that starts on the date itself, and nothing before the first setting", () => {
    expect(budgetPeriods([twoHoursPerTwoWeeks], day("2026-01-19")).map((p) => p.key)).toEqual(["2026-01-05", "2026-01-19"]);
    expect(budgetPeriods([twoHoursPerTwoWeeks], day("2026-01-04"))).toEqual([]);
    expect(budgetPeriods([], day("2026-01-04"))).toEqual([]);
  });

  it("a change starts a new series on its own day; the cut-short period gets a prorated budget", () => {
    const change: BudgetSetting = { effectiveFrom: day("2026-01-26"), minutes: 240, periodDays: 7 };
    // given out of order on purpose
    const periods = budgetPeriods([change, twoHoursPerTwoWeeks], day("2026-02-05"));
    expect(periods.map((p) => [p.key, p.days, p.minutes, p.setting.periodDays])).toEqual([
      ["2026-01-05", 14, 120, 14],
      ["2026-01-19", 7, 60, 14],
      ["2026-01-26", 7, 240, 7],
      ["2026-02-02", 7, 240, 7],
    ]);
  });

  it("ignores settings that take effect after the date; the last of two settings on one day wins", () => {
    const later: BudgetSetting = { effectiveFrom: day("2026-03-01"), minutes: 60, periodDays: 7 };
    expect(budgetPeriods([twoHoursPerTwoWeeks, later], day("2026-01-10")).map((p) => p.key)).toEqual(["2026-01-05"]);
    const sameDay: BudgetSetting = { effectiveFrom: at("2026-01-05T15:00:00Z"), minutes: 90, periodDays: 7 };
    expect(budgetPeriods([twoHoursPerTwoWeeks, sameDay], day("2026-01-12")).map((p) => [p.key, p.minutes])).toEqual([
      ["2026-01-05", 90],
      ["2026-01-12", 90],
    ]);
  });
});

describe("periodOf and periodByKey", () => {
  const periods = budgetPeriods([twoHoursPerTwoWeeks], day("2026-03-01"));
  it("finds the period containing a day or a moment", () => {
    expect(periodOf(periods, day("2026-01-18"))?.key).toBe("2026-01-05");
    expect(periodOf(periods, day("2026-01-19"))?.key).toBe("2026-01-19");
    expect(periodOf(periods, at("2026-02-01T23:59:00Z"))?.key).toBe("2026-01-19");
    expect(periodOf(periods, day("2025-12-31"))).toBeUndefined();
  });
  it("finds a period by its key, nothing for unknown or missing keys", () => {
    expect(periodByKey(periods, "2026-02-02")?.days).toBe(14);
    expect(periodByKey(periods, "2026-02-03")).toBeUndefined();
    expect(periodByKey(periods, null)).toBeUndefined();
  });
});

describe("memberBudget", () => {
  const [period] = budgetPeriods([twoHoursPerTwoWeeks], day("2026-01-05")); // 5–18 January
  it("is the full budget for a member during the whole period", () => {
    expect(memberBudget(period, [{ joinedAt: at("2025-12-01T10:00:00Z"), leftAt: null }])).toBe(120);
  });
  it("is prorated by the days of membership when joining or leaving mid-period", () => {
    // joined on the 12th (counts): 7 of 14 days
    expect(memberDays(period, [{ joinedAt: at("2026-01-12T15:30:00Z"), leftAt: null }])).toBe(7);
    expect(memberBudget(period, [{ joinedAt: at("2026-01-12T15:30:00Z"), leftAt: null }])).toBe(60);
    // left on the 8th (does not count): 5, 6, 7 January
    expect(memberBudget(period, [{ joinedAt: day("2025-06-01"), leftAt: at("2026-01-08T09:00:00Z") }])).toBe(Math.round((120 * 3) / 14));
  });
  it("counts overlapping or repeated stints once, and is 0 outside them", () => {
    const stints = [
      { joinedAt: day("2026-01-01"), leftAt: day("2026-01-10") },
      { joinedAt: day("2026-01-08"), leftAt: day("2026-01-12") },
      { joinedAt: day("2026-01-16"), leftAt: null },
    ];
    expect(memberDays(period, stints)).toBe(7 + 3); // 5–11 and 16–18
    expect(memberBudget(period, [{ joinedAt: day("2026-02-01"), leftAt: null }])).toBe(0);
    expect(memberBudget(period, [{ joinedAt: day("2026-01-10"), leftAt: day("2026-01-10") }])).toBe(0);
    expect(memberBudget(period, [])).toBe(0);
  });
});

describe("budget lines and totals", () => {
  const [period] = budgetPeriods([twoHoursPerTwoWeeks], day("2026-01-05"));
  const always = [{ joinedAt: day("2025-01-01"), leftAt: null }];
  const stints = new Map<string, MembershipStint[]>([
    ["ann", always],
    ["bob", always],
    ["cas", [{ joinedAt: day("2026-01-12"), leftAt: null }]],
    ["old", [{ joinedAt: day("2025-01-01"), leftAt: day("2025-06-01") }]],
  ]);
  const used = new Map([
    ["ann", 150],
    ["bob", 30],
    ["gone", 45], // logged time but has no membership history: shown with no budget
  ]);
  const lines = budgetLines(period, stints, used);

  it("has a line for every member of the period and everyone who used time, not for former members", () => {
    const byId = Object.fromEntries(lines.map((l) => [l.userId, l]));
    expect(Object.keys(byId).sort()).toEqual(["ann", "bob", "cas", "gone"]);
    expect(byId.ann).toMatchObject({ budget: 120, used: 150, over: true, overBy: 30, remaining: 0 });
    expect(byId.bob).toMatchObject({ budget: 120, used: 30, over: false, overBy: 0, remaining: 90 });
    expect(byId.cas).toMatchObject({ budget: 60, used: 0, memberDays: 7 });
    expect(byId.gone).toMatchObject({ budget: 0, used: 45, over: true, memberDays: 0 });
  });

  it("totals the budgets and the time used; over budget is shown, not refused", () => {
    expect(budgetTotals(lines)).toEqual({ budget: 300, used: 225, over: false, overBy: 0, members: 3 });
    expect(budgetTotals([{ budget: 60, used: 90, memberDays: 14 }])).toEqual({ budget: 60, used: 90, over: true, overBy: 30, members: 1 });
    expect(budgetTotals([])).toEqual({ budget: 0, used: 0, over: false, overBy: 0, members: 0 });
  });

  it("lists the members who logged nothing", () => {
    expect(loggedNothing(lines).map((l) => l.userId)).toEqual(["cas"]);
  });
});

describe("usedPerPeriod", () => {
  it("sums minutes per day into their periods, ignoring days outside every period", () => {
    const periods = budgetPeriods([twoHoursPerTwoWeeks], day("2026-01-20"));
    const used = usedPerPeriod(periods, [
      { date: day("2026-01-05"), minutes: 30 },
      { date: day("2026-01-18"), minutes: 60 },
      { date: day("2026-01-19"), minutes: 15 },
      { date: day("2025-12-31"), minutes: 999 },
    ]);
    expect(Object.fromEntries(used)).toEqual({ "2026-01-05": 90, "2026-01-19": 15 });
  });
});

describe("the last ended period and clipping to a range", () => {
  const d = (s: string) => new Date(`${s}T00:00:00Z`);
  const show = (p: { key: string; days: number; minutes: number } | undefined) => (p ? `${p.key} ${p.days}d ${p.minutes}m` : "none");

  it("the last period that has ended, also when a budget change cut it short", () => {
    const one = budgetPeriods([{ effectiveFrom: d("2026-01-01"), minutes: 120, periodDays: 14 }], d("2026-02-12"));
    // 1–14 Jan, 15–28 Jan, 29 Jan–11 Feb (ends, exclusive, on 12 Feb).
    expect(show(lastEndedPeriod(one, d("2026-02-11")))).toBe("2026-01-15 14d 120m");
    expect(show(lastEndedPeriod(one, d("2026-02-12")))).toBe("2026-01-29 14d 120m");
    const changed = budgetPeriods(
      [
        { effectiveFrom: d("2026-01-01"), minutes: 120, periodDays: 14 },
        { effectiveFrom: d("2026-01-20"), minutes: 240, periodDays: 7 },
      ],
      d("2026-01-27"),
    );
    expect(show(lastEndedPeriod(changed, d("2026-01-22")))).toBe("2026-01-15 5d 43m");
    expect(show(lastEndedPeriod(changed, d("2026-01-27")))).toBe("2026-01-20 7d 240m");
    expect(lastEndedPeriod(changed, d("2026-01-10"))).toBeUndefined();
  });

  it("clips periods to a range with prorated budgets", () => {
    const periods = budgetPeriods([{ effectiveFrom: d("2026-01-01"), minutes: 140, periodDays: 14 }], d("2026-02-01"));
    // 10–20 January: 5 days of the first period, 6 days of the second.
    const parts = clipPeriods(periods, d("2026-01-10"), d("2026-01-21"));
    expect(parts.map(show)).toEqual(["2026-01-10 5d 50m", "2026-01-15 6d 60m"]);
    expect(clipPeriods(periods, d("2025-01-01"), d("2025-02-01"))).toEqual([]);
  });
});
