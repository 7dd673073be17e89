/**
 * Decline: the knowledge manager declines a note with a reason; the author sees the decision and
 * the reason. A decline without a reason is refused with the field's error and nothing is lost.
 */
import { expect, httpError, nl, test } from "./support/fixtures";
import { editorReady, marker } from "./support/app";
import { apiSession, db, employee, knowledgeManager, noteIdByTitle, submitNoteViaHttp } from "./support/data";

test("declining needs a reason; the author sees “Afgewezen” and the reason", async ({ browser, allowConsoleErrors, login }) => {
  allowConsoleErrors(httpError(400, "/curation/"), "declining without a reason is tried on purpose: 400 with the error");
  const [author, km] = await Promise.all([employee(), knowledgeManager()]);
  const title = `Klant wil rente op zichtrekening ${marker()}`;
  const api = await apiSession(author.email);
  await submitNoteViaHttp(api, { title, text: "Ik heb gezegd dat dat kan vanaf volgende maand.", tags: ["zichtrekening"] });
  await api.dispose();
  const noteId = await noteIdByTitle(title);

  const kmContext = await browser.newContext();
  const kmPage = await kmContext.newPage();
  await login(km, kmPage);
  await kmPage.goto("/curation");
  await kmPage.getByRole("link", { name: `${nl("inbox.open")}: ${title}` }).click();
  await expect(kmPage).toHaveURL(new RegExp(`/curation/${noteId}$`));
  await editorReady(kmPage);

  // Work in progress in the publish form, then a decline without a reason.
  const publish = kmPage.getByRole("region", { name: nl("curate.publish") });
  const editedTitle = `${title} (bewerkt)`;
  await publish.getByLabel(nl("curate.entryTitle")).fill(editedTitle);
  const decline = kmPage.getByRole("region", { name: nl("curate.decline") });
  const reason = decline.getByLabel(nl("curate.declineReason"));
  await reason.fill("   ");
  const [response] = await Promise.all([
    kmPage.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === `/curation/${noteId}`),
    decline.getByRole("button", { name: nl("curate.decline") }).click(),
  ]);
  expect(response.status()).toBe(400);
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(decline.getByRole("alert")).toHaveText(["Het formulier bevat fouten. Verbeter de gemarkeerde velden.", "Dit veld is verplicht."]);
  await expect(reason).toHaveAccessibleDescription(nl("error.required"));
  // Nothing is lost: same page, the note, the similar panel and the unsaved publish title are all still there.
  await expect(kmPage).toHaveURL(new RegExp(`/curation/${noteId}$`));
  await expect(kmPage.getByRole("heading", { level: 2, name: title, exact: true })).toBeVisible();
  await expect(kmPage.getByRole("region", { name: nl("curate.similar") })).toBeVisible();
  await expect(publish.getByLabel(nl("curate.entryTitle"))).toHaveValue(editedTitle);
  expect((await db.note.findUnique({ where: { id: noteId }, select: { state: true } }))?.state).toBe("SUBMITTED");

  // With a reason it works.
  const why = `Rente op een zichtrekening bestaat niet; dit klopt niet. ${marker()}`;
  await reason.fill(why);
  await decline.getByRole("button", { name: nl("curate.decline") }).click();
  await expect(kmPage).toHaveURL(/\/curation$/);
  await expect(kmPage.getByRole("status")).toHaveText(nl("curate.declined"));
  await expect(kmPage.getByRole("link", { name: title, exact: true })).toHaveCount(0);

  // The author sees the decision and the reason.
  const authorContext = await browser.newContext();
  const authorPage = await authorContext.newPage();
  await login(author, authorPage);
  await authorPage.getByRole("navigation", { name: nl("nav.main") }).getByRole("link", { name: nl("nav.myNotes") }).click();
  const note = authorPage.getByRole("listitem").filter({ has: authorPage.getByRole("heading", { name: title }) });
  await expect(note.getByText(nl("note.state.DECLINED"), { exact: true })).toBeVisible();
  await expect(note).toContainText(`Reden van de kennisbeheerder: ${why}`);
  await expect(note).toContainText(nl("note.by", { name: km.name }));
  await expect(note.getByRole("link")).toHaveCount(0);

  // A decided note cannot be decided again.
  await kmPage.goto(`/curation/${noteId}`);
  await expect(kmPage.getByRole("region", { name: nl("curate.decline") })).toHaveCount(0);
  await expect(kmPage.getByRole("region", { name: nl("curate.publish") })).toHaveCount(0);

  await Promise.all([kmContext.close(), authorContext.close()]);
});
