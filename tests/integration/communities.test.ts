/** Community commands on a real database: who may create, join, decide, remove and archive, and the audit trail. */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import {
  archiveCommunity,
  createCommunity,
  decideRequest,
  joinCommunity,
  leaveCommunity,
  removeMember,
  restoreCommunity,
  updateCommunity,
} from "~/commands/manage-community.server";
import { actorFor, makeDepartment, makeUser, uid } from "../support/factories";

async function headOf(departmentId: string) {
  const head = await makeUser({ role: "DEPARTMENT_HEAD", departmentId });
  await db.department.update({ where: { id: departmentId }, data: { headId: head.id } });
  return actorFor(head);
}

const input = (departmentId: string, leadIds: string[], over: Partial<{ name: string; visibility: "OPEN" | "CLOSED" }> = {}) => ({
  name: over.name ?? `Community ${uid()}`,
  purpose: "Samen beter sparen",
  departmentId,
  visibility: over.visibility ?? ("OPEN" as const),
  budgetMinutes: 120,
  budgetPeriodDays: 14,
  leadIds,
});

const audits = (communityId: string) =>
  db.auditEvent.findMany({ where: { targetType: "community", targetId: communityId }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true } });

describe("creating communities", () => {
  it("an admin creates one anywhere with its leads; the slug is unique; audited", async () => {
    const admin = await actorFor(await makeUser({ role: "ADMIN" }));
    const dept = await makeDepartment();
    const [lead1, lead2] = [await makeUser(), await makeUser()];
    const name = `Sparen ${uid()} aan de lijn`;
    const first = await createCommunity(admin, input(dept.id, [lead1.id, lead2.id], { name }));
    const second = await createCommunity(admin, input(dept.id, [lead1.id], { name }));
    expect(second.slug).toBe(`${first.slug}-2`);
    const leads = await db.membership.findMany({ where: { communityId: first.id }, select: { userId: true, role: true } });
    expect(leads.sort((a, b) => a.userId.localeCompare(b.userId))).toEqual(
      [lead1.id, lead2.id].sort().map((userId) => ({ userId, role: "LEAD" })),
    );
    expect(await audits(first.id)).toEqual([{ action: "community.create", actorId: admin.id }]);
  });

  it("a head only in their own department; employees and knowledge managers not at all", async () => {
    const [own, other] = [await makeDepartment(), await makeDepartment()];
    const head = await headOf(own.id);
    const lead = await makeUser();
    const created = await createCommunity(head, input(own.id, [lead.id]));
    expect(created.slug).toBeTruthy();
    const before = await db.community.count();
    await expect(createCommunity(head, input(other.id, [lead.id]))).rejects.toMatchObject({ status: 403, field: "departmentId" });
    await expect(createCommunity(await actorFor(await makeUser()), input(own.id, [lead.id]))).rejects.toMatchObject({ status: 403 });
    await expect(createCommunity(await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" })), input(own.id, [lead.id]))).rejects.toMatchObject({ status: 403 });
    expect(await db.community.count()).toBe(before);
  });

  it("an unknown department or lead is a field error and nothing is saved", async () => {
    const admin = await actorFor(await makeUser({ role: "ADMIN" }));
    const dept = await makeDepartment();
    const lead = await makeUser();
    const name = `Half ${uid()}`;
    await expect(createCommunity(admin, input("cnosuchdepartment01", [lead.id], { name }))).rejects.toMatchObject({ status: 400, field: "departmentId" });
    await expect(createCommunity(admin, input(dept.id, [lead.id, "cnosuchuser0000001"], { name }))).rejects.toMatchObject({ status: 400, field: "leadIds" });
    expect(await db.community.count({ where: { name } })).toBe(0);
  });
});

describe("membership", () => {
  async function setup(visibility: "OPEN" | "CLOSED") {
    const admin = await actorFor(await makeUser({ role: "ADMIN" }));
    const dept = await makeDepartment();
    const leadUser = await makeUser();
    const community = await createCommunity(admin, input(dept.id, [leadUser.id], { visibility }));
    return { community, lead: await actorFor(leadUser), dept };
  }

  it("open: join in one click, leave again; joining twice is an error", async () => {
    const { community } = await setup("OPEN");
    const user = await makeUser();
    expect(await joinCommunity(await actorFor(user), community.id)).toEqual({ result: "joined", slug: community.slug });
    await expect(joinCommunity(await actorFor(user), community.id)).rejects.toMatchObject({ messageKey: "error.community.alreadyMember" });
    await leaveCommunity(await actorFor(user), community.id);
    expect(await db.membership.count({ where: { communityId: community.id, userId: user.id } })).toBe(0);
    expect((await audits(community.id)).map((a) => a.action)).toEqual(["community.create", "community.join", "community.leave"]);
  });

  it("closed: a request that the lead accepts or refuses; a plain member may do neither", async () => {
    const { community, lead } = await setup("CLOSED");
    const [asker, other, member] = [await makeUser(), await makeUser(), await makeUser()];
    expect((await joinCommunity(await actorFor(asker), community.id)).result).toBe("requested");
    expect((await joinCommunity(await actorFor(other), community.id)).result).toBe("requested");
    await expect(joinCommunity(await actorFor(asker), community.id)).rejects.toMatchObject({ messageKey: "error.community.alreadyRequested" });
    expect(await db.membership.count({ where: { communityId: community.id, userId: asker.id } })).toBe(0);

    await decideRequest(lead, community.id, asker.id, true);
    await db.membership.create({ data: { communityId: community.id, userId: member.id } });
    const plain = await actorFor(member);
    await expect(decideRequest(plain, community.id, other.id, true)).rejects.toMatchObject({ status: 403 });
    await expect(removeMember(plain, community.id, asker.id)).rejects.toMatchObject({ status: 403 });
    await decideRequest(lead, community.id, other.id, false);

    expect(await db.membership.count({ where: { communityId: community.id, userId: asker.id } })).toBe(1);
    expect(await db.membership.count({ where: { communityId: community.id, userId: other.id } })).toBe(0);
    expect(await db.membershipRequest.count({ where: { communityId: community.id } })).toBe(0);
    await expect(decideRequest(lead, community.id, other.id, true)).rejects.toMatchObject({ messageKey: "error.community.noRequest" });
    const events = await audits(community.id);
    expect(events.map((a) => a.action)).toEqual(["community.create", "community.request", "community.request", "community.accept", "community.refuse"]);
    expect(events[3].actorId).toBe(lead.id);
  });

  it("a lead removes members but the last lead cannot go", async () => {
    const { community, lead } = await setup("OPEN");
    const user = await makeUser();
    await joinCommunity(await actorFor(user), community.id);
    await removeMember(lead, community.id, user.id);
    expect(await db.membership.count({ where: { communityId: community.id, userId: user.id } })).toBe(0);
    await expect(leaveCommunity(lead, community.id)).rejects.toMatchObject({ messageKey: "error.community.lastLead" });
    await expect(removeMember(lead, community.id, user.id)).rejects.toMatchObject({ messageKey: "error.community.notMember" });
  });

  it("archiving keeps members and content, ends requests, and nobody can join any more", async () => {
    const { community, lead, dept } = await setup("CLOSED");
    const [member, asker, late] = [await makeUser(), await makeUser(), await makeUser()];
    await db.membership.create({ data: { communityId: community.id, userId: member.id } });
    await joinCommunity(await actorFor(asker), community.id);
    await expect(archiveCommunity(await actorFor(member), community.id)).rejects.toMatchObject({ status: 403 });
    await archiveCommunity(lead, community.id);
    const row = await db.community.findUniqueOrThrow({ where: { id: community.id }, select: { status: true, _count: { select: { memberships: true, requests: true } } } });
    expect(row).toEqual({ status: "ARCHIVED", _count: { memberships: 2, requests: 0 } });
    await expect(joinCommunity(await actorFor(late), community.id)).rejects.toMatchObject({ status: 400, messageKey: "error.community.archived" });
    await expect(archiveCommunity(await headOf(dept.id), community.id)).rejects.toMatchObject({ messageKey: "error.community.archived" });
    await expect(leaveCommunity(await actorFor(member), community.id)).rejects.toMatchObject({ messageKey: "error.community.archived" });
    expect((await audits(community.id)).filter((a) => a.action === "community.archive")).toHaveLength(1);
  });

  it("an unknown community is 404", async () => {
    await expect(joinCommunity(await actorFor(await makeUser()), "cnosuchcommunity01")).rejects.toMatchObject({ status: 404 });
  });
});

describe("settings, history and restoring", () => {
  it("joining and leaving are kept in the membership history; the budget starts on the creation day", async () => {
    const admin = await actorFor(await makeUser({ role: "ADMIN" }));
    const dept = await makeDepartment();
    const lead = await makeUser();
    const community = await createCommunity(admin, input(dept.id, [lead.id]));
    const user = await makeUser();
    await joinCommunity(await actorFor(user), community.id);
    await leaveCommunity(await actorFor(user), community.id);
    await joinCommunity(await actorFor(user), community.id);
    const history = await db.membershipHistory.findMany({ where: { communityId: community.id, userId: user.id }, orderBy: { joinedAt: "asc" } });
    expect(history.map((h) => h.leftAt !== null)).toEqual([true, false]);
    expect(await db.membershipHistory.count({ where: { communityId: community.id, userId: lead.id, leftAt: null } })).toBe(1);
    const budgets = await db.budgetChange.findMany({ where: { communityId: community.id }, select: { effectiveFrom: true, minutes: true, periodDays: true } });
    expect(budgets).toEqual([{ effectiveFrom: new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`), minutes: 120, periodDays: 14 }]);
  });

  it("the head changes budget, access and leads; a lead, a knowledge manager and another head may not", async () => {
    const dept = await makeDepartment();
    const head = await headOf(dept.id);
    const [leadUser, member, newLead] = [await makeUser(), await makeUser(), await makeUser()];
    const community = await createCommunity(head, input(dept.id, [leadUser.id]));
    await joinCommunity(await actorFor(member), community.id);
    const settings = { name: "Nieuwe naam", purpose: "Ander doel", visibility: "CLOSED" as const, budgetMinutes: 240, budgetPeriodDays: 7, leadIds: [member.id, newLead.id] };

    const otherHead = await headOf((await makeDepartment()).id);
    for (const who of [await actorFor(leadUser), await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" })), otherHead]) {
      await expect(updateCommunity(who, community.id, settings)).rejects.toMatchObject({ status: 403 });
    }
    const outboxBefore = (await db.searchOutbox.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const entry = await db.entry.create({ data: { title: "Artikel", bodyJson: "{}", bodyText: "", ownerId: leadUser.id, communityId: community.id } });
    const question = await db.note.create({ data: { kind: "QUESTION", state: "OPEN", title: "Vraag", bodyJson: "{}", bodyText: "", authorId: member.id, communityId: community.id } });
    await updateCommunity(head, community.id, settings);

    const row = await db.community.findUniqueOrThrow({ where: { id: community.id }, select: { name: true, visibility: true, budgetMinutes: true, budgetPeriodDays: true } });
    expect(row).toEqual({ name: "Nieuwe naam", visibility: "CLOSED", budgetMinutes: 240, budgetPeriodDays: 7 });
    const roles = await db.membership.findMany({ where: { communityId: community.id }, select: { userId: true, role: true } });
    expect(Object.fromEntries(roles.map((r) => [r.userId, r.role]))).toEqual({ [leadUser.id]: "MEMBER", [member.id]: "LEAD", [newLead.id]: "LEAD" });
    // Today's change replaces the budget of today (the community was created today): one row, the new budget.
    expect(await db.budgetChange.findMany({ where: { communityId: community.id }, select: { minutes: true, periodDays: true } })).toEqual([{ minutes: 240, periodDays: 7 }]);
    // The entry's visibility in search changed with the access: it is queued for the index.
    const queued = await db.searchOutbox.findMany({ where: { id: { gt: outboxBefore } }, select: { indexName: true, documentId: true } });
    expect(queued).toEqual(expect.arrayContaining([{ indexName: "entries", documentId: entry.id }, { indexName: "questions", documentId: question.id }]));
    expect((await audits(community.id)).map((a) => a.action)).toContain("community.update");
  });

  it("an unknown lead or no lead is refused and nothing changes; an archived community is restored by its head only", async () => {
    const dept = await makeDepartment();
    const head = await headOf(dept.id);
    const lead = await makeUser();
    const community = await createCommunity(head, input(dept.id, [lead.id]));
    const bad = { name: "X", purpose: "", visibility: "OPEN" as const, budgetMinutes: 60, budgetPeriodDays: 14, leadIds: ["cnosuchuser000001"] };
    await expect(updateCommunity(head, community.id, bad)).rejects.toMatchObject({ field: "leadIds" });
    expect((await db.community.findUniqueOrThrow({ where: { id: community.id } })).budgetMinutes).toBe(120);

    await archiveCommunity(await actorFor(lead), community.id);
    await expect(updateCommunity(head, community.id, { ...bad, leadIds: [lead.id] })).rejects.toMatchObject({ messageKey: "error.community.archived" });
    await expect(restoreCommunity(await actorFor(lead), community.id)).rejects.toMatchObject({ status: 403 });
    await restoreCommunity(head, community.id);
    expect((await db.community.findUniqueOrThrow({ where: { id: community.id } })).status).toBe("ACTIVE");
    await expect(restoreCommunity(head, community.id)).rejects.toMatchObject({ messageKey: "error.community.notArchived" });
  });
});
