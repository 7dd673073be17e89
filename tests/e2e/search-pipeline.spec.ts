/**
 * The search pipeline through the route: bad input gets a page, never an error; a query whose words
 * no entry holds all of shows the closest entries under their heading beside the offer to write a
 * field note; a mistyped word among unknown ones is offered as "Bedoelde je …?".
 */
import { expect, nl, test } from "./support/fixtures";
import { inventedWord, searchResults } from "./support/app";
import { apiSession, employee, knowledgeManager, noteIdByTitle, publishViaHttp, submitNoteViaHttp } from "./support/data";

const BAD_QUERIES = [
  "spaarrekening ".repeat(800),
  "wat is het",
  "?!…;:()[]{}<>\"'",
  "🏦💸🙂",
  "\u200f\u202erente\u202c\u200e",
  "\u0000\u0007",
  "عربي حساب",
  "de het een",
];

test("bad input gets a search page or its data, never an error", async ({ page, login }) => {
  await login(await employee());
  for (const q of BAD_QUERIES) {
    const html = await page.request.get(`/search?q=${encodeURIComponent(q)}`);
    expect(html.status(), JSON.stringify(q.slice(0, 40))).toBe(200);
    const data = await page.request.get(`/search?q=${encodeURIComponent(q)}&_data=routes%2Fsearch`);
    expect(data.status(), JSON.stringify(q.slice(0, 40))).toBe(200);
    expect(((await data.json()) as { result: { status: string } }).result.status).toBe("ok");
  }
  await page.goto(`/search?q=${encodeURIComponent("🏦 ?!")}`);
  await expect(page.getByRole("heading", { level: 1, name: nl("search.title") })).toBeVisible();
});

test("no entry holds every word: the closest entries, and 'Bedoelde je' for a mistyped word", async ({ page, login }) => {
  const [author, km, reader] = await Promise.all([employee(), knowledgeManager(), employee()]);
  const word = inventedWord();
  const note = { title: `Kluisbeheer ${word}`, text: `Hoe de kluis ${word} wordt beheerd aan de balie.`, tags: ["kluis"] };
  const authorApi = await apiSession(author.email);
  const kmApi = await apiSession(km.email);
  await submitNoteViaHttp(authorApi, note);
  await publishViaHttp(kmApi, await noteIdByTitle(note.title), note);
  await Promise.all([authorApi.dispose(), kmApi.dispose()]);

  await login(reader);
  await expect.poll(async () => (await searchResults(page, word)).total, { timeout: 20_000 }).toBe(1);

  // The first word matches nothing at all: no entry holds every word, the closest follow under their heading.
  const unknown = inventedWord();
  await page.goto(`/search?q=${encodeURIComponent(`${unknown} ${word}`)}`);
  await expect(page.getByText(nl("searchFallback.noExact", { q: `${unknown} ${word}` }))).toBeVisible();
  await expect(page.getByRole("link", { name: nl("search.emptyCtaButton") })).toBeVisible();
  await expect(page.getByRole("heading", { name: nl("searchFallback.closest") })).toBeVisible();
  await expect(page.getByRole("link", { name: note.title })).toBeVisible();

  // A mistyped word (two letters swapped) next to an unknown one: the page offers the word the entry holds.
  const typo = word.slice(0, 3) + word[4] + word[3] + word.slice(5);
  await page.goto(`/search?q=${encodeURIComponent(`${typo} ${unknown}`)}`);
  const offer = page.locator(".did-you-mean");
  await expect(offer).toContainText(nl("searchFallback.didYouMean"));
  await offer.getByRole("link", { name: `${word} ${unknown}` }).click();
  await expect(page).toHaveURL(new RegExp(`q=${word}`));
});
