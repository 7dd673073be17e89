/**
 * Notifications: what happened that concerns one person. A command writes them with `notify` in its own
 * transaction (see runCommand), so a notification exists exactly when its event does. The recipients are
 * decided by the command, which knows the event; people who muted the type and the actor themself are left out.
 */
import type { Tx } from "~/utils/db.server";
import { canSeeNotification, type Actor } from "~/policies/policies";
import type { Role } from "~/schemas/enums";
import { chunks } from "~/utils/chunks";

/** Every kind of notification Gilde sends; the preferences page lists these. */
export const NOTIFICATION_TYPES = [
  "note.published",
  "note.merged",
  "note.declined",
  "question.answered",
  "answer.accepted",
  "flag.resolved",
  "membership.requested",
  "membership.decided",
  "goal.proposed",
  "goal.decided",
  "report.submitted",
  "report.acknowledged",
  "report.commented",
  "activity.scheduled",
  "mandatoryRead.assigned",
  "mandatoryRead.reminder",
  "mandatoryRead.changed",
  "thanks.received",
  "mentoring.paired",
  "learning.submitted",
  "learning.decided",
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export type NotifyInput = {
  recipientIds: readonly string[];
  type: NotificationType;
  subjectType: string;
  subjectId: string;
  /** The community the subject lives in, so the list can check again that the recipient may still see it. */
  communityId?: string | null;
  /** What the message needs, as it was at the event (a title, a reason). Small: it is stored per recipient. */
  data?: Record<string, unknown>;
  /** Leave out who caused it (the list then names nobody): the asker of a question asked as "a member". */
  hideActor?: boolean;
};

/** Reads the muted types of these people; no preference row means nothing is muted. */
async function mutedRecipients(tx: Tx, recipientIds: readonly string[], type: NotificationType) {
  if (recipientIds.length === 0) return new Set<string>();
  const rows = await tx.notificationPreference.findMany({
    where: { userId: { in: [...recipientIds] }, mutedTypes: { not: "[]" } },
    select: { userId: true, mutedTypes: true },
  });
  return new Set(rows.filter((row) => parseTypes(row.mutedTypes).includes(type)).map((row) => row.userId));
}

export function parseTypes(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}

/**
 * The recipients who may see what the notification is about, judged by the same policy the list asks
 * again later (canSeeNotification); a disabled account receives nothing.
 */
async function recipientsWhoMaySee(tx: Tx, recipientIds: readonly string[], input: NotifyInput): Promise<string[]> {
  const community = input.communityId
    ? await tx.community.findUnique({ where: { id: input.communityId }, select: { id: true, visibility: true, departmentId: true } })
    : null;
  const users = await tx.user.findMany({
    where: { id: { in: [...recipientIds] }, disabledAt: null },
    select: { id: true, role: true, departmentId: true, memberships: { select: { communityId: true } }, headOf: { select: { id: true } } },
  });
  return users
    .map((user): Actor => ({
      id: user.id,
      role: user.role as Role,
      departmentId: user.departmentId,
      communityIds: user.memberships.map((m) => m.communityId),
      headOfDepartmentId: user.headOf?.id ?? null,
    }))
    .filter((actor) => canSeeNotification(actor, { subjectType: input.subjectType, community }))
    .map((actor) => actor.id);
}

/**
 * Writes one notification per recipient (never to the actor, never twice to one person, never to who may
 * not see its subject); returns how many. A department of thousands is looked up and written a slice at a
 * time, so the caller never has to know the database's limit on bound values.
 */
export async function writeNotifications(tx: Tx, actorId: string | null, input: NotifyInput): Promise<number> {
  const unique = [...new Set(input.recipientIds)].filter((id) => id !== actorId);
  const data = JSON.stringify(input.data ?? {});
  let written = 0;
  for (const part of chunks(unique)) {
    const muted = await mutedRecipients(tx, part, input.type);
    const unmuted = part.filter((id) => !muted.has(id));
    const recipients = unmuted.length ? await recipientsWhoMaySee(tx, unmuted, input) : [];
    if (recipients.length === 0) continue;
    await tx.notification.createMany({
      data: recipients.map((recipientId) => ({
        recipientId,
        actorId: input.hideActor ? null : actorId,
        type: input.type,
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        communityId: input.communityId ?? null,
        data,
      })),
    });
    written += recipients.length;
  }
  return written;
}
