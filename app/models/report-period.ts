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
