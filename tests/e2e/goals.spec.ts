/**
 * Goals of a community: the lead proposes a goal (and is told what is wrong first), the head of the
 * community's department agrees, the lead records progress, both see the history; a plain member and
 * the head of another department get 403 on agreeing; axe finds no serious or critical violation,
 * also on the demo community with goals in every state.
 */
import { expect, httpError, nl, nlPattern, test } from "./support/fixtures";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { DEMO_PASSWORD, loggedInPage, MAIN_URL, marker } from "./support/app";
import { apiSession, community, createUser, db, department, employee, TEST_PASSWORD } from "./support/data";

const isoDate = (daysFromNow: number) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);

test("the lead proposes a goal, the head agrees, the lead records progress; others get 403", async ({ browser, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/communities/"), "a goal with errors is sent on purpose: the form answers 400 with the fields' errors");
  test.slow();
  const m = marker();
  const [head, otherHead, lead, member] = await Promise.all([createUser("DEPARTMENT_HEAD"), createUser("DEPARTMENT_HEAD"), employee(), employee()]);
  const dept = await department({ name: `Team ${m}`, headId: head.id });
  await department({ name: `Andere afdeling ${m}`, headId: otherHead.id });
  const home = await community({ departmentId: dept.id, memberIds: [member.id] });
  await db.membership.create({ data: { userId: lead.id, communityId: home.id, role: "LEAD" } });
  const url = `/communities/${home.slug}`;
  const title = `Twintig artikels ${m}`;
  // The head works without JavaScript: the goal forms are plain forms.
  const contexts = await Promise.all([browser.newContext(), browser.newContext({ javaScriptEnabled: false })]);
  try {
    // The lead proposes; a past due date and an empty target are refused with the input kept.
    const leadPage = await loggedInPage(contexts[0], lead.email, TEST_PASSWORD);
    await leadPage.goto(url);
    const goals = leadPage.getByRole("region", { name: nl("goals.title") });
    await expect(goals.getByText(nl("goals.empty"))).toBeVisible();
    await goals.getByText(nl("goals.propose")).click();
    await goals.getByLabel(nl("goals.field.title")).fill(title);
    await goals.getByLabel(nl("goals.due")).fill(isoDate(-1));
    await goals.getByRole("button", { name: nl("goals.submitPropose"), exact: true }).click();
    await expect(goals.getByText(nl("error.goal.targetRequired"))).toBeVisible();
    await expect(goals.getByText(nl("error.goal.duePast"))).toBeVisible();
    await expect(goals.getByLabel(nl("goals.field.title"))).toHaveValue(title);
    await goals.getByLabel(nl("goals.target")).fill("20 nieuwe kennisartikels over spaarrekeningen");
    await goals.getByLabel(nl("goals.due")).fill(isoDate(90));
    await goals.getByRole("button", { name: nl("goals.submitPropose"), exact: true }).click();
    await expect(leadPage.getByText(nl("goals.done.proposed"))).toBeVisible();
    await expect(goals.getByRole("heading", { name: title })).toContainText(nl("goals.status.PROPOSED"));
    const goal = await db.goal.findFirstOrThrow({ where: { communityId: home.id }, select: { id: true } });

    // Progress on a goal that is not agreed yet: 400 with a clear message, nothing saved.
    const early = await leadPage.request.post(url, { form: { intent: "goal-progress", goalId: goal.id, percentage: "10", comment: "te vroeg" }, headers: { Origin: MAIN_URL }, maxRedirects: 0 });
    expect(early.status()).toBe(400);
    expect(await early.text()).toContain("error.goal.notAgreed");

    // A plain member and the head of another department may not agree.
    const agree = { intent: "goal-agree", goalId: goal.id };
    for (const who of [member, otherHead]) {
      const api = await apiSession(who.email);
      expect((await api.post(url, { form: agree, maxRedirects: 0 })).status(), who.email).toBe(403);
      await api.dispose();
    }
    expect(await db.goal.findUniqueOrThrow({ where: { id: goal.id }, select: { status: true } })).toEqual({ status: "PROPOSED" });

    // The head of the community's department agrees.
    const headPage = await loggedInPage(contexts[1], head.email, TEST_PASSWORD);
    await headPage.goto(url);
    const headGoals = headPage.getByRole("region", { name: nl("goals.title") });
    await headGoals.getByLabel(nl("goals.field.comment")).fill("Goed plan");
    await headGoals.getByRole("button", { name: nl("goals.agree") }).click();
    await expect(headPage.getByText(nl("goals.done.agreed"))).toBeVisible();
    await expect(headGoals.getByRole("heading", { name: title })).toContainText(nl("goals.status.AGREED"));
    await expect(headGoals.getByRole("button", { name: nl("goals.recordProgress") })).toHaveCount(0);

    // The lead records progress: a wrong percentage first, then a right one.
    await leadPage.goto(url);
    await goals.getByLabel(nl("goals.field.percentage")).fill("150");
    await goals.getByLabel(nl("goals.field.progressNote")).fill("Acht artikels gepubliceerd");
    await goals.getByRole("button", { name: nl("goals.recordProgress") }).click();
    await expect(goals.getByText(nl("error.goal.percentage"))).toBeVisible();
    await expect(goals.getByLabel(nl("goals.field.progressNote"))).toHaveValue("Acht artikels gepubliceerd");
    await goals.getByLabel(nl("goals.field.percentage")).fill("40");
    await goals.getByRole("button", { name: nl("goals.recordProgress") }).click();
    await expect(leadPage.getByRole("status").filter({ hasText: nl("goals.done.progress") })).toBeVisible();
    // The form starts afresh after the success: the earlier refusal's error is gone.
    await expect(goals.getByText(nl("error.goal.percentage"))).toHaveCount(0);
    await expect(goals.getByRole("progressbar", { name: nl("goals.progressLabel", { title }) })).toHaveAttribute("value", "40");

    // Both see the history: who, what, comment.
    for (const page of [leadPage, headPage]) {
      await page.goto(url);
      const section = page.getByRole("region", { name: nl("goals.title") });
      await section.getByText(nl("goals.history", { count: 3 })).click();
      const history = section.getByRole("list").filter({ hasText: "voortgang 40%" }).last();
      await expect(history).toContainText(nl("time.editNamed", { date: lead.name, what: nl("goals.event.proposed") }));
      await expect(history).toContainText(`${head.name} · ${nl("goals.event.agreed")}: Goed plan`);
      await expect(history).toContainText(`${lead.name} · ${nl("goals.event.progress", { percentage: 40 })}: Acht artikels gepubliceerd`);
    }
    await expectNoSeriousAxeViolations(leadPage, url);

    const audit = await db.auditEvent.findMany({ where: { targetType: "goal", targetId: goal.id }, select: { action: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(["goal.agreed", "goal.progress", "goal.proposed"]);
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});

test("the demo community shows goals in every state to its head, with the decision form; axe is clean", async ({ browser }) => {
  const context = await browser.newContext();
  try {
    const page = await loggedInPage(context, "head@gilde.test", DEMO_PASSWORD);
    await page.goto("/communities/sparen-aan-de-lijn");
    const goals = page.getByRole("region", { name: nl("goals.title") });
    for (const status of ["Voorgesteld", "Afgesproken", "Behaald", "Geschrapt"]) await expect(goals.getByRole("heading", { level: 3 }).filter({ hasText: status }).first()).toBeVisible();
    await expect(goals.getByText(nlPattern("goals.sentBackNotice", { name: "Koen Van Damme" }))).toBeVisible();
    await expect(goals.getByRole("button", { name: nl("goals.agree") })).toHaveCount(1);
    await expect(goals.getByRole("progressbar").first()).toBeVisible();
    await expectNoSeriousAxeViolations(page, "/communities/sparen-aan-de-lijn");
  } finally {
    await context.close();
  }
});
