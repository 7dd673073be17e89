/** Goal commands on a real database: who may propose, agree, send back, record progress and close; states, history, audit. */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { closeGoal, decideGoal, proposeGoal, recordGoalProgress, reviseGoal } from "~/commands/manage-goal.server";
import { actorFor, makeCommunity, makeDepartment, makeUser } from "../support/factories";

async function setup(visibility: "OPEN" | "CLOSED" = "OPEN") {
  const [dept, otherDept] = [await makeDepartment(), await makeDepartment()];
  const headUser = await makeUser({ role: "DEPARTMENT_HEAD", departmentId: dept.id });
  await db.department.update({ where: { id: dept.id }, data: { headId: headUser.id } });
  const otherHeadUser = await makeUser({ role: "DEPARTMENT_HEAD", departmentId: otherDept.id });
  await db.department.update({ where: { id: otherDept.id }, data: { headId: otherHeadUser.id } });
  const [leadUser, memberUser] = [await makeUser(), await makeUser()];
  const community = await makeCommunity({ departmentId: dept.id, visibility, memberIds: [memberUser.id] });
  await db.membership.create({ data: { userId: leadUser.id, communityId: community.id, role: "LEAD" } });
  return {
    community,
    lead: await actorFor(leadUser),
    member: await actorFor(memberUser),
    head: await actorFor(headUser),
    otherHead: await actorFor(otherHeadUser),
  };
}

const input = { title: "Twintig artikels", target: "20 nieuwe kennisartikels over spaarrekeningen", dueDate: new Date(Date.now() + 60 * 86_400_000) };
const history = (goalId: string) =>
  db.goalEvent.findMany({ where: { goalId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { kind: true, actorId: true, comment: true, percentage: true } });
const audits = (goalId: string) =>
  db.auditEvent.findMany({ where: { targetType: "goal", targetId: goalId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { action: true, actorId: true } });
const status = async (goalId: string) => (await db.goal.findUniqueOrThrow({ where: { id: goalId }, select: { status: true } })).status;

describe("goals", () => {
  it("the lead proposes, the head sends back, then agrees; the lead records progress and finishes; all in history and audit", async () => {
    const { community, lead, head } = await setup();
    const { id } = await proposeGoal(lead, community.id, input);
    expect(await status(id)).toBe("PROPOSED");
    await decideGoal(head, community.id, id, false, "Maak het meetbaar per kwartaal");
    expect(await status(id)).toBe("PROPOSED");
    await decideGoal(head, community.id, id, true);
    const agreed = await db.goal.findUniqueOrThrow({ where: { id }, select: { status: true, agreedById: true, agreedAt: true, proposedById: true } });
    expect(agreed).toMatchObject({ status: "AGREED", agreedById: head.id, proposedById: lead.id });
    expect(agreed.agreedAt).toBeInstanceOf(Date);
    await recordGoalProgress(lead, community.id, id, { percentage: 40, comment: "8 artikels" });
    await closeGoal(lead, community.id, id, "DONE", "Gehaald");
    expect(await status(id)).toBe("DONE");
    expect(await history(id)).toEqual([
      { kind: "proposed", actorId: lead.id, comment: "", percentage: null },
      { kind: "sent_back", actorId: head.id, comment: "Maak het meetbaar per kwartaal", percentage: null },
      { kind: "agreed", actorId: head.id, comment: "", percentage: null },
      { kind: "progress", actorId: lead.id, comment: "8 artikels", percentage: 40 },
      { kind: "done", actorId: lead.id, comment: "Gehaald", percentage: null },
    ]);
    expect((await audits(id)).map((a) => a.action)).toEqual(["goal.proposed", "goal.sent_back", "goal.agreed", "goal.progress", "goal.done"]);
  });

  it("only leads propose; only the head of this department agrees (403 for members and other heads); nothing saved", async () => {
    const { community, lead, member, head, otherHead } = await setup();
    const before = await db.goal.count();
    await expect(proposeGoal(member, community.id, input)).rejects.toMatchObject({ status: 403 });
    await expect(proposeGoal(head, community.id, input)).rejects.toMatchObject({ status: 403 });
    expect(await db.goal.count()).toBe(before);
    const { id } = await proposeGoal(lead, community.id, input);
    await expect(decideGoal(member, community.id, id, true)).rejects.toMatchObject({ status: 403 });
    await expect(decideGoal(otherHead, community.id, id, true)).rejects.toMatchObject({ status: 403 });
    await expect(decideGoal(lead, community.id, id, true)).rejects.toMatchObject({ status: 403 });
    expect(await status(id)).toBe("PROPOSED");
    expect(await history(id)).toHaveLength(1);
    expect(await audits(id)).toHaveLength(1);
  });

  it("progress and done only on agreed goals (400), progress only by leads; a dropped goal stays closed", async () => {
    const { community, lead, member, head } = await setup();
    const { id } = await proposeGoal(lead, community.id, input);
    await expect(recordGoalProgress(lead, community.id, id, { percentage: 10, comment: "x" })).rejects.toMatchObject({ status: 400, messageKey: "error.goal.notAgreed" });
    await expect(closeGoal(lead, community.id, id, "DONE")).rejects.toMatchObject({ status: 400, messageKey: "error.goal.notAgreed" });
    await decideGoal(head, community.id, id, true);
    await expect(recordGoalProgress(member, community.id, id, { percentage: 10, comment: "x" })).rejects.toMatchObject({ status: 403 });
    await expect(recordGoalProgress(lead, community.id, id, { percentage: 101, comment: "x" })).rejects.toMatchObject({ status: 400, field: "percentage" });
    await expect(closeGoal(lead, community.id, id, "DROPPED", " ")).rejects.toMatchObject({ status: 400, field: "comment" });
    await closeGoal(lead, community.id, id, "DROPPED", "Product verdwijnt");
    expect(await status(id)).toBe("DROPPED");
    await expect(decideGoal(head, community.id, id, true)).rejects.toMatchObject({ messageKey: "error.goal.notProposed" });
    await expect(closeGoal(lead, community.id, id, "DROPPED", "nog eens")).rejects.toMatchObject({ messageKey: "error.goal.closed" });
    expect((await history(id)).map((e) => e.kind)).toEqual(["proposed", "agreed", "dropped"]);
  });

  it("a goal of another community is not found; a closed community's goals are 404 for outsiders", async () => {
    const a = await setup();
    const b = await setup("CLOSED");
    const { id } = await proposeGoal(a.lead, a.community.id, input);
    await expect(decideGoal(b.head, b.community.id, id, true)).rejects.toMatchObject({ status: 404 });
    await expect(proposeGoal(a.lead, b.community.id, input)).rejects.toMatchObject({ status: 404 });
    expect(await status(id)).toBe("PROPOSED");
  });

  it("the lead revises a goal the head sent back and proposes it again: changed fields, history and audit kept; the head then agrees", async () => {
    const { community, lead, member, head } = await setup();
    const { id } = await proposeGoal(lead, community.id, input);
    const revised = { title: "Tien artikels per kwartaal", target: "10 nieuwe kennisartikels per kwartaal", dueDate: new Date(`${new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`) };
    // Not sent back yet: nothing to revise.
    await expect(reviseGoal(lead, community.id, id, revised)).rejects.toMatchObject({ status: 400, messageKey: "error.goal.notSentBack" });
    await decideGoal(head, community.id, id, false, "Maak het meetbaar per kwartaal");
    // Only a lead revises.
    await expect(reviseGoal(member, community.id, id, revised)).rejects.toMatchObject({ status: 403 });
    await expect(reviseGoal(head, community.id, id, revised)).rejects.toMatchObject({ status: 403 });
    await reviseGoal(lead, community.id, id, { ...revised, comment: "Per kwartaal nu" });
    const goal = await db.goal.findUniqueOrThrow({ where: { id }, select: { status: true, title: true, target: true, dueDate: true } });
    expect(goal).toEqual({ status: "PROPOSED", title: revised.title, target: revised.target, dueDate: revised.dueDate });
    // Proposed again: a second revision waits for the head's next word.
    await expect(reviseGoal(lead, community.id, id, revised)).rejects.toMatchObject({ messageKey: "error.goal.notSentBack" });
    await decideGoal(head, community.id, id, true);
    expect(await status(id)).toBe("AGREED");
    expect(await history(id)).toEqual([
      { kind: "proposed", actorId: lead.id, comment: "", percentage: null },
      { kind: "sent_back", actorId: head.id, comment: "Maak het meetbaar per kwartaal", percentage: null },
      { kind: "revised", actorId: lead.id, comment: "Per kwartaal nu", percentage: null },
      { kind: "agreed", actorId: head.id, comment: "", percentage: null },
    ]);
    expect((await audits(id)).map((a) => a.action)).toEqual(["goal.proposed", "goal.sent_back", "goal.revised", "goal.agreed"]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetType: "goal", targetId: id, action: "goal.revised" }, select: { details: true } });
    expect(JSON.parse(audit.details)).toEqual({
      before: { title: input.title, target: input.target, dueDate: input.dueDate.toISOString().slice(0, 10) },
      after: { title: revised.title, target: revised.target, dueDate: revised.dueDate.toISOString().slice(0, 10) },
      comment: "Per kwartaal nu",
    });
  });
});
