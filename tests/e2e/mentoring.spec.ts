/**
 * Mentoring in the browser (issue 17): the head fills the department's onboarding template and pairs a
 * newcomer with a mentor; the mentor shows each item, the newcomer marks it practised (and has no sign-off
 * button), the mentor signs off until the plan is complete; time spent mentoring counts for both on their
 * learning page; the head sees every plan of the department, the late one marked. Bad input on the pairing,
 * template and time forms answers 400 with the field's error and keeps what was typed.
 */
import { type Page } from "@playwright/test";
import { expect, httpError, nl, test } from "./support/fixtures";
import { marker, MAIN_URL } from "./support/app";
import { createUser, db, department, employee } from "./support/data";
import { isoDayFromToday } from "~/utils/dates";

async function setup() {
  const m = marker();
  const head = await createUser("DEPARTMENT_HEAD", { name: `Hilde ${m}` });
  const dept = await department({ name: `Spaardesk ${m}`, headId: head.id });
  await db.user.update({ where: { id: head.id }, data: { departmentId: dept.id } });
  const newcomer = await employee({ name: `Nina ${m}`, departmentId: dept.id });
  const mentor = await employee({ name: `Marc ${m}`, departmentId: dept.id });
  return { m, head, dept, newcomer, mentor };
}

async function addTemplateItem(page: Page, kind: "TASK" | "COMPETENCE", title: string) {
  await page.getByLabel(nl("mentoring.field.kind"), { exact: true }).selectOption(kind);
  await page.getByLabel(nl("mentoring.field.title"), { exact: true }).fill(title);
  await page.getByRole("button", { name: nl("mentoring.template.add") }).click();
  await expect(page.getByText(nl("mentoring.done.itemAdded"))).toBeVisible();
}

const item = (page: Page, title: string) => page.getByRole("listitem").filter({ has: page.getByText(title, { exact: true }) });

test("a mentoring plan from the template, shown, practised and signed off, with its time counted for both", async ({ pageAs }) => {
  const { m, head, newcomer, mentor } = await setup();
  const task = `Een spaarrekening openen ${m}`;
  const competence = `Klantgericht telefoneren ${m}`;

  // The head: the template, then the pairing.
  const headPage = await pageAs(head);
  await headPage.goto("/mentoring");
  await headPage.getByRole("link", { name: nl("mentoring.template.link") }).click();
  await expect(headPage.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`Spaardesk ${m}`));
  await addTemplateItem(headPage, "TASK", task);
  await addTemplateItem(headPage, "COMPETENCE", competence);
  await expect(headPage.getByRole("heading", { name: nl("mentoring.template.items", { count: 2 }) })).toBeVisible();
  await headPage.goto("/mentoring");
  await headPage.getByLabel(nl("mentoring.field.newcomer"), { exact: true }).selectOption({ value: newcomer.id });
  await headPage.getByLabel(nl("mentoring.field.mentor"), { exact: true }).selectOption({ value: mentor.id });
  await headPage.getByLabel(nl("mentoring.field.startsOn"), { exact: true }).fill(isoDayFromToday(-7));
  await headPage.getByLabel(nl("mentoring.field.endsOn"), { exact: true }).fill(isoDayFromToday(60));
  await headPage.getByRole("button", { name: nl("mentoring.pair.submit") }).click();
  await expect(headPage.getByText(nl("mentoring.done.paired"))).toBeVisible();
  await expect(headPage).toHaveURL(/\/mentoring\/c[a-z0-9]+$/);
  const planUrl = new URL(headPage.url()).pathname;
  await expect(headPage.getByText(nl("mentoring.progress", { done: 0, total: 2 }))).toBeVisible();
  // The head reads the plan but steps nothing.
  await expect(headPage.getByRole("button", { name: nl("mentoring.step.show") })).toHaveCount(0);

  // The mentor shows; the newcomer practises (and cannot sign off); the mentor signs off.
  const mentorPage = await pageAs(mentor);
  const newcomerPage = await pageAs(newcomer);
  await newcomerPage.goto("/notifications");
  await expect(newcomerPage.getByRole("link", { name: new RegExp(`${head.name} koppelde je in een mentorplan`) })).toBeVisible();
  for (const title of [task, competence]) {
    await mentorPage.goto(planUrl);
    await item(mentorPage, title).getByRole("button", { name: nl("mentoring.step.show") }).click();
    await expect(mentorPage.getByText(nl("mentoring.done.shown"))).toBeVisible();
    await newcomerPage.goto(planUrl);
    await expect(item(newcomerPage, title).getByText(nl("mentoring.state.shown"), { exact: true })).toBeVisible();
    await item(newcomerPage, title).getByRole("button", { name: nl("mentoring.step.practise") }).click();
    await expect(newcomerPage.getByText(nl("mentoring.done.practised"))).toBeVisible();
    await expect(newcomerPage.getByRole("button", { name: nl("mentoring.step.signOff") })).toHaveCount(0);
    await mentorPage.goto(planUrl);
    await item(mentorPage, title).getByRole("button", { name: nl("mentoring.step.signOff") }).click();
    await expect(mentorPage.getByText(nl("mentoring.done.signedOff"))).toBeVisible();
    await expect(item(mentorPage, title).getByText(nl("mentoring.state.signedOff"), { exact: true })).toBeVisible();
  }
  await expect(mentorPage.getByText(nl("mentoring.progress", { done: 2, total: 2 }))).toBeVisible();

  // Time spent mentoring: logged once by the mentor, counted for both.
  await mentorPage.getByLabel(nl("learning.field.hours"), { exact: true }).fill("1,5");
  await mentorPage.getByLabel(nl("mentoring.field.what"), { exact: true }).fill("Samen gesprekken beluisterd");
  await mentorPage.getByRole("button", { name: nl("mentoring.time.submit") }).click();
  await expect(mentorPage.getByText(nl("mentoring.done.timeLogged"))).toBeVisible();
  for (const page of [mentorPage, newcomerPage]) {
    await page.goto("/learning");
    const totals = page.getByRole("region", { name: nl("learning.totals.title", { year: new Date().getUTCFullYear() }) });
    await expect(totals.getByRole("definition").filter({ hasText: "1,5" }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: nl("mentoring.planOf", { newcomer: newcomer.name, mentor: mentor.name }) })).toBeVisible();
  }
  const signedOff = await db.mentoringPlanItem.findMany({ where: { plan: { newcomerId: newcomer.id } }, select: { state: true, signedOffById: true } });
  expect(signedOff).toEqual([
    { state: "SIGNED_OFF", signedOffById: mentor.id },
    { state: "SIGNED_OFF", signedOffById: mentor.id },
  ]);
});

test("the head sees every plan of the department, the late ones first and marked", async ({ pageAs }) => {
  const { dept, head, newcomer, mentor } = await setup();
  const other = await employee({ name: `Olga ${marker()}`, departmentId: dept.id });
  const day = (offset: number) => new Date(`${isoDayFromToday(offset)}T00:00:00Z`);
  await db.mentoringPlan.create({ data: { departmentId: dept.id, newcomerId: other.id, mentorId: mentor.id, startsOn: day(-30), endsOn: day(30), items: { create: [{ kind: "TASK", title: "A", position: 1 }] } } });
  await db.mentoringPlan.create({
    data: { departmentId: dept.id, newcomerId: newcomer.id, mentorId: mentor.id, startsOn: day(-90), endsOn: day(-2), items: { create: [{ kind: "TASK", title: "A", position: 1, state: "PRACTISED" }] } },
  });
  const page = await pageAs(head);
  await page.goto("/mentoring");
  const list = page.getByRole("region", { name: new RegExp(nl("mentoring.department.title", { name: dept.name })) });
  await expect(list.getByText(nl("mentoring.department.late", { count: 1 }))).toBeVisible();
  const rows = list.getByRole("listitem");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(newcomer.name);
  await expect(rows.first().getByText(nl("mentoring.late"), { exact: true })).toBeVisible();
  await expect(rows.nth(1).getByText(nl("mentoring.late"), { exact: true })).toHaveCount(0);
  // The mentor reads both plans; the late notice on the plan itself.
  const mentorPage = await pageAs(mentor);
  await mentorPage.goto("/mentoring");
  await mentorPage.getByRole("link", { name: nl("mentoring.planOf", { newcomer: newcomer.name, mentor: mentor.name }) }).click();
  await expect(mentorPage.getByText(nl("mentoring.lateNotice"))).toBeVisible();
});

test("bad input on the pairing, template and time forms: 400 with the field's error, the input kept", async ({ pageAs, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/mentoring"), "the mentoring forms' 400 answers to bad input are what is checked");
  const { m, dept, head, newcomer, mentor } = await setup();
  await db.onboardingItem.create({ data: { departmentId: dept.id, kind: "TASK", title: "A", position: 1 } });
  const page = await pageAs(head);
  await page.goto("/mentoring");
  await page.getByLabel(nl("mentoring.field.newcomer"), { exact: true }).selectOption({ value: newcomer.id });
  await page.getByLabel(nl("mentoring.field.mentor"), { exact: true }).selectOption({ value: mentor.id });
  await page.getByLabel(nl("mentoring.field.startsOn"), { exact: true }).fill(isoDayFromToday(10));
  await page.getByLabel(nl("mentoring.field.endsOn"), { exact: true }).fill(isoDayFromToday(5));
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/mentoring"),
    page.getByRole("button", { name: nl("mentoring.pair.submit") }).click(),
  ]);
  expect(answer.status()).toBe(400);
  await expect(page.getByText(nl("error.mentoring.endBeforeStart"))).toBeVisible();
  await expect(page.getByLabel(nl("mentoring.field.endsOn"), { exact: true })).toHaveValue(isoDayFromToday(5));
  await expect(page.getByLabel(nl("mentoring.field.newcomer"), { exact: true })).toHaveValue(newcomer.id);
  // The same person twice.
  await page.getByLabel(nl("mentoring.field.mentor"), { exact: true }).selectOption({ value: newcomer.id });
  await page.getByLabel(nl("mentoring.field.endsOn"), { exact: true }).fill(isoDayFromToday(50));
  await page.getByRole("button", { name: nl("mentoring.pair.submit") }).click();
  await expect(page.getByText(nl("error.mentoring.samePerson"))).toBeVisible();

  // Hand-made posts a date input cannot send: malformed dates, nothing made.
  const post = (url: string, form: Record<string, string>) => page.request.post(`${MAIN_URL}${url}`, { form: { formId: "x", ...form }, headers: { Origin: MAIN_URL }, maxRedirects: 0 });
  const malformed = await post("/mentoring", { intent: "mentoring-pair", newcomerId: newcomer.id, mentorId: mentor.id, startsOn: "31-12-2026", endsOn: "2026-02-30" });
  expect(malformed.status()).toBe(400);
  expect(await malformed.text()).toContain("error.mentoring.date");
  expect(await db.mentoringPlan.count({ where: { newcomerId: newcomer.id } })).toBe(0);

  // The template: empty and too long titles.
  await page.goto("/mentoring/template");
  await page.getByRole("button", { name: nl("mentoring.template.add") }).click();
  await expect(page.getByText(nl("error.required"))).toBeVisible();
  const long = await post("/mentoring/template", { intent: "template-add", kind: "TASK", title: "x".repeat(151) });
  expect(long.status()).toBe(400);
  expect(await long.text()).toContain("error.tooLong");
  const hostile = `<img src=x onerror=alert(1)> ${m}`;
  await page.getByLabel(nl("mentoring.field.title"), { exact: true }).fill(hostile);
  await page.getByRole("button", { name: nl("mentoring.template.add") }).click();
  await expect(page.getByText(hostile, { exact: true })).toBeVisible();

  // The time form: negative and malformed hours, a future day; the text typed stays.
  const plan = await db.mentoringPlan.create({ data: { departmentId: dept.id, newcomerId: newcomer.id, mentorId: mentor.id, startsOn: new Date(`${isoDayFromToday(-5)}T00:00:00Z`), endsOn: new Date(`${isoDayFromToday(5)}T00:00:00Z`) } });
  const mentorPage = await pageAs(mentor);
  await mentorPage.goto(`/mentoring/${plan.id}`);
  await mentorPage.getByLabel(nl("learning.field.hours"), { exact: true }).fill("-2");
  await mentorPage.getByLabel(nl("mentoring.field.what"), { exact: true }).fill("Meeluisteren");
  await mentorPage.getByRole("button", { name: nl("mentoring.time.submit") }).click();
  await expect(mentorPage.getByText(nl("error.learning.negative"))).toBeVisible();
  await expect(mentorPage.getByLabel(nl("mentoring.field.what"), { exact: true })).toHaveValue("Meeluisteren");
  await mentorPage.getByLabel(nl("learning.field.hours"), { exact: true }).fill("twee");
  await mentorPage.getByRole("button", { name: nl("mentoring.time.submit") }).click();
  await expect(mentorPage.getByText(nl("error.learning.hours"))).toBeVisible();
  const future = await mentorPage.request.post(`${MAIN_URL}/mentoring/${plan.id}`, {
    form: { formId: "mentoring-log", intent: "mentoring-log", date: isoDayFromToday(2), hours: "1", what: "x" },
    headers: { Origin: MAIN_URL },
    maxRedirects: 0,
  });
  expect(future.status()).toBe(400);
  expect(await future.text()).toContain("error.learning.future");
  expect(await db.mentoringSession.count({ where: { planId: plan.id } })).toBe(0);
});
