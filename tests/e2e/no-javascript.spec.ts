/**
 * Progressive enhancement: without JavaScript every form still works. The editor is a textarea
 * (posting `bodyPlain`), tags are a comma-separated field, search is a plain GET form.
 */
import { expect, test } from "@playwright/test";
import { expectSearchable, inventedWord, login, marker } from "./support/app";
import { apiSession, db, employee, knowledgeManager, noteIdByTitle, publishedEntry, read, submitNoteViaHttp, TEST_PASSWORD } from "./support/data";

test.use({ javaScriptEnabled: false });

test("sign in, write a note with the textarea, see it in Mijn notities", async ({ page }) => {
  const user = await employee();
  await login(page, user.email, TEST_PASSWORD);

  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Nieuwe notitie" }).click();
  const title = `Zonder JavaScript ingediend ${marker()}`;
  await page.getByLabel("Titel").fill(title);
  const body = page.getByRole("textbox", { name: "Wat gebeurde er en wat werkte?" });
  await expect(body).toHaveAttribute("name", "bodyPlain");
  await body.fill("Eerste alinea.\n\nTweede alinea met een tip.");
  await page.getByLabel("Producten en onderwerpen").fill("spaarrekening, Itsme");
  await page.getByRole("button", { name: "Notitie indienen" }).click();

  await expect(page).toHaveURL(/\/notes\?submitted=1$/);
  await expect(page.getByRole("status")).toHaveText("Je notitie is ingediend. De kennisbeheerder bekijkt ze.");
  const note = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
  await expect(note.getByText("Ingediend", { exact: true })).toBeVisible();
  await expect(note.getByRole("list", { name: "Tags" }).getByRole("listitem")).toHaveText(["spaarrekening", "itsme"]);
});

test("search with the plain form and the Zoeken button", async ({ page }) => {
  const [author, km, reader] = await Promise.all([employee(), knowledgeManager(), employee()]);
  const word = inventedWord();
  const title = `Overschrijving naar ${word} geweigerd`;
  await publishedEntry(author, km, { title, text: "Controleer eerst het dagplafond van de klant.", tags: ["overschrijving"] });

  await login(page, reader.email, TEST_PASSWORD);
  await expectSearchable(page, word, title);
  await page.goto("/search");
  await page.getByRole("searchbox", { name: "Zoek in de kennisbank" }).fill(word);
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}$`));
  await expect(page.getByText("1 resultaat", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Zoek in de kennisbank" })).toHaveValue(word);

  // No result: the invitation to write a field note, prefilled with the query.
  const nothing = `zzq${marker()}xv`;
  await page.getByRole("searchbox", { name: "Zoek in de kennisbank" }).fill(nothing);
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(page.getByText(`Niets gevonden voor “${nothing}”.`)).toBeVisible();
  await page.getByRole("link", { name: "Veldnotitie schrijven" }).click();
  await expect(page.getByLabel("Titel")).toHaveValue(nothing);
});

test("a form error (empty title) keeps the typed body and tags", async ({ page }) => {
  const user = await employee();
  await login(page, user.email, TEST_PASSWORD);
  await page.goto("/notes/new");
  const text = `Wat ik typte blijft staan. ${marker()}\n\nOok de tweede alinea.`;
  await page.getByRole("textbox", { name: "Wat gebeurde er en wat werkte?" }).fill(text);
  await page.getByLabel("Producten en onderwerpen").fill("termijnrekening");
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/notes/new"),
    page.getByRole("button", { name: "Notitie indienen" }).click(),
  ]);
  expect(response.status()).toBe(400);
  await expect(page.getByRole("alert").first()).toHaveText("Het formulier bevat fouten. Verbeter de gemarkeerde velden.");
  const title = page.getByLabel("Titel");
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(title).toHaveAccessibleDescription(/Dit veld is verplicht\./);
  await expect(page.getByRole("textbox", { name: "Wat gebeurde er en wat werkte?" })).toHaveValue(text);
  await expect(page.getByLabel("Producten en onderwerpen")).toHaveValue("termijnrekening");

  // Fixing the title is enough.
  await title.fill(`Titel alsnog ingevuld ${marker()}`);
  await page.getByRole("button", { name: "Notitie indienen" }).click();
  await expect(page).toHaveURL(/\/notes\?submitted=1$/);
});

test("curating a note: each form answers its own refusal (the rich-text body too), then the flash", async ({ page }) => {
  const [author, km] = await Promise.all([employee(), knowledgeManager()]);
  const title = `Zonder JavaScript te behandelen ${marker()}`;
  const api = await apiSession(author.email);
  await submitNoteViaHttp(api, { title, text: "Een notitie voor de kennismanager." });
  await api.dispose();
  const path = `/curation/${await noteIdByTitle(title)}`;
  const isPost = (r: { request(): { method(): string }; url(): string }) => r.request().method() === "POST" && new URL(r.url()).pathname === path;
  await login(page, km.email, TEST_PASSWORD);
  await page.goto(path);

  // Publishing with an emptied body: the body's textarea carries the error, the new title stays.
  const publish = page.getByRole("region", { name: "Publiceren als nieuwe entry" });
  const body = publish.getByRole("textbox", { name: "Tekst van de entry" });
  await expect(body).toHaveAttribute("name", "bodyPlain");
  await publish.getByLabel("Titel van de entry").fill(`${title} (bewerkt)`);
  await body.fill("");
  const [published] = await Promise.all([page.waitForResponse(isPost), publish.getByRole("button", { name: "Publiceren" }).click()]);
  expect(published.status()).toBe(400);
  await expect(body).toHaveAttribute("aria-invalid", "true");
  await expect(body).toHaveAccessibleDescription("Dit veld is verplicht.");
  await expect(publish.getByLabel("Titel van de entry")).toHaveValue(`${title} (bewerkt)`);

  // Declining: too long keeps what was typed, empty says it is required; the other forms stay clean.
  const decline = page.getByRole("region", { name: "Afwijzen" });
  const reason = decline.getByLabel("Reden (de auteur ziet deze)");
  const long = `Te lang. ${"R".repeat(1_000)}`;
  await reason.fill(long);
  const [tooLong] = await Promise.all([page.waitForResponse(isPost), decline.getByRole("button", { name: "Afwijzen" }).click()]);
  expect(tooLong.status()).toBe(400);
  await expect(reason).toHaveAccessibleDescription("Maximaal 1000 tekens.");
  await expect(reason).toHaveValue(long);
  await expect(publish.getByRole("alert")).toHaveCount(0);
  await reason.fill("");
  const [empty] = await Promise.all([page.waitForResponse(isPost), decline.getByRole("button", { name: "Afwijzen" }).click()]);
  expect(empty.status()).toBe(400);
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toHaveAccessibleDescription("Dit veld is verplicht.");
  expect((await read(() => db.note.findFirstOrThrow({ where: { title }, select: { state: true } }))).state).toBe("SUBMITTED");

  await reason.fill("Dit staat al in de kennisbank.");
  await decline.getByRole("button", { name: "Afwijzen" }).click();
  await expect(page).toHaveURL(/\/curation$/);
  await expect(page.getByRole("status")).toHaveText("Notitie afgewezen.");
  await expect(page.getByRole("link", { name: title, exact: true })).toHaveCount(0);
});
