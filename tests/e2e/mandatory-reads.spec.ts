/**
 * Mandatory reads in the browser (issue 12): the knowledge manager makes an entry required reading for a
 * department from the entry page; a colleague of that department finds it at the top of their start page,
 * reads it and confirms "Gelezen en begrepen"; the acknowledgement report shows who confirmed which version,
 * downloads as CSV and sends a reminder to who has not. Bad input on the assign form answers 400 with the
 * field's error and keeps the choice.
 */
import { type Page } from "@playwright/test";
import { expect, httpError, nl, nlPattern, test } from "./support/fixtures";
import { marker, MAIN_URL } from "./support/app";
import { db, employee, knowledgeManager, publishedEntry } from "./support/data";
import { isoDayFromToday } from "~/utils/dates";

async function entryFor(m: string) {
  const [author, km] = await Promise.all([employee(), knowledgeManager()]);
  const title = `Phishing via sms ${m}`;
  const { entryId } = await publishedEntry(author, km, { title, text: "Klik nooit op de link in een sms van de bank. Bel de klant terug op het nummer in zijn dossier.", tags: ["phishing"] });
  return { km, entryId, title };
}

async function openAssignForm(page: Page, entryId: string) {
  await page.goto(`/entries/${entryId}`);
  await page.getByRole("link", { name: nl("mandatory.manage.link") }).click();
  await expect(page.getByRole("heading", { level: 1, name: nl("mandatory.entry.title") })).toBeVisible();
}

test("a mandatory read is assigned, the reader sees it on the start page and confirms, and the report shows it", async ({ pageAs, insertDepartment }) => {
  const m = marker();
  const dept = await insertDepartment({ name: `Spaardesk ${m}` });
  const [reader, colleague] = [await employee({ name: `Lezer ${m}`, departmentId: dept.id }), await employee({ name: `Collega ${m}`, departmentId: dept.id })];
  const { km, entryId, title } = await entryFor(m);

  // The knowledge manager, from the entry page.
  const kmPage = await pageAs(km);
  await openAssignForm(kmPage, entryId);
  await kmPage.getByLabel(nl("mandatory.assign.audience")).selectOption({ label: nl("mandatory.audience.department", { name: dept.name }) });
  await kmPage.getByLabel(nl("mandatory.assign.dueDate")).fill(isoDayFromToday(7));
  await kmPage.getByRole("button", { name: nl("mandatory.assign.submit") }).click();
  await expect(kmPage).toHaveURL(/\/knowledge\/mandatory-reads\/c[a-z0-9]+$/);
  await expect(kmPage.getByText(nl("mandatory.flash.assigned", { count: 2 }))).toBeVisible();
  await expect(kmPage.getByRole("row").filter({ hasText: reader.name }).getByText(nl("mandatory.status.pending"))).toBeVisible();

  // The reader: at the top of the start page, with its due date; then the entry and the confirmation.
  const page = await pageAs(reader);
  await page.goto("/");
  const due = page.getByRole("region", { name: nl("mandatory.due.title", { count: 1 }) });
  await expect(due.getByRole("link", { name: title })).toBeVisible();
  await expect(due.getByText(nlPattern("mandatory.due.by"))).toBeVisible();
  await due.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: nl("mandatory.ask.title") })).toBeVisible();
  await page.getByRole("button", { name: nl("mandatory.ask.confirm") }).click();
  await expect(page).toHaveURL(new RegExp(`/entries/${entryId}$`));
  await expect(page.getByText(nl("mandatory.flash.confirmed"))).toBeVisible();
  await expect(page.getByText(nlPattern("mandatory.ask.done"))).toBeVisible();
  await expect(page.getByRole("button", { name: nl("mandatory.ask.confirm") })).toHaveCount(0);
  await page.goto("/");
  await expect(page.getByRole("region", { name: nlPattern("mandatory.due.title", { count: 1 }) })).toHaveCount(0);

  // The acknowledgement report: who confirmed when and which version, the overview's progress, the CSV, a reminder.
  await kmPage.reload();
  const row = kmPage.getByRole("row").filter({ hasText: reader.name });
  await expect(row.getByText(nl("mandatory.status.confirmed"))).toBeVisible();
  await expect(row.getByText(nlPattern("mandatory.report.confirmedAt", { version: 1 }))).toBeVisible();
  await expect(kmPage.getByRole("row").filter({ hasText: colleague.name }).getByText(nl("mandatory.status.pending"))).toBeVisible();
  await expect(kmPage.getByText(nl("mandatory.progress.confirmed", { confirmed: 1, count: 2 })).first()).toBeVisible();
  const csvHref = await kmPage.getByRole("link", { name: nl("mandatory.report.csv") }).getAttribute("href");
  const csv = await kmPage.request.get(`${MAIN_URL}${csvHref}`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).split("\r\n");
  expect(lines.find((line) => line.includes(reader.name))).toContain(`;${nl("mandatory.status.confirmed")};`);
  expect(lines.find((line) => line.includes(colleague.name))).toContain(`;${nl("mandatory.status.pending")};`);
  await kmPage.getByRole("button", { name: nl("mandatory.report.remind") }).click();
  await expect(kmPage.getByText(nl("mandatory.flash.reminded", { count: 1 }))).toBeVisible();
  expect(await db.notification.count({ where: { recipientId: colleague.id, type: "mandatoryRead.reminder" } })).toBe(1);
  expect(await db.notification.count({ where: { recipientId: reader.id, type: "mandatoryRead.reminder" } })).toBe(0);

  // The overview lists it, in the knowledge manager's tabs.
  await kmPage.getByRole("navigation", { name: nl("kb.nav.label") }).getByRole("link", { name: nl("mandatory.nav") }).click();
  await expect(kmPage.getByRole("row").filter({ hasText: title }).getByText(nl("mandatory.progress.confirmed", { confirmed: 1, count: 2 }))).toBeVisible();
});

test("bad input on the assign form: a past or malformed due date, no audience — 400 with the field's error, the choice kept", async ({ pageAs, insertDepartment, allowConsoleErrors }) => {
  const m = marker();
  const dept = await insertDepartment({ name: `Spaardesk ${m}` });
  await employee({ departmentId: dept.id });
  const { km, entryId } = await entryFor(m);
  allowConsoleErrors(httpError(400, `/entries/${entryId}/mandatory`), "the assign form's 400 answer to bad input is what is checked");
  const page = await pageAs(km);
  await openAssignForm(page, entryId);
  const audience = page.getByLabel(nl("mandatory.assign.audience"));
  const audienceLabel = nl("mandatory.audience.department", { name: dept.name });
  await audience.selectOption({ label: audienceLabel });
  await page.getByLabel(nl("mandatory.assign.dueDate")).fill(isoDayFromToday(-1));
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === `/entries/${entryId}/mandatory`),
    page.getByRole("button", { name: nl("mandatory.assign.submit") }).click(),
  ]);
  expect(answer.status()).toBe(400);
  await expect(page.getByText(nl("error.mandatory.duePast"))).toBeVisible();
  await expect(audience.locator("option:checked")).toHaveText(audienceLabel);
  await expect(page.getByLabel(nl("mandatory.assign.dueDate"))).toHaveValue(isoDayFromToday(-1));

  // No audience.
  await audience.selectOption({ value: "" });
  await page.getByLabel(nl("mandatory.assign.dueDate")).fill(isoDayFromToday(3));
  await page.getByRole("button", { name: nl("mandatory.assign.submit") }).click();
  await expect(page.getByText(nl("error.mandatory.audience"))).toBeVisible();

  // A malformed date, as a hand-made post (a date input cannot type one): 400 with the field's error, nothing made.
  const response = await page.request.post(`${MAIN_URL}/entries/${entryId}/mandatory`, {
    form: { formId: "mandatory-assign", intent: "mandatory-assign", audience: `DEPARTMENT:${dept.id}`, dueDate: "31-12-2099" },
    headers: { Origin: MAIN_URL },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("error.mandatory.dueDate");
  expect(await db.mandatoryRead.count({ where: { entryId } })).toBe(0);
});
