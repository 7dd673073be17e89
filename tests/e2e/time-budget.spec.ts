/**
 * Log time and see the budget chart: a member of a closed community logs time (negative minutes, a day in
 * the future and more than 24 hours on one day are refused with a clear message and the input kept),
 * sees their own bar against their budget and the figures as a table, and deletes an entry; the lead sees
 * a bar per member and who logged nothing; the department head sees the figures per member. Every route
 * and action answers per role: outsiders and the head of another department 404, the knowledge manager
 * and others 403 on logging, nobody deletes someone else's entry, an archived community takes no time.
 * axe finds no serious or critical violation.
 */
import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, httpError, nl, nlPattern, test } from "./support/fixtures";
import { loggedInPage, marker } from "./support/app";
import { apiSession, community, createUser, db, department, employee, knowledgeManager, TEST_PASSWORD } from "./support/data";

async function expectNoSeriousAxeViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]["page"] }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `axe on ${name}`).toEqual([]);
}

const isoDate = (daysFromNow: number) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);

test("a member logs time and sees the budget chart; the lead and the head see every member; others are refused", async ({ browser, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/communities/"), "bad time entries are sent on purpose: the form answers 400 with the fields' errors");
  test.slow();
  const m = marker();
  const [head, otherHead, lead, member, idle, outsider, km] = await Promise.all([
    createUser("DEPARTMENT_HEAD"),
    createUser("DEPARTMENT_HEAD"),
    employee({ name: `Lea Trekker ${m}` }),
    employee({ name: `Mo Lid ${m}` }),
    employee({ name: `Ilse Stil ${m}` }),
    employee(),
    knowledgeManager(),
  ]);
  const dept = await department({ name: `Team ${m}`, headId: head.id });
  await department({ name: `Andere afdeling ${m}`, headId: otherHead.id });
  const home = await community({ departmentId: dept.id, visibility: "CLOSED", memberIds: [member.id, idle.id] });
  await db.membership.create({ data: { userId: lead.id, communityId: home.id, role: "LEAD" } });
  const url = `/communities/${home.slug}/time`;
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  try {
    // The member logs time; bad input first.
    const page = await loggedInPage(contexts[0], member.email, TEST_PASSWORD);
    await page.goto(`/communities/${home.slug}`);
    await page.getByRole("navigation", { name: nl("community.tabs") }).getByRole("link", { name: nl("time.title") }).click();
    await expect(page).toHaveURL(new RegExp(`${url}$`));
    const form = page.getByRole("region", { name: nl("time.log.title") });
    await form.getByLabel(nl("time.field.minutes"), { exact: true }).fill("-30");
    await form.getByLabel(nl("time.field.what")).fill("Notities nalezen over volmachten");
    await form.getByRole("button", { name: nl("time.submit") }).click();
    await expect(form.getByText(nl("error.time.negative"))).toBeVisible();
    await expect(form.getByLabel(nl("time.field.what"))).toHaveValue("Notities nalezen over volmachten");
    await form.getByLabel(nl("time.field.date")).fill(isoDate(1));
    await form.getByLabel(nl("time.field.minutes"), { exact: true }).fill("1:30");
    await form.getByRole("button", { name: nl("time.submit") }).click();
    await expect(form.getByText(nl("error.time.future"))).toBeVisible();
    await form.getByLabel(nl("time.field.date")).fill(isoDate(0));
    await form.getByRole("button", { name: nl("time.submit") }).click();
    await expect(page.getByText(nl("time.done.logged"))).toBeVisible();

    // More than 24 hours on one day, all entries together: refused, nothing saved.
    await form.getByLabel(nl("time.field.minutes"), { exact: true }).fill("23:00");
    await form.getByLabel(nl("time.field.what")).fill("Te veel");
    await form.getByRole("button", { name: nl("time.submit") }).click();
    await expect(form.getByText(nl("error.time.dayTotal"))).toBeVisible();
    expect(await db.timeEntry.count({ where: { userId: member.id } })).toBe(1);

    // The member corrects the entry in place: a bad duration is refused beside the field, with what was typed kept.
    const mineNow = page.getByRole("region", { name: nl("time.mine.title") });
    await mineNow.getByText(nl("time.edit")).click();
    const change = mineNow.locator("details[open] form");
    await change.getByLabel(nl("time.field.minutes"), { exact: true }).fill("anderhalf uur");
    await change.getByLabel(nl("time.field.what")).fill("Notities nalezen over volmachten en erfenissen");
    await change.getByRole("button", { name: nl("time.editSubmit") }).click();
    const reopened = page.getByRole("region", { name: nl("time.mine.title") }).locator("details[open] form");
    await expect(reopened.getByText(nl("error.time.minutes"))).toBeVisible();
    await expect(reopened.getByLabel(nl("time.field.what"))).toHaveValue("Notities nalezen over volmachten en erfenissen");
    await reopened.getByLabel(nl("time.field.minutes"), { exact: true }).fill("1u30");
    await reopened.getByRole("button", { name: nl("time.editSubmit") }).click();
    await expect(page.getByText(nl("time.done.edited"))).toBeVisible();
    await expect(page.getByRole("region", { name: nl("time.mine.title") })).toContainText("Notities nalezen over volmachten en erfenissen");

    // The member's own bar against the budget (2 h per 14 days), and the figures as a table.
    await page.goto(url);
    const chart = page.getByRole("img", { name: /Jouw tijd tegenover je budget/ });
    await expect(chart).toBeVisible();
    await page.getByText(nl("chart.showTable")).click();
    const table = page.locator(".chart-table table");
    await expect(table.getByRole("row", { name: new RegExp(`Mo Lid ${m}`) })).toContainText("1 u 30 min");
    await expect(table.getByRole("row", { name: new RegExp(`Mo Lid ${m}`) })).toContainText("2 u");
    await expect(page.getByText(nl("time.perMemberNote"))).toBeVisible();
    await expect(page.getByText(`Ilse Stil ${m}`)).toHaveCount(0);
    const mine = page.getByRole("region", { name: nl("time.mine.title") });
    await expect(mine).toContainText("Notities nalezen over volmachten");
    await expectNoSeriousAxeViolations(page, url);
    const entry = await db.timeEntry.findFirstOrThrow({ where: { userId: member.id }, select: { id: true } });

    // The lead: a bar per member, over budget shown, and who logged nothing.
    const api = await apiSession(lead.email);
    const logged = await api.post(url, { form: { intent: "time-log", date: isoDate(0), minutes: "150", what: "Intervisie voorbereid" }, maxRedirects: 0 });
    expect(logged.status()).toBe(302);
    const leadPage = await loggedInPage(contexts[1], lead.email, TEST_PASSWORD);
    await leadPage.goto(url);
    await expect(leadPage.getByRole("img", { name: /Gebruikte tijd tegenover budget per lid/ })).toBeVisible();
    await leadPage.getByText(nl("chart.showTable")).click();
    const leadTable = leadPage.locator(".chart-table table");
    await expect(leadTable.getByRole("row", { name: new RegExp(`Lea Trekker ${m}`) })).toContainText(`${nl("time.over")}: +30 min`);
    await expect(leadTable.getByRole("row", { name: new RegExp(`Mo Lid ${m}`) })).toContainText("1 u 30 min");
    await expect(leadPage.getByRole("region", { name: nl("time.nothing.title") })).toContainText(`Ilse Stil ${m}`);
    await expect(leadPage.getByRole("region", { name: nl("time.nothing.title") })).not.toContainText(`Mo Lid ${m}`);
    await expect(leadPage.getByRole("region", { name: nl("time.history.title") }).getByRole("link").first()).toBeVisible();
    await expectNoSeriousAxeViolations(leadPage, `${url} as lead`);

    // Who may see and do what, over plain HTTP.
    const del = { intent: "time-delete", entryId: entry.id };
    const log = { intent: "time-log", date: isoDate(0), minutes: "30", what: "Iets" };
    expect((await api.post(url, { form: del, maxRedirects: 0 })).status(), "lead deletes member's entry").toBe(403);
    const fix = { intent: "time-edit", entryId: entry.id, date: isoDate(0), minutes: "5", what: "Stiekem" };
    expect((await api.post(url, { form: fix, maxRedirects: 0 })).status(), "lead corrects member's entry").toBe(403);
    for (const who of [outsider, otherHead]) {
      const other = await apiSession(who.email);
      expect((await other.get(url)).status(), `${who.email} GET`).toBe(404);
      expect((await other.post(url, { form: log, maxRedirects: 0 })).status(), `${who.email} log`).toBe(404);
      expect((await other.post(url, { form: del, maxRedirects: 0 })).status(), `${who.email} delete`).toBe(404);
      await other.dispose();
    }
    const headApi = await apiSession(head.email);
    const headView = await headApi.get(url);
    expect(headView.status()).toBe(200);
    expect(await headView.text()).toContain(`Ilse Stil ${m}`);
    expect((await headApi.post(url, { form: log, maxRedirects: 0 })).status(), "head logs").toBe(403);
    expect((await headApi.post(url, { form: del, maxRedirects: 0 })).status(), "head deletes").toBe(403);
    await headApi.dispose();
    const kmApi = await apiSession(km.email);
    const kmView = await kmApi.get(url);
    expect(kmView.status()).toBe(200);
    expect(await kmView.text()).not.toContain(`Ilse Stil ${m}`);
    expect((await kmApi.post(url, { form: log, maxRedirects: 0 })).status(), "km logs").toBe(403);
    await kmApi.dispose();
    const memberApi = await apiSession(member.email);
    expect((await memberApi.post(url, { form: { ...log, minutes: "abc" }, maxRedirects: 0 })).status()).toBe(400);

    // The member deletes their entry.
    await page.goto(url);
    await mine.getByRole("button", { name: nlPattern("time.deleteNamed", { what: "Notities nalezen over volmachten" }) }).click();
    await expect(page.getByText(nl("time.done.deleted"))).toBeVisible();
    expect(await db.timeEntry.count({ where: { userId: member.id } })).toBe(0);

    // An archived community takes no more time: a clear message, nothing saved.
    await db.community.update({ where: { id: home.id }, data: { status: "ARCHIVED" } });
    const archived = await memberApi.post(url, { form: log, maxRedirects: 0 });
    expect(archived.status()).toBe(400);
    expect(await archived.text()).toContain("gearchiveerd");
    expect(await db.timeEntry.count({ where: { communityId: home.id } })).toBe(1);
    await memberApi.dispose();
    await api.dispose();
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});

test("the demo lead sees six months of periods and a member of Sparen aan de lijn who logged nothing", async ({ browser }) => {
  const context = await browser.newContext();
  try {
    const page = await loggedInPage(context, "lead@gilde.test", "gilde-demo");
    await page.goto("/communities/sparen-aan-de-lijn");
    await expect(page.getByRole("region", { name: nl("time.card.title") })).toContainText(/van 22 u/);
    await page.getByRole("link", { name: nl("time.card.link") }).click();
    await expect(page.getByRole("region", { name: nl("time.nothing.title") })).toContainText("Ruben De Backer");
    expect(await page.getByRole("region", { name: nl("time.history.title") }).getByRole("row").count()).toBeGreaterThan(13);
    await page.getByRole("region", { name: nl("time.history.title") }).getByRole("link").nth(2).click();
    await expect(page).toHaveURL(/\?period=\d{4}-\d{2}-\d{2}/);
    await expect(page.getByRole("link", { name: nl("time.backToCurrent") })).toBeVisible();
    await expectNoSeriousAxeViolations(page, "demo time page, earlier period");
  } finally {
    await context.close();
  }
});
