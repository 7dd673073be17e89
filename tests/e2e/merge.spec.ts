/**
 * Merge: a second note about the same problem is merged into the existing entry. The entry gets
 * version 2, both authors are credited, the history says who changed what and when, and the
 * second author sees where the note went.
 */
import { expect, nl, test } from "./support/fixtures";
import { editorReady, expectSearchable, inventedWord, marker } from "./support/app";
import { apiSession, employee, knowledgeManager, noteIdByTitle, publishedEntry, submitNoteViaHttp } from "./support/data";

test("a second note is merged into the existing entry: version 2, both authors, history", async ({ browser, login }) => {
  const [firstAuthor, secondAuthor, km] = await Promise.all([employee(), employee(), knowledgeManager()]);
  const word = inventedWord();
  const entryTitle = `Spaarboekje ${word} afsluiten na overlijden`;
  const firstText = `Eerst de akte van erfopvolging vragen. ${marker()}`;
  const { entryId } = await publishedEntry(firstAuthor, km, { title: entryTitle, text: firstText, tags: ["nalatenschap"] });

  const secondTitle = `${word} spaarboekje afsluiten: erfgenamen`;
  const secondText = `Ook alle erfgenamen moeten tekenen, of één met volmacht. ${marker()}`;
  const secondApi = await apiSession(secondAuthor.email);
  await submitNoteViaHttp(secondApi, { title: secondTitle, text: secondText, tags: ["nalatenschap"] });
  await secondApi.dispose();
  const secondNoteId = await noteIdByTitle(secondTitle);

  const kmContext = await browser.newContext();
  const kmPage = await kmContext.newPage();
  await login(km, kmPage);
  // The similar-entries panel is a search: wait until the first entry is in the index.
  await expectSearchable(kmPage, word, entryTitle);

  await kmPage.goto("/curation");
  await kmPage.getByRole("link", { name: secondTitle, exact: true }).click();
  await expect(kmPage).toHaveURL(new RegExp(`/curation/${secondNoteId}$`));
  const similar = kmPage.getByRole("region", { name: nl("curate.similar") });
  const candidate = similar.getByRole("listitem").filter({ has: kmPage.getByRole("link", { name: entryTitle }) });
  await expect(candidate).toHaveCount(1);
  await candidate.getByRole("link", { name: nl("curate.useThis") }).click();
  await expect(kmPage).toHaveURL(new RegExp(`\\?merge=${entryId}#merge$`));

  const merge = kmPage.getByRole("region", { name: nl("curate.merge") });
  await expect(merge.getByRole("link", { name: entryTitle })).toHaveAttribute("href", `/entries/${entryId}`);
  await expect(merge).toContainText(`(${nl("entry.version", { version: 1 })})`);
  await editorReady(kmPage);
  const mergedTitle = `${entryTitle} (erfgenamen)`;
  await merge.getByLabel(nl("curate.entryTitle")).fill(mergedTitle);
  const body = merge.getByRole("textbox", { name: nl("curate.entryBody") });
  // The editor starts with the entry's text followed by the note's text.
  await expect(body).toContainText(firstText);
  await expect(body).toContainText(secondText);
  await body.click();
  await kmPage.keyboard.press("Control+End");
  await kmPage.keyboard.press("Enter");
  await kmPage.keyboard.type("Samengevat: akte plus handtekening van alle erfgenamen.");
  await expect(merge.getByRole("button", { name: nl("tags.remove", { tag: "nalatenschap" }) })).toBeVisible();
  const tagInput = merge.getByLabel(nl("curate.entryTags"));
  await tagInput.fill("volmacht");
  await tagInput.press("Enter");
  await expect(merge.getByRole("button", { name: "Tag volmacht verwijderen" })).toBeVisible();
  await merge.getByRole("button", { name: nl("curate.mergeSubmit") }).click();
  await expect(kmPage).toHaveURL(/\/curation$/);
  await expect(kmPage.getByRole("status")).toHaveText(nl("curate.merged"));

  // The entry page: version 2, both authors, the history of both versions.
  await kmPage.goto(`/entries/${entryId}`);
  await expect(kmPage.getByRole("heading", { level: 1, name: mergedTitle })).toBeVisible();
  await expect(kmPage.locator("header.entry-head")).toContainText(nl("entry.version", { version: 2 }));
  const entryBody = kmPage.getByRole("region", { name: mergedTitle });
  await expect(entryBody).toContainText(firstText);
  await expect(entryBody).toContainText(secondText);
  await expect(entryBody).toContainText("Samengevat: akte plus handtekening van alle erfgenamen.");
  await expect(kmPage.locator("header.entry-head").getByRole("list", { name: nl("curate.entryTags") }).getByRole("listitem")).toHaveText(["nalatenschap", "volmacht"]);

  const contributors = kmPage.locator("section", { has: kmPage.getByRole("heading", { name: nl("entry.contributors") }) });
  await expect(contributors.getByRole("listitem").filter({ hasText: firstAuthor.name })).toHaveCount(1);
  await expect(contributors.getByRole("listitem").filter({ hasText: secondAuthor.name })).toHaveCount(1);

  const history = kmPage.locator("section", { has: kmPage.getByRole("heading", { name: nl("entry.versions") }) });
  const versions = history.locator("ol.versions > li");
  await expect(versions).toHaveCount(2);
  const v2 = versions.nth(0);
  await expect(v2).toContainText(nl("entry.version", { version: 2 }));
  await expect(v2).toContainText(nl("entry.summary.merge", { name: secondAuthor.name }));
  await expect(v2).toContainText(new RegExp(`${km.name}, \\d{1,2} \\w+\\.? \\d{4}`));
  await expect(v2.getByRole("listitem").filter({ hasText: nl("entry.change.title") })).toHaveCount(1);
  await expect(v2.getByRole("listitem").filter({ hasText: "Tags toegevoegd: volmacht" })).toHaveCount(1);
  await expect(v2.getByRole("listitem").filter({ hasText: /^Tekst: \+\d+ tekens$/ })).toHaveCount(1);
  const v1 = versions.nth(1);
  await expect(v1).toContainText(nl("entry.version", { version: 1 }));
  await expect(v1).toContainText(nl("entry.summary.publish", { name: firstAuthor.name }));
  await expect(v1).toContainText(km.name);

  // The second author sees where the note went.
  const authorContext = await browser.newContext();
  const authorPage = await authorContext.newPage();
  await login(secondAuthor, authorPage);
  await authorPage.getByRole("navigation", { name: nl("nav.main") }).getByRole("link", { name: nl("nav.myNotes") }).click();
  const note = authorPage.getByRole("listitem").filter({ has: authorPage.getByRole("heading", { name: secondTitle }) });
  await expect(note.getByText(nl("note.state.MERGED"), { exact: true })).toBeVisible();
  const link = note.getByRole("link", { name: nl("note.mergedInto", { title: mergedTitle }) });
  await expect(link).toHaveAttribute("href", `/entries/${entryId}`);
  await link.click();
  await expect(authorPage.getByRole("heading", { level: 1, name: mergedTitle })).toBeVisible();

  await Promise.all([kmContext.close(), authorContext.close()]);
});

test("the similar panel offers the existing entry even when the note is tagged differently", async ({ browser, login }) => {
  const [firstAuthor, secondAuthor, km] = await Promise.all([employee(), employee(), knowledgeManager()]);
  const word = inventedWord();
  const entryTitle = `Spaarboekje ${word} afsluiten na overlijden`;
  await publishedEntry(firstAuthor, km, { title: entryTitle, text: "Eerst de akte van erfopvolging vragen.", tags: ["nalatenschap"] });
  // Same rare word, same subject; the author picked another tag.
  const secondTitle = `${word} spaarboekje afsluiten: erfgenamen`;
  const api = await apiSession(secondAuthor.email);
  await submitNoteViaHttp(api, { title: secondTitle, text: "Alle erfgenamen moeten tekenen.", tags: ["volmacht"] });
  await api.dispose();
  const noteId = await noteIdByTitle(secondTitle);

  const context = await browser.newContext();
  const page = await context.newPage();
  await login(km, page);
  await expectSearchable(page, word, entryTitle);
  await page.goto(`/curation/${noteId}`);
  const similar = page.getByRole("region", { name: nl("curate.similar") });
  await expect(similar.getByRole("heading", { level: 3, name: entryTitle })).toBeVisible();
  await context.close();
});
