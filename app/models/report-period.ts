/** Report periods: whole calendar days from `start` to `end` inclusive, as midnight UTC dates. */
import { daysBetween } from "~/utils/dates";

export type Period = { start: Date; end: Date; days: number };

export function period(start: Date, end: Date): Period {
  return { start, end, days: daysBetween(start, end) + 1 };
}
