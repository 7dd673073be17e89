/**
 * Activities of a community: leads schedule and cancel them; members attend the ones that have started.
 * Attending records the attendance and logs the activity's duration on its day, with its title as what,
 * in one transaction; undoing removes both.
 */
import type { Tx } from "~/utils/db.server";
import { canAttendActivities, canScheduleActivities, type Actor } from "~/policies/policies";
import type { ScheduleActivityInput } from "~/schemas/activity.shared";
import { dayDate, zonedDay } from "~/utils/dates";
import { CommandError } from "./errors";
import { assertDayLimit } from "./log-time.server";
import { runCommand } from "./runner.server";
import { assertActive, loadCommunityRef } from "~/models/community-ref.server";

async function loadActivity(tx: Tx, actor: Actor, communityId: string, activityId: string) {
  const community = await loadCommunityRef(tx, actor, communityId);
  const activity = await tx.activity.findUnique({
    where: { id: activityId },
    select: { id: true, communityId: true, title: true, startsAt: true, durationMinutes: true, cancelledAt: true },
  });
  if (!activity || activity.communityId !== communityId) throw CommandError.notFound();
  return { community, activity };
}

export async function scheduleActivity(actor: Actor, communityId: string, input: ScheduleActivityInput) {
  return runCommand(actor, async ({ tx, audit, notify }) => {
    const community = await loadCommunityRef(tx, actor, communityId);
    assertActive(community);
    if (!canScheduleActivities(actor, community)) throw CommandError.forbidden();
    const activity = await tx.activity.create({ data: { communityId, ...input, createdById: actor.id }, select: { id: true } });
    await audit({
      action: "activity.schedule",
      targetType: "activity",
      targetId: activity.id,
      details: { communityId, kind: input.kind, title: input.title, startsAt: input.startsAt.toISOString(), durationMinutes: input.durationMinutes },
    });
    const members = await tx.membership.findMany({ where: { communityId }, select: { userId: true } });
    await notify({
      recipientIds: members.map((m) => m.userId),
      type: "activity.scheduled",
      subjectType: "activity",
      subjectId: activity.id,
      communityId,
      data: { title: input.title, kind: input.kind, startsAt: input.startsAt.toISOString() },
    });
    return activity;
  });
}

/** A lead cancels an activity that has not started yet (so nobody attended it). */
export async function cancelActivity(actor: Actor, communityId: string, activityId: string, now = new Date()) {
  await runCommand(actor, async ({ tx, audit }) => {
    const { community, activity } = await loadActivity(tx, actor, communityId, activityId);
    assertActive(community);
    if (!canScheduleActivities(actor, community)) throw CommandError.forbidden();
    if (activity.cancelledAt) throw CommandError.invalid("error.activity.cancelled");
    if (activity.startsAt <= now) throw CommandError.invalid("error.activity.started");
    await tx.activity.update({ where: { id: activityId }, data: { cancelledAt: now } });
    await audit({ action: "activity.cancel", targetType: "activity", targetId: activityId, details: { communityId } });
  });
}

/** A member was there: attendance plus a time entry for the activity's duration on its (Belgian) day. */
export async function attendActivity(actor: Actor, communityId: string, activityId: string, now = new Date()) {
  await runCommand(actor, async ({ tx, audit }) => {
    const { community, activity } = await loadActivity(tx, actor, communityId, activityId);
    assertActive(community);
    if (!canAttendActivities(actor, community)) throw CommandError.forbidden();
    if (activity.cancelledAt) throw CommandError.invalid("error.activity.cancelled");
    if (activity.startsAt > now) throw CommandError.invalid("error.activity.notStarted");
    const key = { activityId_userId: { activityId, userId: actor.id } };
    const [attending, logged] = await Promise.all([
      tx.attendance.findUnique({ where: key, select: { activityId: true } }),
      tx.timeEntry.findUnique({ where: key, select: { id: true } }),
    ]);
    if (attending || logged) throw CommandError.invalid("error.activity.alreadyAttending");
    const date = dayDate(zonedDay(activity.startsAt));
    await assertDayLimit(tx, actor.id, date, activity.durationMinutes, "_form");
    await tx.attendance.create({ data: { activityId, userId: actor.id } });
    const entry = await tx.timeEntry.create({
      data: { userId: actor.id, communityId, date, minutes: activity.durationMinutes, what: activity.title, activityId },
      select: { id: true },
    });
    await audit({
      action: "activity.attend",
      targetType: "activity",
      targetId: activityId,
      details: { communityId, timeEntryId: entry.id, minutes: activity.durationMinutes },
    });
  });
}

/** The member was not there after all: the attendance and the activity's time entry go. */
export async function unattendActivity(actor: Actor, communityId: string, activityId: string) {
  await runCommand(actor, async ({ tx, audit }) => {
    const { community } = await loadActivity(tx, actor, communityId, activityId);
    assertActive(community);
    if (!canAttendActivities(actor, community)) throw CommandError.forbidden();
    const key = { activityId_userId: { activityId, userId: actor.id } };
    if (!(await tx.attendance.findUnique({ where: key, select: { activityId: true } }))) throw CommandError.invalid("error.activity.notAttending");
    await tx.attendance.delete({ where: key });
    const removed = await tx.timeEntry.deleteMany({ where: { activityId, userId: actor.id } });
    await audit({ action: "activity.unattend", targetType: "activity", targetId: activityId, details: { communityId, timeEntriesRemoved: removed.count } });
  });
}
