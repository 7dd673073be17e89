import { z } from "zod";
import { isCalendarDate } from "./goal";
import { minutesField } from "./time";

export const ACTIVITY_KINDS = ["MEETING", "INTERVISION", "LUNCH_AND_LEARN", "AFTER_ACTION_REVIEW"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_LIMITS = { titleMax: 120, agendaMax: 2000, daysRange: 366 } as const;

/** Dates and times people type and read are Belgian: Europe/Brussels. */
export const TIME_ZONE = "Europe/Brussels";

const ID = /^[a-z0-9]{10,40}$/;
const activityId = z.string().regex(ID, "error.notFound.body");

/** How far ahead of UTC the zone is at this moment, in ms (+1 h or +2 h for Brussels). */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** The moment of a wall-clock date and time ("2026-03-29", "14:30") in the zone. */
export function zonedToUtc(date: string, time: string, timeZone = TIME_ZONE): Date {
  const [y, m, d] = date.split("-").map(Number);
  const [h, min] = time.split(":").map(Number);
  const local = Date.UTC(y, m - 1, d, h, min);
  const first = local - zoneOffsetMs(local, timeZone);
  return new Date(local - zoneOffsetMs(first, timeZone));
}

/** The calendar day (YYYY-MM-DD) of a moment in the zone. */
export function zonedDay(moment: Date, timeZone = TIME_ZONE): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(moment);
}

/** The wall-clock time (HH:MM) of a moment in the zone. */
export function zonedTime(moment: Date, timeZone = TIME_ZONE): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(moment);
}

const dayOffset = (days: number, now = new Date()) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/** The lead schedules an activity: kind, title, agenda, a day within a year back or ahead, a start time, a duration. */
export const ScheduleActivitySchema = z.object({
    intent: z.literal("activity-schedule"),
    kind: z.enum(ACTIVITY_KINDS, "error.activity.kind"),
    title: z.string().trim().min(1).max(ACTIVITY_LIMITS.titleMax),
    agenda: z.string().trim().max(ACTIVITY_LIMITS.agendaMax).optional().default(""),
    date: z
      .string("error.activity.date")
      .trim()
      .refine(isCalendarDate, "error.activity.date")
      .refine(
        (d) => !isCalendarDate(d) || (d >= dayOffset(-ACTIVITY_LIMITS.daysRange) && d <= dayOffset(ACTIVITY_LIMITS.daysRange)),
        "error.activity.dateRange",
      ),
    time: z
      .string("error.activity.time")
      .trim()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "error.activity.time"),
    durationMinutes: minutesField({ invalid: "error.activity.duration", negative: "error.activity.duration", tooMuch: "error.activity.duration" }),
});
export type ScheduleActivityInput = { kind: ActivityKind; title: string; agenda: string; startsAt: Date; durationMinutes: number };

/** The command's input from the parsed form: the Belgian date and time become a moment. */
export function toScheduleInput({ date, time, kind, title, agenda, durationMinutes }: z.output<typeof ScheduleActivitySchema>): ScheduleActivityInput {
  return { kind, title, agenda, durationMinutes, startsAt: zonedToUtc(date, time) };
}

export const ActivityIntentSchema = z.discriminatedUnion("intent", [
  ScheduleActivitySchema,
  z.object({ intent: z.literal("activity-cancel"), activityId }),
  z.object({ intent: z.literal("activity-attend"), activityId }),
  z.object({ intent: z.literal("activity-unattend"), activityId }),
]);
export type ActivityIntent = z.output<typeof ActivityIntentSchema>;
