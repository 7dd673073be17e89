/**
 * The report workflow on a real database: a lead starts, saves and submits a report (the figures are
 * frozen then: later activity does not change them); the head of the department comments and
 * acknowledges; every other role is refused; nothing changes after acknowledgement.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { discardReport, reviewReport, saveReport, startReport } from "~/commands/manage-report.server";
import { getReport, reportFigures } from "~/models/report.server";
import { parseDay } from "~/utils/dates";
import { actorFor, makeCommunity, makeDepartment, makeUser } from "../support/factories";

const day = (s: string) => parseDay(s)!;
const narrative = (text: string) => ({ json: JSON.stringify({ root: { type: "root", children: [] } }), text });

async function setup() {
  const dept = await makeDepartment();
  const headUser = await makeUser({ role: "DEPARTMENT_HEAD", departmentId: dept.id });
  await db.department.update({ where: { id: dept.id }, data: { headId: headUser.id } });
  const [leadUser, memberUser] = [await makeUser(), await makeUser()];
  const community = await makeCommunity({ departmentId: dept.id, memberIds: [memberUser.id] });
  await db.membership.create({ data: { userId: leadUser.id, communityId: community.id, role: "LEAD" } });
  await db.membershipHistory.createMany({
    data: [leadUser, memberUser].map((u) => ({ userId: u.id, communityId: community.id, joinedAt: new Date("2026-01-01T00:00:00Z") })),
  });
  const otherDept = await makeDepartment();
  const otherHeadUser = await makeUser({ role: "DEPARTMENT_HEAD", departmentId: otherDept.id });
  await db.department.update({ where: { id: otherDept.id }, data: { headId: otherHeadUser.id } });
  return {
    community,
    lead: await actorFor(leadUser),
    member: await actorFor(memberUser),
    head: await actorFor(headUser),
    otherHead: await actorFor(otherHeadUser),
    km: await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" })),
  };
}

const period = { periodStart: day("2026-03-01"), periodEnd: day("2026-03-14") };

describe("period reports", () => {
  it("start, save, submit (figures frozen), comment, acknowledge; audited", async () => {
    const { community, lead, head } = await setup();
    const { id } = await startReport(lead, community.id, period);
    await saveReport(lead, id, { narrative: { json: "", text: "" }, highlights: [] }, false);
    // Submitting without a narrative is refused; nothing changes.
    await expect(saveReport(lead, id, { narrative: { json: "", text: "" }, highlights: [] }, true)).rejects.toMatchObject({ field: "narrative" });
    expect((await getReport(id))!.state).toBe("DRAFT");

    await db.note.create({ data: { authorId: lead.id, communityId: community.id, title: "In maart", bodyJson: "{}", bodyText: "", createdAt: new Date("2026-03-05T10:00:00Z") } });
    await saveReport(lead, id, { narrative: narrative("Een goede periode."), highlights: ["Eerste artikel"] }, true);
    const submitted = (await getReport(id))!;
    expect(submitted).toMatchObject({ state: "SUBMITTED", narrativeText: "Een goede periode.", highlights: ["Eerste artikel"] });
    expect((await reportFigures(submitted)).contributions.notes).toBe(1);

    // A note backdated into the period after submission does not change the frozen figures.
    await db.note.create({ data: { authorId: lead.id, communityId: community.id, title: "Later", bodyJson: "{}", bodyText: "", createdAt: new Date("2026-03-06T10:00:00Z") } });
    expect((await reportFigures((await getReport(id))!)).contributions.notes).toBe(1);
    await expect(saveReport(lead, id, { narrative: narrative("Nog iets"), highlights: [] }, false)).rejects.toMatchObject({ messageKey: "error.report.notDraft" });

    await expect(reviewReport(head, id, { comment: "", acknowledge: false })).rejects.toMatchObject({ field: "comment" });
    await reviewReport(head, id, { comment: "Mooi werk, ga zo door.", acknowledge: false });
    await reviewReport(head, id, { comment: "", acknowledge: true });
    const done = (await getReport(id))!;
    expect(done).toMatchObject({ state: "ACKNOWLEDGED", headComment: "Mooi werk, ga zo door.", acknowledgedBy: { name: expect.any(String) } });
    await expect(reviewReport(head, id, { comment: "", acknowledge: true })).rejects.toMatchObject({ messageKey: "error.report.acknowledged" });

    const audit = await db.auditEvent.findMany({ where: { targetType: "report", targetId: id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(["report.start", "report.save", "report.submit", "report.comment", "report.acknowledge"]);
  });

  it("only leads start and write; only the head of the department reviews; a draft is 404 to everyone else", async () => {
    const { community, lead, member, head, otherHead, km } = await setup();
    for (const who of [member, head, otherHead, km]) await expect(startReport(who, community.id, period)).rejects.toMatchObject({ status: 403 });
    const { id } = await startReport(lead, community.id, period);
    // A draft does not exist for anyone but the leads.
    for (const who of [member, head, otherHead, km]) {
      await expect(saveReport(who, id, { narrative: narrative("x"), highlights: [] }, true)).rejects.toMatchObject({ status: 404 });
      await expect(reviewReport(who, id, { comment: "x", acknowledge: true })).rejects.toMatchObject({ status: 404 });
    }
    await expect(reviewReport(lead, id, { comment: "zelf", acknowledge: true })).rejects.toMatchObject({ status: 403 });
    await saveReport(lead, id, { narrative: narrative("Klaar"), highlights: [] }, true);
    // Submitted: members read it but may not review; another head still finds nothing.
    await expect(reviewReport(member, id, { comment: "x", acknowledge: true })).rejects.toMatchObject({ status: 403 });
    await expect(reviewReport(otherHead, id, { comment: "x", acknowledge: true })).rejects.toMatchObject({ status: 404 });
    await expect(reviewReport(km, id, { comment: "x", acknowledge: true })).rejects.toMatchObject({ status: 404 });
    expect((await getReport(id))!.state).toBe("SUBMITTED");
  });

  it("a lead deletes a draft started for the wrong period, audited with that period; a submitted report stays", async () => {
    const { community, lead, member, head, otherHead, km } = await setup();
    const wrong = await startReport(lead, community.id, { periodStart: day("2025-03-01"), periodEnd: day("2025-03-14") });
    for (const who of [member, head, otherHead, km]) await expect(discardReport(who, wrong.id)).rejects.toMatchObject({ status: 404 });
    expect(await discardReport(lead, wrong.id)).toEqual({ communitySlug: community.slug });
    expect(await db.report.findUnique({ where: { id: wrong.id } })).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetType: "report", targetId: wrong.id, action: "report.discard" } });
    expect(JSON.parse(audit.details ?? "{}")).toMatchObject({ communityId: community.id, periodStart: "2025-03-01T00:00:00.000Z", periodEnd: "2025-03-14T00:00:00.000Z" });
    await expect(discardReport(lead, wrong.id)).rejects.toMatchObject({ status: 404 });

    const kept = await startReport(lead, community.id, period);
    await saveReport(lead, kept.id, { narrative: narrative("Klaar"), highlights: [] }, true);
    await expect(discardReport(lead, kept.id)).rejects.toMatchObject({ messageKey: "error.report.notDraft" });
    await expect(discardReport(head, kept.id)).rejects.toMatchObject({ status: 403 });
    expect((await getReport(kept.id))!.state).toBe("SUBMITTED");
  });
});
