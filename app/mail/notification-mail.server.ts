/**
 * Notifications into the mail queue. A notification with mailedAt null has not been looked at by mail yet;
 * this job decides, per notification, whether its recipient gets an e-mail (SMTP configured, e-mail on, the
 * type not muted, not read in the app already, and the recipient may still see its subject) and writes the
 * MailMessage and mailedAt in one transaction. The dedupe key notification:<id> makes a rerun harmless.
 */
import { db } from "~/utils/db.server";
import { appUrl } from "~/utils/env.server";
import { isLocale, DEFAULT_LOCALE } from "~/utils/i18n";
import { canSeeCommunityContent, type Actor } from "~/policies/policies";
import { NOTIFICATION_TYPES, parseTypes, type NotificationType } from "~/models/notification.server";
import type { Role } from "~/schemas/enums";
import { enqueueMail, mailEnabled } from "./queue.server";
import { renderNotificationMail } from "./templates";

export const NOTIFICATION_MAIL_BATCH = 200;

/** Where a person chooses what they are told (the notification preferences page). */
export const PREFERENCES_PATH = "/settings/notifications";

type Subject = { subjectType: string; subjectId: string; data: Record<string, unknown>; communitySlug: string | null; entryId: string | null };

const str = (value: unknown) => (typeof value === "string" && value ? value : null);

/** The page of a notification's subject, relative to the app. */
export function subjectPath({ subjectType, subjectId, data, communitySlug, entryId }: Subject): string {
  const community = communitySlug ? `/communities/${encodeURIComponent(communitySlug)}` : "/communities";
  const entry = entryId ?? str(data.entryId);
  switch (subjectType) {
    case "entry":
      return `/entries/${subjectId}`;
    case "note":
      return entry ? `/entries/${entry}` : "/notes";
    case "question":
      return `/questions/${subjectId}`;
    case "answer":
      return str(data.questionId) ? `/questions/${str(data.questionId)}` : community;
    case "flag":
      return entry ? `/entries/${entry}` : "/flags";
    case "mandatoryRead":
      return entry ? `/entries/${entry}` : "/";
    case "report":
      return `/reports/${subjectId}`;
    case "activity":
      return communitySlug ? `${community}/activities` : community;
    case "goal":
    case "community":
    case "membershipRequest":
    default:
      return community;
  }
}

function parseData(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const isNotificationType = (type: string): type is NotificationType => (NOTIFICATION_TYPES as readonly string[]).includes(type);

export type NotificationMailRun = { handled: number; queued: number };

/** One batch of unhandled notifications, oldest first. Without SMTP they are marked handled and nothing is queued. */
export async function queueNotificationMails(now = new Date(), limit = NOTIFICATION_MAIL_BATCH): Promise<NotificationMailRun> {
  const notifications = await db.notification.findMany({
    where: { mailedAt: null },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true, recipientId: true, type: true, subjectType: true, subjectId: true, communityId: true, data: true, readAt: true },
  });
  if (notifications.length === 0) return { handled: 0, queued: 0 };
  const ids = notifications.map((n) => n.id);
  if (!mailEnabled()) {
    await db.notification.updateMany({ where: { id: { in: ids } }, data: { mailedAt: now } });
    return { handled: ids.length, queued: 0 };
  }

  const recipients = new Map(
    (
      await db.user.findMany({
        where: { id: { in: [...new Set(notifications.map((n) => n.recipientId))] } },
        select: {
          id: true,
          email: true,
          name: true,
          locale: true,
          role: true,
          departmentId: true,
          disabledAt: true,
          memberships: { select: { communityId: true } },
          headOf: { select: { id: true } },
          notificationPreference: { select: { emailEnabled: true, mutedTypes: true } },
        },
      })
    ).map((u) => [u.id, u]),
  );
  const communities = new Map(
    (
      await db.community.findMany({
        where: { id: { in: [...new Set(notifications.flatMap((n) => (n.communityId ? [n.communityId] : [])))] } },
        select: { id: true, slug: true, visibility: true, departmentId: true },
      })
    ).map((c) => [c.id, c]),
  );
  const entryOf = await subjectEntries(notifications);
  const base = appUrl();

  const mails = notifications.flatMap((n) => {
    const user = recipients.get(n.recipientId);
    if (!user || user.disabledAt || n.readAt || !isNotificationType(n.type)) return [];
    const preference = user.notificationPreference;
    if (preference && (!preference.emailEnabled || parseTypes(preference.mutedTypes).includes(n.type))) return [];
    const community = n.communityId ? communities.get(n.communityId) : null;
    if (n.communityId && !community) return [];
    const actor: Actor = {
      id: user.id,
      role: user.role as Role,
      departmentId: user.departmentId,
      communityIds: user.memberships.map((m) => m.communityId),
      headOfDepartmentId: user.headOf?.id ?? null,
    };
    // The same rule as every page: nobody is told about what they may not see (any more).
    if (!canSeeCommunityContent(actor, community ?? null)) return [];
    const data = parseData(n.data);
    const path = subjectPath({ subjectType: n.subjectType, subjectId: n.subjectId, data, communitySlug: community?.slug ?? null, entryId: entryOf.get(n.subjectId) ?? null });
    const content = renderNotificationMail({
      locale: isLocale(user.locale) ? user.locale : DEFAULT_LOCALE,
      recipientName: user.name,
      type: n.type,
      data,
      subjectUrl: `${base}${path}`,
      preferencesUrl: `${base}${PREFERENCES_PATH}`,
    });
    return [{ ...content, dedupeKey: `notification:${n.id}`, recipientId: user.id, to: user.email }];
  });

  await db.$transaction(async (tx) => {
    for (const mail of mails) await enqueueMail(tx, mail);
    await tx.notification.updateMany({ where: { id: { in: ids }, mailedAt: null }, data: { mailedAt: now } });
  });
  return { handled: ids.length, queued: mails.length };
}

/** The entry a note or flag points at, for the link (a published note's entry, a flag's entry). */
async function subjectEntries(notifications: { subjectType: string; subjectId: string }[]): Promise<Map<string, string>> {
  const ofType = (type: string) => notifications.filter((n) => n.subjectType === type).map((n) => n.subjectId);
  const [notes, flags] = await Promise.all([
    db.note.findMany({ where: { id: { in: ofType("note") }, entryId: { not: null } }, select: { id: true, entryId: true } }),
    db.flag.findMany({ where: { id: { in: ofType("flag") } }, select: { id: true, entryId: true } }),
  ]);
  return new Map([...notes.map((n) => [n.id, n.entryId!] as const), ...flags.map((f) => [f.id, f.entryId] as const)]);
}
