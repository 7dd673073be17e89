/**
 * The morning digest (a knowledge-sweep job): on working days, at each person's digest time (Europe/Brussels,
 * 08:00 unless they chose another), one e-mail with what is new or changed in their communities and topics
 * since their previous digest, and nothing when nothing is new. Idempotent: a person is due once per day
 * (lastDigestAt before today's digest time) and the mail's dedupe key is digest:<userId>:<day>.
 */
import { db } from "~/utils/db.server";
import { appUrl } from "~/utils/env.server";
import { addDays, isoDay, parseDay, zonedDay, zonedToUtc } from "~/utils/dates";
import { DEFAULT_LOCALE, isLocale } from "~/utils/i18n";
import type { Actor } from "~/policies/policies";
import type { Role } from "~/schemas/enums";
import { indexChanged, whatsNewFor } from "~/models/whats-new";
import { loadChangedEntries, readerTagIds } from "~/models/whats-new.server";
import { enqueueMails, mailEnabled, type QueuedMail } from "~/mail/queue.server";
import { PREFERENCES_PATH } from "~/mail/notification-mail.server";
import { renderDigestMail } from "~/mail/templates";
import { currentSpotlights, spotlightForReader } from "~/models/spotlight.server";
import type { SweepJob } from "./knowledge-sweep.server";

export const DEFAULT_DIGEST_TIME = "08:00";
/** The entries a digest lists; the rest is a count and a link to the what's-new page. */
export const DIGEST_LIST_LIMIT = 10;
/** A digest never reaches further back than this, however long the person had it off. */
export const DIGEST_MAX_DAYS = 7;

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

const isWorkingDay = (day: string) => {
  const weekday = parseDay(day)!.getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/** Today's digest moment for this time, if today (in Brussels) is a working day; a bad time counts as the default. */
export function digestMoment(now: Date, digestTime: string): { day: string; at: Date } | null {
  const day = zonedDay(now);
  if (!isWorkingDay(day)) return null;
  return { day, at: zonedToUtc(day, HH_MM.test(digestTime) ? digestTime : DEFAULT_DIGEST_TIME) };
}

/** The digest moment of the working day before `day`: where a first digest's period starts. */
export function previousDigestMoment(day: string, digestTime: string): Date {
  let previous = parseDay(day)!;
  do previous = addDays(previous, -1);
  while (!isWorkingDay(isoDay(previous)));
  return zonedToUtc(isoDay(previous), HH_MM.test(digestTime) ? digestTime : DEFAULT_DIGEST_TIME);
}

/** Who is due at `now` and the start of their period. */
export function digestPeriodStart(now: Date, preference: { digestTime: string; lastDigestAt: Date | null } | null): { day: string; start: Date } | null {
  const digestTime = preference?.digestTime ?? DEFAULT_DIGEST_TIME;
  const moment = digestMoment(now, digestTime);
  if (!moment || now < moment.at) return null;
  const last = preference?.lastDigestAt ?? null;
  if (last && last >= moment.at) return null;
  const start = last ?? previousDigestMoment(moment.day, digestTime);
  const earliest = addDays(moment.at, -DIGEST_MAX_DAYS);
  return { day: moment.day, start: start < earliest ? earliest : start };
}

const WRITE_CHUNK = 200;

/** Queues the digests due at `now`; returns how many people were handled (mailed or skipped as having nothing new). */
export async function sendDigests(now = new Date()): Promise<number> {
  if (!mailEnabled()) return 0;
  const people = await db.user.findMany({
    where: { disabledAt: null, OR: [{ notificationPreference: null }, { notificationPreference: { digestEnabled: true, emailEnabled: true } }] },
    select: {
      id: true,
      email: true,
      name: true,
      locale: true,
      role: true,
      departmentId: true,
      memberships: { select: { communityId: true } },
      headOf: { select: { id: true } },
      notificationPreference: { select: { digestTime: true, lastDigestAt: true } },
    },
  });
  const due = people.flatMap((person) => {
    const period = digestPeriodStart(now, person.notificationPreference);
    return period ? [{ person, ...period }] : [];
  });
  if (due.length === 0) return 0;

  const from = new Date(Math.min(...due.map((d) => d.start.getTime())));
  const index = indexChanged(await loadChangedEntries(from, now));
  const topics = await readerTagIds(due.map((d) => d.person.id));
  const spotlights = await currentSpotlights([...new Set(due.flatMap((d) => d.person.memberships.map((m) => m.communityId)))], now);
  const base = appUrl();

  const work = due.map(({ person, day, start }) => {
    const actor: Actor = {
      id: person.id,
      role: person.role as Role,
      departmentId: person.departmentId,
      communityIds: person.memberships.map((m) => m.communityId),
      headOfDepartmentId: person.headOf?.id ?? null,
    };
    const { items, total } = whatsNewFor(index, { actor, tagIds: topics.get(person.id) ?? [], since: start }, DIGEST_LIST_LIMIT);
    // The spotlights of the person's communities ride along; one pinned since the last digest is reason enough to send one.
    const shown = actor.communityIds.flatMap((communityId) => {
      const row = spotlights.get(communityId);
      const view = row ? spotlightForReader(actor, row) : null;
      return row && view ? [{ row, view }] : [];
    });
    if (total === 0 && !shown.some(({ row }) => row.startsAt >= start)) return { userId: person.id, mail: null };
    const content = renderDigestMail({
      locale: isLocale(person.locale) ? person.locale : DEFAULT_LOCALE,
      recipientName: person.name,
      since: start,
      spotlights: shown.map(({ row, view }) => ({
        communityName: row.community.name,
        title: view.entry?.title ?? view.tag ?? "",
        note: view.note,
        url: view.entry ? `${base}/entries/${view.entry.id}` : `${base}/communities/${row.community.slug}#spotlight`,
      })),
      items: items.map((item) => ({ ...item, url: `${base}/entries/${item.id}` })),
      total,
      whatsNewUrl: `${base}/new`,
      preferencesUrl: `${base}${PREFERENCES_PATH}`,
    });
    const mail: QueuedMail = { ...content, dedupeKey: `digest:${person.id}:${day}`, recipientId: person.id, to: person.email };
    return { userId: person.id, mail };
  });

  // The mails and the people's new period start in one transaction per chunk: a rerun finds them done.
  for (let i = 0; i < work.length; i += WRITE_CHUNK) {
    const chunk = work.slice(i, i + WRITE_CHUNK);
    await db.$transaction(async (tx) => {
      await enqueueMails(tx, chunk.flatMap(({ mail }) => (mail ? [mail] : [])));
      const userIds = chunk.map(({ userId }) => userId);
      const rows = await tx.notificationPreference.findMany({ where: { userId: { in: userIds } }, select: { userId: true } });
      const withRow = new Set(rows.map((row) => row.userId));
      await tx.notificationPreference.updateMany({ where: { userId: { in: [...withRow] } }, data: { lastDigestAt: now } });
      const without = userIds.filter((id) => !withRow.has(id));
      if (without.length) await tx.notificationPreference.createMany({ data: without.map((userId) => ({ userId, lastDigestAt: now })) });
    });
  }
  return work.length;
}

export const sendDigestsJob: SweepJob = { name: "sendDigests", run: sendDigests };
