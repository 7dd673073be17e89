/**
 * The time forms' intents, limits and choices, without zod: what a page's component needs in the browser
 * (decision 0076). The zod schemas that check the posted forms against them are in time.ts.
 */
import { isoDayFromToday } from "~/utils/dates";

export const TIME_LIMITS = { minutesMax: 1440, whatMax: 200, daysBack: 366 } as const;

export const ID = /^[a-z0-9]{10,40}$/;

/**
 * Minutes from what people type: "45", "90", "1:30", "1u30", "1h30", "2u" or "2h". Null when it is
 * not one of those (negative numbers, decimals, words). Range checks are the caller's.
 */
export function parseMinutes(text: string): number | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, "");
  if (/^\d{1,5}$/.test(t)) return Number(t);
  const hm = /^(\d{1,2})(?::|u|h)(\d{2})?$/.exec(t) ?? /^(\d{1,2})(?:u|h)(\d{1,2})(?:m|min)?$/.exec(t);
  if (!hm) return null;
  const minutes = hm[2] === undefined ? 0 : Number(hm[2]);
  if (minutes >= 60) return null;
  return Number(hm[1]) * 60 + minutes;
}

/** The earliest day time can be logged for: a year back. */
export function earliestLogDay(now = new Date()): string {
  return isoDayFromToday(-TIME_LIMITS.daysBack, now);
}

export const TIME_INTENT = { log: "time-log", edit: "time-edit", delete: "time-delete" } as const;

export type LogTimeInput = { date: Date; minutes: number; what: string; activityId?: string };

export type EditTimeInput = { date: Date; minutes: number; what: string };
