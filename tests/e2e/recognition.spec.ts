/**
 * Recognition (issue 17): a colleague thanks the author of an entry and the author of an answer with a
 * short message; thanking twice or an empty message is refused beside the field with the text kept; the
 * author is notified and reads the thank-yous on their contributor page, with their figures. The lead of
 * their community sees the figures; another colleague sees the page without them. Axe on each page.
 */
import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, httpError, nl, test } from "./support/fixtures";
import { marker } from "./support/app";
import { community, createUser, db, department, employee, knowledgeManager, publishedEntry } from "./support/data";
import { body } from "../support/factories";

async function expectNoSeriousAxeViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]["page"] }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `axe on ${name}`).toEqual([]);
}

test("a thank-you for an entry and for an answer, shown on the contributor page with the figures for who may see them", async ({ pageAs, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/entries/"), "an empty and a second thank-you are sent on purpose: 400 with the field's error");
  test.slow();
  const m = marker();
  const head = await createUser("DEPARTMENT_HEAD", { name: `Hoofd ${m}` });
  const dept = await department({ name: `Team ${m}`, headId: head.id });
  const [author, reader, lead, colleague, km] = await Promise.all([
    employee({ name: `Auteur ${m}`, departmentId: dept.id }),
    employee({ name: `Lezer ${m}`, departmentId: dept.id }),
    employee({ name: `Trekker ${m}`, departmentId: dept.id }),
    employee({ name: `Collega ${m}` }),
    knowledgeManager(),
  ]);
  const home = await community({ departmentId: dept.id, visibility: "CLOSED", memberIds: [author.id, reader.id] });
  await db.membership.create({ data: { userId: lead.id, communityId: home.id, role: "LEAD" } });
  const title = `Spaarrekening openen voor een minderjarige ${m}`;
  const { entryId } = await publishedEntry(author, km, { title, text: "Beide ouders tekenen.", tags: ["spaarrekening"], communityId: home.id });
  // A question of the lead that the author answered.
  const asked = body("Wie moet er tekenen?");
  const question = await db.note.create({ data: { kind: "QUESTION", state: "OPEN", communityId: home.id, authorId: lead.id, title: `Wie tekent er ${m}?`, bodyJson: asked.json, bodyText: asked.text } });
  const answered = body("Beide ouders.");
  const answer = await db.answer.create({ data: { questionId: question.id, authorId: author.id, bodyJson: answered.json, bodyText: answered.text } });

  // The reader thanks the author from the entry page.
  const page = await pageAs(reader);
  await page.goto(`/entries/${entryId}`);
  const credits = page.getByRole("region", { name: nl("entry.contributors") });
  await expect(credits.getByRole("link", { name: author.name, exact: true })).toHaveAttribute("href", `/people/${author.id}`);
  await credits.getByRole("link", { name: nl("recognition.thanks.linkNamed", { name: author.name }) }).click();
  await expect(page.getByRole("heading", { level: 1, name: nl("recognition.thanks.title", { name: author.name }) })).toBeVisible();
  await expectNoSeriousAxeViolations(page, "thank-you form");
  // Empty: refused beside the field.
  const message = page.getByLabel(nl("recognition.thanks.message", { name: author.name }));
  await message.fill("   ");
  await page.getByRole("button", { name: nl("recognition.thanks.submit") }).click();
  await expect(page.getByText(nl("error.required"))).toBeVisible();
  const words = "Dankzij dit artikel kon ik <b>de klant</b> meteen helpen!";
  await message.fill(words);
  await page.getByRole("button", { name: nl("recognition.thanks.submit") }).click();
  await expect(page).toHaveURL(new RegExp(`/entries/${entryId}$`));
  await expect(page.getByRole("status")).toHaveText(nl("recognition.thanks.done", { name: author.name }));
  // The entry says it was thanked instead of offering it again.
  await expect(credits.getByRole("link", { name: nl("recognition.thanks.thankedNamed", { name: author.name }) })).toBeVisible();

  // Twice: refused beside the field, what was typed kept.
  await page.goto(`/entries/${entryId}/thank/${author.id}`);
  await expect(page.locator(".alert-info").getByText(words, { exact: true })).toBeVisible();
  await message.fill("Nog eens bedankt");
  await page.getByRole("button", { name: nl("recognition.thanks.submit") }).click();
  await expect(page.getByText(nl("error.recognition.thanksTwice"))).toBeVisible();
  await expect(message).toHaveValue("Nog eens bedankt");

  // And for the answer, from the question page.
  await page.goto(`/questions/${question.id}`);
  await page.getByRole("link", { name: nl("recognition.thanks.linkNamed", { name: author.name }) }).click();
  await message.fill("Snel en juist antwoord, merci.");
  await page.getByRole("button", { name: nl("recognition.thanks.submit") }).click();
  await expect(page).toHaveURL(new RegExp(`/questions/${question.id}#answer-${answer.id}$`));

  // The author is notified and reads both on their own page, with the figures.
  const authorPage = await pageAs(author);
  await authorPage.goto("/notifications");
  const notified = authorPage.getByRole("listitem").filter({ has: authorPage.getByRole("link", { name: nl("recognition.thanks.notify", { actor: reader.name, title }) }) });
  await expect(notified).toContainText(words);
  await authorPage.goto("/notes");
  await authorPage.getByRole("link", { name: nl("recognition.people.mineLink") }).click();
  await expect(authorPage.getByRole("heading", { level: 1, name: author.name })).toBeVisible();
  const thanks = authorPage.getByRole("region", { name: nl("recognition.people.thanks") });
  await expect(thanks.getByText(words, { exact: true })).toBeVisible();
  await expect(thanks.getByText("Snel en juist antwoord, merci.", { exact: true })).toBeVisible();
  const figures = authorPage.getByRole("region", { name: nl("recognition.people.figures") });
  await expect(figures).toContainText(nl("recognition.people.thanksReceived"));
  await expect(figures.locator("dt", { hasText: nl("recognition.people.thanksReceived") }).locator("xpath=following-sibling::dd")).toHaveText("2");
  await expect(figures.locator("dt", { hasText: nl("recognition.people.colleaguesHelped") }).locator("xpath=following-sibling::dd")).toHaveText("1");
  await expect(figures.locator("dt", { hasText: nl("recognition.people.entriesCreated") }).locator("xpath=following-sibling::dd")).toHaveText("1");
  await expectNoSeriousAxeViolations(authorPage, "own contributor page");

  // The lead and the head see the figures and the thanks; another colleague sees neither.
  for (const viewer of [lead, head]) {
    const viewerPage = await pageAs(viewer);
    await viewerPage.goto(`/people/${author.id}`);
    await expect(viewerPage.getByRole("region", { name: nl("recognition.people.figures") })).toBeVisible();
    await expect(viewerPage.getByText(words, { exact: true })).toBeVisible();
  }
  const colleaguePage = await pageAs(colleague);
  await colleaguePage.goto(`/people/${author.id}`);
  await expect(colleaguePage.getByRole("heading", { level: 1, name: author.name })).toBeVisible();
  await expect(colleaguePage.getByText(nl("recognition.people.figuresHidden", { name: author.name }))).toBeVisible();
  await expect(colleaguePage.getByRole("region", { name: nl("recognition.people.figures") })).toHaveCount(0);
  await expect(colleaguePage.getByText(words)).toHaveCount(0);
  await expectNoSeriousAxeViolations(colleaguePage, "a colleague's contributor page without figures");
});
