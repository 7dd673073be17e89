/** The demo organisation: seeded into an empty database only, complete enough to explore. */
import { compare } from "bcryptjs";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { seedDemoIfEmpty } from "../../prisma/seed";
import { parseRichText } from "~/schemas/rich-text";
import { budgetView } from "~/models/time.server";
import { translator } from "~/utils/i18n";
import { loadActor } from "~/models/actor.server";
import { whatsNewPage } from "~/models/whats-new.server";
import { countUnreadNotifications, listNotifications } from "~/models/notification-list.server";
import type { Role } from "~/schemas/enums";
import { listOpenMandatoryReadsFor } from "~/models/mandatory-read.server";
import { listDepartmentPlans, listPlansOf } from "~/models/mentoring.server";
import { learningFigures, listPendingLearning } from "~/models/learning.server";
import { contributorFigures, listThanksReceived } from "~/models/recognition.server";
import { currentSpotlight } from "~/models/spotlight.server";

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

  it("lets every seeded user sign in with the demo password the README and the login page give", async () => {
    const users = await db.user.findMany({ select: { email: true, passwordHash: true } });
    expect(users.length).toBeGreaterThan(6);
    const hashes = new Set(users.map((u) => u.passwordHash));
    for (const passwordHash of hashes) expect(await compare("gilde-demo", passwordHash)).toBe(true);
    const hint = translator("nl")("login.demoHint");
    for (const email of ["agent@gilde.test", "agent2@gilde.test", "km@gilde.test", "lead@gilde.test", "head@gilde.test", "admin@gilde.test"]) {
      expect(users.map((u) => u.email)).toContain(email);
      expect(hint).toContain(email);
    }
    expect(hint).toContain("gilde-demo");
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
    // Every demo community has goals in every state, each with its history.
    for (const c of await db.community.findMany({ select: { slug: true } })) {
      const goals = await db.goal.findMany({ where: { community: { slug: c.slug } }, select: { status: true, _count: { select: { events: true } } } });
      expect(goals.map((g) => g.status).sort(), c.slug).toEqual(["AGREED", "DONE", "DROPPED", "PROPOSED"]);
      for (const goal of goals) expect(goal._count.events).toBeGreaterThan(0);
    }
  });

  it("gives every demo community six months of time logs and activities of every kind, with attendance logged as time", async () => {
    const now = Date.now();
    for (const c of await db.community.findMany({ select: { id: true, slug: true, budgetMinutes: true, budgetPeriodDays: true, createdAt: true } })) {
      const span = await db.timeEntry.aggregate({ where: { communityId: c.id }, _min: { date: true }, _max: { date: true } });
      expect(now - span._min.date!.getTime(), c.slug).toBeGreaterThan(175 * 86_400_000);
      expect(span._max.date!.getTime(), c.slug).toBeLessThanOrEqual(now);
      const kinds = await db.activity.groupBy({ by: ["kind"], where: { communityId: c.id }, _count: true });
      expect(kinds.map((k) => k.kind).sort(), c.slug).toEqual(["AFTER_ACTION_REVIEW", "INTERVISION", "LUNCH_AND_LEARN", "MEETING"]);
      expect(await db.activity.count({ where: { communityId: c.id, startsAt: { gt: new Date() }, cancelledAt: null } }), c.slug).toBeGreaterThanOrEqual(2);
      expect(await db.attendance.count({ where: { activity: { communityId: c.id, startsAt: { gt: new Date() } } } })).toBe(0);
      // every attendance has its time entry for the activity's duration
      const attendances = await db.attendance.findMany({ where: { activity: { communityId: c.id } }, select: { userId: true, activity: { select: { id: true, durationMinutes: true } } } });
      expect(attendances.length, c.slug).toBeGreaterThan(20);
      const entries = await db.timeEntry.findMany({ where: { communityId: c.id, activityId: { not: null } }, select: { userId: true, activityId: true, minutes: true } });
      const byKey = new Map(entries.map((e) => [`${e.activityId}:${e.userId}`, e.minutes]));
      for (const a of attendances) expect(byKey.get(`${a.activity.id}:${a.userId}`)).toBe(a.activity.durationMinutes);
      expect(entries).toHaveLength(attendances.length);
    }
    // nobody has more than 24 hours on a day
    const days = await db.timeEntry.groupBy({ by: ["userId", "date"], _sum: { minutes: true } });
    expect(Math.max(...days.map((d) => d._sum.minutes ?? 0))).toBeLessThanOrEqual(1440);
    // the savings community's current period: someone over budget, and Ruben logged nothing
    const sparen = await db.community.findUniqueOrThrow({ where: { slug: "sparen-aan-de-lijn" }, select: { id: true, budgetMinutes: true, budgetPeriodDays: true, createdAt: true } });
    const lead = await db.user.findUniqueOrThrow({ where: { email: "lead@gilde.test" }, select: { id: true } });
    const view = (await budgetView(sparen, { userId: lead.id, perMember: true }))!;
    expect(view.lines.some((l) => l.over)).toBe(true);
    expect(view.loggedNothing.map((l) => l.name)).toContain("Ruben De Backer");
    expect(view.history.length).toBeGreaterThanOrEqual(13);
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

  it("has a knowledge lifecycle to show: archived entries with their successor, open and resolved flags, 'did not help' reasons, reviews", async () => {
    const archived = await db.entry.findMany({ where: { state: "ARCHIVED" }, select: { archivedAt: true, archiveReason: true, successor: { select: { state: true } } } });
    expect(archived.length).toBeGreaterThan(0);
    for (const entry of archived) {
      expect(entry.archivedAt).not.toBeNull();
      expect(entry.archiveReason).toBeTruthy();
      expect(entry.successor?.state).toBe("PUBLISHED");
    }
    expect(await db.entry.count({ where: { lastReviewedAt: null } })).toBe(0);
    expect(await db.flag.count({ where: { state: "OPEN", reason: "WRONG" } })).toBeGreaterThan(0);
    expect(await db.flag.count({ where: { state: "NO_CHANGE", resolution: { not: null } } })).toBeGreaterThan(0);
    expect(await db.feedback.count({ where: { helpful: false, reason: { not: null } } })).toBeGreaterThan(0);
    expect(await db.entryReview.count({ where: { basis: "REUSE" } })).toBeGreaterThan(0);
  });

  it("shows the demo's agents something on 'Nieuw voor jou' at first start, and mails nothing (no SMTP)", async () => {
    await seedDemoIfEmpty(db);
    for (const email of ["agent@gilde.test", "daniel.brooks@gilde.test"]) {
      const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, departmentId: true } });
      const page = await whatsNewPage(await loadActor({ ...user, role: user.role as Role }));
      expect(page.firstVisit, email).toBe(true);
      expect(page.total, email).toBeGreaterThan(0);
    }
    expect(await db.mailMessage.count()).toBe(0);
  });

  it("rings the bell on first start: the demo accounts have notifications, the newest unread, each one they may see and open", async () => {
    for (const email of ["agent@gilde.test", "lead@gilde.test", "head@gilde.test"]) {
      const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, role: true, locale: true, departmentId: true } });
      const actor = await loadActor({ ...user, role: user.role as Role });
      const { items } = await listNotifications(actor);
      expect(items.length, email).toBeGreaterThan(0);
      expect(await db.notification.count({ where: { recipientId: user.id } }), email).toBe(items.length);
      expect(await countUnreadNotifications(actor), email).toBeGreaterThan(0);
    }
    // Seeded news counts as mailed already: the mail queue does not send the demo's history.
    expect(await db.notification.count({ where: { mailedAt: null } })).toBe(0);
  });

  it("asks the savings desk to read one entry: the agent sees it on the start page, agent2 has confirmed it", async () => {
    await seedDemoIfEmpty(db);
    const reads = await db.mandatoryRead.findMany({ select: { id: true, audienceType: true, withdrawnAt: true, entry: { select: { version: true } } } });
    expect(reads).toHaveLength(1);
    const confirmed = await db.mandatoryReadAssignment.findMany({ where: { confirmedAt: { not: null } }, select: { confirmedVersion: true, user: { select: { email: true } } } });
    expect(confirmed).toEqual([{ confirmedVersion: reads[0].entry.version, user: { email: "agent2@gilde.test" } }]);
    const actorOf = async (email: string) => {
      const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, departmentId: true } });
      return loadActor({ ...user, role: user.role as "EMPLOYEE" });
    };
    expect((await listOpenMandatoryReadsFor(await actorOf("agent@gilde.test"))).map((r) => r.status)).toEqual(["PENDING"]);
    expect(await listOpenMandatoryReadsFor(await actorOf("agent2@gilde.test"))).toEqual([]);
  });

  it("gives the demo accounts mentoring, formal learning, thank-yous and a spotlight to explore", async () => {
    await seedDemoIfEmpty(db);
    const actorOf = async (email: string) => {
      const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, departmentId: true } });
      return loadActor({ ...user, role: user.role as Role });
    };
    const [agent, agent2, lead, head] = await Promise.all(["agent@gilde.test", "agent2@gilde.test", "lead@gilde.test", "head@gilde.test"].map(actorOf));

    // Mentoring: agent@ mentors a newcomer halfway through, agent2@ a plan past its end, lead@ a finished one; the head sees the late one first.
    const [mentorOf] = await listPlansOf(agent.id);
    expect(mentorOf.mentor.id).toBe(agent.id);
    expect(mentorOf.late).toBe(false);
    expect(mentorOf.progress.signedOff).toBeGreaterThan(0);
    expect(mentorOf.progress.signedOff).toBeLessThan(mentorOf.progress.total);
    expect((await listPlansOf(agent2.id)).map((p) => p.late)).toEqual([true]);
    expect((await listPlansOf(lead.id)).map((p) => p.progress.percent)).toEqual([100]);
    const plans = await listDepartmentPlans(head.headOfDepartmentId!);
    expect(plans.length).toBeGreaterThanOrEqual(3);
    expect(plans[0].late).toBe(true);
    const items = await db.mentoringPlanItem.groupBy({ by: ["state"], _count: true });
    expect(items.map((i) => i.state).sort()).toEqual(["PLANNED", "PRACTISED", "SHOWN", "SIGNED_OFF"]);
    expect(await db.mentoringPlanItem.count({ where: { state: "SIGNED_OFF", signedOffBy: null } })).toBe(0);
    expect(await db.onboardingItem.count({ where: { departmentId: head.headOfDepartmentId! } })).toBeGreaterThanOrEqual(5);

    // Formal learning: the head has registrations to decide (not their own), and this year's figures count approved learning.
    const pending = await listPendingLearning(head.headOfDepartmentId!);
    expect(pending.map((e) => e.user.id)).toEqual(expect.arrayContaining([agent.id, agent2.id]));
    expect(await db.learningEntry.count({ where: { state: "REJECTED", decisionReason: { not: "" } } })).toBeGreaterThan(0);
    for (const entry of await db.learningEntry.findMany({ where: { state: { not: "PENDING" } }, select: { userId: true, decidedById: true } })) {
      expect(entry.decidedById).not.toBe(entry.userId);
    }
    const years = await db.learningEntry.findMany({ where: { state: "APPROVED" }, select: { date: true } });
    expect(new Set(years.map((e) => e.date.getUTCFullYear())).size).toBeGreaterThanOrEqual(2);
    const figures = await learningFigures({ year: new Date().getUTCFullYear(), departmentId: head.headOfDepartmentId });
    expect(figures.people.length).toBeGreaterThan(0);

    // Thank-yous on the contributor pages of agent@ and agent2@, readable by them; a spotlight in the savings community this week.
    for (const person of [agent, agent2]) {
      expect((await listThanksReceived(person, person.id)).length, person.id).toBeGreaterThan(0);
      expect((await contributorFigures(person.id)).thanksReceived, person.id).toBeGreaterThan(0);
    }
    const sparen = await db.community.findUniqueOrThrow({ where: { slug: "sparen-aan-de-lijn" }, select: { id: true } });
    expect(await currentSpotlight(agent, sparen)).not.toBeNull();
    expect(await db.spotlight.count({ where: { communityId: sparen.id } })).toBeGreaterThanOrEqual(2);
  });
});
