/**
 * A goal the head sent back: the lead revises title, target and due date and proposes it again
 * (without JavaScript: plain forms), a wrong due date is refused with the input kept, the history keeps
 * the send-back and shows the revision, and the head agrees to the revised goal.
 */
import { expect, httpError, nl, test } from "./support/fixtures";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { loggedInPage, MAIN_URL, marker } from "./support/app";
import { community, createUser, db, department, employee, TEST_PASSWORD } from "./support/data";

// Every journey here causes these answers on purpose; Chromium logs each as a console error.
test.beforeEach(({ allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/communities/"), "a goal with errors is sent on purpose: the form answers 400 with the fields' errors");
});

const isoDate = (daysFromNow: number) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);

test("the lead revises a goal the head sent back and proposes it again; the head agrees", async ({ browser }) => {
  test.slow();
  const m = marker();
  const [head, lead] = await Promise.all([createUser("DEPARTMENT_HEAD"), employee()]);
  const dept = await department({ name: `Team ${m}`, headId: head.id });
  const home = await community({ departmentId: dept.id });
  await db.membership.create({ data: { userId: lead.id, communityId: home.id, role: "LEAD" } });
  const title = `Twintig artikels ${m}`;
  const goal = await db.goal.create({
      data: { communityId: home.id, title, target: "20 artikels", dueDate: new Date(`${isoDate(30)}T00:00:00Z`), proposedById: lead.id, events: { create: { actorId: lead.id, kind: "proposed" } } },
      select: { id: true },
    });
  const url = `/communities/${home.slug}`;
  const contexts = await Promise.all([browser.newContext({ javaScriptEnabled: false }), browser.newContext()]);
  try {
    // The head sends it back with a comment.
    const headPage = await loggedInPage(contexts[1], head.email, TEST_PASSWORD);
    await headPage.goto(url);
    const headGoals = headPage.getByRole("region", { name: nl("goals.title") });
    await headGoals.getByLabel(nl("goals.field.comment")).fill("Maak het meetbaar per kwartaal");
    await headGoals.getByRole("button", { name: nl("goals.sendBack") }).click();
    await expect(headPage.getByText(nl("goals.done.sentBack"))).toBeVisible();
    // The head does not revise: that is the lead's.
    await expect(headGoals.getByText(nl("goals.revise"))).toHaveCount(0);

    // The lead, without JavaScript, sees the send-back and revises; a past due date first.
    const leadPage = await loggedInPage(contexts[0], lead.email, TEST_PASSWORD);
    await leadPage.goto(url);
    const goals = leadPage.getByRole("region", { name: nl("goals.title") });
    await expect(goals.getByText(`Teruggestuurd door ${head.name}: Maak het meetbaar per kwartaal`)).toBeVisible();
    await goals.getByText(nl("goals.revise")).click();
    const form = goals.getByRole("form", { name: `Herzien en opnieuw voorstellen: ${title}` });
    await expect(form.getByLabel(nl("goals.field.title"))).toHaveValue(title);
    const revisedTitle = `Tien artikels per kwartaal ${m}`;
    await form.getByLabel(nl("goals.field.title")).fill(revisedTitle);
    await form.getByLabel(nl("goals.target")).fill("10 artikels per kwartaal");
    await form.getByLabel(nl("goals.due")).fill(isoDate(-1));
    await form.getByRole("button", { name: nl("goals.submitRevise") }).click();
    const again = goals.getByRole("form", { name: `Herzien en opnieuw voorstellen: ${title}` });
    await expect(again.getByText(nl("error.goal.duePast"))).toBeVisible();
    await expect(again.getByLabel(nl("goals.field.title"))).toHaveValue(revisedTitle);
    await again.getByLabel(nl("goals.due")).fill(isoDate(120));
    await again.getByLabel(nl("goals.field.reviseNote")).fill("Per kwartaal");
    await again.getByRole("button", { name: nl("goals.submitRevise") }).click();
    await expect(leadPage.getByText(nl("goals.done.revised"))).toBeVisible();
    await expect(goals.getByRole("heading", { name: revisedTitle })).toContainText(nl("goals.status.PROPOSED"));
    // Proposed again: no send-back notice, nothing more to revise until the head speaks.
    await expect(goals.getByText(/Teruggestuurd door/)).toHaveCount(0);
    await expect(goals.getByText(nl("goals.revise"))).toHaveCount(0);
    const saved = await db.goal.findUniqueOrThrow({ where: { id: goal.id }, select: { status: true, title: true, target: true, dueDate: true } });
    expect(saved).toEqual({ status: "PROPOSED", title: revisedTitle, target: "10 artikels per kwartaal", dueDate: new Date(`${isoDate(120)}T00:00:00Z`) });

    // A second revision before the head's answer is refused.
    const refused = await leadPage.request.post(url, {
      form: { intent: "goal-revise", goalId: goal.id, title: "Nog eens", target: "x", dueDate: isoDate(10) },
      headers: { Origin: MAIN_URL },
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(400);

    // The head sees the revision in the history and agrees.
    await headPage.goto(url);
    await headGoals.getByText("Geschiedenis (3)").click();
    const history = headGoals.getByRole("list").filter({ hasText: nl("goals.event.revised") }).last();
    await expect(history).toContainText(`${head.name} · teruggestuurd: Maak het meetbaar per kwartaal`);
    await expect(history).toContainText(`${lead.name} · herzien en opnieuw voorgesteld: Per kwartaal`);
    await expectNoSeriousAxeViolations(headPage, url);
    await headGoals.getByRole("button", { name: nl("goals.agree") }).click();
    await expect(headPage.getByText(nl("goals.done.agreed"))).toBeVisible();
    await expect(headGoals.getByRole("heading", { name: revisedTitle })).toContainText(nl("goals.status.AGREED"));
    const audit = await db.auditEvent.findMany({ where: { targetType: "goal", targetId: goal.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(["goal.sent_back", "goal.revised", "goal.agreed"]);
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});
