import { z } from "zod";
import { dayDate, isCalendarDate, today } from "~/utils/dates";
import { TIME_LIMITS, ID, parseMinutes, earliestLogDay, TIME_INTENT } from "./time.shared";

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

/** Logging time: a calendar day (not in the future, at most a year back), minutes, what. */
export const LogTimeSchema = z.object({ intent: z.literal(TIME_INTENT.log), date: logDay, minutes: loggedMinutes, what, activityId: optionalId });

/** Correcting one's own entry: the same fields (an activity's entry keeps its activity). */
export const EditTimeSchema = z.object({ intent: z.literal(TIME_INTENT.edit), entryId, date: logDay, minutes: loggedMinutes, what });

export const TimeIntentSchema = z.discriminatedUnion("intent", [LogTimeSchema, EditTimeSchema, z.object({ intent: z.literal(TIME_INTENT.delete), entryId })]);

export type TimeIntent = z.output<typeof TimeIntentSchema>;
