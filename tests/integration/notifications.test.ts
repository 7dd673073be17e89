/**
 * In-app notifications on a real database: each event tells the people it concerns (never the actor,
 * never who muted its type, never who may not see its subject), the bell counts what the list shows,
 * opening one reads it, and nobody reads or opens another person's.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { declineNote, publishNote } from "~/commands/curate-note.server";
import { submitNote } from "~/commands/submit-note.server";
import { acceptAnswer, answerQuestion, askQuestion } from "~/commands/manage-question.server";
import { flagEntry, resolveFlagNoChange } from "~/commands/manage-flag.server";
import { archiveEntry, editEntry } from "~/commands/manage-entry.server";
import { decideRequest, joinCommunity, leaveCommunity } from "~/commands/manage-community.server";
import { decideGoal, proposeGoal } from "~/commands/manage-goal.server";
import { reviewReport, saveReport, startReport } from "~/commands/manage-report.server";
import { scheduleActivity } from "~/commands/manage-activity.server";
import { archiveRetiredProducts, retireProduct } from "~/commands/manage-product.server";
import { markNotificationsRead, openNotification, pruneNotifications, saveNotificationPreferences } from "~/commands/manage-notification.server";
import { countUnreadNotifications, getNotificationPreferences, listNotifications } from "~/models/notification-list.server";
import { MUTABLE_NOTIFICATION_TYPES } from "~/schemas/notification.shared";
import { writeNotifications } from "~/models/notification.server";
import { dayDate, isoDayFromToday } from "~/utils/dates";
import type { Actor } from "~/policies/policies";
import { actorFor, body, makeCommunity, makeDepartment, makeUser, uid } from "../support/factories";

const person = async (role?: "KNOWLEDGE_MANAGER" | "ADMIN" | "DEPARTMENT_HEAD", departmentId?: string) => actorFor(await makeUser({ role, departmentId }));
/** The actor as they are now (memberships change in these tests). */
const fresh = async (actor: Actor) => actorFor(await db.user.findUniqueOrThrow({ where: { id: actor.id } }));

async function received(actor: Actor) {
  return db.notification.findMany({
    where: { recipientId: actor.id },
    orderBy: { createdAt: "asc" },
    select: { id: true, type: true, subjectType: true, subjectId: true, communityId: true, actorId: true, data: true, readAt: true },
  });
}

async function organisation(visibility: "OPEN" | "CLOSED" = "OPEN") {
  const department = await makeDepartment();
  const head = await person("DEPARTMENT_HEAD", department.id);
  await db.department.update({ where: { id: department.id }, data: { headId: head.id } });
  const [lead, member, outsider] = [await makeUser(), await makeUser(), await makeUser()];
  const community = await makeCommunity({ departmentId: department.id, visibility, memberIds: [member.id] });
  await db.membership.create({ data: { userId: lead.id, communityId: community.id, role: "LEAD" } });
  return {
    community,
    head: await fresh(head),
    lead: await actorFor(lead),
    member: await actorFor(member),
    outsider: await actorFor(outsider),
    km: await person("KNOWLEDGE_MANAGER"),
  };
}

describe("the events", () => {
  it("a published note tells its author (not the knowledge manager), links to the entry and is read once opened", async () => {
    const { community, member, km } = await organisation();
    const title = `Premie na overschrijving ${uid()}`;
    const note = await submitNote(member, { title, body: body("Wat werkte."), tags: ["sparen"], communityId: community.id });
    const { entryId } = await publishNote(km, note.id, { title: "Getrouwheidspremie", body: body("Stappen."), tags: ["sparen"] });

    expect(await received(km)).toEqual([]);
    const [notice] = await received(member);
    expect(notice).toMatchObject({ type: "note.published", subjectType: "entry", subjectId: entryId, communityId: community.id, actorId: km.id, readAt: null });
    expect(JSON.parse(notice.data)).toEqual({ title, entryTitle: "Getrouwheidspremie" });

    expect(await countUnreadNotifications(member)).toBe(1);
    const { items } = await listNotifications(member);
    expect(items).toEqual([expect.objectContaining({ id: notice.id, type: "note.published", href: `/entries/${entryId}`, read: false, actorName: expect.any(String) })]);

    expect(await openNotification(member, notice.id)).toBe(`/entries/${entryId}`);
    expect(await countUnreadNotifications(member)).toBe(0);
    expect((await listNotifications(member)).items[0].read).toBe(true);
  });

  it("a declined note carries the reason; a muted type is not written at all", async () => {
    const { member, km } = await organisation();
    const first = await submitNote(member, { title: "Eerste", body: body("x"), tags: [] });
    await declineNote(km, first.id, "Staat al in de kennisbank.");
    const [declined] = await received(member);
    expect(declined).toMatchObject({ type: "note.declined", subjectType: "note", subjectId: first.id, communityId: null });
    expect(JSON.parse(declined.data)).toEqual({ title: "Eerste", reason: "Staat al in de kennisbank." });
    expect((await listNotifications(member)).items[0].href).toBe("/notes");

    await saveNotificationPreferences(member, { receive: MUTABLE_NOTIFICATION_TYPES.filter((t) => t !== "note.declined"), email: false, digest: true, digestTime: "07:45" });
    const second = await submitNote(member, { title: "Tweede", body: body("y"), tags: [] });
    await declineNote(km, second.id, "Dubbel.");
    expect((await received(member)).map((n) => n.subjectId)).toEqual([first.id]);
    expect(await getNotificationPreferences(member.id)).toEqual({ mutedTypes: ["note.declined"], emailEnabled: false, digestEnabled: true, digestTime: "07:45" });
    const audit = await db.auditEvent.findFirst({ where: { actorId: member.id, action: "notification.preferences" }, select: { details: true } });
    expect(JSON.parse(audit?.details ?? "{}")).toMatchObject({ mutedTypes: ["note.declined"], emailEnabled: false });
  });

  it("an answer tells the asker, an accepted answer its author; nobody else", async () => {
    const { community, lead, member } = await organisation();
    const colleague = await makeUser();
    await db.membership.create({ data: { userId: colleague.id, communityId: community.id } });
    const answerer = await actorFor(colleague);
    const question = await askQuestion(await fresh(member), community.id, { title: "Premie bij verhuis?", tags: [], body: body("Vraag.") });
    const answer = await answerQuestion(answerer, question.id, body("Ja, ze blijft."));
    await acceptAnswer(await fresh(member), question.id, answer.id);

    expect((await received(member)).map((n) => [n.type, n.subjectId])).toEqual([["question.answered", question.id]]);
    expect((await received(answerer)).map((n) => [n.type, n.subjectId])).toEqual([["answer.accepted", question.id]]);
    expect(await received(lead)).toEqual([]);
    expect((await listNotifications(member)).items[0].href).toBe(`/questions/${question.id}`);
  });

  it("every way a flag is resolved tells its flagger: no change needed, fixed by an edit, archived", async () => {
    const { member, km } = await organisation();
    const [a, b, c] = [await person(), await person(), await person()];
    const publish = async (title: string) => {
      const note = await submitNote(member, { title, body: body("x"), tags: [] });
      return (await publishNote(km, note.id, { title, body: body("Stappen."), tags: [] })).entryId;
    };
    const [first, second, third] = [await publish("Eén"), await publish("Twee"), await publish("Drie")];
    const flagA = await flagEntry(a, first, { reason: "OUTDATED", comment: "" });
    await resolveFlagNoChange(km, flagA.id, "Klopt nog steeds.");
    const flagB = await flagEntry(b, second, { reason: "OUTDATED", comment: "" });
    await editEntry(km, second, {
      version: 1, title: "Twee, herzien", body: body("Nieuw."), tags: [], communityId: null, ownerId: km.id,
      reviewBy: dayDate(isoDayFromToday(90)), changeNote: "Tarief bijgewerkt.", resolveFlagIds: [flagB.id],
    });
    await flagEntry(c, third, { reason: "OUTDATED", comment: "" });
    await archiveEntry(km, third, { reason: "Product bestaat niet meer." });

    const outcome = async (who: Actor) => (await received(who)).map((n) => ({ type: n.type, subjectId: n.subjectId, ...JSON.parse(n.data) }));
    expect(await outcome(a)).toEqual([{ type: "flag.resolved", subjectId: first, title: "Eén", outcome: "NO_CHANGE", resolution: "Klopt nog steeds." }]);
    expect(await outcome(b)).toEqual([{ type: "flag.resolved", subjectId: second, title: "Twee, herzien", outcome: "FIXED", resolution: "Tarief bijgewerkt." }]);
    expect(await outcome(c)).toEqual([{ type: "flag.resolved", subjectId: third, title: "Drie", outcome: "ARCHIVED", resolution: "Product bestaat niet meer." }]);
  });

  it("a retired product's entries archived by the sweep tell their flaggers too, from the system", async () => {
    const { member, km } = await organisation();
    const tag = await db.tag.create({ data: { name: `product-${uid()}`, isProduct: true } });
    const note = await submitNote(member, { title: "Spaarrekening Plus", body: body("x"), tags: [tag.name] });
    const { entryId } = await publishNote(km, note.id, { title: "Spaarrekening Plus", body: body("Stappen."), tags: [tag.name] });
    const reader = await person();
    await flagEntry(reader, entryId, { reason: "OUTDATED", comment: "" });
    await retireProduct(km, tag.id, { retiresOn: new Date("2032-02-01T00:00:00Z"), note: "Stopt op 1 februari", archiveOnRetire: true }, new Date("2032-01-01T09:00:00Z"));
    await archiveRetiredProducts(new Date("2032-02-01T00:00:00Z"));
    const [resolved] = await received(reader);
    expect(resolved).toMatchObject({ type: "flag.resolved", subjectId: entryId, actorId: null });
    expect(JSON.parse(resolved.data)).toEqual({ title: "Spaarrekening Plus", outcome: "ARCHIVED", resolution: "Stopt op 1 februari" });
  });

  it("a request to join a closed community tells its leads; the outcome tells the requester, who is not let in by the link", async () => {
    const { community, lead, head, outsider } = await organisation("CLOSED");
    await joinCommunity(outsider, community.id);
    expect((await received(lead)).map((n) => n.type)).toEqual(["membership.requested"]);
    expect(await received(head)).toEqual([]);
    expect((await listNotifications(lead)).items[0].href).toBe(`/communities/${community.slug}`);

    await decideRequest(lead, community.id, outsider.id, false);
    const [refused] = await received(outsider);
    expect(refused).toMatchObject({ type: "membership.decided", subjectType: "community" });
    expect(JSON.parse(refused.data)).toEqual({ accepted: false });
    // Still an outsider: the notification shows, and leads to the list of communities, not inside.
    expect((await listNotifications(outsider)).items).toEqual([expect.objectContaining({ href: "/communities", communityName: community.name })]);
  });

  it("a proposed goal tells the department's head; the decision tells the leads", async () => {
    const { community, lead, head, member } = await organisation();
    const goal = await proposeGoal(lead, community.id, { title: "Twintig artikels", target: "20", dueDate: new Date(Date.now() + 60 * 86_400_000) });
    expect((await received(head)).map((n) => [n.type, n.subjectId])).toEqual([["goal.proposed", goal.id]]);
    await decideGoal(head, community.id, goal.id, false, "Per kwartaal, graag.");
    const [decided] = await received(lead);
    expect(decided.type).toBe("goal.decided");
    expect(JSON.parse(decided.data)).toEqual({ title: "Twintig artikels", agreed: false, comment: "Per kwartaal, graag." });
    expect(await received(member)).toEqual([]);
    expect((await listNotifications(lead)).items[0].href).toBe(`/communities/${community.slug}#goals`);
  });

  it("a submitted report tells the head; the acknowledgement tells the lead; a knowledge manager never hears of reports", async () => {
    const { community, lead, head, km } = await organisation();
    const report = await startReport(lead, community.id, { periodStart: dayDate("2026-03-01"), periodEnd: dayDate("2026-03-14") });
    await saveReport(lead, report.id, { narrative: body("Een goede periode."), highlights: [] }, true);
    expect((await received(head)).map((n) => [n.type, n.subjectId, JSON.parse(n.data)])).toEqual([["report.submitted", report.id, { periodStart: "2026-03-01", periodEnd: "2026-03-14" }]]);
    await reviewReport(head, report.id, { comment: "Mooi werk.", acknowledge: true });
    expect((await received(lead)).map((n) => [n.type, JSON.parse(n.data).comment])).toEqual([["report.acknowledged", "Mooi werk."]]);
    expect(await received(km)).toEqual([]);
  });

  it("a scheduled activity tells the community's members, not its lead who scheduled it, not outsiders", async () => {
    const { community, lead, member, outsider } = await organisation();
    const activity = await scheduleActivity(lead, community.id, { kind: "MEETING", title: "Intervisie", agenda: "", startsAt: new Date(Date.now() + 3 * 86_400_000), durationMinutes: 60 });
    expect((await received(member)).map((n) => [n.type, n.subjectId])).toEqual([["activity.scheduled", activity.id]]);
    expect(await received(lead)).toEqual([]);
    expect(await received(outsider)).toEqual([]);
    expect((await listNotifications(member)).items[0].href).toBe(`/communities/${community.slug}/activities`);
  });
});

describe("a person never receives what they may not see", () => {
  it("a closed community's events reach its members only, and what a member received hides once they leave", async () => {
    const { community, lead, member } = await organisation("CLOSED");
    const other = await makeUser();
    await db.membership.create({ data: { userId: other.id, communityId: community.id } });
    const leaver = await actorFor(other);
    await scheduleActivity(lead, community.id, { kind: "MEETING", title: "Geheim overleg", agenda: "", startsAt: new Date(Date.now() + 86_400_000), durationMinutes: 30 });
    expect(await countUnreadNotifications(leaver)).toBe(1);

    await leaveCommunity(leaver, community.id);
    const outside = await fresh(leaver);
    // Still in the table, but neither counted, listed nor opened.
    const [row] = await received(outside);
    expect(await countUnreadNotifications(outside)).toBe(0);
    expect((await listNotifications(outside)).items).toEqual([]);
    await expect(openNotification(outside, row.id)).rejects.toMatchObject({ status: 404 });

    // And what happens afterwards never reaches them: a question they asked before leaving is answered.
    await scheduleActivity(lead, community.id, { kind: "MEETING", title: "Tweede overleg", agenda: "", startsAt: new Date(Date.now() + 2 * 86_400_000), durationMinutes: 30 });
    expect((await received(outside)).length).toBe(1);
    expect((await received(member)).length).toBe(2);
  });

  it("an asker who left a closed community is not told of an answer there", async () => {
    const { community, lead, member } = await organisation("CLOSED");
    const question = await askQuestion(member, community.id, { title: "Vraag", tags: [], body: body("?") });
    await leaveCommunity(member, community.id);
    await answerQuestion(lead, question.id, body("Antwoord."));
    expect(await received(member)).toEqual([]);
  });

  it("the bell counts exactly what the list shows, for every kind of person", async () => {
    const { community, lead, head, member, km } = await organisation("CLOSED");
    const admin = await person("ADMIN");
    const rows = (recipientId: string) =>
      ["activity", "report", "community", "question"].map((subjectType) => ({ recipientId, type: "activity.scheduled", subjectType, subjectId: uid(), communityId: community.id }));
    // Written directly: this checks the reading side, whatever the commands would send.
    for (const who of [lead, head, member, km, admin]) await db.notification.createMany({ data: [...rows(who.id), { recipientId: who.id, type: "note.declined", subjectType: "note", subjectId: uid(), communityId: null }] });
    await db.membership.deleteMany({ where: { communityId: community.id, userId: member.id } });
    for (const who of [lead, head, await fresh(member), km, admin]) {
      const { items } = await listNotifications(who);
      expect(await countUnreadNotifications(who), who.role).toBe(items.filter((n) => !n.read).length);
    }
    // Knowledge managers see every community but not its reports; a former member sees only the outcome of requests and their own notes.
    expect((await listNotifications(km)).items.map((n) => n.type).length).toBe(4);
    expect((await listNotifications(await fresh(member))).items.length).toBe(2);
    expect((await listNotifications(admin)).items.length).toBe(5);
  });
});

describe("reading", () => {
  it("marks one's own as read, one or all; another person's id changes nothing and does not open", async () => {
    const { community, lead, member } = await organisation();
    const colleague = await actorFor(await makeUser());
    await db.membership.create({ data: { userId: colleague.id, communityId: community.id } });
    for (const title of ["A", "B", "C"]) await scheduleActivity(lead, community.id, { kind: "MEETING", title, agenda: "", startsAt: new Date(Date.now() + 86_400_000), durationMinutes: 30 });
    const mine = await received(member);
    const theirs = await received(colleague);
    expect(await markNotificationsRead(member, [mine[0].id, theirs[0].id])).toBe(1);
    expect(await countUnreadNotifications(member)).toBe(2);
    expect(await countUnreadNotifications(await fresh(colleague))).toBe(3);
    await expect(openNotification(member, theirs[1].id)).rejects.toMatchObject({ status: 404 });
    expect(await markNotificationsRead(member, "all")).toBe(2);
    expect(await countUnreadNotifications(member)).toBe(0);
    expect(await countUnreadNotifications(await fresh(colleague))).toBe(3);
  });
});

describe("many recipients", () => {
  it("a department of thousands is written in full, past the database's limit on bound values in one statement", async () => {
    const { community, lead } = await organisation();
    const tag = uid();
    await db.user.createMany({ data: Array.from({ length: 1_200 }, (_, i) => ({ email: `many-${tag}-${i}@gilde.test`, name: `Collega ${i}`, passwordHash: "x" })) });
    const people = await db.user.findMany({ where: { email: { startsWith: `many-${tag}-` } }, select: { id: true } });
    await db.membership.createMany({ data: people.map((p) => ({ userId: p.id, communityId: community.id })) });
    const ids = people.map((p) => p.id);
    const written = await db.$transaction((tx) =>
      writeNotifications(tx, lead.id, { recipientIds: [...ids, ...ids.slice(0, 10), lead.id], type: "activity.scheduled", subjectType: "community", subjectId: community.id, communityId: community.id }),
    );
    expect(written).toBe(1_200);
    expect(await db.notification.count({ where: { subjectId: community.id, type: "activity.scheduled", recipient: { email: { startsWith: `many-${tag}-` } } } })).toBe(1_200);
  });
});

describe("retention", () => {
  it("the sweep deletes notifications and sent mails past the retention, read or not; recent ones and unsent mails stay", async () => {
    const { community, member } = await organisation();
    // Far in the past, so that other tests' notifications, written now, are never in reach of this sweep.
    const now = new Date();
    const RETENTION = 3000;
    const at = (days: number) => new Date(now.getTime() - (days + RETENTION - 180) * 86_400_000);
    const write = (createdAt: Date, readAt: Date | null) =>
      db.notification.create({ data: { recipientId: member.id, type: "activity.scheduled", subjectType: "activity", subjectId: uid(), communityId: community.id, data: "{}", createdAt, readAt } });
    const oldRead = await write(at(200), at(199));
    const oldUnread = await write(at(181), null);
    const recent = await write(at(179), null);
    const mail = (status: string, sentAt: Date | null) =>
      db.mailMessage.create({ data: { dedupeKey: `test:${uid()}`, to: "x@gilde.test", subject: "s", text: "t", html: "h", status, sentAt, createdAt: at(300) } });
    const oldSent = await mail("SENT", at(250));
    const failed = await mail("FAILED", null);
    const recentSent = await mail("SENT", at(10));

    expect(await pruneNotifications(now, RETENTION)).toBeGreaterThanOrEqual(3);
    const left = await db.notification.findMany({ where: { id: { in: [oldRead.id, oldUnread.id, recent.id] } }, select: { id: true } });
    expect(left.map((n) => n.id)).toEqual([recent.id]);
    const mails = await db.mailMessage.findMany({ where: { id: { in: [oldSent.id, failed.id, recentSent.id] } }, select: { id: true } });
    expect(mails.map((m) => m.id).sort()).toEqual([failed.id, recentSent.id].sort());
    expect(await db.auditEvent.count({ where: { action: "notifications.pruned", createdAt: { gte: new Date(Date.now() - 60_000) } } })).toBeGreaterThan(0);
    // Nothing more to delete: running it again changes nothing.
    expect(await pruneNotifications(now, RETENTION)).toBe(0);
  });
});

