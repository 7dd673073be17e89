/**
 * Dates in one place (docs/decisions/0024).
 *
 * A calendar day (a due date, the day time was logged for, a budget's or report's period) is a UTC
 * day: stored as a Date at midnight UTC, written "yyyy-mm-dd", and "today" is today in UTC
 * (decision 0012). A moment people type or read as a wall-clock time (an activity's start) is
 * Belgian: Europe/Brussels, with its daylight-saving changes handled by @date-fns/tz.
 */
import { TZDate, tz } from "@date-fns/tz";
import { addDays as addDaysIn, differenceInCalendarDays, format, isValid, parse } from "date-fns";

/** Dates and times people type and read are Belgian. */
export const TIME_ZONE = "Europe/Brussels";

export const DAY_MS = 86_400_000;

const utc = tz("UTC");
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

// ——— Calendar days ———

/** A calendar day as "yyyy-mm-dd". */
export function isoDay(day: Date): string {
  return format(day, "yyyy-MM-dd", { in: utc });
}

/** A "yyyy-mm-dd" calendar day as midnight UTC, or null when it is no real date ("2026-02-30"). */
export function parseDay(text: string): Date | null {
  if (!ISO_DAY.test(text)) return null;
  const day = parse(text, "yyyy-MM-dd", new Date(0), { in: utc });
  return isValid(day) ? new Date(day.getTime()) : null;
}

/** Whether the text is a "yyyy-mm-dd" day that exists. */
export function isCalendarDate(text: string): boolean {
  return parseDay(text) !== null;
}

/** The Date of a day that was checked with isCalendarDate (an invalid Date otherwise, never a throw). */
export function dayDate(text: string): Date {
  return parseDay(text) ?? new Date(Number.NaN);
}

/** Today as "yyyy-mm-dd" (a UTC day, like every calendar day). */
export function today(now = new Date()): string {
  return isoDay(now);
}

/** The calendar day a moment falls on, as midnight UTC. */
export function startOfDay(moment: Date): Date {
  return dayFromNumber(dayNumber(moment));
}

/** The day `days` after (or, negative, before) a day, or a moment the same time of day. */
export function addDays(day: Date, days: number): Date {
  return new Date(addDaysIn(day, days, { in: utc }).getTime());
}

/** The day `days` from today, as "yyyy-mm-dd". */
export function isoDayFromToday(days: number, now = new Date()): string {
  return isoDay(addDays(now, days));
}

/**
 * The number of the calendar day a moment falls on (days since 1970-01-01): budget periods count in
 * these, as a UTC day always has exactly DAY_MS milliseconds.
 */
export function dayNumber(moment: Date): number {
  return Math.floor(moment.getTime() / DAY_MS);
}

export function dayFromNumber(day: number): Date {
  return new Date(day * DAY_MS);
}

/** Whole calendar days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: Date, to: Date): number {
  return differenceInCalendarDays(to, from, { in: utc });
}

// ——— Periods ———

/** Whole calendar days from `start` to `end` inclusive, as midnight UTC dates. */
export type Period = { start: Date; end: Date; days: number };

export function period(start: Date, end: Date): Period {
  return { start, end, days: daysBetween(start, end) + 1 };
}

// ——— The Belgian zone ———

/** The calendar day ("yyyy-mm-dd") of a moment in the zone. */
export function zonedDay(moment: Date, timeZone = TIME_ZONE): string {
  return format(moment, "yyyy-MM-dd", { in: tz(timeZone) });
}

/** The wall-clock time ("HH:mm", 24 h) of a moment in the zone. */
export function zonedTime(moment: Date, timeZone = TIME_ZONE): string {
  return format(moment, "HH:mm", { in: tz(timeZone) });
}

/**
 * The moment of a wall-clock day and time ("2026-03-29", "14:30") in the zone. A time that does not
 * exist (skipped when clocks go forward) moves forward by the gap; one that happens twice (clocks go
 * back) is the later one.
 */
export function zonedToUtc(day: string, time: string, timeZone = TIME_ZONE): Date {
  const [y, m, d] = day.split("-").map(Number);
  const [h, min] = time.split(":").map(Number);
  return new Date(new TZDate(y, m - 1, d, h, min, timeZone).getTime());
}
