/**
 * Logging time spent on community work, and correcting or deleting one's own entries. Only members and leads of an
 * active community log time; nobody logs more than 24 hours on one day, all communities together
 * (checked inside the transaction that writes, so two requests at once cannot both pass).
 */
import type { Tx } from "~/utils/db.server";
import { isoDay } from "~/utils/dates";
import { canLogTime, type Actor } from "~/policies/policies";
import { TIME_LIMITS, type EditTimeInput, type LogTimeInput } from "~/schemas/time.shared";
import { CommandError } from "./errors";
import { runCommand } from "./runner.server";
import { assertActive, loadCommunityRef } from "~/models/community-ref.server";

/** Refuses when the user's minutes on that day, in every community, would exceed 24 hours (`except`: the entry being corrected). */
export async function assertDayLimit(tx: Tx, userId: string, date: Date, minutes: number, field = "minutes", except?: string) {
  const { _sum } = await tx.timeEntry.aggregate({ where: { userId, date, ...(except ? { id: { not: except } } : {}) }, _sum: { minutes: true } });
  if ((_sum.minutes ?? 0) + minutes > TIME_LIMITS.minutesMax) throw CommandError.invalid("error.time.dayTotal", field);
}

/**
 * The actor logs time in a community. With an activity, the entry is the actor's time for that
 * activity and the actor is recorded as having attended it (one entry per activity and person).
 */
export async function logTime(actor: Actor, communityId: string, input: LogTimeInput) {
  return runCommand(actor, async ({ tx, audit }) => {
    const community = await loadCommunityRef(tx, actor, communityId);
    assertActive(community);
    if (!canLogTime(actor, community)) throw CommandError.forbidden();
    if (input.activityId) {
      const activity = await tx.activity.findUnique({ where: { id: input.activityId }, select: { communityId: true, startsAt: true, cancelledAt: true } });
      if (!activity || activity.communityId !== communityId || activity.cancelledAt || activity.startsAt > new Date()) {
        throw CommandError.invalid("error.time.activity", "activityId");
      }
      const logged = await tx.timeEntry.findUnique({ where: { activityId_userId: { activityId: input.activityId, userId: actor.id } }, select: { id: true } });
      if (logged) throw CommandError.invalid("error.time.activityLogged", "activityId");
    }
    await assertDayLimit(tx, actor.id, input.date, input.minutes);
    const entry = await tx.timeEntry.create({
      data: { userId: actor.id, communityId, date: input.date, minutes: input.minutes, what: input.what, activityId: input.activityId ?? null },
      select: { id: true },
    });
    if (input.activityId) {
      const key = { activityId_userId: { activityId: input.activityId, userId: actor.id } };
      await tx.attendance.upsert({ where: key, create: { activityId: input.activityId, userId: actor.id }, update: {} });
    }
    await audit({
      action: "time.log",
      targetType: "timeEntry",
      targetId: entry.id,
      details: { communityId, date: isoDay(input.date), minutes: input.minutes, activityId: input.activityId ?? null },
    });
    return entry;
  });
}

/** The actor deletes one of their own entries (and, for an activity, their attendance with it). */
export async function deleteTimeEntry(actor: Actor, communityId: string, entryId: string) {
  await runCommand(actor, async ({ tx, audit }) => {
    const entry = await ownEntry(tx, actor, communityId, entryId);
    await tx.timeEntry.delete({ where: { id: entryId } });
    if (entry.activityId) await tx.attendance.deleteMany({ where: { activityId: entry.activityId, userId: actor.id } });
    await audit({
      action: "time.delete",
      targetType: "timeEntry",
      targetId: entryId,
      details: { communityId, date: isoDay(entry.date), minutes: entry.minutes, activityId: entry.activityId },
    });
  });
}

/** An entry of the actor's own in this community, for correcting or deleting (404 elsewhere, 403 for someone else's). */
async function ownEntry(tx: Tx, actor: Actor, communityId: string, entryId: string) {
  const community = await loadCommunityRef(tx, actor, communityId);
  const entry = await tx.timeEntry.findUnique({ where: { id: entryId }, select: { id: true, userId: true, communityId: true, activityId: true, minutes: true, date: true, what: true } });
  if (!entry || entry.communityId !== communityId) throw CommandError.notFound();
  if (entry.userId !== actor.id) throw CommandError.forbidden();
  assertActive(community);
  return entry;
}

/**
 * The actor corrects one of their own entries: day, minutes, what. An activity's entry stays on the
 * activity's day (its attendance goes with it); the 24-hour limit counts the corrected minutes.
 */
export async function editTimeEntry(actor: Actor, communityId: string, entryId: string, input: EditTimeInput) {
  await runCommand(actor, async ({ tx, audit }) => {
    const entry = await ownEntry(tx, actor, communityId, entryId);
    if (entry.activityId && input.date.getTime() !== entry.date.getTime()) throw CommandError.invalid("error.time.activityDay", "date");
    await assertDayLimit(tx, actor.id, input.date, input.minutes, "minutes", entry.id);
    await tx.timeEntry.update({ where: { id: entryId }, data: { date: input.date, minutes: input.minutes, what: input.what } });
    await audit({
      action: "time.edit",
      targetType: "timeEntry",
      targetId: entryId,
      details: { communityId, from: { date: isoDay(entry.date), minutes: entry.minutes, what: entry.what }, to: { date: isoDay(input.date), minutes: input.minutes, what: input.what } },
    });
  });
}

