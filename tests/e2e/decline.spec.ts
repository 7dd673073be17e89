/**
 * Decline: the knowledge manager declines a note with a reason; the author sees the decision and
 * the reason. A decline without a reason is refused with the field's error and nothing is lost.
 */
import { expect, test } from "@playwright/test";
import { editorReady, login, marker } from "./support/app";
import { apiSession, employee, knowledgeManager, noteIdByTitle, read, db, submitNoteViaHttp, TEST_PASSWORD } from "./support/data";

test("declining needs a reason; the author sees “Afgewezen” and the reason", async ({ browser }) => {
  const [author, km] = await Promise.all([employee(), knowledgeManager()]);
  const title = `Klant wil rente op zichtrekening ${marker()}`;
  const api = await apiSession(author.email);
  await submitNoteViaHttp(api, { title, text: "Ik heb gezegd dat dat kan vanaf volgende maand.", tags: ["zichtrekening"] });
  await api.dispose();
  const noteId = await noteIdByTitle(title);

  const kmContext = await browser.newContext();
  const kmPage = await kmContext.newPage();
  await login(kmPage, km.email, TEST_PASSWORD);
  await kmPage.goto("/curation");
  await kmPage.getByRole("link", { name: `Behandelen: ${title}` }).click();
  await expect(kmPage).toHaveURL(new RegExp(`/curation/${noteId}$`));
  await editorReady(kmPage);

  // Work in progress in the publish form, then a decline without a reason.
  const publish = kmPage.getByRole("region", { name: "Publiceren als nieuwe entry" });
  const editedTitle = `${title} (bewerkt)`;
  await publish.getByLabel("Titel van de entry").fill(editedTitle);
  const decline = kmPage.getByRole("region", { name: "Afwijzen" });
  const reason = decline.getByLabel("Reden (de auteur ziet deze)");
  await reason.fill("   ");
  const [response] = await Promise.all([
    kmPage.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === `/curation/${noteId}`),
    decline.getByRole("button", { name: "Afwijzen" }).click(),
  ]);
  expect(response.status()).toBe(400);
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(decline.getByRole("alert")).toHaveText(["Het formulier bevat fouten. Verbeter de gemarkeerde velden.", "Dit veld is verplicht."]);
  await expect(reason).toHaveAccessibleDescription("Dit veld is verplicht.");
  // Nothing is lost: same page, the note, the similar panel and the unsaved publish title are all still there.
  await expect(kmPage).toHaveURL(new RegExp(`/curation/${noteId}$`));
  await expect(kmPage.getByRole("heading", { level: 2, name: title, exact: true })).toBeVisible();
  await expect(kmPage.getByRole("region", { name: "Gelijkaardige entries" })).toBeVisible();
  await expect(publish.getByLabel("Titel van de entry")).toHaveValue(editedTitle);
  expect((await read(() => db.note.findUnique({ where: { id: noteId }, select: { state: true } })))?.state).toBe("SUBMITTED");

  // With a reason it works.
  const why = `Rente op een zichtrekening bestaat niet; dit klopt niet. ${marker()}`;
  await reason.fill(why);
  await decline.getByRole("button", { name: "Afwijzen" }).click();
  await expect(kmPage).toHaveURL(/\/curation$/);
  await expect(kmPage.getByRole("status")).toHaveText("Notitie afgewezen.");
  await expect(kmPage.getByRole("link", { name: title, exact: true })).toHaveCount(0);

  // The author sees the decision and the reason.
  const authorContext = await browser.newContext();
  const authorPage = await authorContext.newPage();
  await login(authorPage, author.email, TEST_PASSWORD);
  await authorPage.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Mijn notities" }).click();
  const note = authorPage.getByRole("listitem").filter({ has: authorPage.getByRole("heading", { name: title }) });
  await expect(note.getByText("Afgewezen", { exact: true })).toBeVisible();
  await expect(note).toContainText(`Reden van de kennisbeheerder: ${why}`);
  await expect(note).toContainText(`door ${km.name}`);
  await expect(note.getByRole("link")).toHaveCount(0);

  // A decided note cannot be decided again.
  await kmPage.goto(`/curation/${noteId}`);
  await expect(kmPage.getByRole("region", { name: "Afwijzen" })).toHaveCount(0);
  await expect(kmPage.getByRole("region", { name: "Publiceren als nieuwe entry" })).toHaveCount(0);

  await Promise.all([kmContext.close(), authorContext.close()]);
});
