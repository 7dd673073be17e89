/**
 * Many results: the search page shows 20 at a time and pages through the rest with links that keep
 * the query and the filters; a page number past the end leads to the last page.
 */
import { expect, nl, nlPattern, test } from "./support/fixtures";
import { inventedWord, searchResults } from "./support/app";
import { apiSession, employee, knowledgeManager, noteIdByTitle, publishViaHttp, submitNoteViaHttp } from "./support/data";
import { expectNoSeriousAxeViolations } from "./support/axe";

test("an employee pages through 23 results, with the tag filter kept, and back", async ({ page, login }) => {
  const [author, km, reader] = await Promise.all([employee(), knowledgeManager(), employee()]);
  const word = inventedWord();
  const authorApi = await apiSession(author.email);
  const kmApi = await apiSession(km.email);
  const titles: string[] = [];
  for (let i = 1; i <= 23; i++) {
    const note = { title: `Spaarvraag ${word} nummer ${i}`, text: `Antwoord ${i} over ${word}.`, tags: ["spaarrekening"] };
    await submitNoteViaHttp(authorApi, note);
    await publishViaHttp(kmApi, await noteIdByTitle(note.title), note);
    titles.push(note.title);
  }
  await Promise.all([authorApi.dispose(), kmApi.dispose()]);

  await login(reader);
  // Wait until all 23 are indexed.
  await expect.poll(async () => (await searchResults(page, word)).total, { timeout: 20_000 }).toBe(23);

  await page.goto(`/search?q=${word}&tag=spaarrekening`);
  const results = page.locator(".result-list > li");
  await expect(page.getByText(nl("search.results", { count: 23 }))).toBeVisible();
  await expect(results).toHaveCount(20);
  const pages = page.getByRole("navigation", { name: nl("search.pages") });
  await expect(pages).toContainText(nl("search.range", { from: 1, to: 20, total: 23 }));
  await expect(pages.getByRole("link", { name: nlPattern("search.previous") })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page, "search page 1");

  await pages.getByRole("link", { name: nlPattern("search.next") }).click();
  await expect(page).toHaveURL(new RegExp(`q=${word}&tag=spaarrekening&page=2$`));
  await expect(results).toHaveCount(3);
  await expect(pages).toContainText(nl("search.range", { from: 21, to: 23, total: 23 }));
  await expect(pages.getByRole("link", { name: nlPattern("search.next") })).toHaveCount(0);
  // Every title appears once over the two pages.
  const second = await results.locator("h2").allTextContents();
  await pages.getByRole("link", { name: nlPattern("search.previous") }).click();
  await expect(results).toHaveCount(20);
  const first = await results.locator("h2").allTextContents();
  expect([...first, ...second].sort()).toEqual([...titles].sort());

  // Typing a new query starts again at page 1; a page past the end leads to the last one.
  await page.goto(`/search?q=${word}&page=9`);
  await expect(page).toHaveURL(new RegExp(`q=${word}&page=2$`));
  await expect(results).toHaveCount(3);
  await page.getByRole("searchbox", { name: nl("search.label") }).fill(`${word} nummer`);
  await expect(page).not.toHaveURL(/page=/);
  await expect(pages).toContainText(nl("search.range", { from: 1, to: 20, total: 23 }));
});
