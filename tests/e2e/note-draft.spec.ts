/**
 * An interrupted agent loses nothing: a field note being written is kept as a draft in the browser,
 * leaving the page asks first (inside the app and on reload or close), and the draft is back on the
 * next visit to "New note" until the note is submitted. A submitted note is edited or withdrawn by
 * its author until the knowledge manager decides; a withdrawn note leaves the inbox; after publishing
 * the author can no longer change it.
 */
import { expect, nl, test } from "./support/fixtures";
import { editorReady, hydrated, loggedInPage, marker } from "./support/app";
import { apiSession, db, employee, knowledgeManager, noteIdByTitle, publishViaHttp, submitNoteViaHttp, TEST_PASSWORD } from "./support/data";

test("draft kept across navigation and restored; leaving asks first; edit and withdraw a submitted note until the KM decides", async ({ browser }) => {
  test.slow();
  const m = marker();
  const [author, km] = await Promise.all([employee({ name: `Agent ${m}` }), knowledgeManager()]);
  const context = await browser.newContext();
  const kmContext = await browser.newContext();
  try {
    const page = await loggedInPage(context, author.email, TEST_PASSWORD);
    const nav = page.getByRole("navigation", { name: nl("nav.main") });

    // --- Write, get interrupted: the draft is kept.
    await page.goto("/notes/new");
    await editorReady(page);
    const title = `Premie kwijt na overschrijving ${m}`;
    const text = `De klant zette zijn spaargeld over en verloor de getrouwheidspremie ${m}.`;
    await hydrated(page.getByLabel(nl("note.field.title")));
    await page.getByLabel(nl("note.field.title")).fill(title);
    await page.getByRole("textbox", { name: nl("note.field.body") }).click();
    await page.keyboard.type(text);
    const tagInput = page.getByLabel(nl("note.field.tags"));
    await tagInput.fill("premie");
    await tagInput.press("Enter");
    const draftKey = `gilde:note-draft:${author.id}`;
    await expect.poll(() => page.evaluate((key) => window.localStorage.getItem(key) ?? "", draftKey)).toContain(text);

    // Leaving inside the app asks first; "Stay" keeps everything.
    await nav.getByRole("link", { name: nl("nav.myNotes") }).click();
    const dialog = page.getByRole("alertdialog", { name: nl("note.leave.title") });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("button", { name: nl("note.leave.stay") })).toBeFocused();
    await dialog.getByRole("button", { name: nl("note.leave.stay") }).click();
    await expect(page).toHaveURL(/\/notes\/new$/);
    await expect(page.getByLabel(nl("note.field.title"))).toHaveValue(title);
    await nav.getByRole("link", { name: nl("nav.myNotes") }).click();
    await dialog.getByRole("button", { name: nl("note.leave.go") }).click();
    await expect(page).toHaveURL(/\/notes$/);

    // --- Back to "New note": the draft is restored.
    await nav.getByRole("link", { name: nl("nav.newNote") }).click();
    await expect(page.getByRole("status")).toContainText("Je concept is teruggezet.");
    await editorReady(page);
    await expect(page.getByLabel(nl("note.field.title"))).toHaveValue(title);
    await expect(page.getByRole("textbox", { name: nl("note.field.body") })).toHaveText(text);
    await expect(page.getByRole("button", { name: "Tag premie verwijderen" })).toBeVisible();

    // Reloading or closing the tab asks the browser's own question.
    const asked: string[] = [];
    page.once("dialog", async (d) => {
      asked.push(d.type());
      await d.accept();
    });
    await page.getByLabel(nl("note.field.title")).click(); // the browser asks only on a page the user has touched
    await page.goto("/search");
    expect(asked).toEqual(["beforeunload"]);
    await page.goto("/notes/new");
    await expect(page.getByLabel(nl("note.field.title"))).toHaveValue(title);

    // --- Submit: the draft is gone.
    await editorReady(page);
    await page.getByRole("button", { name: nl("note.submit") }).click();
    await expect(page).toHaveURL(/\/notes$/);
    expect(await page.evaluate((key) => window.localStorage.getItem(key), draftKey)).toBeNull();
    await nav.getByRole("link", { name: nl("nav.newNote") }).click();
    await editorReady(page);
    await expect(page.getByLabel(nl("note.field.title"))).toHaveValue("");
    await expect(page.getByText("Je concept is teruggezet.")).toHaveCount(0);

    // --- Edit the submitted note.
    await nav.getByRole("link", { name: nl("nav.myNotes") }).click();
    await page.getByRole("link", { name: nl("note.edit.linkLabel", { title }) }).click();
    await expect(page.getByRole("heading", { level: 1, name: nl("note.edit.title") })).toBeVisible();
    await editorReady(page);
    await expect(page.getByRole("textbox", { name: nl("note.field.body") })).toHaveText(text);
    const editedTitle = `${title} (termijnrekening)`;
    await page.getByLabel(nl("note.field.title")).fill(editedTitle);
    await page.getByRole("button", { name: nl("note.edit.save") }).click();
    await expect(page.getByRole("status")).toHaveText(nl("note.edit.saved"));
    await expect(page.getByRole("heading", { level: 2, name: editedTitle })).toBeVisible();
    const editedId = await noteIdByTitle(editedTitle);

    // --- Withdraw another one: it leaves the knowledge manager's inbox.
    const authorApi = await apiSession(author.email);
    const otherTitle = `Tweede notitie ${m}`;
    await submitNoteViaHttp(authorApi, { title: otherTitle, text: "Toch niet nodig.", tags: ["premie"] });
    const kmPage = await loggedInPage(kmContext, km.email, TEST_PASSWORD);
    await kmPage.goto("/curation");
    await expect(kmPage.getByRole("link", { name: otherTitle, exact: true })).toBeVisible();
    await page.reload();
    await page.getByRole("link", { name: nl("note.edit.linkLabel", { title: otherTitle }) }).click();
    await page.getByRole("button", { name: nl("note.withdraw.title") }).click();
    await expect(page.getByRole("status")).toHaveText(nl("note.withdraw.done"));
    const withdrawn = page.locator("li.note-item").filter({ has: page.getByRole("heading", { name: otherTitle }) });
    await expect(withdrawn.getByText(nl("note.state.WITHDRAWN"))).toBeVisible();
    await expect(withdrawn.getByRole("link", { name: /bewerken of intrekken/ })).toHaveCount(0);
    await kmPage.reload();
    await expect(kmPage.getByRole("link", { name: editedTitle, exact: true })).toBeVisible();
    await expect(kmPage.getByRole("link", { name: otherTitle, exact: true })).toHaveCount(0);
    const otherId = await noteIdByTitle(otherTitle);
    expect((await kmPage.request.post(`/curation/${otherId}`, { form: { intent: "decline", reason: "Te laat" }, maxRedirects: 0 })).status()).toBe(409);
    expect((await db.note.findUniqueOrThrow({ where: { id: otherId }, select: { state: true } })).state).toBe("WITHDRAWN");

    // --- Published: the author can no longer change it.
    const kmApi = await apiSession(km.email);
    await publishViaHttp(kmApi, editedId, { title: editedTitle, text, tags: ["premie"] });
    await kmApi.dispose();
    await page.reload();
    await expect(page.getByRole("link", { name: nl("note.edit.linkLabel", { title: editedTitle }) })).toHaveCount(0);
    expect((await authorApi.get(`/notes/${editedId}/edit`)).status()).toBe(403);
    const late = await authorApi.post(`/notes/${editedId}/edit`, { form: { intent: "save", title: "Te laat", bodyPlain: "x" }, maxRedirects: 0 });
    expect(late.status()).toBe(403);
    expect((await authorApi.post(`/notes/${editedId}/edit`, { form: { intent: "withdraw" }, maxRedirects: 0 })).status()).toBe(403);
    expect((await db.note.findUniqueOrThrow({ where: { id: editedId }, select: { state: true } })).state).toBe("PUBLISHED");
    // Someone else's note does not exist for a colleague.
    const colleague = await employee();
    const colleagueApi = await apiSession(colleague.email);
    expect((await colleagueApi.get(`/notes/${otherId}/edit`)).status()).toBe(404);
    await colleagueApi.dispose();
    await authorApi.dispose();
  } finally {
    await context.close();
    await kmContext.close();
  }
});
