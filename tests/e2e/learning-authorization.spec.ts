/**
 * Authorization of every mentoring and learning route (issue 17): my learning, the department's learning
 * and its social-balance CSV and PDF, mentoring, the onboarding template and a plan — for a newcomer, their
 * mentor, a colleague, a lead of a community of the department, the department's head, another
 * department's head, a knowledge manager and an admin. Pages answer 200 or 403/404 as the policies say;
 * every refused post changes nothing; nobody outside sees a person's cost.
 */
import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { marker } from "./support/app";
import { apiSession, community, createUser, db, department, employee } from "./support/data";

type Role = "newcomer" | "mentor" | "colleague" | "lead" | "head" | "otherHead" | "km" | "admin";
const ALL: Role[] = ["newcomer", "mentor", "colleague", "lead", "head", "otherHead", "km", "admin"];
const day = (offset: number) => new Date(`${new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`);

test("every mentoring and learning route and action answers each role as the policies say", async () => {
  test.slow();
  const m = marker();
  const head = await createUser("DEPARTMENT_HEAD", { name: `Hoofd ${m}` });
  const otherHead = await createUser("DEPARTMENT_HEAD");
  const dept = await department({ name: `Spaardesk ${m}`, headId: head.id });
  const otherDept = await department({ name: `Andere ${m}`, headId: otherHead.id });
  await db.user.update({ where: { id: head.id }, data: { departmentId: dept.id } });
  await db.user.update({ where: { id: otherHead.id }, data: { departmentId: otherDept.id } });
  const users = {
    newcomer: await employee({ name: `Nieuwkomer ${m}`, departmentId: dept.id }),
    mentor: await employee({ name: `Meter ${m}`, departmentId: dept.id }),
    colleague: await employee({ name: `Collega ${m}`, departmentId: dept.id }),
    lead: await employee({ departmentId: otherDept.id }),
    head,
    otherHead,
    km: await createUser("KNOWLEDGE_MANAGER"),
    admin: await createUser("ADMIN"),
  };
  // The lead leads a community of the department, but belongs to another one: leads pair, they do not read plans.
  const home = await community({ departmentId: dept.id, memberIds: [users.lead.id] });
  await db.membership.updateMany({ where: { userId: users.lead.id, communityId: home.id }, data: { role: "LEAD" } });
  const templateItem = await db.onboardingItem.create({ data: { departmentId: dept.id, kind: "TASK", title: "Een spaarrekening openen", position: 1 } });
  const plan = await db.mentoringPlan.create({
    data: {
      departmentId: dept.id,
      newcomerId: users.newcomer.id,
      mentorId: users.mentor.id,
      startsOn: day(-7),
      endsOn: day(60),
      items: { create: [{ kind: "TASK", title: "Een spaarrekening openen", position: 1, state: "PRACTISED" }] },
    },
    include: { items: true },
  });
  const item = plan.items[0];
  const cost = 98_765;
  const entry = await db.learningEntry.create({ data: { userId: users.colleague.id, kind: "COURSE", title: `Cursus ${m}`, provider: "Academie", date: day(-3), minutes: 420, costCents: cost } });
  const costText = "987,65";

  const sessions = {} as Record<Role, APIRequestContext>;
  for (const role of ALL) sessions[role] = await apiSession(users[role].email);
  try {
    const everyone = (status: number) => Object.fromEntries(ALL.map((r) => [r, status])) as Record<Role, number>;
    const heads = { ...everyone(403), head: 200, otherHead: 200, admin: 200 };
    const planReaders = { ...everyone(404), newcomer: 200, mentor: 200, head: 200, admin: 200 };
    const pages: [string, Partial<Record<Role, number>>][] = [
      ["/learning", everyone(200)],
      ["/learning?year=1999", everyone(200)],
      ["/learning/department", heads],
      [`/learning/department?department=${dept.id}`, { ...heads, otherHead: 403 }],
      ["/learning/department/csv", heads],
      [`/learning/department/csv?department=${dept.id}`, { ...heads, otherHead: 403 }],
      ["/learning/department/pdf", heads],
      [`/learning/department/pdf?department=${otherDept.id}`, { ...heads, head: 403 }],
      ["/learning/department/csv?year=abcd", { colleague: 403, head: 400, admin: 400 }],
      ["/mentoring", everyone(200)],
      ["/mentoring/template", heads],
      [`/mentoring/template?department=${dept.id}`, { ...heads, otherHead: 403 }],
      [`/mentoring/${plan.id}`, planReaders],
      ["/mentoring/cnoplan0000000000000001", { newcomer: 404, head: 404, admin: 404 }],
    ];
    for (const [url, expected] of pages) {
      for (const [role, status] of Object.entries(expected) as [Role, number][]) {
        expect((await sessions[role].get(url, { maxRedirects: 0 })).status(), `GET ${url} as ${role}`).toBe(status);
      }
    }

    // Costs: the person, their head and admins; nobody outside, not even on a page they may open.
    for (const role of ALL) {
      const texts = await Promise.all(["/learning", "/learning/department", `/learning/department?department=${dept.id}`, "/mentoring", `/mentoring/${plan.id}`].map(async (url) => (await sessions[role].get(url)).text()));
      const seesCost = texts.some((html) => html.includes(costText));
      expect(seesCost, `${role} sees the colleague's cost`).toBe(role === "colleague" || role === "head" || role === "admin");
    }

    // Posts each role may not make: 403 or 404, never a redirect to success, nothing changed.
    const stepOf = (intent: string) => ({ intent, itemId: item.id });
    const refused: [string, Record<string, string>, Role[]][] = [
      [`/mentoring/${plan.id}`, stepOf("item-sign-off"), ["newcomer", "colleague", "lead", "head", "otherHead", "km", "admin"]],
      [`/mentoring/${plan.id}`, { intent: "mentoring-log", date: day(0).toISOString().slice(0, 10), hours: "1", what: "Stiekem" }, ["colleague", "lead", "head", "otherHead", "km", "admin"]],
      ["/mentoring", { intent: "mentoring-pair", newcomerId: users.colleague.id, mentorId: users.mentor.id, startsOn: day(100).toISOString().slice(0, 10), endsOn: day(120).toISOString().slice(0, 10) }, ["newcomer", "mentor", "colleague", "otherHead", "km"]],
      ["/mentoring/template", { intent: "template-add", kind: "TASK", title: "Stiekem" }, ["newcomer", "mentor", "colleague", "lead", "km"]],
      ["/mentoring/template", { intent: "template-remove", itemId: templateItem.id }, ["newcomer", "mentor", "colleague", "lead", "km", "otherHead"]],
      ["/learning/department", { intent: "learning-approve", entryId: entry.id }, ["newcomer", "mentor", "colleague", "lead", "otherHead", "km"]],
      ["/learning/department", { intent: "learning-reject", entryId: entry.id, reason: "Stiekem" }, ["newcomer", "colleague", "otherHead", "km"]],
      ["/learning", { intent: "learning-withdraw", entryId: entry.id }, ["newcomer", "mentor", "lead", "head", "otherHead", "km", "admin"]],
    ];
    for (const [url, form, roles] of refused) {
      for (const role of roles) {
        const status = (await sessions[role].post(url, { form: { formId: "x", ...form }, maxRedirects: 0 })).status();
        expect([403, 404], `POST ${url} ${form.intent} as ${role}: ${status}`).toContain(status);
      }
    }
    expect(await db.mentoringPlanItem.findUniqueOrThrow({ where: { id: item.id }, select: { state: true } })).toEqual({ state: "PRACTISED" });
    expect(await db.mentoringSession.count({ where: { planId: plan.id } })).toBe(0);
    expect(await db.mentoringPlan.count({ where: { newcomerId: users.colleague.id } })).toBe(0);
    expect(await db.onboardingItem.count({ where: { departmentId: dept.id } })).toBe(1);
    expect(await db.learningEntry.findUniqueOrThrow({ where: { id: entry.id }, select: { state: true } })).toEqual({ state: "PENDING" });

    // And the right people may: the mentor signs off, the lead of a community of the department pairs.
    expect((await sessions.mentor.post(`/mentoring/${plan.id}`, { form: { formId: "x", ...stepOf("item-sign-off") }, maxRedirects: 0 })).status()).toBe(302);
    const paired = await sessions.lead.post("/mentoring", {
      form: { formId: "x", intent: "mentoring-pair", newcomerId: users.colleague.id, mentorId: users.mentor.id, startsOn: day(100).toISOString().slice(0, 10), endsOn: day(120).toISOString().slice(0, 10) },
      maxRedirects: 0,
    });
    expect(paired.status()).toBe(302);
    // The head may not approve their own entry: it is not among the decisions, and a post is refused.
    const own = await db.learningEntry.create({ data: { userId: head.id, kind: "COURSE", title: "Eigen", provider: "X", date: day(-1), minutes: 60, costCents: 0 } });
    expect([403]).toContain((await sessions.head.post("/learning/department", { form: { formId: "x", intent: "learning-approve", entryId: own.id }, maxRedirects: 0 })).status());
    expect((await sessions.head.post("/learning/department", { form: { formId: "x", intent: "learning-approve", entryId: entry.id }, maxRedirects: 0 })).status()).toBe(302);
  } finally {
    for (const s of Object.values(sessions)) await s.dispose();
  }
});
