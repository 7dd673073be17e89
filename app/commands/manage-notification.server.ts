/**
 * The recipient's own commands: mark notifications read, open one (read, then its subject), and choose
 * what to receive. Reading is not audited: it is the person's own view of their list, like a session's
 * last request, and would drown the audit trail (docs/decisions/0038). Changing preferences is.
 */
import type { Actor } from "~/policies/policies";
import { findOwnNotification } from "~/models/notification-list.server";
import { type NotificationPreferencesInput } from "~/schemas/notification";
import { MUTABLE_NOTIFICATION_TYPES } from "~/schemas/notification.shared";
import { getEnv } from "~/utils/env.server";
import { addDays } from "~/utils/dates";
import { CommandError } from "./errors";
import type { SweepJob } from "./knowledge-sweep.server";
import { runCommand } from "./runner.server";

/** Marks these of the person's notifications read (others' ids are ignored: they are not theirs); "all" marks every unread one. */
export async function markNotificationsRead(actor: Actor, which: readonly string[] | "all"): Promise<number> {
  return runCommand(actor, async ({ tx }) => {
    const { count } = await tx.notification.updateMany({
      where: { recipientId: actor.id, readAt: null, ...(which === "all" ? {} : { id: { in: [...which] } }) },
      data: { readAt: new Date() },
    });
    return count;
  });
}

/** Opening a notification reads it; returns where it leads. Anybody else's, or one no longer visible, is not found. */
export async function openNotification(actor: Actor, notificationId: string): Promise<string> {
  const notification = await findOwnNotification(actor, notificationId);
  if (!notification) throw CommandError.notFound();
  if (!notification.read) await markNotificationsRead(actor, [notification.id]);
  return notification.href;
}

/** The person's choices: what they no longer want (every type not checked), e-mail, and the daily digest. */
export async function saveNotificationPreferences(actor: Pick<Actor, "id">, input: NotificationPreferencesInput) {
  const wanted = new Set<string>(input.receive);
  const mutedTypes = MUTABLE_NOTIFICATION_TYPES.filter((type) => !wanted.has(type));
  const choices = { mutedTypes: JSON.stringify(mutedTypes), emailEnabled: input.email, digestEnabled: input.digest, digestTime: input.digestTime };
  await runCommand(actor, async ({ tx, audit }) => {
    await tx.notificationPreference.upsert({ where: { userId: actor.id }, create: { userId: actor.id, ...choices }, update: choices });
    await audit({
      action: "notification.preferences",
      targetType: "user",
      targetId: actor.id,
      details: { mutedTypes, emailEnabled: input.email, digestEnabled: input.digest, digestTime: input.digestTime },
    });
  });
}

/**
 * The sweep's job: notifications older than NOTIFICATION_RETENTION_DAYS, read or not, and the e-mails sent
 * that long ago are deleted, so the table a page's bell counts in stays the size of recent months. Mails
 * not sent (pending or failed) stay for whoever looks into them. One audit event says how many went.
 */
export async function pruneNotifications(now: Date, days = getEnv().NOTIFICATION_RETENTION_DAYS): Promise<number> {
  const before = addDays(now, -days);
  return runCommand(null, async ({ tx, audit }) => {
    const notifications = await tx.notification.deleteMany({ where: { createdAt: { lt: before } } });
    const mails = await tx.mailMessage.deleteMany({ where: { status: "SENT", sentAt: { lt: before } } });
    if (notifications.count + mails.count === 0) return 0;
    await audit({ action: "notifications.pruned", targetType: "notification", targetId: "*", details: { before: before.toISOString(), notifications: notifications.count, mails: mails.count } });
    return notifications.count + mails.count;
  });
}

export const pruneNotificationsJob: SweepJob = { name: "pruneNotifications", run: (now) => pruneNotifications(now) };

