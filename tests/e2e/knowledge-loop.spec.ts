/**
 * The knowledge loop, the product's acceptance story: an agent writes a field note, the knowledge
 * manager publishes it (edited) next to similar entries, a colleague finds it with a typo within
 * seconds, reads it and says it helped; the author sees what became of the note.
 */
import { expect, nl, nlPattern, test } from "./support/fixtures";
import { editorReady, expectSearchable, hydrated, inventedWord, marker, withTypo } from "./support/app";
import { employee, knowledgeManager } from "./support/data";

test("field note → inbox → published entry → found with a typo → helped", async ({ browser, login }) => {
  const [author, km, colleague] = await Promise.all([employee(), knowledgeManager(), employee()]);
  const word = inventedWord();
  const noteTitle = `Getrouwheidspremie kwijt na overschrijving (${word})`;
  const entryTitle = `Getrouwheidspremie vervalt bij overschrijving naar ${word}`;
  const boldText = `nooit binnen 6 maanden overschrijven ${marker()}`;

  // --- The agent writes a field note with the rich editor.
  const authorContext = await browser.newContext();
  const authorPage = await authorContext.newPage();
  await login(author, authorPage);
  await authorPage.getByRole("navigation", { name: nl("nav.main") }).getByRole("link", { name: nl("nav.newNote") }).click();
  await expect(authorPage.getByRole("heading", { name: nl("note.new.title") })).toBeVisible();
  await editorReady(authorPage);

  await authorPage.getByLabel(nl("note.field.title")).fill(noteTitle);
  const editor = authorPage.getByRole("textbox", { name: nl("note.field.body") });
  await editor.click();
  await authorPage.keyboard.type("Klant verloor de getrouwheidspremie na een overschrijving. Tip: ");
  const bold = authorPage.getByRole("button", { name: nl("editor.bold") });
  await bold.click();
  await expect(bold).toHaveAttribute("aria-pressed", "true");
  await authorPage.keyboard.type(boldText);
  await bold.click();
  await expect(bold).toHaveAttribute("aria-pressed", "false");
  await authorPage.keyboard.type(" en leg de regel uit.");
  await expect(editor.locator("strong, .rt-bold").filter({ hasText: boldText })).toBeVisible();

  const tagInput = authorPage.getByLabel(nl("note.field.tags"));
  for (const tag of ["getrouwheidspremie", "spaarrekening"]) {
    await tagInput.fill(tag);
    await tagInput.press("Enter");
    await expect(authorPage.getByRole("button", { name: nl("tags.remove", { tag }) })).toBeVisible();
  }
  await expect(tagInput).toHaveValue("");
  await expect(authorPage).toHaveURL(/\/notes\/new$/); // Enter in the tag input added a tag, it did not submit

  await authorPage.getByRole("button", { name: nl("note.submit") }).click();
  await expect(authorPage).toHaveURL(/\/notes$/);
  await expect(authorPage.getByRole("status")).toHaveText(nl("note.submitted"));
  const myNote = authorPage.getByRole("listitem").filter({ has: authorPage.getByRole("heading", { name: noteTitle }) });
  await expect(myNote).toHaveCount(1);
  await expect(myNote.getByText(nl("note.state.SUBMITTED"), { exact: true })).toBeVisible();
  await expect(myNote.getByRole("list", { name: nl("curate.entryTags") })).toContainText("getrouwheidspremie");

  // --- The knowledge manager sees it in the inbox and publishes it, edited.
  const kmContext = await browser.newContext();
  const kmPage = await kmContext.newPage();
  await login(km, kmPage);
  await kmPage.getByRole("navigation", { name: nl("nav.main") }).getByRole("link", { name: nl("nav.inbox") }).click();
  const inboxHeading = kmPage.getByRole("heading", { level: 1, name: nlPattern("inbox.title", {}, { start: true }) });
  await expect(inboxHeading).toBeVisible();
  const count = Number((await inboxHeading.textContent())?.replace(/\D/g, ""));
  expect(count).toBeGreaterThanOrEqual(1);
  await expect(kmPage.getByText(nl("inbox.count", { count }))).toBeVisible();
  await kmPage.getByRole("link", { name: noteTitle, exact: true }).click();

  await expect(kmPage.getByRole("heading", { name: nl("curate.title") })).toBeVisible();
  await expect(kmPage.getByRole("heading", { name: noteTitle })).toBeVisible();
  const similar = kmPage.getByRole("region", { name: nl("curate.similar") });
  await expect(similar).toBeVisible();
  await expect(similar.getByText(nl("curate.similarNone"))).toHaveCount(0);
  expect(await similar.getByRole("heading", { level: 3 }).count()).toBeGreaterThanOrEqual(1);
  // The demo knowledge base has entries about the loyalty bonus: one of them is offered.
  await expect(similar.getByRole("heading", { level: 3, name: /getrouwheidspremie/i }).first()).toBeVisible();

  const publish = kmPage.getByRole("region", { name: nl("curate.publish") });
  await editorReady(kmPage);
  const titleField = publish.getByLabel(nl("curate.entryTitle"));
  await expect(titleField).toHaveValue(noteTitle);
  await titleField.fill(entryTitle);
  await expect(publish.getByRole("textbox", { name: nl("curate.entryBody") })).toContainText(boldText);
  await publish.getByRole("button", { name: nl("curate.publishSubmit") }).click();
  await expect(kmPage).toHaveURL(/\/curation$/);
  await expect(kmPage.getByRole("status")).toHaveText(nl("curate.published"));
  const publishedAt = Date.now();
  await expect(kmPage.getByRole("link", { name: noteTitle, exact: true })).toHaveCount(0);

  // --- A colleague finds it with a typo within a few seconds, and the results follow the typing.
  const colleagueContext = await browser.newContext();
  const page = await colleagueContext.newPage();
  await login(colleague, page);
  const typo = withTypo(word);
  expect(typo).not.toBe(word);
  await expectSearchable(page, typo, entryTitle, 5_000);
  const searchableAfter = Date.now() - publishedAt;
  test.info().annotations.push({ type: "searchable after publish (ms, including sign-in)", description: String(searchableAfter) });

  await page.goto("/search");
  const searchBox = page.getByRole("searchbox", { name: nl("search.label") });
  await hydrated(searchBox);
  await searchBox.pressSequentially(typo, { delay: 30 });
  const result = page.getByRole("link", { name: entryTitle });
  await expect(result).toBeVisible({ timeout: 5_000 });
  await expect(page).toHaveURL(new RegExp(`[?&]q=${typo}$`));
  await expect(searchBox).toBeFocused();
  await expect(result.locator("mark")).toHaveText(word);
  await result.click();

  // --- The entry page.
  await expect(page.getByRole("heading", { level: 1, name: entryTitle })).toBeVisible();
  const body = page.getByRole("region", { name: entryTitle });
  await expect(body.locator("strong", { hasText: boldText })).toBeVisible();
  await expect(body).toContainText("Klant verloor de getrouwheidspremie na een overschrijving.");
  const tags = page.locator("header.entry-head").getByRole("list", { name: nl("curate.entryTags") });
  await expect(tags.getByRole("listitem")).toHaveText(["getrouwheidspremie", "spaarrekening"]);
  const contributors = page.locator("section", { has: page.getByRole("heading", { name: nl("entry.contributors") }) });
  await expect(contributors.getByRole("listitem").filter({ hasText: author.name })).toHaveCount(1);
  const history = page.locator("section", { has: page.getByRole("heading", { name: nl("entry.versions") }) });
  await expect(history.getByRole("listitem").filter({ hasText: "Versie 1" })).toContainText(nl("entry.summary.publish", { name: author.name }));
  await expect(history).not.toContainText(nl("entry.version", { version: 2 }));

  await expect(page.getByText("0 collega's zeiden dat dit hielp")).toBeVisible();
  await page.getByRole("button", { name: nl("entry.helped") }).click();
  await expect(page.getByRole("status").filter({ hasText: nl("entry.helpedDone") })).toBeVisible();
  await expect(page.getByRole("button", { name: nl("entry.helped") })).toHaveCount(0);
  await expect(page.getByText("1 collega zei dat dit hielp")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: nl("entry.helpedDone") })).toBeVisible();
  await expect(page.getByRole("button", { name: nl("entry.helped") })).toHaveCount(0);
  await expect(page.getByText("1 collega zei dat dit hielp")).toBeVisible();

  // --- The author sees what became of the note.
  await authorPage.getByRole("navigation", { name: nl("nav.main") }).getByRole("link", { name: nl("nav.myNotes") }).click();
  const decided = authorPage.getByRole("listitem").filter({ has: authorPage.getByRole("heading", { name: noteTitle }) });
  await expect(decided.getByText(nl("note.state.PUBLISHED"), { exact: true })).toBeVisible();
  await expect(decided).toContainText(nl("note.by", { name: km.name }));
  const link = decided.getByRole("link", { name: nl("note.becameEntry", { title: entryTitle }) });
  await expect(link).toHaveAttribute("href", /^\/entries\/[a-z0-9]+$/);
  await link.click();
  await expect(authorPage.getByRole("heading", { level: 1, name: entryTitle })).toBeVisible();

  await Promise.all([authorContext.close(), kmContext.close(), colleagueContext.close()]);
});
