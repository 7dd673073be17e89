/**
 * The notification forms' intents, limits and choices, without zod: what a page's component needs in the browser
 * (decision 0076). The zod schemas that check the posted forms against them are in notification.ts.
 */
import type { NotificationType } from "~/models/notification.server";

/**
 * The preferences page lists the notification types in these groups. Mandatory reads are not among
 * them: a knowledge manager requires that reading, so its notice cannot be switched off.
 */
export const NOTIFICATION_TYPE_GROUPS = {
  notes: ["note.published", "note.merged", "note.declined"],
  questions: ["question.answered", "answer.accepted"],
  flags: ["flag.resolved"],
  communities: ["membership.requested", "membership.decided", "activity.scheduled"],
  goalsAndReports: ["goal.proposed", "goal.decided", "report.submitted", "report.acknowledged", "report.commented"],
  recognition: ["thanks.received"],
  learning: ["mentoring.paired", "learning.submitted", "learning.decided"],
} as const satisfies Record<string, readonly NotificationType[]>;

export type NotificationTypeGroup = keyof typeof NOTIFICATION_TYPE_GROUPS;

export const MUTABLE_NOTIFICATION_TYPES = Object.values(NOTIFICATION_TYPE_GROUPS).flat();

export type MutableNotificationType = (typeof MUTABLE_NOTIFICATION_TYPES)[number];

/** Always sent: see NOTIFICATION_TYPE_GROUPS. */
export const ALWAYS_ON_NOTIFICATION_TYPES = ["mandatoryRead.assigned", "mandatoryRead.reminder", "mandatoryRead.changed"] as const satisfies readonly NotificationType[];

/** A time of day as people type it on a clock: 00:00 to 23:59, two digits each. */
export const DIGEST_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const ID = /^[a-z0-9]{10,40}$/;

/** The list's forms: mark one notification read, or all of them. */
export const NOTIFICATION_INTENT = { read: "notification-read", readAll: "notification-read-all" } as const;
