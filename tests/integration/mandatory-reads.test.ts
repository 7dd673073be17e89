/**
 * Mandatory reads (issue 12, point 4): the fan-out to a department, a community or a role (active people
 * who may see the entry, a closed community's members only), a notification each; confirmation per
 * version, so a new version (an edit, a merge) asks again and says so; reminders once a day; withdrawal;
 * an archived entry's reads closed; late joiners assigned by the sweep; the acknowledgement report as CSV.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { mergeNote, publishNote } from "~/commands/curate-note.server";
import { submitNote } from "~/commands/submit-note.server";
import { archiveEntry, editEntry, restoreEntry, type EditEntryInput } from "~/commands/manage-entry.server";
import {
  assignLateJoiners,
  assignMandatoryRead,
  confirmMandatoryRead,
  remindMandatoryRead,
  withdrawMandatoryRead,
} from "~/commands/manage-mandatory-read.server";
import { SWEEP_JOBS } from "~/commands/knowledge-sweep.server";
import { entryMandatoryPanel, getMandatoryReadReport, listMandatoryReads, listOpenMandatoryReadsFor } from "~/models/mandatory-read.server";
import { acknowledgementRows } from "~/models/mandatory-read-export";
import { csvSeparatorFor, toCsv } from "~/models/report-export";
import type { Audience } from "~/schemas/mandatory-read.shared";
import { addDays, dayDate, isoDayFromToday } from "~/utils/dates";
import { translator } from "~/utils/i18n";
import type { Actor } from "~/policies/policies";
import { actorFor, body, makeCommunity, makeDepartment, makeUser, uid } from "../support/factories";

const inAWeek = () => dayDate(isoDayFromToday(7));

async function kmActor() {
  return actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
}

/** A published entry, optionally in a community, by a fresh author through the knowledge manager. */
async function publishedEntry(km: Actor, communityId?: string, title = `Phishing via sms ${uid()}`) {
  const user = await makeUser();
  if (communityId) await db.membership.create({ data: { userId: user.id, communityId } });
  const note = await submitNote(await actorFor(user), {
    title,
    body: body("Klik nooit op de link."),
    tags: ["fraude"],
    communityId,
  });
  const { entryId } = await publishNote(km, note.id, { title, body: body("Klik nooit op de link in een sms. Bel de klant terug."), tags: ["fraude"] });
  return entryId;
}

async function assign(km: Actor, entryId: string, audience: Audience, dueDate = inAWeek()) {
  return assignMandatoryRead(km, entryId, { audience, dueDate });
}

async function assignees(readId: string) {
  const rows = await db.mandatoryReadAssignment.findMany({ where: { mandatoryReadId: readId }, select: { userId: true } });
  return rows.map((r) => r.userId).sort();
}

async function notified(type: string, subjectId: string) {
  const rows = await db.notification.findMany({ where: { type, subjectId }, select: { recipientId: true } });
  return rows.map((r) => r.recipientId).sort();
}

function edit(entry: { version: number; title: string }, ownerId: string, over: Partial<EditEntryInput> = {}): EditEntryInput {
  return {
    version: entry.version,
    title: entry.title,
    body: body(`Nieuwe regel ${uid()}: meld het ook aan fraude@bank.test.`),
    tags: ["fraude"],
    communityId: null,
    ownerId,
    reviewBy: dayDate(isoDayFromToday(90)),
    changeNote: "Meldadres toegevoegd.",
    resolveFlagIds: [],
    ...over,
  };
}

describe("assigning a mandatory read", () => {
  it("fans out to the active people of a department, with a notification each and an audit event", async () => {
    const km = await kmActor();
    const dept = await makeDepartment();
    const [a, b] = [await makeUser({ departmentId: dept.id }), await makeUser({ departmentId: dept.id })];
    const gone = await makeUser({ departmentId: dept.id });
    await db.user.update({ where: { id: gone.id }, data: { disabledAt: new Date() } });
    await makeUser(); // another department
    const entryId = await publishedEntry(km);
    const { readId, assigned } = await assign(km, entryId, { type: "DEPARTMENT", id: dept.id });
    expect(assigned).toBe(2);
    expect(await assignees(readId)).toEqual([a.id, b.id].sort());
    expect(await notified("mandatoryRead.assigned", readId)).toEqual([a.id, b.id].sort());
    const note = await db.notification.findFirstOrThrow({ where: { subjectId: readId, recipientId: a.id } });
    expect(note).toMatchObject({ actorId: km.id, subjectType: "mandatoryRead", communityId: null });
    expect(JSON.parse(note.data)).toMatchObject({ entryId, dueAt: isoDayFromToday(7) });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: readId, action: "mandatoryRead.assign" } });
    expect(audit.actorId).toBe(km.id);
    expect(JSON.parse(audit.details)).toMatchObject({ entryId, audienceType: "DEPARTMENT", audienceId: dept.id, assigned: 2 });
  });

  it("fans out to a community's members and to everyone with a role", async () => {
    const km = await kmActor();
    const dept = await makeDepartment();
    const [m1, m2] = [await makeUser(), await makeUser()];
    const community = await makeCommunity({ departmentId: dept.id, memberIds: [m1.id, m2.id] });
    const entryId = await publishedEntry(km);
    const byCommunity = await assign(km, entryId, { type: "COMMUNITY", id: community.id });
    expect(await assignees(byCommunity.readId)).toEqual([m1.id, m2.id].sort());

    const head = await makeUser({ role: "DEPARTMENT_HEAD" });
    const byRole = await assign(km, entryId, { type: "ROLE", id: "DEPARTMENT_HEAD" });
    const heads = await db.user.findMany({ where: { role: "DEPARTMENT_HEAD", disabledAt: null }, select: { id: true } });
    expect(await assignees(byRole.readId)).toEqual(heads.map((h) => h.id).sort());
    expect(await assignees(byRole.readId)).toContain(head.id);
  });

  it("leaves out who may not see an entry of a closed community: only its members, its head and knowledge managers", async () => {
    const km = await kmActor();
    const head = await makeUser({ role: "DEPARTMENT_HEAD" });
    const dept = await db.department.create({ data: { name: `Afdeling ${uid()}`, headId: head.id } });
    await db.user.update({ where: { id: head.id }, data: { departmentId: dept.id } });
    const [member, outsider] = [await makeUser({ departmentId: dept.id }), await makeUser({ departmentId: dept.id })];
    const closed = await makeCommunity({ departmentId: dept.id, visibility: "CLOSED", memberIds: [member.id] });
    const entryId = await publishedEntry(km, closed.id);
    const { readId } = await assign(km, entryId, { type: "DEPARTMENT", id: dept.id });
    expect(await assignees(readId)).toEqual([member.id, head.id].sort());
    expect(await notified("mandatoryRead.assigned", readId)).not.toContain(outsider.id);
    expect(await listOpenMandatoryReadsFor(await actorFor(outsider))).toEqual([]);
    expect((await listOpenMandatoryReadsFor(await actorFor(member))).map((r) => r.entryId)).toEqual([entryId]);
  });

  it("refuses who is not a knowledge manager, an unknown or empty audience, the same audience twice and an archived entry", async () => {
    const km = await kmActor();
    const dept = await makeDepartment();
    await makeUser({ departmentId: dept.id });
    const entryId = await publishedEntry(km);
    const employee = await actorFor(await makeUser({ departmentId: dept.id }));
    await expect(assign(employee, entryId, { type: "DEPARTMENT", id: dept.id })).rejects.toMatchObject({ status: 403 });
    await expect(assign(km, entryId, { type: "DEPARTMENT", id: "cnotadepartment000001" })).rejects.toMatchObject({ status: 400, field: "audience", messageKey: "error.mandatory.audienceMissing" });
    const empty = await makeDepartment();
    await expect(assign(km, entryId, { type: "DEPARTMENT", id: empty.id })).rejects.toMatchObject({ status: 400, field: "audience", messageKey: "error.mandatory.audienceEmpty" });
    await assign(km, entryId, { type: "DEPARTMENT", id: dept.id });
    await expect(assign(km, entryId, { type: "DEPARTMENT", id: dept.id })).rejects.toMatchObject({ status: 400, messageKey: "error.mandatory.duplicate" });
    await archiveEntry(km, entryId, { reason: "Verouderd" });
    await expect(assign(km, entryId, { type: "ROLE", id: "EMPLOYEE" })).rejects.toMatchObject({ status: 409, messageKey: "error.mandatory.entryArchived" });
    expect(await db.mandatoryRead.count({ where: { entryId } })).toBe(1);
  });

  it("fans 2 000 people out in chunks", async () => {
    const km = await kmActor();
    const dept = await makeDepartment();
    const hash = (await db.user.findUniqueOrThrow({ where: { id: km.id } })).passwordHash;
    const tag = uid();
    await db.user.createMany({
      data: Array.from({ length: 2000 }, (_, i) => ({ email: `many-${tag}-${i}@test.gilde`, name: `Agent ${i}`, passwordHash: hash, departmentId: dept.id })),
    });
    const entryId = await publishedEntry(km);
    const { readId, assigned } = await assign(km, entryId, { type: "DEPARTMENT", id: dept.id });
    expect(assigned).toBe(2000);
    expect(await db.mandatoryReadAssignment.count({ where: { mandatoryReadId: readId } })).toBe(2000);
    expect(await db.notification.count({ where: { subjectId: readId, type: "mandatoryRead.assigned" } })).toBe(2000);
  });
});

describe("confirming", () => {
  it("counts for the entry's current version; an edit asks again and tells who had confirmed", async () => {
    const km = await kmActor();
    const dept = await makeDepartment();
    const [reader] = [await actorFor(await makeUser({ departmentId: dept.id }))];
    await makeUser({ departmentId: dept.id }); // has not read it yet
    const entryId = await publishedEntry(km);
    const { readId } = await assign(km, entryId, { type: "DEPARTMENT", id: dept.id });
    expect((await listOpenMandatoryReadsFor(reader)).map((r) => ({ entryId: r.entryId, status: r.status }))).toEqual([{ entryId, status: "PENDING" }]);

    await confirmMandatoryRead(reader, entryId, 1);
    expect(await listOpenMandatoryReadsFor(reader)).toEqual([]);
    expect(await db.mandatoryReadAssignment.findFirstOrThrow({ where: { mandatoryReadId: readId, userId: reader.id } })).toMatchObject({ confirmedVersion: 1 });
    expect((await entryMandatoryPanel(reader, { id: entryId, state: "PUBLISHED", version: 1 }, false)).own).toMatchObject({ status: "CONFIRMED" });

    const entry = await db.entry.findUniqueOrThrow({ where: { id: entryId } });
    await editEntry(km, entryId, edit(entry, km.id));
    // Nothing was rewritten: the confirmation stays for version 1, and version 2 asks again.
    expect(await db.mandatoryReadAssignment.findFirstOrThrow({ where: { mandatoryReadId: readId, userId: reader.id } })).toMatchObject({ confirmedVersion: 1 });
    expect((await listOpenMandatoryReadsFor(reader)).map((r) => r.status)).toEqual(["RECONFIRM"]);
    // Only who had confirmed is told the entry changed; who has not read it yet still has it open anyway.
    expect(await notified("mandatoryRead.changed", readId)).toEqual([reader.id]);
    expect(JSON.parse((await db.notification.findFirstOrThrow({ where: { type: "mandatoryRead.changed", subjectId: readId } })).data)).toMatchObject({ entryId, version: 2 });
    const report = await getMandatoryReadReport(readId);
    expect(report?.rows.find((r) => r.id && r.status === "PENDING")).toBeDefined();
    expect(report?.counts).toMatchObject({ RECONFIRM: 1, PENDING: 1, CONFIRMED: 0 });

    // Confirming what the page showed before the edit is refused: read the new version first.
    await expect(confirmMandatoryRead(reader, entryId, 1)).rejects.toMatchObject({ status: 409, messageKey: "error.mandatory.staleVersion" });
    await confirmMandatoryRead(reader, entryId, 2);
    expect(await listOpenMandatoryReadsFor(reader)).toEqual([]);
    const audits = await db.auditEvent.findMany({ where: { actorId: reader.id, action: "mandatoryRead.confirm" }, select: { details: true } });
    expect(audits.map((a) => JSON.parse(a.details).version)).toEqual([1, 2]);
  });

  it("a merge into the entry asks again too", async () => {
    const km = await kmActor();
    const dept = await makeDepartment();
    const reader = await actorFor(await makeUser({ departmentId: dept.id }));
    const entryId = await publishedEntry(km);
    const { readId } = await assign(km, entryId, { type: "DEPARTMENT", id: dept.id });
    await confirmMandatoryRead(reader, entryId, 1);
    const author = await actorFor(await makeUser());
    const note = await submitNote(author, { title: `Ook via WhatsApp ${uid()}`, body: body("Zelfde truc via WhatsApp."), tags: ["fraude"] });
    await mergeNote(km, note.id, entryId, { title: "Phishing via sms en WhatsApp", body: body("Klik nooit op de link, ook niet in WhatsApp."), tags: ["fraude"] });
    expect((await listOpenMandatoryReadsFor(reader)).map((r) => r.status)).toEqual(["RECONFIRM"]);
    expect(await notified("mandatoryRead.changed", readId)).toEqual([reader.id]);
  });

  it("refuses who has no assignment, and who may no longer see the entry", async () => {
    const km = await kmActor();
    const entryId = await publishedEntry(km);
    const stranger = await actorFor(await makeUser());
    await expect(confirmMandatoryRead(stranger, entryId, 1)).rejects.toMatchObject({ status: 403 });
    await expect(confirmMandatoryRead(stranger, "cnoentry00000000000001", 1)).rejects.toMatchObject({ status: 404 });
  });
});

describe("following up", () => {
  it("reminds who has not confirmed, once a day, and says so when there is nobody to remind", async () => {
    const km = await kmActor();
    const dept = await makeDepartment();
    const [done, waiting] = [await actorFor(await makeUser({ departmentId: dept.id })), await actorFor(await makeUser({ departmentId: dept.id }))];
    const entryId = await publishedEntry(km);
    const { readId } = await assign(km, entryId, { type: "DEPARTMENT", id: dept.id });
    await confirmMandatoryRead(done, entryId, 1);
    expect(await remindMandatoryRead(km, readId)).toEqual({ reminded: 1 });
    expect(await notified("mandatoryRead.reminder", readId)).toEqual([waiting.id]);
    const row = await db.mandatoryReadAssignment.findFirstOrThrow({ where: { mandatoryReadId: readId, userId: waiting.id } });
    expect(row.remindedAt).not.toBeNull();
    await expect(remindMandatoryRead(km, readId)).rejects.toMatchObject({ status: 409, messageKey: "error.mandatory.remindedToday" });
    // A day later, again.
    expect(await remindMandatoryRead(km, readId, addDays(new Date(), 1))).toEqual({ reminded: 1 });
    expect(await notified("mandatoryRead.reminder", readId)).toEqual([waiting.id, waiting.id]);
    await confirmMandatoryRead(waiting, entryId, 1);
    await expect(remindMandatoryRead(km, readId, addDays(new Date(), 3))).rejects.toMatchObject({ status: 409, messageKey: "error.mandatory.allConfirmed" });
    const employee = await actorFor(await makeUser());
    await expect(remindMandatoryRead(employee, readId)).rejects.toMatchObject({ status: 403 });
  });

  it("withdraws: nobody is asked any more, the report stays", async () => {
    const km = await kmActor();
    const dept = await makeDepartment();
    const reader = await actorFor(await makeUser({ departmentId: dept.id }));
    const entryId = await publishedEntry(km);
    const { readId } = await assign(km, entryId, { type: "DEPARTMENT", id: dept.id });
    await withdrawMandatoryRead(km, readId);
    expect(await listOpenMandatoryReadsFor(reader)).toEqual([]);
    await expect(confirmMandatoryRead(reader, entryId, 1)).rejects.toMatchObject({ status: 403 });
    await expect(remindMandatoryRead(km, readId)).rejects.toMatchObject({ status: 409, messageKey: "error.mandatory.closed" });
    await expect(withdrawMandatoryRead(km, readId)).rejects.toMatchObject({ status: 409, messageKey: "error.mandatory.withdrawn" });
    expect(await getMandatoryReadReport(readId)).toMatchObject({ open: false, counts: { total: 1, PENDING: 1 } });
    // Withdrawn, it no longer stands in the way of assigning the same audience again.
    await assign(km, entryId, { type: "DEPARTMENT", id: dept.id });
  });

  it("closes the reads of an archived entry and opens them again when it is restored", async () => {
    const km = await kmActor();
    const dept = await makeDepartment();
    const reader = await actorFor(await makeUser({ departmentId: dept.id }));
    const entryId = await publishedEntry(km);
    const { readId } = await assign(km, entryId, { type: "DEPARTMENT", id: dept.id });
    await archiveEntry(km, entryId, { reason: "Vervangen" });
    expect(await listOpenMandatoryReadsFor(reader)).toEqual([]);
    expect((await listMandatoryReads()).find((r) => r.id === readId)).toMatchObject({ open: false, withdrawnAt: null });
    await expect(remindMandatoryRead(km, readId)).rejects.toMatchObject({ status: 409, messageKey: "error.mandatory.closed" });
    await expect(confirmMandatoryRead(reader, entryId, 1)).rejects.toMatchObject({ status: 403 });
    await restoreEntry(km, entryId);
    expect((await listOpenMandatoryReadsFor(reader)).map((r) => r.entryId)).toEqual([entryId]);
  });

  it("assigns who joins the audience later through the knowledge sweep, once, with as many days as the others", async () => {
    const km = await kmActor();
    const dept = await makeDepartment();
    await makeUser({ departmentId: dept.id });
    const entryId = await publishedEntry(km);
    const { readId } = await assign(km, entryId, { type: "DEPARTMENT", id: dept.id });
    // The read was made a day ago; a new colleague arrives today.
    await db.mandatoryRead.update({ where: { id: readId }, data: { createdAt: addDays(new Date(), -1) } });
    await db.mandatoryReadAssignment.updateMany({ where: { mandatoryReadId: readId }, data: { assignedAt: addDays(new Date(), -1) } });
    const newcomer = await actorFor(await makeUser({ departmentId: dept.id }));
    expect(SWEEP_JOBS.map((job) => job.name)).toContain("assignLateJoiners");
    expect(await assignLateJoiners()).toBeGreaterThanOrEqual(1);
    expect(await assignees(readId)).toContain(newcomer.id);
    expect(await notified("mandatoryRead.assigned", readId)).toContain(newcomer.id);
    expect((await listOpenMandatoryReadsFor(newcomer)).map((r) => r.dueAt.toISOString().slice(0, 10))).toEqual([isoDayFromToday(8)]);
    const before = await db.mandatoryReadAssignment.count({ where: { mandatoryReadId: readId } });
    await assignLateJoiners();
    expect(await db.mandatoryReadAssignment.count({ where: { mandatoryReadId: readId } })).toBe(before);
    expect(await db.auditEvent.count({ where: { targetId: readId, action: "mandatoryRead.assignLate", actorId: null } })).toBe(1);
  });
});

describe("the acknowledgement report", () => {
  it("shows per person who confirmed when and which version, who is pending and who is overdue, also as CSV", async () => {
    const km = await kmActor();
    const dept = await makeDepartment();
    const done = await makeUser({ departmentId: dept.id, name: "Anna Confirmed" });
    const late = await makeUser({ departmentId: dept.id, name: "=Bart Late" });
    const entryId = await publishedEntry(km);
    const { readId } = await assign(km, entryId, { type: "DEPARTMENT", id: dept.id });
    await confirmMandatoryRead(await actorFor(done), entryId, 1);
    // The due day passed.
    await db.mandatoryRead.update({ where: { id: readId }, data: { createdAt: addDays(new Date(), -10), dueAt: dayDate(isoDayFromToday(-2)) } });
    await db.mandatoryReadAssignment.updateMany({ where: { mandatoryReadId: readId }, data: { assignedAt: addDays(new Date(), -10) } });
    const report = await getMandatoryReadReport(readId);
    expect(report?.rows.map((r) => [r.name, r.status, r.confirmedVersion])).toEqual([
      ["=Bart Late", "OVERDUE", null],
      ["Anna Confirmed", "CONFIRMED", 1],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    expect(report?.counts).toMatchObject({ total: 2, CONFIRMED: 1, OVERDUE: 1 });
    expect((await listOpenMandatoryReadsFor(await actorFor(late))).map((r) => r.status)).toEqual(["OVERDUE"]);

    const { header, rows } = acknowledgementRows(report!, translator("nl"));
    const csv = toCsv(header, rows, csvSeparatorFor("nl"));
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes("Anna Confirmed"))).toMatch(/;Bevestigd;\d{4}-\d{2}-\d{2};\d{4}-\d{2}-\d{2} \d{2}:\d{2};1;1;;ja$/);
    // A name a spreadsheet would run as a formula is defused.
    expect(lines.find((l) => l.includes("Bart Late"))).toContain(";'=Bart Late;");
  });
});
