/** Report periods: whole calendar days from `start` to `end` inclusive, as midnight UTC dates. */
export type Period = { start: Date; end: Date; days: number };

const DAY_MS = 86_400_000;

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

/** A calendar day "YYYY-MM-DD" as midnight UTC, or null when it is no real date. */
export function parseDay(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? null : date;
}

export function dayText(day: Date): string {
  return day.toISOString().slice(0, 10);
}

export function period(start: Date, end: Date): Period {
  return { start, end, days: Math.round((end.getTime() - start.getTime()) / DAY_MS) + 1 };
}

export type BudgetSeries = { effectiveFrom: Date; periodDays: number };

/**
 * The default period of a new report: the last budget period that has fully ended before `today`.
 * Each budget change starts a new series of periods on its own day, and a series ends where the next
 * one starts (its last period may be cut short). Without any full period yet: from the first day to yesterday.
 */
export function lastFullBudgetPeriod(changes: BudgetSeries[], today: Date): Period {
  const sorted = [...changes].sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime());
  const yesterday = addDays(today, -1);
  for (let i = sorted.length - 1; i >= 0; i--) {
    const { effectiveFrom, periodDays } = sorted[i];
    const seriesEnd = i + 1 < sorted.length ? addDays(sorted[i + 1].effectiveFrom, -1) : yesterday;
    const lastDay = seriesEnd < yesterday ? seriesEnd : yesterday;
    if (lastDay < effectiveFrom) continue;
    const span = Math.round((lastDay.getTime() - effectiveFrom.getTime()) / DAY_MS) + 1;
    const full = Math.floor(span / periodDays);
    // The series ended by a change: its cut-short last period counts as ended too.
    if (i + 1 < sorted.length && seriesEnd < today) {
      const start = addDays(effectiveFrom, Math.floor((span - 1) / periodDays) * periodDays);
      return period(start, seriesEnd);
    }
    if (full > 0) {
      const start = addDays(effectiveFrom, (full - 1) * periodDays);
      return period(start, addDays(start, periodDays - 1));
    }
  }
  const first = sorted[0]?.effectiveFrom ?? yesterday;
  return period(first < yesterday ? first : yesterday, yesterday);
}
