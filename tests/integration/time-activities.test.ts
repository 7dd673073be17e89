/**
 * Time logging and activities on a real database: who may log, schedule, cancel, attend and undo
 * (member, outsider of a closed community, lead, head of another department, knowledge manager);
 * bad input refused with nothing half-saved; attending writes attendance and time in one go; the
 * budget view's figures come from the aggregates.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { deleteTimeEntry, editTimeEntry, logTime } from "~/commands/log-time.server";
import { attendActivity, cancelActivity, scheduleActivity, unattendActivity } from "~/commands/manage-activity.server";
import { budgetView, currentBudgetStatus, listActivities } from "~/models/time.server";
import { today as todayIso } from "~/utils/dates";
import { actorFor, makeCommunity, makeDepartment, makeUser } from "../support/factories";

const DAY = 86_400_000;
const today = () => new Date(`${todayIso()}T00:00:00Z`);

async function setup(visibility: "OPEN" | "CLOSED" = "CLOSED") {
  const [dept, otherDept] = [await makeDepartment(), await makeDepartment()];
  const headUser = await makeUser({ role: "DEPARTMENT_HEAD", departmentId: dept.id });
  await db.department.update({ where: { id: dept.id }, data: { headId: headUser.id } });
  const otherHeadUser = await makeUser({ role: "DEPARTMENT_HEAD", departmentId: otherDept.id });
  await db.department.update({ where: { id: otherDept.id }, data: { headId: otherHeadUser.id } });
  const [leadUser, memberUser, idleUser, outsiderUser, kmUser] = [
    await makeUser({ name: "Lea Lead" }),
    await makeUser({ name: "Mo Member" }),
    await makeUser({ name: "Ilse Idle" }),
    await makeUser(),
    await makeUser({ role: "KNOWLEDGE_MANAGER" }),
  ];
  const community = await makeCommunity({ departmentId: dept.id, visibility, memberIds: [memberUser.id, idleUser.id] });
  await db.membership.create({ data: { userId: leadUser.id, communityId: community.id, role: "LEAD" } });
  return {
    community,
    lead: await actorFor(leadUser),
    member: await actorFor(memberUser),
    idle: await actorFor(idleUser),
    outsider: await actorFor(outsiderUser),
    km: await actorFor(kmUser),
    head: await actorFor(headUser),
    otherHead: await actorFor(otherHeadUser),
  };
}

const entry = (over: Partial<{ date: Date; minutes: number; what: string; activityId: string }> = {}) => ({ date: today(), minutes: 45, what: "Notities nalezen", ...over });
const countsOf = async (communityId: string) => ({
  entries: await db.timeEntry.count({ where: { communityId } }),
  activities: await db.activity.count({ where: { communityId } }),
  attendances: await db.attendance.count({ where: { activity: { communityId } } }),
});
const activityInput = (startsAt: Date, over: Partial<{ title: string; durationMinutes: number }> = {}) => ({
  kind: "INTERVISION" as const,
  title: "Intervisie volmachten",
  agenda: "1. Casus\n2. Afspraken",
  startsAt,
  durationMinutes: 60,
  ...over,
});

describe("logging time", () => {
  it("members and leads log time and delete their own entries; audit is written", async () => {
    const { community, lead, member } = await setup();
    const a = await logTime(member, community.id, entry());
    await logTime(lead, community.id, entry({ minutes: 30, what: "Intervisie voorbereiden" }));
    expect(await db.timeEntry.findUniqueOrThrow({ where: { id: a.id }, select: { userId: true, minutes: true, what: true } })).toEqual({ userId: member.id, minutes: 45, what: "Notities nalezen" });
    await deleteTimeEntry(member, community.id, a.id);
    expect(await db.timeEntry.findUnique({ where: { id: a.id } })).toBeNull();
    const actions = await db.auditEvent.findMany({ where: { targetType: "timeEntry", targetId: a.id }, select: { action: true } });
    expect(actions.map((x) => x.action).sort()).toEqual(["time.delete", "time.log"]);
  });

  it("outsiders of a closed community get 404; the head, other heads, knowledge managers and outsiders of an open one get 403", async () => {
    const closed = await setup("CLOSED");
    await expect(logTime(closed.outsider, closed.community.id, entry())).rejects.toMatchObject({ status: 404 });
    await expect(logTime(closed.otherHead, closed.community.id, entry())).rejects.toMatchObject({ status: 404 });
    await expect(logTime(closed.head, closed.community.id, entry())).rejects.toMatchObject({ status: 403 });
    await expect(logTime(closed.km, closed.community.id, entry())).rejects.toMatchObject({ status: 403 });
    const open = await setup("OPEN");
    await expect(logTime(open.outsider, open.community.id, entry())).rejects.toMatchObject({ status: 403 });
    await expect(logTime(open.otherHead, open.community.id, entry())).rejects.toMatchObject({ status: 403 });
    expect((await countsOf(closed.community.id)).entries + (await countsOf(open.community.id)).entries).toBe(0);
  });

  it("nobody deletes someone else's entry (403), nor one of another community (404)", async () => {
    const { community, lead, member, head } = await setup();
    const other = await setup();
    const a = await logTime(member, community.id, entry());
    await expect(deleteTimeEntry(lead, community.id, a.id)).rejects.toMatchObject({ status: 403 });
    await expect(deleteTimeEntry(head, community.id, a.id)).rejects.toMatchObject({ status: 403 });
    await expect(deleteTimeEntry(other.lead, other.community.id, a.id)).rejects.toMatchObject({ status: 404 });
    expect(await db.timeEntry.count({ where: { id: a.id } })).toBe(1);
  });

  it("members correct their own entries (day, minutes, what), audited with before and after; nobody else may", async () => {
    const { community, lead, member, head } = await setup();
    const other = await setup();
    const a = await logTime(member, community.id, entry({ minutes: 45 }));
    const yesterday = new Date(today().getTime() - DAY);
    await editTimeEntry(member, community.id, a.id, { date: yesterday, minutes: 90, what: "Intervisie voorbereiden" });
    expect(await db.timeEntry.findUniqueOrThrow({ where: { id: a.id }, select: { date: true, minutes: true, what: true } })).toEqual({ date: yesterday, minutes: 90, what: "Intervisie voorbereiden" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetType: "timeEntry", targetId: a.id, action: "time.edit" } });
    expect(JSON.parse(audit.details)).toMatchObject({
      from: { date: todayIso(), minutes: 45, what: "Notities nalezen" },
      to: { date: yesterday.toISOString().slice(0, 10), minutes: 90, what: "Intervisie voorbereiden" },
    });
    const change = { date: today(), minutes: 5, what: "Stiekem" };
    await expect(editTimeEntry(lead, community.id, a.id, change)).rejects.toMatchObject({ status: 403 });
    await expect(editTimeEntry(head, community.id, a.id, change)).rejects.toMatchObject({ status: 403 });
    await expect(editTimeEntry(other.lead, other.community.id, a.id, change)).rejects.toMatchObject({ status: 404 });
    expect(await db.timeEntry.findUniqueOrThrow({ where: { id: a.id }, select: { minutes: true } })).toEqual({ minutes: 90 });
  });

  it("a correction counts against the 24 hours without counting the entry twice; an activity's time keeps its day", async () => {
    const { community, lead, member } = await setup();
    const day = new Date(today().getTime() - 3 * DAY);
    const a = await logTime(member, community.id, entry({ date: day, minutes: 1000 }));
    await logTime(member, community.id, entry({ date: day, minutes: 400 }));
    // 1000 → 1040: 1040 + 400 = 1440, exactly the day.
    await editTimeEntry(member, community.id, a.id, { date: day, minutes: 1040, what: "Langer dan gedacht" });
    await expect(editTimeEntry(member, community.id, a.id, { date: day, minutes: 1041, what: "Nog langer" })).rejects.toMatchObject({ status: 400, messageKey: "error.time.dayTotal", field: "minutes" });

    const past = await scheduleActivity(lead, community.id, activityInput(new Date(Date.now() - 2 * DAY)));
    await attendActivity(member, community.id, past.id);
    const logged = await db.timeEntry.findFirstOrThrow({ where: { activityId: past.id, userId: member.id } });
    await expect(editTimeEntry(member, community.id, logged.id, { date: day, minutes: 30, what: "Intervisie" })).rejects.toMatchObject({ status: 400, messageKey: "error.time.activityDay", field: "date" });
    await editTimeEntry(member, community.id, logged.id, { date: logged.date, minutes: 75, what: "Intervisie, uitgelopen" });
    expect(await db.timeEntry.findUniqueOrThrow({ where: { id: logged.id }, select: { minutes: true, activityId: true } })).toEqual({ minutes: 75, activityId: past.id });
    expect(await db.attendance.count({ where: { activityId: past.id, userId: member.id } })).toBe(1);

    await db.community.update({ where: { id: community.id }, data: { status: "ARCHIVED" } });
    await expect(editTimeEntry(member, community.id, a.id, { date: day, minutes: 10, what: "Te laat" })).rejects.toMatchObject({ status: 400 });
  });

  it("more than 24 hours on one day, all communities together, is refused and nothing is saved", async () => {
    const first = await setup("OPEN");
    const second = await makeCommunity({ departmentId: first.community.departmentId, memberIds: [first.member.id] });
    const member = await actorFor(await db.user.findUniqueOrThrow({ where: { id: first.member.id } }));
    const day = new Date(today().getTime() - 2 * DAY);
    await logTime(member, first.community.id, entry({ date: day, minutes: 1000 }));
    await expect(logTime(member, second.id, entry({ date: day, minutes: 441 }))).rejects.toMatchObject({ status: 400, messageKey: "error.time.dayTotal", field: "minutes" });
    await logTime(member, second.id, entry({ date: day, minutes: 440 }));
    await logTime(member, second.id, entry({ date: new Date(day.getTime() + DAY), minutes: 440 }));
    expect(await db.timeEntry.aggregate({ where: { userId: member.id, date: day }, _sum: { minutes: true } })).toEqual({ _sum: { minutes: 1440 } });
  });

  it("an archived community takes no time, no activities and no attendance: a clear message, nothing saved", async () => {
    const { community, lead, member } = await setup();
    const past = await scheduleActivity(lead, community.id, activityInput(new Date(Date.now() - 3 * DAY)));
    await db.community.update({ where: { id: community.id }, data: { status: "ARCHIVED" } });
    const before = await countsOf(community.id);
    await expect(logTime(member, community.id, entry())).rejects.toMatchObject({ status: 400, messageKey: "error.community.archived" });
    await expect(scheduleActivity(lead, community.id, activityInput(new Date(Date.now() + DAY)))).rejects.toMatchObject({ messageKey: "error.community.archived" });
    await expect(attendActivity(member, community.id, past.id)).rejects.toMatchObject({ messageKey: "error.community.archived" });
    expect(await countsOf(community.id)).toEqual(before);
  });
});

describe("activities", () => {
  it("the lead schedules; a member attends a started activity: attendance and time in one go; undo removes both", async () => {
    const { community, lead, member } = await setup();
    const startsAt = new Date(`${todayIso(new Date(Date.now() - 7 * DAY))}T12:00:00Z`);
    const { id } = await scheduleActivity(lead, community.id, activityInput(startsAt, { durationMinutes: 90 }));
    await attendActivity(member, community.id, id);
    const logged = await db.timeEntry.findUniqueOrThrow({ where: { activityId_userId: { activityId: id, userId: member.id } }, select: { minutes: true, what: true, date: true, communityId: true } });
    expect(logged).toEqual({ minutes: 90, what: "Intervisie volmachten", date: new Date(`${startsAt.toISOString().slice(0, 10)}T00:00:00Z`), communityId: community.id });
    expect(await db.attendance.count({ where: { activityId: id } })).toBe(1);
    await expect(attendActivity(member, community.id, id)).rejects.toMatchObject({ messageKey: "error.activity.alreadyAttending" });
    await unattendActivity(member, community.id, id);
    expect(await countsOf(community.id)).toMatchObject({ entries: 0, attendances: 0 });
    await expect(unattendActivity(member, community.id, id)).rejects.toMatchObject({ messageKey: "error.activity.notAttending" });
    const audit = await db.auditEvent.findMany({ where: { targetType: "activity", targetId: id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(["activity.schedule", "activity.attend", "activity.unattend"]);
  });

  it("attending a future or cancelled activity is refused; only upcoming activities can be cancelled", async () => {
    const { community, lead, member } = await setup();
    const future = await scheduleActivity(lead, community.id, activityInput(new Date(Date.now() + 2 * DAY)));
    await expect(attendActivity(member, community.id, future.id)).rejects.toMatchObject({ status: 400, messageKey: "error.activity.notStarted" });
    await cancelActivity(lead, community.id, future.id);
    await expect(cancelActivity(lead, community.id, future.id)).rejects.toMatchObject({ messageKey: "error.activity.cancelled" });
    const past = await scheduleActivity(lead, community.id, activityInput(new Date(Date.now() - DAY)));
    await expect(cancelActivity(lead, community.id, past.id)).rejects.toMatchObject({ messageKey: "error.activity.started" });
    await expect(attendActivity(member, community.id, future.id, new Date(Date.now() + 3 * DAY))).rejects.toMatchObject({ messageKey: "error.activity.cancelled" });
    expect(await countsOf(community.id)).toMatchObject({ entries: 0, attendances: 0 });
  });

  it("only leads (and admins) schedule and cancel; outsiders of a closed community get 404 on everything", async () => {
    const { community, lead, member, head, otherHead, km, outsider } = await setup();
    const input = activityInput(new Date(Date.now() + DAY));
    for (const who of [member, head, km]) await expect(scheduleActivity(who, community.id, input)).rejects.toMatchObject({ status: 403 });
    for (const who of [outsider, otherHead]) await expect(scheduleActivity(who, community.id, input)).rejects.toMatchObject({ status: 404 });
    const { id } = await scheduleActivity(lead, community.id, input);
    const past = await scheduleActivity(lead, community.id, activityInput(new Date(Date.now() - DAY)));
    for (const who of [member, head, km]) await expect(cancelActivity(who, community.id, id)).rejects.toMatchObject({ status: 403 });
    for (const who of [head, km]) await expect(attendActivity(who, community.id, past.id)).rejects.toMatchObject({ status: 403 });
    for (const who of [outsider, otherHead]) {
      await expect(cancelActivity(who, community.id, id)).rejects.toMatchObject({ status: 404 });
      await expect(attendActivity(who, community.id, past.id)).rejects.toMatchObject({ status: 404 });
      await expect(unattendActivity(who, community.id, past.id)).rejects.toMatchObject({ status: 404 });
    }
    await attendActivity(lead, community.id, past.id);
    expect(await countsOf(community.id)).toEqual({ entries: 1, activities: 2, attendances: 1 });
    const other = await setup();
    await expect(attendActivity(other.member, other.community.id, past.id)).rejects.toMatchObject({ status: 404 });
  });

  it("logging time with an activity records the attendance too, once; the entry's deletion removes it", async () => {
    const { community, lead, member } = await setup();
    const past = await scheduleActivity(lead, community.id, activityInput(new Date(Date.now() - DAY)));
    const future = await scheduleActivity(lead, community.id, activityInput(new Date(Date.now() + DAY)));
    await expect(logTime(member, community.id, entry({ activityId: future.id }))).rejects.toMatchObject({ field: "activityId", messageKey: "error.time.activity" });
    const e = await logTime(member, community.id, entry({ activityId: past.id, minutes: 50 }));
    expect(await db.attendance.count({ where: { activityId: past.id, userId: member.id } })).toBe(1);
    await expect(logTime(member, community.id, entry({ activityId: past.id }))).rejects.toMatchObject({ messageKey: "error.time.activityLogged" });
    await expect(attendActivity(member, community.id, past.id)).rejects.toMatchObject({ messageKey: "error.activity.alreadyAttending" });
    await deleteTimeEntry(member, community.id, e.id);
    expect(await countsOf(community.id)).toMatchObject({ entries: 0, attendances: 0 });
  });

  it("lists upcoming and past activities with their attendees", async () => {
    const { community, lead, member } = await setup();
    const past = await scheduleActivity(lead, community.id, activityInput(new Date(Date.now() - DAY), { title: "Voorbij" }));
    await scheduleActivity(lead, community.id, activityInput(new Date(Date.now() + DAY), { title: "Straks" }));
    await attendActivity(member, community.id, past.id);
    const { upcoming, past: done } = await listActivities(community.id);
    expect(upcoming.map((a) => a.title)).toEqual(["Straks"]);
    expect(done.map((a) => [a.title, a.attendances.map((x) => x.user.id)])).toEqual([["Voorbij", [member.id]]]);
  });
});

describe("budget view", () => {
  it("sums per member and in total for the current period, with over budget and who logged nothing", async () => {
    const { community, lead, member } = await setup();
    // The factory writes no BudgetChange rows: the community's own budget (120 min per 14 days) from its creation day.
    await logTime(member, community.id, entry({ minutes: 150 }));
    await logTime(lead, community.id, entry({ minutes: 30 }));
    const view = (await budgetView(community, { userId: lead.id, perMember: true }))!;
    expect(view.isCurrent).toBe(true);
    expect(view.period.days).toBe(14);
    const byName = Object.fromEntries(view.lines.map((l) => [l.name, l]));
    expect(byName["Mo Member"]).toMatchObject({ used: 150, budget: 120, over: true, overBy: 30 });
    expect(byName["Lea Lead"]).toMatchObject({ used: 30, budget: 120, over: false });
    expect(view.totals).toMatchObject({ used: 180, budget: 360, members: 3 });
    expect(view.loggedNothing.map((l) => l.name)).toEqual(["Ilse Idle"]);
    expect(view.history[0]).toMatchObject({ key: view.period.key, used: 180, budget: 360 });
    const own = (await budgetView(community, { userId: member.id, perMember: false }))!;
    expect(own.lines.map((l) => l.userId)).toEqual([member.id]);
    expect(own.loggedNothing).toEqual([]);
    expect(own.totals.used).toBe(180);
    expect(await currentBudgetStatus(community)).toMatchObject({ totals: { used: 180, budget: 360 } });
  });

  it("uses the budget changes and membership history: periods restart at a change, late joiners get a prorated budget", async () => {
    const { community, lead, member } = await setup();
    const start = new Date(today().getTime() - 20 * DAY);
    await db.budgetChange.createMany({
      data: [
        { communityId: community.id, effectiveFrom: start, minutes: 60, periodDays: 7 },
        { communityId: community.id, effectiveFrom: new Date(today().getTime() - 6 * DAY), minutes: 280, periodDays: 14 },
      ],
    });
    await db.membershipHistory.createMany({
      data: [
        { communityId: community.id, userId: lead.id, joinedAt: start },
        { communityId: community.id, userId: member.id, joinedAt: new Date(today().getTime() - 6 * DAY + 7 * 3_600_000) },
      ],
    });
    await logTime(member, community.id, entry({ date: new Date(today().getTime() - 10 * DAY), minutes: 20 }));
    const view = (await budgetView(community, { userId: lead.id, perMember: true }))!;
    expect(view.period).toMatchObject({ key: todayIso(new Date(Date.now() - 6 * DAY)), days: 14, minutes: 280 });
    // The member (history from 6 days ago) has the full budget; the idle one (no history) from the membership's creation.
    expect(view.history.map((p) => p.days)).toEqual([14, 7, 7]);
    const earlier = (await budgetView(community, { userId: lead.id, perMember: true, periodKey: view.history[1].key }))!;
    expect(earlier.isCurrent).toBe(false);
    const member0 = earlier.lines.find((l) => l.userId === member.id)!;
    expect(member0).toMatchObject({ used: 20, budget: 0, over: true });
    expect(earlier.lines.find((l) => l.userId === lead.id)).toMatchObject({ budget: 60, used: 0 });
  });
});
