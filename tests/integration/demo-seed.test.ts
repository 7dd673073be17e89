/** The demo organisation: seeded into an empty database only, complete enough to explore. */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { seedDemoIfEmpty } from "../../prisma/seed";
import { parseRichText } from "~/schemas/rich-text";

describe("demo seed", () => {
  it("fills an empty database once, and leaves a database with data alone", async () => {
    // This file's database is a fresh copy of the migrated template: empty.
    const first = await seedDemoIfEmpty(db);
    expect(first).not.toBeNull();
    expect(first!.notes).toBeGreaterThanOrEqual(150);
    expect(first!.entries).toBeGreaterThanOrEqual(50);
    const users = await db.user.count();
    expect(await seedDemoIfEmpty(db)).toBeNull();
    expect(await db.user.count()).toBe(users);
  });

  it("has the demo accounts, every note state, and valid rich text", async () => {
    const emails = (await db.user.findMany({ select: { email: true } })).map((u) => u.email);
    for (const email of ["agent@gilde.test", "agent2@gilde.test", "km@gilde.test", "head@gilde.test", "lead@gilde.test", "admin@gilde.test"]) {
      expect(emails).toContain(email);
    }
    const states = await db.note.groupBy({ by: ["state"], _count: true });
    expect(states.map((s) => s.state).sort()).toEqual(["DECLINED", "MERGED", "OPEN", "PUBLISHED", "SUBMITTED"]);
    expect(await db.entry.count({ where: { state: "PUBLISHED" } })).toBeGreaterThanOrEqual(50);
    for (const entry of await db.entry.findMany({ select: { bodyJson: true } })) expect(parseRichText(entry.bodyJson).ok).toBe(true);
    const head = await db.user.findUniqueOrThrow({ where: { email: "head@gilde.test" }, select: { headOf: { select: { name: true } } } });
    expect(head.headOf).not.toBeNull();
    const lead = await db.membership.findFirst({ where: { user: { email: "lead@gilde.test" }, role: "LEAD" } });
    expect(lead).not.toBeNull();
    const goals = await db.goal.findMany({ where: { community: { slug: "sparen-aan-de-lijn" } }, select: { status: true, _count: { select: { events: true } } } });
    expect(goals.map((g) => g.status).sort()).toEqual(["AGREED", "DONE", "DROPPED", "PROPOSED"]);
    for (const goal of goals) expect(goal._count.events).toBeGreaterThan(0);
  });

  it("has questions with answers in every community: some accepted, one or two already with the knowledge manager", async () => {
    for (const community of await db.community.findMany({ select: { id: true, slug: true } })) {
      const questions = await db.note.findMany({
        where: { communityId: community.id, kind: "QUESTION" },
        select: { state: true, acceptedAnswerId: true, acceptedAnswer: { select: { questionId: true } }, id: true, _count: { select: { answers: true } } },
      });
      expect(questions.length, community.slug).toBeGreaterThanOrEqual(3);
      expect(questions.some((q) => q._count.answers >= 2), community.slug).toBe(true);
      expect(questions.some((q) => q.acceptedAnswerId), community.slug).toBe(true);
      for (const q of questions) {
        expect(["OPEN", "SUBMITTED"]).toContain(q.state);
        if (q.acceptedAnswer) expect(q.acceptedAnswer.questionId).toBe(q.id);
        if (q.state === "SUBMITTED") expect(q.acceptedAnswerId).not.toBeNull();
      }
    }
    const submitted = await db.note.count({ where: { kind: "QUESTION", state: "SUBMITTED" } });
    expect(submitted).toBeGreaterThanOrEqual(1);
    expect(submitted).toBeLessThanOrEqual(2);
    for (const answer of await db.answer.findMany({ select: { bodyJson: true } })) expect(parseRichText(answer.bodyJson).ok).toBe(true);
  });
});
