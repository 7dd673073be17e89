import { z } from "zod";
import { dayDate, isCalendarDate, isoDayFromToday, today } from "~/utils/dates";

export const TIME_LIMITS = { minutesMax: 1440, whatMax: 200, daysBack: 366 } as const;

const ID = /^[a-z0-9]{10,40}$/;

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

/** A duration field: a whole number of minutes 1..1440 (24 h), or hours and minutes. */
export function minutesField(messages: { invalid: string; negative: string; tooMuch: string }) {
  return z
    .string(messages.invalid)
    .trim()
    .superRefine((value, ctx) => {
      if (/^-/.test(value)) ctx.addIssue({ code: "custom", message: messages.negative });
      else {
        const minutes = parseMinutes(value);
        if (minutes === null || minutes < 1) ctx.addIssue({ code: "custom", message: messages.invalid });
        else if (minutes > TIME_LIMITS.minutesMax) ctx.addIssue({ code: "custom", message: messages.tooMuch });
      }
    })
    .transform((value) => parseMinutes(value)!);
}

/** The earliest day time can be logged for: a year back. */
export function earliestLogDay(now = new Date()): string {
  return isoDayFromToday(-TIME_LIMITS.daysBack, now);
}

const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || ID.test(v), "error.time.activity");

/** A calendar day time can be logged for: not in the future, at most a year back. */
const logDay = z
  .string("error.time.date")
  .trim()
  .refine(isCalendarDate, "error.time.date")
  .refine((d) => !isCalendarDate(d) || d <= today(), "error.time.future")
  .refine((d) => !isCalendarDate(d) || d >= earliestLogDay(), "error.time.tooOld")
  .transform(dayDate);
const loggedMinutes = minutesField({ invalid: "error.time.minutes", negative: "error.time.negative", tooMuch: "error.time.dayLimit" });
const what = z.string("error.time.whatRequired").trim().min(1, "error.time.whatRequired").max(TIME_LIMITS.whatMax);
const entryId = z.string().regex(ID, "error.notFound.body");

export const TIME_INTENT = { log: "time-log", edit: "time-edit", delete: "time-delete" } as const;

/** Logging time: a calendar day (not in the future, at most a year back), minutes, what. */
export const LogTimeSchema = z.object({ intent: z.literal(TIME_INTENT.log), date: logDay, minutes: loggedMinutes, what, activityId: optionalId });
export type LogTimeInput = { date: Date; minutes: number; what: string; activityId?: string };

/** Correcting one's own entry: the same fields (an activity's entry keeps its activity). */
export const EditTimeSchema = z.object({ intent: z.literal(TIME_INTENT.edit), entryId, date: logDay, minutes: loggedMinutes, what });
export type EditTimeInput = { date: Date; minutes: number; what: string };

export const TimeIntentSchema = z.discriminatedUnion("intent", [LogTimeSchema, EditTimeSchema, z.object({ intent: z.literal(TIME_INTENT.delete), entryId })]);
export type TimeIntent = z.output<typeof TimeIntentSchema>;
