/**
 * The recipient's side of notifications: the bell's unread count, the list, and one notification to open.
 * Each is asked again whether the person may still see what it is about (canSeeNotification): someone who
 * left a closed community no longer reads or opens what happened in it.
 */
import { type Prisma } from "@prisma/client";
import { db, quickSelect } from "~/utils/db.server";
import { canSeeNotification, isAdmin, type Actor } from "~/policies/policies";
import { seesEverything } from "~/policies/visibility";
import { notificationHref, type NotificationLinkCommunity } from "./notification-link";
import { parseTypes } from "./notification.server";

/** How many notifications one page of the list shows. */
export const NOTIFICATIONS_PAGE_SIZE = 30;

/**
 * The bell: unread notifications the person may still see, in one query on the (recipientId, readAt)
 * index. The clause is canSeeNotification written in SQL; an integration test holds the two together.
 */
export async function countUnreadNotifications(actor: Actor): Promise<number> {
  // Every page asks: past Prisma's engine (docs/decisions/0077). Flags as 1/0 parameters; an empty list and
  // no department as a value no id has.
  const [row] = await quickSelect<{ unread: number | bigint }[]>`
    SELECT COUNT(*) AS "unread" FROM "Notification" n LEFT JOIN "Community" c ON c."id" = n."communityId"
    WHERE n."recipientId" = ${actor.id} AND n."readAt" IS NULL AND (
      c."id" IS NULL OR n."subjectType" = 'community' OR ${isAdmin(actor) ? 1 : 0} = 1
      OR c."id" IN (${actor.communityIds.length ? actor.communityIds : [""]}) OR c."departmentId" = ${actor.headOfDepartmentId ?? ""}
      OR (n."subjectType" <> 'report' AND (c."visibility" <> 'CLOSED' OR ${seesEverything(actor) ? 1 : 0} = 1))
    )`;
  return Number(row?.unread ?? 0);
}

const notificationSelect = {
  id: true,
  type: true,
  subjectType: true,
  subjectId: true,
  communityId: true,
  actorId: true,
  data: true,
  createdAt: true,
  readAt: true,
} as const;

type NotificationRow = Prisma.NotificationGetPayload<{ select: typeof notificationSelect }>;

async function communitiesOf(rows: readonly { communityId: string | null }[]) {
  const ids = [...new Set(rows.flatMap((row) => (row.communityId ? [row.communityId] : [])))];
  const communities = ids.length
    ? await db.community.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true, name: true, visibility: true, departmentId: true } })
    : [];
  return new Map(communities.map((c) => [c.id, c]));
}

function parseData(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Only the plain values a message may show: a stored object never reaches the page as such. */
function messageData(data: Record<string, unknown>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") out[key] = value;
  }
  return out;
}

function visible(actor: Actor, row: NotificationRow, community: NotificationLinkCommunity | undefined) {
  // A community that is gone takes its notifications with it.
  if (row.communityId && !community) return false;
  return canSeeNotification(actor, { subjectType: row.subjectType, community: community ?? null });
}

/**
 * One page of the person's notifications, newest first, each with who caused it, its community's name and
 * where it leads. `before`: the id of the last one of the previous page.
 */
export async function listNotifications(actor: Actor, { before, unreadOnly = false }: { before?: string; unreadOnly?: boolean } = {}) {
  const rows = await db.notification.findMany({
    where: { recipientId: actor.id, ...(unreadOnly ? { readAt: null } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTIFICATIONS_PAGE_SIZE + 1,
    ...(before ? { cursor: { id: before }, skip: 1 } : {}),
    select: notificationSelect,
  });
  const more = rows.length > NOTIFICATIONS_PAGE_SIZE;
  const page = rows.slice(0, NOTIFICATIONS_PAGE_SIZE);
  const communities = await communitiesOf(page);
  const actorIds = [...new Set(page.flatMap((row) => (row.actorId ? [row.actorId] : [])))];
  const actors = new Map(
    (actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : []).map((u) => [u.id, u.name]),
  );
  const items = page
    .filter((row) => visible(actor, row, row.communityId ? communities.get(row.communityId) : undefined))
    .map((row) => {
      const community = row.communityId ? communities.get(row.communityId) : undefined;
      const data = parseData(row.data);
      return {
        id: row.id,
        type: row.type,
        data: messageData(data),
        actorName: row.actorId ? (actors.get(row.actorId) ?? null) : null,
        communityName: community?.name ?? null,
        createdAt: row.createdAt,
        read: row.readAt !== null,
        href: notificationHref(actor, row, community ?? null, data),
      };
    });
  return { items, next: more ? page[page.length - 1]?.id : undefined };
}

/** The person's own notification, if they may still see it; null for anybody else's (a 404 for them). */
export async function findOwnNotification(actor: Actor, notificationId: string) {
  const row = await db.notification.findUnique({ where: { id: notificationId }, select: { ...notificationSelect, recipientId: true } });
  if (!row || row.recipientId !== actor.id) return null;
  const community = (await communitiesOf([row])).get(row.communityId ?? "");
  if (!visible(actor, row, community)) return null;
  return { id: row.id, read: row.readAt !== null, href: notificationHref(actor, row, community ?? null, parseData(row.data)) };
}

/** The person's choices, or the defaults when they never chose. */
export async function getNotificationPreferences(userId: string) {
  const row = await db.notificationPreference.findUnique({
    where: { userId },
    select: { mutedTypes: true, emailEnabled: true, digestEnabled: true, digestTime: true },
  });
  return {
    mutedTypes: parseTypes(row?.mutedTypes ?? "[]"),
    emailEnabled: row?.emailEnabled ?? true,
    digestEnabled: row?.digestEnabled ?? true,
    digestTime: row?.digestTime ?? "08:00",
  };
}
