/**
 * Old versions of an entry can be read and compared: a merge makes version 2; from the history a
 * member opens version 1 (read-only, as it was) and compares 1 ↔ 2, insertions and deletions marked
 * with <ins>/<del> and hidden words for screen readers. Who may not see the entry (an outsider of its
 * closed community) gets 404 on the version and comparison URLs too.
 */
import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, nl, test } from "./support/fixtures";
import { loggedInPage, marker } from "./support/app";
import { apiSession, community, department, employee, knowledgeManager, noteIdByTitle, publishedEntry, submitNoteViaHttp, TEST_PASSWORD } from "./support/data";

async function expectNoSeriousAxeViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]["page"] }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `axe on ${name}`).toEqual([]);
}

test("a merge makes version 2: open version 1, compare 1 ↔ 2; outsiders get 404 on every version URL", async ({ browser }) => {
  test.slow();
  const m = marker();
  const dept = await department();
  const [author, secondAuthor, outsider, km] = await Promise.all([employee(), employee(), employee(), knowledgeManager()]);
  const home = await community({ departmentId: dept.id, visibility: "CLOSED", memberIds: [author.id, secondAuthor.id] });

  const firstTitle = `Getrouwheidspremie na overschrijving ${m}`;
  const firstText = `De premie vervalt als het geld binnen het jaar vertrekt ${m}.`;
  const { entryId } = await publishedEntry(author, km, { title: firstTitle, text: firstText, tags: ["sparen"], communityId: home.id });

  // A second note is merged into the entry over HTTP: new title, an added sentence, one tag more.
  const secondTitle = `Premie en termijnrekening ${m}`;
  const added = `Een overschrijving naar een termijnrekening bij ons telt niet als vertrek ${m}.`;
  const secondApi = await apiSession(secondAuthor.email);
  await submitNoteViaHttp(secondApi, { title: secondTitle, text: added, tags: ["termijnrekening"], communityId: home.id });
  await secondApi.dispose();
  const kmApi = await apiSession(km.email);
  const mergedTitle = `Getrouwheidspremie na overschrijving of termijnrekening ${m}`;
  const merged = await kmApi.post(`/curation/${await noteIdByTitle(secondTitle)}`, {
    form: { intent: "merge", entryId, title: mergedTitle, bodyPlain: `${firstText}\n\n${added}`, tags: "sparen, termijnrekening" },
    maxRedirects: 0,
  });
  expect(merged.status()).toBe(302);
  await kmApi.dispose();

  const context = await browser.newContext();
  const outsiderContext = await browser.newContext();
  try {
    const page = await loggedInPage(context, author.email, TEST_PASSWORD);
    await page.goto(`/entries/${entryId}`);
    await expect(page.getByRole("heading", { level: 1, name: mergedTitle })).toBeVisible();

    // --- Version 1 as it was, read-only.
    await page.getByRole("link", { name: "Versie 1 lezen" }).click();
    await expect(page).toHaveURL(new RegExp(`/entries/${entryId}/versions/1$`));
    await expect(page.getByRole("heading", { level: 1, name: firstTitle })).toBeVisible();
    await expect(page.getByText("Versie 1 van 2")).toBeVisible();
    const oldBody = page.getByRole("region", { name: "Versie 1" });
    await expect(oldBody).toHaveText(firstText);
    await expect(page.getByRole("list", { name: nl("entry.tags") }).getByRole("listitem")).toHaveText(["sparen"]);
    await expect(page.locator("main form, main [contenteditable], main textarea")).toHaveCount(0);

    // --- Compare 1 ↔ 2.
    await page.getByRole("link", { name: nl("entry.versionPage.compareCurrent") }).click();
    await expect(page).toHaveURL(new RegExp(`/entries/${entryId}/compare\\?from=1&to=2$`));
    await expect(page.getByRole("heading", { level: 1, name: "Versie 1 en versie 2 vergeleken" })).toBeVisible();
    const body = page.getByRole("region", { name: nl("entry.compare.bodyHeading") });
    await expect(body.locator("ins")).toHaveText([`[toegevoegd: \n\n${added}]`]);
    await expect(body.locator("del")).toHaveCount(0);
    const title = page.getByRole("region", { name: nl("entry.compare.titleHeading") });
    await expect(title.locator("ins")).toContainText(["of termijnrekening"]);
    await expect(title).toContainText("Getrouwheidspremie na overschrijving");
    await expect(page.getByRole("region", { name: nl("entry.tags") }).locator("ins")).toHaveText(["[toegevoegd: termijnrekening]"]);
    await expectNoSeriousAxeViolations(page, "compare");

    // --- The other way round with the form (a GET form: works without JavaScript): the sentence is removed.
    await page.getByLabel(nl("entry.compare.from")).selectOption("2");
    await page.getByLabel(nl("entry.compare.to")).selectOption("1");
    await page.getByRole("button", { name: nl("entry.compare.submit") }).click();
    await expect(page).toHaveURL(new RegExp(`/entries/${entryId}/compare\\?from=2&to=1$`));
    await expect(page.getByRole("region", { name: nl("entry.compare.bodyHeading") }).locator("del")).toHaveText([`[verwijderd: \n\n${added}]`]);
    await expect(page.getByRole("region", { name: nl("entry.compare.bodyHeading") }).locator("ins")).toHaveCount(0);

    // --- From the history: version 2 compared with version 1.
    await page.goto(`/entries/${entryId}`);
    await page.getByRole("link", { name: "Vergelijken met versie 1" }).click();
    await expect(page).toHaveURL(new RegExp(`/entries/${entryId}/compare\\?from=1&to=2$`));

    // --- Unknown versions and nonsense: 404.
    for (const url of [`/entries/${entryId}/versions/3`, `/entries/${entryId}/versions/abc`, `/entries/${entryId}/versions/0`, `/entries/${entryId}/compare?from=1&to=7`]) {
      expect((await page.request.get(url)).status(), url).toBe(404);
    }

    // --- An outsider of the closed community: the entry and all its versions do not exist.
    const outsiderPage = await loggedInPage(outsiderContext, outsider.email, TEST_PASSWORD);
    for (const url of [`/entries/${entryId}`, `/entries/${entryId}/versions/1`, `/entries/${entryId}/versions/2`, `/entries/${entryId}/compare?from=1&to=2`, `/entries/${entryId}/compare`]) {
      expect((await outsiderPage.request.get(url)).status(), url).toBe(404);
    }
    // A member of the community may.
    expect((await page.request.get(`/entries/${entryId}/versions/2`)).status()).toBe(200);
  } finally {
    await context.close();
    await outsiderContext.close();
  }
});
