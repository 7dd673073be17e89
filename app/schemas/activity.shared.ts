/**
 * The activity forms' intents, limits and choices, without zod: what a page's component needs in the browser
 * (decision 0076). The zod schemas that check the posted forms against them are in activity.ts.
 */

export const ACTIVITY_KINDS = ["MEETING", "INTERVISION", "LUNCH_AND_LEARN", "AFTER_ACTION_REVIEW"] as const;

export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_LIMITS = { titleMax: 120, agendaMax: 2000, daysRange: 366 } as const;

export const ID = /^[a-z0-9]{10,40}$/;

export const ACTIVITY_INTENT = { schedule: "activity-schedule", cancel: "activity-cancel", attend: "activity-attend", unattend: "activity-unattend" } as const;

export type ScheduleActivityInput = { kind: ActivityKind; title: string; agenda: string; startsAt: Date; durationMinutes: number };
