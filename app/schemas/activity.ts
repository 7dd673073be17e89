import { z } from "zod";
import { isCalendarDate, isoDayFromToday, zonedToUtc } from "~/utils/dates";
import { minutesField } from "./time";
import { ACTIVITY_KINDS, ACTIVITY_LIMITS, ID, ACTIVITY_INTENT, type ScheduleActivityInput } from "./activity.shared";

const activityId = z.string().regex(ID, "error.notFound.body");

/** The lead schedules an activity: kind, title, agenda, a day within a year back or ahead, a start time, a duration. */
export const ScheduleActivitySchema = z.object({
    intent: z.literal(ACTIVITY_INTENT.schedule),
    kind: z.enum(ACTIVITY_KINDS, "error.activity.kind"),
    title: z.string().trim().min(1).max(ACTIVITY_LIMITS.titleMax),
    agenda: z.string().trim().max(ACTIVITY_LIMITS.agendaMax).optional().default(""),
    date: z
      .string("error.activity.date")
      .trim()
      .refine(isCalendarDate, "error.activity.date")
      .refine(
        (d) => !isCalendarDate(d) || (d >= isoDayFromToday(-ACTIVITY_LIMITS.daysRange) && d <= isoDayFromToday(ACTIVITY_LIMITS.daysRange)),
        "error.activity.dateRange",
      ),
    time: z
      .string("error.activity.time")
      .trim()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "error.activity.time"),
    durationMinutes: minutesField({ invalid: "error.activity.duration", negative: "error.activity.duration", tooMuch: "error.activity.duration" }),
});

/** The command's input from the parsed form: the Belgian date and time become a moment. */
export function toScheduleInput({ date, time, kind, title, agenda, durationMinutes }: z.output<typeof ScheduleActivitySchema>): ScheduleActivityInput {
  return { kind, title, agenda, durationMinutes, startsAt: zonedToUtc(date, time) };
}

export const ActivityIntentSchema = z.discriminatedUnion("intent", [
  ScheduleActivitySchema,
  z.object({ intent: z.literal(ACTIVITY_INTENT.cancel), activityId }),
  z.object({ intent: z.literal(ACTIVITY_INTENT.attend), activityId }),
  z.object({ intent: z.literal(ACTIVITY_INTENT.unattend), activityId }),
]);

export type ActivityIntent = z.output<typeof ActivityIntentSchema>;
