/**
 * Keeping an entry true: the knowledge manager fixes an entry (bad input first: refused with the
 * messages and what was typed kept), which makes version 2 with the change note and resolves the flag
 * it answers; archives a duplicate with the original as successor, after which the duplicate is gone
 * from everyone's search and its old URL points on; and restores it. Who may not fix or retire an
 * entry gets 403 (404 when they may not even see it), for pages and posts alike.
 */
import { expect, httpError, nl, test } from "./support/fixtures";
import { expectSearchable, failOnDialog, inventedWord, MAIN_URL, searchTitles } from "./support/app";
import { community, db, department, employee, knowledgeManager, publishedEntry } from "./support/data";
import { isoDayFromToday } from "~/utils/dates";

test("the knowledge manager fixes an entry: bad input refused and kept, then version 2 resolves the flag it answers", async ({ page, login, allowConsoleErrors }) => {
  test.slow();
  const [author, km, flagger, otherFlagger] = await Promise.all([employee(), knowledgeManager(), employee(), employee()]);
  const word = inventedWord();
  const title = `Getrouwheidspremie ${word} bij interne overschrijving`;
  const { entryId } = await publishedEntry(author, km, { title, text: "De premie vervalt als het geld vertrekt.", tags: ["sparen"] });
  allowConsoleErrors(httpError(400, `/entries/${entryId}/edit`), "the refused saves of this test answer 400 on purpose");
  const fixed = await db.flag.create({ data: { entryId, userId: flagger.id, reason: "OUTDATED", comment: "Sinds maart telt een interne overschrijving niet meer." } });
  const stays = await db.flag.create({ data: { entryId, userId: otherFlagger.id, reason: "UNCLEAR", comment: "Wat is een vertrek?" } });
  const dialogs = failOnDialog(page);

  await login(km);
  await page.goto(`/entries/${entryId}`);
  await page.getByRole("navigation", { name: nl("entryLife.actions") }).getByRole("link", { name: nl("entryLife.action.edit") }).click();
  await expect(page.getByRole("heading", { level: 1, name: nl("entryLife.edit.title") })).toBeVisible();

  // --- Empty title and a change note that is too long: 400, both messages, the note kept.
  const longNote = "Te lang ".repeat(40).trim();
  await page.getByLabel(nl("entryLife.edit.fieldTitle")).fill("");
  await page.getByLabel(nl("entryLife.edit.fieldChangeNote")).fill(longNote);
  await page.getByRole("button", { name: nl("entryLife.edit.save") }).click();
  await expect(page.getByText(nl("error.required"))).toBeVisible();
  await expect(page.getByText(nl("error.tooLong", { max: 300 }))).toBeVisible();
  await expect(page.getByLabel(nl("entryLife.edit.fieldChangeNote"))).toHaveValue(longNote);

  // --- A title with a script tag and a review date in the past: the title is kept as text, nothing runs.
  const hostile = `<script>alert(1)</script> ${word}`;
  await page.getByLabel(nl("entryLife.edit.fieldTitle")).fill(hostile);
  await page.getByLabel(nl("entryLife.edit.fieldChangeNote")).fill("Regel voor interne overschrijvingen.");
  await page.getByLabel(nl("entryLife.edit.fieldReviewBy")).fill(isoDayFromToday(-1));
  await page.getByRole("button", { name: nl("entryLife.edit.save") }).click();
  await expect(page.getByText(nl("error.entryLife.reviewPast"))).toBeVisible();
  await expect(page.getByLabel(nl("entryLife.edit.fieldTitle"))).toHaveValue(hostile);
  expect((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).version).toBe(1);

  // --- A good save: new title, review date, the outdated flag resolved, the unclear one left open.
  const newTitle = `Getrouwheidspremie ${word}: ook interne overschrijvingen`;
  await page.getByLabel(nl("entryLife.edit.fieldTitle")).fill(newTitle);
  await page.getByLabel(nl("entryLife.edit.fieldReviewBy")).fill(isoDayFromToday(180));
  await page.getByRole("checkbox", { name: new RegExp(`${nl("entryLife.flagReason.OUTDATED")} — ${flagger.name}`) }).check();
  await page.getByRole("button", { name: nl("entryLife.edit.save") }).click();
  await expect(page).toHaveURL(new RegExp(`/entries/${entryId}$`));
  await expect(page.getByRole("status").or(page.getByRole("alert")).filter({ hasText: nl("entryLife.edit.saved", { version: 2 }) })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: newTitle })).toBeVisible();
  await expect(page.getByText(nl("entryLife.summary.edit", { note: "Regel voor interne overschrijvingen." }))).toBeVisible();
  expect(dialogs).toEqual([]);

  expect(await db.flag.findUniqueOrThrow({ where: { id: fixed.id } })).toMatchObject({ state: "FIXED", resolvedVersion: 2, resolution: "Regel voor interne overschrijvingen." });
  expect((await db.flag.findUniqueOrThrow({ where: { id: stays.id } })).state).toBe("OPEN");

  // --- Version 2 can be compared with version 1.
  await page.getByRole("link", { name: "Vergelijken met versie 1" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Versie 1 en versie 2 vergeleken" })).toBeVisible();
  const titleDiff = page.getByRole("region", { name: nl("entry.compare.titleHeading") });
  await expect(titleDiff.locator("del").filter({ hasText: "bij" })).toHaveCount(1);
  await expect(titleDiff.locator("ins").filter({ hasText: "ook" })).toHaveCount(1);

  // --- The new title is what search finds.
  await expectSearchable(page, word, newTitle);
});

test("a duplicate archived with the original as successor leaves search; its old URL points on; restore brings it back", async ({ page, login, pageAs, allowConsoleErrors }) => {
  test.slow();
  allowConsoleErrors(httpError(400, "/entries/"), "the archive without a reason is refused on purpose");
  const [author, secondAuthor, km, reader] = await Promise.all([employee(), employee(), knowledgeManager(), employee()]);
  const word = inventedWord();
  const originalTitle = `Spaarrekening ${word} afsluiten: rente en premie`;
  const duplicateTitle = `Spaarrekening ${word} opzeggen`;
  const { entryId: originalId } = await publishedEntry(author, km, { title: originalTitle, text: "Basisrente tot de afsluitdatum.", tags: ["spaarrekening"] });
  const { entryId: duplicateId } = await publishedEntry(secondAuthor, km, { title: duplicateTitle, text: "Zelfde vraag, andere woorden.", tags: ["spaarrekening"] });
  const readerPage = await pageAs(reader);
  await expectSearchable(readerPage, word, duplicateTitle);

  await login(km);
  await page.goto(`/entries/${duplicateId}`);
  await page.getByRole("link", { name: nl("entryLife.action.archive") }).click();
  await expect(page.getByRole("heading", { level: 1, name: nl("entryLife.archive.title") })).toBeVisible();
  await expect(page.getByText(nl("entryLife.archive.successorHint"))).toBeVisible();
  // The search box finds the original; the entry itself is never offered.
  await page.getByRole("searchbox", { name: nl("entryLife.archive.search") }).fill(word);
  await page.getByRole("button", { name: nl("entryLife.archive.searchSubmit") }).click();
  await expect(page).toHaveURL(new RegExp(`/entries/${duplicateId}/archive\\?q=`));
  await expect(page.getByRole("radio", { name: originalTitle })).toBeVisible();
  await expect(page.getByRole("radio", { name: duplicateTitle })).toHaveCount(0);

  // Without a reason: 400, the chosen successor still chosen.
  await page.getByRole("radio", { name: originalTitle }).check();
  await page.getByRole("button", { name: nl("entryLife.archive.submit") }).click();
  await expect(page.getByText(nl("error.entryLife.reason"))).toBeVisible();
  await expect(page.getByRole("radio", { name: originalTitle })).toBeChecked();

  await page.getByLabel(nl("entryLife.archive.fieldReason")).fill("Dubbel met de entry over afsluiten.");
  await page.getByRole("button", { name: nl("entryLife.archive.submit") }).click();
  await expect(page).toHaveURL(new RegExp(`/entries/${duplicateId}$`));
  const notice = page.getByRole("region", { name: nl("entryLife.notice.title") });
  await expect(notice).toContainText("Dubbel met de entry over afsluiten.");

  // Gone from everyone's search, the knowledge manager's too.
  await expect.poll(async () => (await searchTitles(readerPage, word)).includes(duplicateTitle), { timeout: 5_000 }).toBe(false);
  expect(await searchTitles(page, word)).toEqual([originalTitle]);

  // The reader's old link answers with the notice and points to the successor.
  const response = await readerPage.goto(`/entries/${duplicateId}`);
  expect(response?.status()).toBe(200);
  const readerNotice = readerPage.getByRole("region", { name: nl("entryLife.notice.title") });
  await expect(readerNotice).toContainText(nl("entryLife.notice.reason", { reason: "Dubbel met de entry over afsluiten." }));
  await expect(readerPage.getByRole("button", { name: nl("entry.helped") })).toHaveCount(0);
  await expect(readerPage.getByRole("navigation", { name: nl("entryLife.actions") })).toHaveCount(0);
  await readerNotice.getByRole("link", { name: originalTitle }).click();
  await expect(readerPage).toHaveURL(new RegExp(`/entries/${originalId}$`));
  // The duplicate's author is credited on the original.
  await expect(readerPage.getByRole("heading", { name: nl("entry.contributors") }).locator("..")).toContainText(secondAuthor.name);

  // Restore: the entry is live and searchable again.
  await page.getByRole("link", { name: nl("entryLife.action.restore") }).click();
  await expect(page.getByRole("heading", { level: 1, name: nl("entryLife.restore.title") })).toBeVisible();
  await page.getByRole("button", { name: nl("entryLife.restore.submit") }).click();
  await expect(page).toHaveURL(new RegExp(`/entries/${duplicateId}$`));
  await expect(page.getByRole("region", { name: nl("entryLife.notice.title") })).toHaveCount(0);
  await expectSearchable(readerPage, word, duplicateTitle, 5_000);
  const actions = await db.auditEvent.findMany({ where: { targetId: duplicateId, action: { in: ["entry.archive", "entry.restore"] } }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true } });
  expect(actions).toEqual([
    { action: "entry.archive", actorId: km.id },
    { action: "entry.restore", actorId: km.id },
  ]);
});

test("fixing and retiring answer 403 to who may not, 404 to who may not see the entry, for pages and posts", async ({ page, login, pageAs, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(403, "/entries/"), "the wrong roles open the edit and archive pages on purpose");
  const dept = await department();
  const [author, owner, colleague, outsider, km] = await Promise.all([employee(), employee(), employee(), employee(), knowledgeManager()]);
  const closed = await community({ departmentId: dept.id, visibility: "CLOSED", memberIds: [author.id, owner.id, colleague.id] });
  const { entryId } = await publishedEntry(author, km, { title: `Interne regel ${inventedWord()}`, text: "Alleen voor leden.", communityId: closed.id });
  await db.entry.update({ where: { id: entryId }, data: { ownerId: owner.id, communityId: closed.id } });
  const headers = { Origin: MAIN_URL };
  const edit = `/entries/${entryId}/edit`;
  const archive = `/entries/${entryId}/archive`;
  const editForm = { formId: "entry-edit", version: "1", title: "Overgenomen", bodyPlain: "x", ownerId: colleague.id, reviewBy: isoDayFromToday(30), changeNote: "Mag niet" };
  const archiveForm = { formId: "entry-archive", intent: "archive", reason: "Mag niet" };

  // A colleague in the community reads the entry but may neither fix nor retire it: 403.
  await login(colleague);
  for (const path of [edit, archive]) {
    const response = await page.goto(path);
    expect(response?.status(), `GET ${path}`).toBe(403);
  }
  expect((await page.request.post(edit, { form: editForm, headers, maxRedirects: 0 })).status()).toBe(403);
  expect((await page.request.post(archive, { form: archiveForm, headers, maxRedirects: 0 })).status()).toBe(403);
  expect((await page.request.post(archive, { form: { formId: "entry-restore", intent: "restore" }, headers, maxRedirects: 0 })).status()).toBe(403);

  // An outsider of the closed community: the entry does not exist.
  const outsiderPage = await pageAs(outsider);
  for (const path of [edit, archive]) expect((await outsiderPage.request.get(path)).status(), `GET ${path}`).toBe(404);
  expect((await outsiderPage.request.post(edit, { form: editForm, headers, maxRedirects: 0 })).status()).toBe(404);
  expect((await outsiderPage.request.post(archive, { form: archiveForm, headers, maxRedirects: 0 })).status()).toBe(404);

  // The owner fixes it (the edit page opens, its post is no 403) but does not hand it over or retire it.
  const ownerPage = await pageAs(owner);
  expect((await ownerPage.request.get(edit)).status()).toBe(200);
  expect((await ownerPage.request.get(archive)).status()).toBe(403);
  const handOver = await ownerPage.request.post(edit, { form: editForm, headers, maxRedirects: 0 });
  expect(handOver.status()).toBe(403);
  expect((await ownerPage.request.post(archive, { form: archiveForm, headers, maxRedirects: 0 })).status()).toBe(403);

  const entry = await db.entry.findUniqueOrThrow({ where: { id: entryId }, select: { version: true, state: true, ownerId: true } });
  expect(entry).toEqual({ version: 1, state: "PUBLISHED", ownerId: owner.id });

  // An archived entry is not edited, not even by the knowledge manager: 403 (restore it first).
  const kmPage = await pageAs(km);
  const archived = await kmPage.request.post(archive, { form: { ...archiveForm, reason: "Oud" }, headers, maxRedirects: 0 });
  expect(archived.status()).toBe(302);
  expect((await kmPage.request.get(edit)).status()).toBe(403);
  expect((await ownerPage.request.get(edit)).status()).toBe(403);
});
