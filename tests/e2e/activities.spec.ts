/**
 * Schedule an activity and attend: the lead schedules an activity that has just started (a bad duration
 * is refused first, the input kept) and one for next week; a member marks "I was there" on the first
 * (attendance and the time in one click, visible on the time page), then undoes it; nobody can attend the
 * future one; the lead cancels it. Authorization over HTTP for every action: members, the department
 * head and the knowledge manager may not schedule (403), outsiders and the head of another department
 * get 404 everywhere. axe finds no serious or critical violation.
 */
import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, httpError, nl, test } from "./support/fixtures";
import { loggedInPage, marker } from "./support/app";
import { apiSession, community, createUser, db, department, employee, knowledgeManager, TEST_PASSWORD } from "./support/data";

async function expectNoSeriousAxeViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]["page"] }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `axe on ${name}`).toEqual([]);
}

/** A moment as the Belgian date and time a lead would type. */
function brussels(moment: Date) {
  const date = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels", year: "numeric", month: "2-digit", day: "2-digit" }).format(moment);
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Brussels", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(moment);
  return { date, time };
}

test("the lead schedules activities, a member attends in one click and undoes it, the lead cancels; others are refused", async ({ browser, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/communities/"), "a bad activity is sent on purpose: the form answers 400 with the fields' errors");
  test.slow();
  const m = marker();
  const [head, otherHead, lead, member, outsider, km] = await Promise.all([
    createUser("DEPARTMENT_HEAD"),
    createUser("DEPARTMENT_HEAD"),
    employee({ name: `Lea Trekker ${m}` }),
    employee({ name: `Mo Lid ${m}` }),
    employee(),
    knowledgeManager(),
  ]);
  const dept = await department({ name: `Team ${m}`, headId: head.id });
  await department({ name: `Andere afdeling ${m}`, headId: otherHead.id });
  const home = await community({ departmentId: dept.id, visibility: "CLOSED", memberIds: [member.id] });
  await db.membership.create({ data: { userId: lead.id, communityId: home.id, role: "LEAD" } });
  const url = `/communities/${home.slug}/activities`;
  const started = `Intervisie volmachten ${m}`;
  const later = `Lunch & learn termijnrekening ${m}`;
  const contexts = await Promise.all([browser.newContext(), browser.newContext({ javaScriptEnabled: false })]);
  try {
    // The lead schedules one that started ten minutes ago; a negative duration is refused first.
    const leadPage = await loggedInPage(contexts[0], lead.email, TEST_PASSWORD);
    await leadPage.goto(`/communities/${home.slug}`);
    await leadPage.getByRole("navigation", { name: nl("community.tabs") }).getByRole("link", { name: nl("activities.title") }).click();
    await expect(leadPage).toHaveURL(new RegExp(`${url}$`));
    const now = brussels(new Date(Date.now() - 10 * 60_000));
    await leadPage.getByText(nl("activities.schedule")).click();
    await leadPage.getByLabel(nl("activities.field.kind")).selectOption("INTERVISION");
    await leadPage.getByLabel(nl("activities.field.title")).fill(started);
    await leadPage.getByLabel(nl("activities.agenda")).fill("1. Casus\n2. Tips\n3. Wat schrijven we op?");
    await leadPage.getByLabel(nl("activities.field.date")).fill(now.date);
    await leadPage.getByLabel(nl("activities.field.time")).fill(now.time);
    await leadPage.getByLabel(nl("activities.field.duration")).fill("-15");
    await leadPage.getByRole("button", { name: nl("activities.submitSchedule"), exact: true }).click();
    await expect(leadPage.getByText(nl("error.activity.duration"))).toBeVisible();
    await expect(leadPage.getByLabel(nl("activities.field.title"))).toHaveValue(started);
    await leadPage.getByLabel(nl("activities.field.duration")).fill("1:15");
    await leadPage.getByRole("button", { name: nl("activities.submitSchedule"), exact: true }).click();
    await expect(leadPage.getByText(nl("activities.done.scheduled"))).toBeVisible();
    await expect(leadPage.getByRole("region", { name: nl("activities.past") }).getByRole("heading", { name: started })).toContainText(nl("activities.kind.INTERVISION"));

    // And one for next week, which goes under "planned".
    const next = brussels(new Date(Date.now() + 7 * 86_400_000));
    await leadPage.getByText(nl("activities.schedule")).click();
    await leadPage.getByLabel(nl("activities.field.kind")).selectOption("LUNCH_AND_LEARN");
    await leadPage.getByLabel(nl("activities.field.title")).fill(later);
    await leadPage.getByLabel(nl("activities.field.date")).fill(next.date);
    await leadPage.getByLabel(nl("activities.field.time")).fill("12:00");
    await leadPage.getByLabel(nl("activities.field.duration")).fill("45");
    await leadPage.getByRole("button", { name: nl("activities.submitSchedule"), exact: true }).click();
    await expect(leadPage.getByRole("region", { name: nl("activities.upcoming") }).getByRole("heading", { name: later })).toBeVisible();
    const [a, b] = await Promise.all([
        db.activity.findFirstOrThrow({ where: { title: started }, select: { id: true } }),
        db.activity.findFirstOrThrow({ where: { title: later }, select: { id: true } }),
      ]);

    // The member attends in one click (without JavaScript): attendance and 1 h 15 min logged.
    const memberPage = await loggedInPage(contexts[1], member.email, TEST_PASSWORD);
    await memberPage.goto(url);
    await expect(memberPage.getByRole("region", { name: nl("activities.upcoming") })).toContainText(nl("activities.attendLater"));
    await memberPage.getByRole("button", { name: nl("activities.attendNamed", { title: started }) }).click();
    await expect(memberPage.getByText(nl("activities.done.attended"))).toBeVisible();
    await expect(memberPage.getByRole("region", { name: nl("activities.past") })).toContainText(`${nl("activities.attendees", { count: 1 })}: Mo Lid ${m}`);
    await memberPage.goto(`/communities/${home.slug}/time`);
    await expect(memberPage.getByRole("region", { name: nl("time.mine.title") })).toContainText(`1 u 15 min · ${started}`);
    await expectNoSeriousAxeViolations(leadPage, url);

    // Nobody attends what has not started; nobody schedules but the lead; outsiders learn nothing.
    const memberApi = await apiSession(member.email);
    const early = await memberApi.post(url, { form: { intent: "activity-attend", activityId: b.id }, maxRedirects: 0 });
    expect(early.status()).toBe(400);
    expect(await early.text()).toContain(nl("error.activity.notStarted"));
    const schedule = { intent: "activity-schedule", kind: "MEETING", title: "Niet van mij", agenda: "", date: next.date, time: "10:00", durationMinutes: "30" };
    expect((await memberApi.post(url, { form: schedule, maxRedirects: 0 })).status(), "member schedules").toBe(403);
    expect((await memberApi.post(url, { form: { intent: "activity-cancel", activityId: b.id }, maxRedirects: 0 })).status(), "member cancels").toBe(403);
    await memberApi.dispose();
    for (const who of [head, km]) {
      const api = await apiSession(who.email);
      expect((await api.get(url)).status(), `${who.email} GET`).toBe(200);
      expect((await api.post(url, { form: schedule, maxRedirects: 0 })).status(), `${who.email} schedules`).toBe(403);
      expect((await api.post(url, { form: { intent: "activity-attend", activityId: a.id }, maxRedirects: 0 })).status(), `${who.email} attends`).toBe(403);
      await api.dispose();
    }
    for (const who of [outsider, otherHead]) {
      const api = await apiSession(who.email);
      expect((await api.get(url)).status(), `${who.email} GET`).toBe(404);
      expect((await api.get(`/communities/${home.slug}`)).status(), `${who.email} GET home`).toBe(404);
      for (const form of [schedule, { intent: "activity-attend", activityId: a.id }, { intent: "activity-unattend", activityId: a.id }, { intent: "activity-cancel", activityId: b.id }]) {
        expect((await api.post(url, { form, maxRedirects: 0 })).status(), `${who.email} ${form.intent}`).toBe(404);
      }
      await api.dispose();
    }
    expect(await db.activity.count({ where: { communityId: home.id } })).toBe(2);

    // The member was not there after all: attendance and time both go.
    await memberPage.goto(url);
    await memberPage.getByRole("button", { name: nl("activities.unattendNamed", { title: started }) }).click();
    await expect(memberPage.getByText(nl("activities.done.unattended"))).toBeVisible();
    expect(await db.attendance.count({ where: { activityId: a.id } })).toBe(0);
    expect(await db.timeEntry.count({ where: { activityId: a.id } })).toBe(0);

    // The lead cancels next week's; the community home lists both.
    await leadPage.goto(url);
    await leadPage.getByRole("button", { name: nl("activities.cancelNamed", { title: later }) }).click();
    await expect(leadPage.getByText(nl("activities.done.cancelled"))).toBeVisible();
    await expect(leadPage.getByRole("region", { name: nl("activities.upcoming") }).getByRole("heading", { name: later })).toContainText(nl("activities.cancelled"));
    await leadPage.goto(`/communities/${home.slug}`);
    const card = leadPage.getByRole("region", { name: nl("activities.title") });
    await expect(card.getByRole("link", { name: later })).toBeVisible();
    await expect(card.getByRole("link", { name: started })).toBeVisible();
    const audit = await db.auditEvent.findMany({ where: { targetType: "activity", targetId: { in: [a.id, b.id] } }, select: { action: true } });
    expect(audit.map((x) => x.action).sort()).toEqual(["activity.attend", "activity.cancel", "activity.schedule", "activity.schedule", "activity.unattend"]);
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});
