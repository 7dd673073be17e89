/**
 * Authorization of every community route and action, for a closed community, as a member, a
 * non-member, a lead, the head of another department and a knowledge manager (and the community's own
 * head where it matters). Pages answer 200 or 404/403 as the policies say; a report's time per person
 * (page, CSV, PDF) is for the lead and the head only; every refused post changes nothing; a non-member finds none of the community's questions by search or as-you-type suggestions.
 */
import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { inventedWord, marker } from "./support/app";
import { apiSession, community, createUser, db, department, employee } from "./support/data";
import { body } from "../support/factories";
import { pdfText } from "../support/pdf-text";

type Role = "member" | "member2" | "outsider" | "lead" | "head" | "otherHead" | "km";
const ALL: Role[] = ["member", "member2", "outsider", "lead", "head", "otherHead", "km"];
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test("every community route and action answers each role as the policies say", async () => {
  test.slow();
  const m = marker();
  const word = inventedWord();
  const users = {
    member: await employee(),
    member2: await employee(),
    outsider: await employee(),
    lead: await employee(),
    head: await createUser("DEPARTMENT_HEAD"),
    otherHead: await createUser("DEPARTMENT_HEAD"),
    km: await createUser("KNOWLEDGE_MANAGER"),
  };
  const dept = await department({ name: `Team ${m}`, headId: users.head.id });
  await department({ name: `Andere afdeling ${m}`, headId: users.otherHead.id });
  const home = await community({ departmentId: dept.id, visibility: "CLOSED", memberIds: [users.member.id, users.member2.id] });
  await db.membership.create({ data: { userId: users.lead.id, communityId: home.id, role: "LEAD" } });
  const activity = await db.activity.create({
    data: { communityId: home.id, kind: "MEETING", title: `Overleg ${m}`, startsAt: new Date(Date.now() - 3_600_000), durationMinutes: 60, createdById: users.lead.id },
  });
  const time = await db.timeEntry.create({ data: { communityId: home.id, userId: users.member.id, date: new Date(`${day(-1)}T00:00:00Z`), minutes: 30, what: "Lezen" } });
  const goal = await db.goal.create({ data: { communityId: home.id, title: `Doel ${m}`, target: "x", dueDate: new Date(`${day(60)}T00:00:00Z`), proposedById: users.lead.id } });
  const question = await db.note.create({
    data: { kind: "QUESTION", state: "OPEN", communityId: home.id, authorId: users.member.id, title: `Vraag over ${word}`, bodyJson: body(`Wat doen we met ${word}?`).json, bodyText: `Wat doen we met ${word}?` },
  });
  const answer = await db.answer.create({ data: { questionId: question.id, authorId: users.lead.id, bodyJson: body("Zo.").json, bodyText: "Zo." } });
  const period = { periodStart: new Date(`${day(-14)}T00:00:00Z`), periodEnd: new Date(`${day(-1)}T00:00:00Z`) };
  const draft = await db.report.create({ data: { communityId: home.id, authorId: users.lead.id, ...period } });
  const submitted = await db.report.create({ data: { communityId: home.id, authorId: users.lead.id, ...period, state: "SUBMITTED", submittedAt: new Date(), narrativeText: "x", figures: null } });
  const fixture = { activity, time, goal, question, answer, draft, submitted };
  // The question goes into the search index through the outbox, as the app's own writes do.
  await db.searchOutbox.create({ data: { indexName: "questions", documentId: fixture.question.id, operation: "UPSERT" } });

  const sessions = {} as Record<Role, APIRequestContext>;
  for (const role of ALL) sessions[role] = await apiSession(users[role].email);
  try {
    const base = `/communities/${home.slug}`;
    const pages: [string, Partial<Record<Role, number>>][] = [
      [base, { member: 200, outsider: 404, lead: 200, head: 200, otherHead: 404, km: 200 }],
      [`${base}/settings`, { member: 403, outsider: 404, lead: 403, head: 200, otherHead: 404, km: 403 }],
      [`${base}/archive`, { member: 403, outsider: 404, lead: 200, head: 200, otherHead: 404, km: 403 }],
      [`${base}/time`, { member: 200, outsider: 404, lead: 200, head: 200, otherHead: 404, km: 200 }],
      [`${base}/activities`, { member: 200, outsider: 404, lead: 200, head: 200, otherHead: 404, km: 200 }],
      [`${base}/questions`, { member: 200, outsider: 404, lead: 200, head: 200, otherHead: 404, km: 200 }],
      [`/questions/${fixture.question.id}`, { member: 200, outsider: 404, lead: 200, head: 200, otherHead: 404, km: 200 }],
      [`${base}/reports`, { member: 200, outsider: 404, lead: 200, head: 200, otherHead: 404, km: 403 }],
      [`/reports/${fixture.draft.id}`, { member: 404, outsider: 404, lead: 200, head: 404, otherHead: 404, km: 404 }],
      [`/reports/${fixture.submitted.id}`, { member: 200, outsider: 404, lead: 200, head: 200, otherHead: 404, km: 404 }],
      [`/reports/${fixture.submitted.id}/csv`, { member: 200, outsider: 404, lead: 200, head: 200, otherHead: 404, km: 404 }],
      [`/reports/${fixture.submitted.id}/pdf`, { member: 200, outsider: 404, lead: 200, head: 200, otherHead: 404, km: 404 }],
      [`/reports/${fixture.draft.id}/pdf`, { member: 404, outsider: 404, lead: 200, head: 404, otherHead: 404, km: 404 }],
    ];
    for (const [url, expected] of pages) {
      for (const [role, status] of Object.entries(expected) as [Role, number][]) {
        expect((await sessions[role].get(url, { maxRedirects: 0 })).status(), `GET ${url} as ${role}`).toBe(status);
      }
    }

    // Time per person in a submitted report, on its page, in its CSV and in its PDF: the lead and the
    // department head read each person's minutes; a member reads the totals (the member's name is shown
    // to another member nowhere in a report, so its absence is the check).
    const minutesOf = users.member.name;
    for (const [role, sees] of [["member2", false], ["lead", true], ["head", true]] as const) {
      const page = await (await sessions[role].get(`/reports/${fixture.submitted.id}`)).text();
      const csv = await (await sessions[role].get(`/reports/${fixture.submitted.id}/csv`)).text();
      const pdf = pdfText(await (await sessions[role].get(`/reports/${fixture.submitted.id}/pdf`)).body());
      expect({ page: page.includes(minutesOf), csv: csv.includes(minutesOf), pdf: pdf.includes(minutesOf) }, `time per person as ${role}`).toEqual({ page: sees, csv: sees, pdf: sees });
    }

    // Posts that each role may not make: 403 or 404, never a redirect to success.
    const refused: [string, Record<string, string>, Role[]][] = [
      [base, { intent: "remove", userId: users.member2.id }, ["member", "outsider", "otherHead", "km"]],
      [base, { intent: "archive" }, ["member", "outsider", "otherHead", "km"]],
      [base, { intent: "goal-propose", title: "Stiekem", target: "x", dueDate: day(30) }, ["member", "outsider", "otherHead", "km", "head"]],
      [base, { intent: "goal-agree", goalId: fixture.goal.id }, ["member", "outsider", "lead", "otherHead", "km"]],
      [base, { intent: "goal-revise", goalId: fixture.goal.id, title: "Stiekem", target: "x", dueDate: day(30) }, ["member", "outsider", "otherHead", "km", "head"]],
      [base, { intent: "archive", confirm: "yes" }, ["member", "outsider", "otherHead", "km"]],
      [`${base}/settings`, { name: "Overgenomen", visibility: "OPEN", budgetPreset: "120/14", leadIds: users.member.id }, ["member", "outsider", "lead", "otherHead", "km"]],
      [`${base}/time`, { intent: "time-log", date: day(-1), minutes: "30", what: "Stiekem" }, ["outsider", "otherHead", "km", "head"]],
      [`${base}/time`, { intent: "time-delete", entryId: fixture.time.id }, ["member2", "outsider", "lead", "otherHead", "km"]],
      [`${base}/time`, { intent: "time-edit", entryId: fixture.time.id, date: day(0), minutes: "5", what: "Stiekem" }, ["member2", "outsider", "lead", "otherHead", "km"]],
      [`${base}/activities`, { intent: "activity-schedule", kind: "MEETING", title: "Stiekem", date: day(3), time: "12:00", durationMinutes: "60" }, ["member", "outsider", "otherHead", "km", "head"]],
      [`${base}/activities`, { intent: "activity-attend", activityId: fixture.activity.id }, ["outsider", "otherHead", "km", "head"]],
      [`${base}/activities`, { intent: "activity-cancel", activityId: fixture.activity.id }, ["member", "outsider", "otherHead", "km", "head"]],
      [`${base}/questions`, { title: "Stiekeme vraag", bodyPlain: "Mag dit?" }, ["outsider", "otherHead", "km"]],
      [`/questions/${fixture.question.id}`, { intent: "answer", bodyPlain: "Stiekem antwoord" }, ["outsider", "otherHead", "km"]],
      [`/questions/${fixture.question.id}`, { intent: "accept", answerId: fixture.answer.id }, ["member2", "outsider", "otherHead", "km"]],
      [`/questions/${fixture.question.id}`, { intent: "send" }, ["member2", "outsider", "otherHead", "km"]],
      [`${base}/reports`, { periodStart: day(-14), periodEnd: day(-1) }, ["member", "outsider", "otherHead", "km", "head"]],
      [`/reports/${fixture.draft.id}`, { intent: "submit", narrativePlain: "Stiekem", highlights: "" }, ["member", "outsider", "otherHead", "km", "head"]],
      [`/reports/${fixture.draft.id}`, { intent: "discard" }, ["member", "outsider", "otherHead", "km", "head"]],
      [`/reports/${fixture.submitted.id}`, { intent: "discard" }, ["member", "outsider", "otherHead", "km", "head"]],
      [`/reports/${fixture.submitted.id}`, { intent: "acknowledge", comment: "" }, ["member", "outsider", "lead", "otherHead", "km"]],
    ];
    for (const [url, form, roles] of refused) {
      for (const role of roles) {
        const status = (await sessions[role].post(url, { form, maxRedirects: 0 })).status();
        expect([403, 404], `POST ${url} ${form.intent ?? ""} as ${role}: ${status}`).toContain(status);
      }
    }

    // Nothing changed.
    const after = {
      community: await db.community.findUniqueOrThrow({ where: { id: home.id }, select: { name: true, visibility: true, status: true } }),
      members: await db.membership.count({ where: { communityId: home.id } }),
      goals: await db.goal.findMany({ where: { communityId: home.id }, select: { status: true } }),
      time: await db.timeEntry.findMany({ where: { communityId: home.id }, select: { minutes: true, what: true } }),
      activities: await db.activity.findMany({ where: { communityId: home.id }, select: { cancelledAt: true } }),
      attendances: await db.attendance.count({ where: { activityId: fixture.activity.id } }),
      questions: await db.note.count({ where: { communityId: home.id, kind: "QUESTION" } }),
      question: await db.note.findUniqueOrThrow({ where: { id: fixture.question.id }, select: { state: true, acceptedAnswerId: true } }),
      answers: await db.answer.count({ where: { questionId: fixture.question.id } }),
      reports: await db.report.findMany({ where: { communityId: home.id }, orderBy: { createdAt: "asc" }, select: { state: true } }),
    };
    expect(after).toEqual({
      community: { name: home.name, visibility: "CLOSED", status: "ACTIVE" },
      members: 3,
      goals: [{ status: "PROPOSED" }],
      time: [{ minutes: 30, what: "Lezen" }],
      activities: [{ cancelledAt: null }],
      attendances: 0,
      questions: 1,
      question: { state: "OPEN", acceptedAnswerId: null },
      answers: 1,
      reports: [{ state: "DRAFT" }, { state: "SUBMITTED" }],
    });

    // Search: the member finds the question once it is indexed; the outsider and the other head never do.
    const questionTitle = `Vraag over ${word}`;
    await expect
      .poll(async () => (await (await sessions.member.get(`/questions/similar?q=${encodeURIComponent(word)}`)).text()).includes(questionTitle), { timeout: 20_000 })
      .toBe(true);
    for (const role of ["outsider", "otherHead"] as const) {
      const similar = await sessions[role].get(`/questions/similar?q=${encodeURIComponent(word)}`);
      expect(similar.status(), role).toBe(200);
      expect(await similar.text(), role).not.toContain(questionTitle);
      const search = await sessions[role].get(`/search?q=${encodeURIComponent(word)}`);
      expect(await search.text(), role).not.toContain(questionTitle);
    }
  } finally {
    for (const role of ALL) await sessions[role].dispose();
  }
});
