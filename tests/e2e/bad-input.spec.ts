/**
 * Bad input on the note form and the decline form: empty, too long, malformed, hostile and huge.
 * Each answers HTTP 400 with the field's error and keeps what else was typed; hostile text is
 * shown as text and never runs; nothing ever answers 500.
 */
import { type Page, type Response } from "@playwright/test";
import { expect, httpError, nl, test } from "./support/fixtures";
import { editorReady, expectSearchable, failOnDialog, inventedWord, MAIN_URL, marker, watchServerErrors } from "./support/app";
import { apiSession, db, employee, knowledgeManager, noteIdByTitle, submitNoteViaHttp } from "./support/data";

const BODY = nl("note.field.body");

// Every test here sends bad input on purpose, and the forms answer it with HTTP 400 and the field's
// error: Chromium logs each such answer as a console error, which is what these tests expect.
test.beforeEach(({ allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/notes/new"), "the note form's 400 answer to bad input is what is checked");
  allowConsoleErrors(httpError(400, "/curation/"), "the decline form's 400 answer to bad input is what is checked");
});
const SAME_ORIGIN = { Origin: MAIN_URL };

function isPost(path: string) {
  return (r: Response) => r.request().method() === "POST" && new URL(r.url()).pathname === path;
}

/** Clicks the submit button and returns the answer to the form's POST. */
async function submit(page: Page, path: string, button: string) {
  const [response] = await Promise.all([page.waitForResponse(isPost(path)), page.getByRole("button", { name: button }).click()]);
  return response;
}

async function openNewNote(page: Page) {
  await page.goto("/notes/new");
  await editorReady(page);
}

async function typeBody(page: Page, text: string) {
  await page.getByRole("textbox", { name: BODY }).click();
  await page.keyboard.type(text);
}

async function addTag(page: Page, tag: string) {
  const input = page.getByLabel(nl("note.field.tags"));
  await input.fill(tag);
  await input.press("Enter");
  await expect(page.getByRole("button", { name: nl("tags.remove", { tag }) })).toBeVisible();
}

/** The text of the field error with this id in a server-rendered page (null when there is none). */
function fieldError(html: string, id: string): string | null {
  return new RegExp(`<p class="field-error" id="${id}" role="alert">([^<]*)</p>`).exec(html)?.[1] ?? null;
}

/** A Lexical document with one paragraph holding a link. */
function docWithLink(url: string) {
  const text = { type: "text", text: "klik hier", format: 0, detail: 0, mode: "normal", style: "", version: 1 };
  const link = { type: "link", url, children: [text], direction: "ltr", format: "", indent: 0, version: 1 };
  const paragraph = { type: "paragraph", children: [link], direction: "ltr", format: "", indent: 0, textFormat: 0, version: 1 };
  return JSON.stringify({ root: { type: "root", children: [paragraph], direction: "ltr", format: "", indent: 0, version: 1 } });
}

test.describe("the note form", () => {
  test("empty: both required fields say so", async ({ page, login }) => {
    const serverErrors = watchServerErrors(page);
    const user = await employee();
    await login(user);
    await openNewNote(page);
    await addTag(page, "spaarrekening");
    const response = await submit(page, "/notes/new", "Notitie indienen");
    expect(response.status()).toBe(400);
    await expect(page.getByRole("alert").first()).toHaveText(nl("error.formTitle"));
    await expect(page.getByLabel(nl("note.field.title"))).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel(nl("note.field.title"))).toHaveAccessibleDescription(/Dit veld is verplicht\./);
    await expect(page.getByRole("textbox", { name: BODY })).toHaveAccessibleDescription(/Dit veld is verplicht\./);
    await expect(page.getByRole("button", { name: nl("tags.remove", { tag: "spaarrekening" }) })).toBeVisible();
    expect(serverErrors).toEqual([]);
  });

  test("too long: a 10 000-character title", async ({ page, login }) => {
    const serverErrors = watchServerErrors(page);
    const user = await employee();
    await login(user);
    await openNewNote(page);
    const title = page.getByLabel(nl("note.field.title"));
    await title.fill("T".repeat(10_000));
    const body = `Deze tekst blijft staan ${marker()}`;
    await typeBody(page, body);
    await addTag(page, "termijnrekening");
    const response = await submit(page, "/notes/new", "Notitie indienen");
    expect(response.status()).toBe(400);
    await expect(title).toHaveAccessibleDescription(/Maximaal 160 tekens\./);
    await expect(title).toHaveValue(/^T{161,}$/);
    await expect(page.getByRole("textbox", { name: BODY })).toContainText(body);
    await expect(page.getByRole("button", { name: nl("tags.remove", { tag: "termijnrekening" }) })).toBeVisible();

    // The full 10 000 characters, posted directly: the same answer, never a crash.
    const direct = await page.request.post("/notes/new", {
      form: { formId: "note-new", title: "T".repeat(10_000), bodyPlain: body, tags: "termijnrekening" },
      headers: SAME_ORIGIN,
      maxRedirects: 0,
    });
    expect(direct.status()).toBe(400);
    expect(await direct.text()).toContain("Maximaal 160 tekens.");
    expect(serverErrors).toEqual([]);
  });

  test("malformed: a <script> tag as a tag", async ({ page, login }) => {
    const dialogs = failOnDialog(page);
    const serverErrors = watchServerErrors(page);
    const user = await employee();
    await login(user);
    await openNewNote(page);
    const title = `Tag met script ${marker()}`;
    await page.getByLabel(nl("note.field.title")).fill(title);
    const body = "Gewone tekst.";
    await typeBody(page, body);
    await addTag(page, "<script>alert(1)</script>");
    const response = await submit(page, "/notes/new", "Notitie indienen");
    expect(response.status()).toBe(400);
    await expect(page.getByLabel(nl("note.field.tags"))).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel(nl("note.field.tags"))).toHaveAccessibleDescription(
      /Een tag bestaat uit letters, cijfers, spaties of koppeltekens \(max\. 40 tekens\)\./,
    );
    await expect(page.getByLabel(nl("note.field.title"))).toHaveValue(title);
    await expect(page.getByRole("textbox", { name: BODY })).toContainText(body);
    await expect(page.getByRole("button", { name: nl("tags.remove", { tag: "<script>alert(1)</script>" }) })).toBeVisible();

    expect(await db.note.count({ where: { title } })).toBe(0);
    expect(dialogs).toEqual([]);
    expect(serverErrors).toEqual([]);
  });

  test("malformed: hand-made posts (a repeated field, a body that is not JSON)", async ({ page, login }) => {
    const user = await employee();
    await login(user);
    const title = `Kapotte post ${marker()}`;
    const notJson = await page.request.post("/notes/new", { form: { formId: "note-new", title, body: "{niet: json", tags: "" }, headers: SAME_ORIGIN, maxRedirects: 0 });
    expect(notJson.status()).toBe(400);
    expect(await notJson.text()).toContain(nl("error.rich.invalid_json"));
    const notADocument = await page.request.post("/notes/new", { form: { formId: "note-new", title, body: JSON.stringify({ root: "nee" }), tags: "" }, headers: SAME_ORIGIN, maxRedirects: 0 });
    expect(notADocument.status()).toBe(400);
    expect(await notADocument.text()).toContain(nl("error.rich.invalid"));
    // The title sent twice is not "missing": it is invalid.
    const twice = await page.request.fetch("/notes/new", {
      method: "POST",
      headers: { ...SAME_ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
      data: `formId=note-new&title=een&title=twee&bodyPlain=tekst&tags=`,
      maxRedirects: 0,
    });
    expect(twice.status()).toBe(400);
    expect(fieldError(await twice.text(), "note-new-title-error")).toBe("Deze waarde is niet geldig.");
    expect(await db.note.count({ where: { title } })).toBe(0);
  });

  test("hostile: script and HTML in title and body are shown as text and never run", async ({ browser, login }) => {
    const [author, km, reader] = await Promise.all([employee(), knowledgeManager(), employee()]);
    const word = inventedWord();
    const title = `<script>alert("titel")</script><img src=x onerror=alert(2)> ${word}`;
    const body = `<img src=x onerror=alert(3)> en <script>alert(4)</script> ${marker()}`;

    const authorContext = await browser.newContext();
    const page = await authorContext.newPage();
    const dialogs = failOnDialog(page);
    await login(author, page);
    await openNewNote(page);
    await page.getByLabel(nl("note.field.title")).fill(title);
    await typeBody(page, body);
    const response = await submit(page, "/notes/new", "Notitie indienen");
    expect(response.status()).toBeLessThan(400); // a redirect (204 + X-Remix-Redirect for the enhanced form)
    await expect(page).toHaveURL(/\/notes$/);
    await expect(page.getByRole("heading", { name: title })).toBeVisible();
    await expect(page.locator('main img[src="x"]')).toHaveCount(0);

    // The knowledge manager sees and publishes it as text.
    const kmContext = await browser.newContext();
    const kmPage = await kmContext.newPage();
    const kmDialogs = failOnDialog(kmPage);
    await login(km, kmPage);
    await kmPage.goto(`/curation/${await noteIdByTitle(title)}`);
    await expect(kmPage.getByRole("heading", { level: 2, name: title })).toBeVisible();
    await expect(kmPage.getByRole("region", { name: title })).toContainText(body);
    await editorReady(kmPage);
    await kmPage.getByRole("button", { name: nl("curate.publishSubmit") }).click();
    await expect(kmPage).toHaveURL(/\/curation$/);
    await expect(kmPage.getByRole("status")).toHaveText(nl("curate.published"));

    // A colleague finds it and reads it: still text.
    const readerContext = await browser.newContext();
    const readerPage = await readerContext.newPage();
    const readerDialogs = failOnDialog(readerPage);
    await login(reader, readerPage);
    await expectSearchable(readerPage, word, title);
    await readerPage.goto(`/search?q=${word}`);
    await readerPage.getByRole("link", { name: title }).click();
    await expect(readerPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(readerPage.getByRole("region", { name: title })).toContainText(body);
    await expect(readerPage.locator('main img[src="x"], main script')).toHaveCount(0);
    await expect(readerPage).toHaveTitle(`${title} · Gilde`);

    expect([...dialogs, ...kmDialogs, ...readerDialogs]).toEqual([]);
    await Promise.all([authorContext.close(), kmContext.close(), readerContext.close()]);
  });

  test("hostile: a javascript: link posted as Lexical JSON gets a clear error", async ({ page, login }) => {
    const dialogs = failOnDialog(page);
    const serverErrors = watchServerErrors(page);
    const user = await employee();
    await login(user);
    await openNewNote(page);
    const title = `Link naar javascript ${marker()}`;
    await page.getByLabel(nl("note.field.title")).fill(title);
    await typeBody(page, "Wordt vervangen.");
    // What a tampered client would post: the body field with a javascript: link instead of the editor's JSON.
    // The editor's hidden field is React's to write (a blur on submit may write it again), so it loses its
    // name and a field of the page's own carries the tampered JSON.
    await page.locator('input[type="hidden"][name="body"]').evaluate((input: HTMLInputElement, json) => {
      const tampered = document.createElement("input");
      tampered.type = "hidden";
      tampered.name = "body";
      tampered.value = json;
      input.removeAttribute("name");
      input.after(tampered);
    }, docWithLink("javascript:alert(document.cookie)"));
    const response = await submit(page, "/notes/new", "Notitie indienen");
    expect(response.status()).toBe(400);
    await expect(page.getByRole("textbox", { name: BODY })).toHaveAccessibleDescription(/Links moeten beginnen met http:\/\/, https:\/\/ of mailto:\./);
    await expect(page.getByLabel(nl("note.field.title"))).toHaveValue(title);

    for (const url of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)"]) {
      const direct = await page.request.post("/notes/new", { form: { formId: "note-new", title, body: docWithLink(url), tags: "" }, headers: SAME_ORIGIN, maxRedirects: 0 });
      expect(direct.status(), url).toBe(400);
      expect(await direct.text()).toContain(nl("error.rich.unsafe_link"));
    }
    expect(await db.note.count({ where: { title } })).toBe(0);
    expect(dialogs).toEqual([]);
    expect(serverErrors).toEqual([]);
  });

  test("huge: 1 MB pasted into the body", async ({ page, login }) => {
    test.slow();
    const serverErrors = watchServerErrors(page);
    const user = await employee();
    await login(user);
    await openNewNote(page);
    const title = `Enorme plakactie ${marker()}`;
    await page.getByLabel(nl("note.field.title")).fill(title);
    await addTag(page, "spaarrekening");
    const line = "Klant plakte het volledige reglement van de spaarrekening in het notitieveld. ".repeat(13);
    const huge = Array.from({ length: 1_000 }, () => line).join("\n");
    expect(huge.length).toBeGreaterThan(1_000_000);
    const editor = page.getByRole("textbox", { name: BODY });
    await editor.click();
    await editor.evaluate((el, text) => {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, huge);
    await expect
      .poll(() => page.locator('input[type="hidden"][name="body"]').evaluate((input: HTMLInputElement) => input.value.length), { timeout: 20_000 })
      .toBeGreaterThan(1_000_000);
    const response = await submit(page, "/notes/new", "Notitie indienen");
    expect(response.status()).toBe(400);
    await expect(editor).toHaveAccessibleDescription(/De tekst is te lang\./);
    await expect(page.getByLabel(nl("note.field.title"))).toHaveValue(title);
    await expect(page.getByRole("button", { name: nl("tags.remove", { tag: "spaarrekening" }) })).toBeVisible();
    expect(await db.note.count({ where: { title } })).toBe(0);
    expect(serverErrors).toEqual([]);
  });
});

test.describe("the note form without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("huge: 1 MB in the textarea", async ({ page, login }) => {
    const serverErrors = watchServerErrors(page);
    const user = await employee();
    await login(user);
    await page.goto("/notes/new");
    const title = `Enorme tekst zonder JavaScript ${marker()}`;
    await page.getByLabel(nl("note.field.title")).fill(title);
    await page.getByLabel(nl("note.field.tags")).fill("spaarrekening");
    await page.getByRole("textbox", { name: BODY }).fill("x".repeat(1_048_576));
    const response = await submit(page, "/notes/new", "Notitie indienen");
    expect(response.status()).toBe(400);
    await expect(page.getByRole("textbox", { name: BODY })).toHaveAccessibleDescription(/De tekst is te lang\./);
    await expect(page.getByLabel(nl("note.field.title"))).toHaveValue(title);
    await expect(page.getByLabel(nl("note.field.tags"))).toHaveValue("spaarrekening");
    expect(serverErrors).toEqual([]);
  });
});

test.describe("the decline form", () => {
  test("empty, too long, huge: 400 with the error and the reason kept; hostile: shown as text", async ({ browser, login }) => {
    const [author, km] = await Promise.all([employee(), knowledgeManager()]);
    const title = `Af te wijzen notitie ${marker()}`;
    const api = await apiSession(author.email);
    await submitNoteViaHttp(api, { title, text: "Een notitie die de kennisbeheerder afwijst.", tags: [] });
    const noteId = await noteIdByTitle(title);
    const path = `/curation/${noteId}`;

    const kmContext = await browser.newContext();
    const page = await kmContext.newPage();
    const dialogs = failOnDialog(page);
    const serverErrors = watchServerErrors(page);
    await login(km, page);
    await page.goto(path);
    const decline = page.getByRole("region", { name: nl("curate.decline") });
    const reason = decline.getByLabel(nl("curate.declineReason"));

    for (const [typed, error] of [
      ["", "Dit veld is verplicht."],
      [" \n\t ", "Dit veld is verplicht."],
      ["R".repeat(10_000), "Maximaal 1000 tekens."],
      ["R".repeat(1_048_576), "Maximaal 1000 tekens."],
    ] as const) {
      await reason.fill(typed);
      const [response] = await Promise.all([page.waitForResponse(isPost(path)), decline.getByRole("button", { name: nl("curate.decline") }).click()]);
      expect(response.status(), `reason of ${typed.length} characters`).toBe(400);
      await expect(reason).toHaveAccessibleDescription(error);
      await expect(reason).toHaveValue(typed);
      await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
    }

    expect((await db.note.findUnique({ where: { id: noteId }, select: { state: true } }))?.state).toBe("SUBMITTED");

    // Hostile: accepted as text, shown as text to the author.
    const hostile = `<script>alert("reden")</script><img src=x onerror=alert(1)> ${marker()}`;
    await reason.fill(hostile);
    await decline.getByRole("button", { name: nl("curate.decline") }).click();
    await expect(page).toHaveURL(/\/curation$/);
    await expect(page.getByRole("status")).toHaveText(nl("curate.declined"));
    const mine = await (await api.get("/notes")).text();
    expect(mine).toContain(hostile.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"));
    expect(mine).not.toContain(hostile);
    await api.dispose();

    const authorContext = await browser.newContext();
    const authorPage = await authorContext.newPage();
    const authorDialogs = failOnDialog(authorPage);
    await login(author, authorPage);
    await authorPage.goto("/notes");
    const note = authorPage.getByRole("listitem").filter({ has: authorPage.getByRole("heading", { name: title }) });
    await expect(note).toContainText(`Reden van de kennisbeheerder: ${hostile}`);
    await expect(authorPage.locator('main img[src="x"]')).toHaveCount(0);

    expect([...dialogs, ...authorDialogs]).toEqual([]);
    expect(serverErrors).toEqual([]);
    await Promise.all([kmContext.close(), authorContext.close()]);
  });

  test("malformed: the reason posted twice is invalid, not missing", async ({ page, login }) => {
    const [author, km] = await Promise.all([employee(), knowledgeManager()]);
    const title = `Kapotte afwijzing ${marker()}`;
    const api = await apiSession(author.email);
    await submitNoteViaHttp(api, { title, text: "Nog te behandelen." });
    await api.dispose();
    const noteId = await noteIdByTitle(title);
    await login(km);
    const twice = await page.request.fetch(`/curation/${noteId}`, {
      method: "POST",
      headers: { ...SAME_ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
      data: "formId=curate-decline&intent=decline&reason=een&reason=twee",
      maxRedirects: 0,
    });
    expect(twice.status()).toBe(400);
    expect(fieldError(await twice.text(), "curate-decline-reason-error")).toBe("Deze waarde is niet geldig.");
    const unknown = await page.request.post(`/curation/${noteId}`, { form: { intent: "ontploffen" }, headers: SAME_ORIGIN, maxRedirects: 0 });
    expect(unknown.status()).toBe(400);
    expect((await db.note.findUnique({ where: { id: noteId }, select: { state: true } }))?.state).toBe("SUBMITTED");
  });
});
