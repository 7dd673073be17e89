/**
 * The report figures on a real database against hand-computed fixtures: members who joined or left
 * mid-period, contributions on the period's edges, goals closed before the period, cancelled
 * activities, feedback outside the period, and an empty period.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { activityFigures, contributionFigures, entryFigures, goalFigures, memberFigures, timeFigures } from "~/models/report-figures.server";
import { parseDay } from "~/utils/dates";
import { period } from "~/models/report-period";
import { makeCommunity, makeDepartment, makeUser } from "../support/factories";

const at = (text: string) => new Date(text);
const day = (text: string) => parseDay(text)!;
// The period of the fixtures: 1 to 14 March 2026 (14 days, two weeks).
const MARCH = period(day("2026-03-01"), day("2026-03-14"));

async function fixture() {
  const dept = await makeDepartment();
  const community = await makeCommunity({ departmentId: dept.id });
  const other = await makeCommunity({ departmentId: dept.id });
  const [ann, bob, cas, dirk, eva, outsider] = await Promise.all(Array.from({ length: 6 }, () => makeUser()));
  const c = community.id;
  await db.membershipHistory.createMany({
    data: [
      { communityId: c, userId: ann.id, joinedAt: at("2026-01-10T09:00:00Z") }, // member all along
      { communityId: c, userId: bob.id, joinedAt: at("2026-03-05T09:00:00Z") }, // joined mid-period
      { communityId: c, userId: cas.id, joinedAt: at("2026-01-10T09:00:00Z"), leftAt: at("2026-02-20T09:00:00Z") }, // left before
      { communityId: c, userId: dirk.id, joinedAt: at("2026-01-10T09:00:00Z"), leftAt: at("2026-03-10T09:00:00Z") }, // left mid-period
      { communityId: c, userId: eva.id, joinedAt: at("2026-03-15T00:00:00Z") }, // joined the day after
      { communityId: other.id, userId: outsider.id, joinedAt: at("2026-01-01T00:00:00Z") },
    ],
  });
  // Contributions: Ann logs time, Bob writes a note on the last day, Dirk nothing; Eva writes after the period.
  await db.timeEntry.createMany({
    data: [
      { communityId: c, userId: ann.id, date: day("2026-03-01"), minutes: 60, what: "Overleg" },
      { communityId: c, userId: ann.id, date: day("2026-02-28"), minutes: 30, what: "Vorige maand" },
      { communityId: other.id, userId: outsider.id, date: day("2026-03-02"), minutes: 45, what: "Andere community" },
    ],
  });
  const note = (authorId: string, createdAt: string, kind = "FIELD_NOTE", communityId = c) =>
    db.note.create({ data: { authorId, communityId, kind, title: `${kind} ${createdAt}`, bodyJson: "{}", bodyText: "", state: kind === "QUESTION" ? "OPEN" : "SUBMITTED", createdAt: at(createdAt) } });
  await note(bob.id, "2026-03-14T23:59:00Z");
  await note(eva.id, "2026-03-15T00:00:00Z");
  await note(ann.id, "2026-03-03T10:00:00Z", "FIELD_NOTE", other.id);
  const q1 = await note(ann.id, "2026-03-02T10:00:00Z", "QUESTION");
  const q2 = await note(ann.id, "2026-02-15T10:00:00Z", "QUESTION"); // asked before, answered in the period
  const q3 = await note(bob.id, "2026-03-06T10:00:00Z", "QUESTION"); // never answered
  const answer = (questionId: string, authorId: string, createdAt: string) =>
    db.answer.create({ data: { questionId, authorId, bodyJson: "{}", bodyText: "", createdAt: at(createdAt) } });
  const a1 = await answer(q1.id, bob.id, "2026-03-03T10:00:00Z");
  await answer(q1.id, dirk.id, "2026-03-04T10:00:00Z");
  await answer(q2.id, bob.id, "2026-03-08T10:00:00Z");
  await db.note.update({ where: { id: q1.id }, data: { acceptedAnswerId: a1.id, acceptedAt: at("2026-03-05T10:00:00Z") } });
  void q3;

  // Activities: one held with two attendees, one cancelled, one after the period.
  const activity = (title: string, startsAt: string, cancelled = false) =>
    db.activity.create({ data: { communityId: c, kind: "MEETING", title, startsAt: at(startsAt), durationMinutes: 60, createdById: ann.id, cancelledAt: cancelled ? at("2026-03-01T00:00:00Z") : null } });
  const held = await activity("Overleg maart", "2026-03-04T12:00:00Z");
  await activity("Afgelast", "2026-03-05T12:00:00Z", true);
  await activity("April", "2026-04-01T12:00:00Z");
  await db.attendance.createMany({ data: [{ activityId: held.id, userId: ann.id }, { activityId: held.id, userId: dirk.id }] });

  // Goals: agreed with progress (one progress after the period), done before the period, proposed in it, proposed after it.
  const goal = (title: string, status: string, createdAt: string) =>
    db.goal.create({ data: { communityId: c, title, target: "meetbaar", dueDate: day("2026-06-30"), status, proposedById: ann.id, createdAt: at(createdAt) } });
  const agreed = await goal("Lopend", "AGREED", "2026-01-15T10:00:00Z");
  const closed = await goal("Al klaar", "DONE", "2026-01-15T10:00:00Z");
  await goal("Nieuw", "PROPOSED", "2026-03-10T10:00:00Z");
  await goal("Later", "PROPOSED", "2026-03-20T10:00:00Z");
  await db.goalEvent.createMany({
    data: [
      { goalId: agreed.id, actorId: ann.id, kind: "progress", percentage: 30, createdAt: at("2026-03-02T10:00:00Z") },
      { goalId: agreed.id, actorId: ann.id, kind: "progress", percentage: 60, createdAt: at("2026-03-20T10:00:00Z") },
      { goalId: closed.id, actorId: ann.id, kind: "done", createdAt: at("2026-02-01T10:00:00Z") },
    ],
  });

  // Entries: one published in the period helped twice in it and once before; one published before.
  const entry = (title: string, createdAt: string) => db.entry.create({ data: { title, bodyJson: "{}", bodyText: "", ownerId: ann.id, communityId: c, createdAt: at(createdAt) } });
  const fresh = await entry("Nieuw artikel", "2026-03-03T10:00:00Z");
  const old = await entry("Oud artikel", "2026-01-03T10:00:00Z");
  await db.feedback.createMany({
    data: [
      { entryId: fresh.id, userId: bob.id, helpful: true, createdAt: at("2026-03-04T10:00:00Z") },
      { entryId: fresh.id, userId: dirk.id, helpful: true, createdAt: at("2026-03-05T10:00:00Z") },
      { entryId: old.id, userId: bob.id, helpful: true, createdAt: at("2026-02-04T10:00:00Z") },
      { entryId: old.id, userId: ann.id, helpful: false, createdAt: at("2026-03-04T10:00:00Z") },
    ],
  });
  return { c, fresh };
}

describe("report figures", () => {
  it("count what happened in the period, by hand", async () => {
    const { c, fresh } = await fixture();
    // Ann, Bob (joined mid-period) and Dirk (left mid-period); not Cas (left before) nor Eva (joined after).
    // Active: Ann (time, attendance), Bob (note, answers), Dirk (answer, attendance).
    expect(await memberFigures(c, MARCH)).toEqual({ total: 3, active: 3, joined: 1, left: 1 });

    const goals = await goalFigures(c, MARCH);
    expect(goals.byStatus).toEqual({ PROPOSED: 1, AGREED: 1, DONE: 0, DROPPED: 0 });
    expect(goals.items.map((g) => [g.title, g.progress])).toEqual([["Lopend", 30], ["Nieuw", null]]);

    const activities = await activityFigures(c, MARCH);
    expect(activities).toMatchObject({ held: 1, attendances: 2 });
    expect(activities.items.map((a) => a.title)).toEqual(["Overleg maart"]);

    const contributions = await contributionFigures(c, MARCH);
    expect(contributions).toMatchObject({ notes: 1, questions: 2, answers: 3, questionsAnswered: 2, questionsAccepted: 1, contributors: 3 });
    // Week 0 (1–7 March): q1, q3, three answers; week 1 (8–14 March): the answer to q2 and Bob's note.
    expect(contributions.weeks).toEqual([
      { start: "2026-03-01", notes: 0, questions: 2, answers: 2 },
      { start: "2026-03-08", notes: 1, questions: 0, answers: 1 },
    ]);

    expect(await entryFigures(c, MARCH)).toEqual({ published: 1, helped: 2, mostHelpful: [{ id: fresh.id, title: "Nieuw artikel", helped: 2 }] });
  });

  it("an empty period is all zeros, not an error", async () => {
    const { c } = await fixture();
    const empty = period(day("2025-01-01"), day("2025-01-10"));
    expect(await memberFigures(c, empty)).toEqual({ total: 0, active: 0, joined: 0, left: 0 });
    expect((await goalFigures(c, empty)).items).toEqual([]);
    expect(await activityFigures(c, empty)).toEqual({ held: 0, attendances: 0, items: [] });
    const contributions = await contributionFigures(c, empty);
    expect(contributions).toMatchObject({ notes: 0, questions: 0, answers: 0, questionsAnswered: 0, questionsAccepted: 0, contributors: 0 });
    expect(contributions.weeks).toHaveLength(2);
    expect(await entryFigures(c, empty)).toEqual({ published: 0, helped: 0, mostHelpful: [] });
  });
});

describe("time against budget in a report", () => {
  it("prorates members who joined mid-period and a budget changed mid-period, by hand", async () => {
    const dept = await makeDepartment();
    const community = await makeCommunity({ departmentId: dept.id });
    const [ann, bob] = await Promise.all([makeUser({ name: "Ann" }), makeUser({ name: "Bob" })]);
    const c = community.id;
    // 140 min per 14 days from 1 March; from 8 March 280 min per 7 days (a new series starts that day).
    await db.budgetChange.createMany({
      data: [
        { communityId: c, effectiveFrom: day("2026-03-01"), minutes: 140, periodDays: 14 },
        { communityId: c, effectiveFrom: day("2026-03-08"), minutes: 280, periodDays: 7 },
      ],
    });
    // Ann all along; Bob from 11 March (his first day counts).
    await db.membershipHistory.createMany({
      data: [
        { communityId: c, userId: ann.id, joinedAt: at("2026-02-01T09:00:00Z") },
        { communityId: c, userId: bob.id, joinedAt: at("2026-03-11T09:00:00Z") },
      ],
    });
    await db.timeEntry.createMany({
      data: [
        { communityId: c, userId: ann.id, date: day("2026-03-02"), minutes: 90, what: "a" },
        { communityId: c, userId: ann.id, date: day("2026-03-09"), minutes: 200, what: "b" },
        { communityId: c, userId: bob.id, date: day("2026-03-12"), minutes: 30, what: "c" },
        { communityId: c, userId: bob.id, date: day("2026-03-15"), minutes: 999, what: "after the period" },
      ],
    });
    const time = await timeFigures(c, MARCH);
    // Parts: 1–7 March (cut short: 7 of 14 days → 70 min), 8–14 March (280 min).
    // Ann: 70 + 280 = 350 budget, 290 used. Bob: 11–14 March = 4 of 7 days → 160 budget, 30 used.
    expect(time.periods).toEqual([
      { start: "2026-03-01", end: "2026-03-07", budget: 70, used: 90 },
      { start: "2026-03-08", end: "2026-03-14", budget: 440, used: 230 },
    ]);
    expect(time.members.map((m) => [m.name, m.budget, m.used, m.over])).toEqual([
      ["Ann", 350, 290, false],
      ["Bob", 160, 30, false],
    ]);
    expect(time).toMatchObject({ budget: 510, used: 320, over: false });
    // An empty period long before: nothing used, no budget.
    const empty = await timeFigures(c, period(day("2025-01-01"), day("2025-01-10")));
    expect(empty).toMatchObject({ budget: 0, used: 0, periods: [], members: [] });
  });
});
