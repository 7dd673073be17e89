import { describe, expect, it } from "vitest";
import { dayText, lastFullBudgetPeriod, parseDay, period } from "./report-period";

const d = (s: string) => parseDay(s)!;
const show = (p: { start: Date; end: Date; days: number }) => `${dayText(p.start)}..${dayText(p.end)} (${p.days})`;

describe("report periods", () => {
  it("parses real calendar days only", () => {
    expect(parseDay("2026-02-28")?.toISOString()).toBe("2026-02-28T00:00:00.000Z");
    for (const bad of ["2026-02-30", "2026-2-3", "", "28-02-2026", "2026-02-28T00:00"]) expect(parseDay(bad)).toBeNull();
    expect(period(d("2026-03-01"), d("2026-03-14")).days).toBe(14);
  });

  it("the last full period of one series of 14 days", () => {
    const changes = [{ effectiveFrom: d("2026-01-01"), periodDays: 14 }];
    // Periods: 1–14 Jan, 15–28 Jan, 29 Jan–11 Feb… On 11 Feb the third is not over yet; on 12 Feb it is.
    expect(show(lastFullBudgetPeriod(changes, d("2026-02-11")))).toBe("2026-01-15..2026-01-28 (14)");
    expect(show(lastFullBudgetPeriod(changes, d("2026-02-12")))).toBe("2026-01-29..2026-02-11 (14)");
  });

  it("a budget changed mid-period cuts that period short and starts a new series", () => {
    const changes = [
      { effectiveFrom: d("2026-01-01"), periodDays: 14 },
      { effectiveFrom: d("2026-01-20"), periodDays: 7 },
    ];
    // Old series: 1–14 Jan, then 15–19 Jan cut short. New series: 20–26 Jan, 27 Jan–2 Feb…
    expect(show(lastFullBudgetPeriod(changes, d("2026-01-22")))).toBe("2026-01-15..2026-01-19 (5)");
    expect(show(lastFullBudgetPeriod(changes, d("2026-01-27")))).toBe("2026-01-20..2026-01-26 (7)");
  });

  it("a young community without a full period yet: from its first day to yesterday", () => {
    expect(show(lastFullBudgetPeriod([{ effectiveFrom: d("2026-03-01"), periodDays: 14 }], d("2026-03-05")))).toBe("2026-03-01..2026-03-04 (4)");
  });
});
