/**
 * The department dashboard's figures on a real database, by hand: only the department's active
 * communities, goal states, the last non-draft report, reports waiting, and the 8-week trend.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { departmentDashboard } from "~/models/department-dashboard.server";
import { makeCommunity, makeDepartment, makeUser } from "../support/factories";

const TODAY = new Date("2026-03-31T10:00:00Z");
const at = (s: string) => new Date(s);
const day = (s: string) => new Date(`${s}T00:00:00Z`);

describe("department dashboard", () => {
  it("sums each community of the department, by hand", async () => {
    const dept = await makeDepartment();
    const other = await makeDepartment();
    const [a, b] = [await makeCommunity({ departmentId: dept.id }), await makeCommunity({ departmentId: dept.id })];
    const archived = await makeCommunity({ departmentId: dept.id });
    await db.community.update({ where: { id: archived.id }, data: { status: "ARCHIVED" } });
    const elsewhere = await makeCommunity({ departmentId: other.id });
    const lead = await makeUser();

    const goal = (communityId: string, status: string) =>
      db.goal.create({ data: { communityId, title: "Doel", target: "x", dueDate: day("2026-06-30"), status, proposedById: lead.id } });
    await Promise.all([goal(a.id, "AGREED"), goal(a.id, "AGREED"), goal(a.id, "DONE"), goal(b.id, "PROPOSED"), goal(elsewhere.id, "AGREED")]);

    const report = (communityId: string, state: string, start: string, end: string) =>
      db.report.create({ data: { communityId, authorId: lead.id, state, periodStart: day(start), periodEnd: day(end), submittedAt: state === "DRAFT" ? null : at(`${end}T12:00:00Z`) } });
    await report(a.id, "ACKNOWLEDGED", "2026-02-01", "2026-02-14");
    const waiting = await report(a.id, "SUBMITTED", "2026-02-15", "2026-02-28");
    await report(a.id, "DRAFT", "2026-03-01", "2026-03-14"); // a newer draft is not the "last report"
    await report(elsewhere.id, "SUBMITTED", "2026-02-15", "2026-02-28");

    // Trend: eight weeks (56 days) from 4 February (week 0) up to and including 31 March (week 7).
    const note = (communityId: string, createdAt: string) => db.note.create({ data: { authorId: lead.id, communityId, title: "n", bodyJson: "{}", bodyText: "", createdAt: at(createdAt) } });
    await note(a.id, "2026-02-04T08:00:00Z"); // week 0
    await note(a.id, "2026-03-31T08:00:00Z"); // week 7
    await note(a.id, "2026-02-03T08:00:00Z"); // before the trend
    const question = await db.note.create({ data: { authorId: lead.id, communityId: b.id, kind: "QUESTION", state: "OPEN", title: "q", bodyJson: "{}", bodyText: "", createdAt: at("2026-01-01T08:00:00Z") } });
    await db.answer.create({ data: { questionId: question.id, authorId: lead.id, bodyJson: "{}", bodyText: "", createdAt: at("2026-03-10T08:00:00Z") } }); // day 34: week 4
    await db.timeEntry.createMany({
      data: [
        { communityId: a.id, userId: lead.id, date: day("2026-03-30"), minutes: 45, what: "x" }, // week 7
        { communityId: a.id, userId: lead.id, date: day("2026-03-31"), minutes: 15, what: "y" }, // week 7
      ],
    });

    // Budget: community a from 25 March, 120 min per 14 days, the lead a member all along; b has no period yet on TODAY.
    await db.budgetChange.create({ data: { communityId: a.id, effectiveFrom: day("2026-03-25"), minutes: 120, periodDays: 14 } });
    await db.membershipHistory.create({ data: { communityId: a.id, userId: lead.id, joinedAt: at("2026-01-01T00:00:00Z") } });

    const dashboard = (await departmentDashboard(dept.id, TODAY))!;
    expect(dashboard.trendStart).toBe("2026-02-04");
    expect(dashboard.communities.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    const byId = new Map(dashboard.communities.map((c) => [c.id, c]));
    expect(byId.get(a.id)!.goals).toEqual({ PROPOSED: 0, AGREED: 2, DONE: 1, DROPPED: 0 });
    expect(byId.get(b.id)!.goals).toEqual({ PROPOSED: 1, AGREED: 0, DONE: 0, DROPPED: 0 });
    expect(byId.get(a.id)!.lastReport).toMatchObject({ id: waiting.id, state: "SUBMITTED", periodEnd: "2026-02-28" });
    expect(byId.get(b.id)!.lastReport).toBeNull();
    expect(dashboard.waiting.map((w) => w.id)).toEqual([waiting.id]);
    expect(byId.get(a.id)!.trend.map((w) => w.contributions)).toEqual([1, 0, 0, 0, 0, 0, 0, 1]);
    expect(byId.get(a.id)!.trend.map((w) => w.minutes)).toEqual([0, 0, 0, 0, 0, 0, 0, 60]);
    expect(byId.get(b.id)!.trend.map((w) => w.contributions)).toEqual([0, 0, 0, 0, 1, 0, 0, 0]);
    // This period (25 March – 7 April): 45 + 15 minutes against the lead's 120.
    expect(byId.get(a.id)!.budget).toMatchObject({ used: 60, budget: 120, over: false });
    expect(byId.get(b.id)!.budget).toBeNull();
  });

  it("a department without communities is empty, an unknown one is null", async () => {
    const dept = await makeDepartment();
    expect(await departmentDashboard(dept.id, TODAY)).toMatchObject({ communities: [], waiting: [] });
    expect(await departmentDashboard("cnosuchdepartment", TODAY)).toBeNull();
  });
});
