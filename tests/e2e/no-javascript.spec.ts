/**
 * Progressive enhancement: without JavaScript every form still works. The editor is a textarea
 * (posting `bodyPlain`), tags are a comma-separated field, search is a plain GET form.
 */
import { expect, httpError, nl, test } from "./support/fixtures";
import { expectSearchable, inventedWord, signInWithForm, marker } from "./support/app";
import { apiSession, db, employee, knowledgeManager, noteIdByTitle, publishedEntry, submitNoteViaHttp, TEST_PASSWORD } from "./support/data";

test.use({ javaScriptEnabled: false });

test("sign in, write a note with the textarea, see it in Mijn notities", async ({ page }) => {
  const user = await employee();
  // Signing in is part of this journey: through the form, without JavaScript.
  await signInWithForm(page, user.email, TEST_PASSWORD);

  await page.getByRole("navigation", { name: nl("nav.main") }).getByRole("link", { name: nl("nav.newNote") }).click();
  const title = `Zonder JavaScript ingediend ${marker()}`;
  await page.getByLabel(nl("note.field.title")).fill(title);
  const body = page.getByRole("textbox", { name: nl("note.field.body") });
  await expect(body).toHaveAttribute("name", "bodyPlain");
  await body.fill("Eerste alinea.\n\nTweede alinea met een tip.");
  await page.getByLabel(nl("note.field.tags")).fill("spaarrekening, Itsme");
  await page.getByRole("button", { name: nl("note.submit") }).click();

  await expect(page).toHaveURL(/\/notes$/);
  await expect(page.getByRole("status")).toHaveText(nl("note.submitted"));
  const note = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
  await expect(note.getByText(nl("note.state.SUBMITTED"), { exact: true })).toBeVisible();
  await expect(note.getByRole("list", { name: nl("search.facet.tags") }).getByRole("listitem")).toHaveText(["spaarrekening", "itsme"]);
});

test("search with the plain form and the Zoeken button", async ({ page, login }) => {
  const [author, km, reader] = await Promise.all([employee(), knowledgeManager(), employee()]);
  const word = inventedWord();
  const title = `Overschrijving naar ${word} geweigerd`;
  await publishedEntry(author, km, { title, text: "Controleer eerst het dagplafond van de klant.", tags: ["overschrijving"] });

  await login(reader);
  await expectSearchable(page, word, title);
  await page.goto("/search");
  await page.getByRole("searchbox", { name: nl("search.label") }).fill(word);
  await page.getByRole("button", { name: nl("search.submit") }).click();
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}$`));
  await expect(page.getByText(nl("search.results", { count: 1 }), { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: nl("search.label") })).toHaveValue(word);

  // No result: the invitation to write a field note, prefilled with the query.
  const nothing = `zzq${marker()}xv`;
  await page.getByRole("searchbox", { name: nl("search.label") }).fill(nothing);
  await page.getByRole("button", { name: nl("search.submit") }).click();
  await expect(page.getByText(nl("search.empty", { q: nothing }))).toBeVisible();
  await page.getByRole("link", { name: nl("search.emptyCtaButton") }).click();
  await expect(page.getByLabel(nl("note.field.title"))).toHaveValue(nothing);
});

test("a form error (empty title) keeps the typed body and tags", async ({ page, allowConsoleErrors, login }) => {
  allowConsoleErrors(httpError(400, "/notes/new"), "the note without a title is sent on purpose: 400 with the form kept");
  const user = await employee();
  await login(user);
  await page.goto("/notes/new");
  const text = `Wat ik typte blijft staan. ${marker()}\n\nOok de tweede alinea.`;
  await page.getByRole("textbox", { name: nl("note.field.body") }).fill(text);
  await page.getByLabel(nl("note.field.tags")).fill("termijnrekening");
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/notes/new"),
    page.getByRole("button", { name: nl("note.submit") }).click(),
  ]);
  expect(response.status()).toBe(400);
  await expect(page.getByRole("alert").first()).toHaveText(nl("error.formTitle"));
  const title = page.getByLabel(nl("note.field.title"));
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(title).toHaveAccessibleDescription(/Dit veld is verplicht\./);
  await expect(page.getByRole("textbox", { name: nl("note.field.body") })).toHaveValue(text);
  await expect(page.getByLabel(nl("note.field.tags"))).toHaveValue("termijnrekening");

  // Fixing the title is enough.
  await title.fill(`Titel alsnog ingevuld ${marker()}`);
  await page.getByRole("button", { name: nl("note.submit") }).click();
  await expect(page).toHaveURL(/\/notes$/);
});

test("curating a note: each form answers its own refusal (the rich-text body too), then the flash", async ({ page, allowConsoleErrors }) => {
  const [author, km] = await Promise.all([employee(), knowledgeManager()]);
  const title = `Zonder JavaScript te behandelen ${marker()}`;
  const api = await apiSession(author.email);
  await submitNoteViaHttp(api, { title, text: "Een notitie voor de kennismanager." });
  await api.dispose();
  const path = `/curation/${await noteIdByTitle(title)}`;
  allowConsoleErrors(httpError(400, path), "each refusal is posted on purpose: 400 with the form kept");
  const isPost = (r: { request(): { method(): string }; url(): string }) => r.request().method() === "POST" && new URL(r.url()).pathname === path;
  await signInWithForm(page, km.email, TEST_PASSWORD);
  await page.goto(path);

  // Publishing with an emptied body: the body's textarea carries the error, the new title stays.
  const publish = page.getByRole("region", { name: nl("curate.publish") });
  const body = publish.getByRole("textbox", { name: nl("curate.entryBody") });
  await expect(body).toHaveAttribute("name", "bodyPlain");
  await publish.getByLabel(nl("curate.entryTitle")).fill(`${title} (bewerkt)`);
  await body.fill("");
  const [published] = await Promise.all([page.waitForResponse(isPost), publish.getByRole("button", { name: nl("curate.publishSubmit") }).click()]);
  expect(published.status()).toBe(400);
  await expect(body).toHaveAttribute("aria-invalid", "true");
  await expect(body).toHaveAccessibleDescription(nl("error.required"));
  await expect(publish.getByLabel(nl("curate.entryTitle"))).toHaveValue(`${title} (bewerkt)`);

  // Declining: too long keeps what was typed, empty says it is required; the other forms stay clean.
  const decline = page.getByRole("region", { name: nl("curate.decline") });
  const reason = decline.getByLabel(nl("curate.declineReason"));
  const long = `Te lang. ${"R".repeat(1_000)}`;
  await reason.fill(long);
  const [tooLong] = await Promise.all([page.waitForResponse(isPost), decline.getByRole("button", { name: nl("curate.decline") }).click()]);
  expect(tooLong.status()).toBe(400);
  await expect(reason).toHaveAccessibleDescription("Maximaal 1000 tekens.");
  await expect(reason).toHaveValue(long);
  await expect(publish.getByRole("alert")).toHaveCount(0);
  await reason.fill("");
  const [empty] = await Promise.all([page.waitForResponse(isPost), decline.getByRole("button", { name: nl("curate.decline") }).click()]);
  expect(empty.status()).toBe(400);
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toHaveAccessibleDescription(nl("error.required"));
  expect((await db.note.findFirstOrThrow({ where: { title }, select: { state: true } })).state).toBe("SUBMITTED");

  await reason.fill("Dit staat al in de kennisbank.");
  await decline.getByRole("button", { name: nl("curate.decline") }).click();
  await expect(page).toHaveURL(/\/curation$/);
  await expect(page.getByRole("status")).toHaveText(nl("curate.declined"));
  await expect(page.getByRole("link", { name: title, exact: true })).toHaveCount(0);
});

test("the knowledge manager closes a flag without a change: the reason form opens and answers without JavaScript", async ({ page, allowConsoleErrors, login }) => {
  allowConsoleErrors(httpError(400, "/entries/"), "the empty reason is sent on purpose: 400 with the form open and its error");
  const [author, km, reader] = await Promise.all([employee(), knowledgeManager(), employee()]);
  const { entryId } = await publishedEntry(author, km, { title: `Zonder JavaScript gemeld ${marker()}`, text: "Tekst." });
  const api = await apiSession(reader.email);
  expect((await api.post(`/entries/${entryId}/flag`, { form: { formId: "flag-entry", reason: "UNCLEAR", comment: "Welke knop?" }, maxRedirects: 0 })).status()).toBe(302);
  await api.dispose();

  await login(km);
  await page.goto(`/entries/${entryId}/flags`);
  await page.getByText(nl("flags.state.NO_CHANGE"), { exact: true }).click();
  await page.getByRole("button", { name: nl("flags.manage.noChangeSubmit") }).click();
  const reason = page.getByLabel(nl("flags.manage.noChangeReason"));
  await expect(reason).toBeVisible();
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await reason.fill("De knop heet ‘Rente’ en staat bovenaan.");
  await page.getByRole("button", { name: nl("flags.manage.noChangeSubmit") }).click();
  await expect(page.getByRole("status")).toHaveText(nl("flags.done.noChange"));
  await expect(page.getByText(nl("flags.manage.noneOpen"))).toBeVisible();
});

test("the knowledge manager keeps products and synonyms without JavaScript: refusals keep the input, successes flash", async ({ page, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/knowledge/"), "a review interval out of range and a one-word group are sent on purpose: 400 with the input kept");
  const km = await knowledgeManager();
  const tag = await db.tag.create({ data: { name: `zonderjs-${marker()}` }, select: { id: true, name: true } });
  const group = [inventedWord(), inventedWord()];
  try {
    await signInWithForm(page, km.email, TEST_PASSWORD);
    await page.goto(`/knowledge/products?q=${tag.name}`);
    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: tag.name }) });
    await row.getByRole("button", { name: nl("product.markLabel", { name: tag.name }) }).click();
    await expect(page.getByRole("status").filter({ hasText: nl("product.flash.marked") })).toBeVisible();
    const interval = row.getByLabel(nl("product.intervalLabel", { name: tag.name }));
    await interval.fill("3");
    await row.getByRole("button", { name: nl("product.intervalSave", { name: tag.name }) }).click();
    await expect(row.getByText(nl("error.product.interval", { min: 7, max: 1095 }))).toBeVisible();
    await expect(interval).toHaveValue("3");
    await interval.fill("120");
    await row.getByRole("button", { name: nl("product.intervalSave", { name: tag.name }) }).click();
    await expect(page.getByRole("status").filter({ hasText: nl("product.flash.interval") })).toBeVisible();
    expect(await db.tag.findUniqueOrThrow({ where: { id: tag.id }, select: { isProduct: true, reviewIntervalDays: true } })).toEqual({ isProduct: true, reviewIntervalDays: 120 });

    await page.goto("/knowledge/synonyms");
    const form = page.getByRole("region", { name: nl("synonym.newGroup") });
    await form.getByLabel(nl("synonym.groupWords")).fill(group[0]);
    await form.getByRole("button", { name: nl("synonym.addGroup") }).click();
    await expect(form.getByText(nl("error.synonym.groupSize", { min: 2, max: 20, count: 1 }))).toBeVisible();
    await expect(form.getByLabel(nl("synonym.groupWords"))).toHaveValue(group[0]);
    await form.getByLabel(nl("synonym.groupWords")).fill(group.join(", "));
    await form.getByRole("button", { name: nl("synonym.addGroup") }).click();
    await expect(page.getByRole("status").filter({ hasText: nl("synonym.flash.groupCreated") })).toBeVisible();
    const rule = page.getByRole("row").filter({ hasText: group[0] });
    await rule.getByRole("link", { name: nl("synonym.editLabel", { rule: group.join(", ") }) }).click();
    const edit = page.getByRole("region", { name: nl("synonym.editGroup") });
    await edit.getByLabel(nl("synonym.groupWords")).fill(`${group.join(", ")}, ${group[0]}x`);
    await edit.getByRole("button", { name: nl("synonym.save") }).click();
    await expect(page.getByRole("status").filter({ hasText: nl("synonym.flash.updated") })).toBeVisible();
    await page.getByRole("button", { name: nl("synonym.deleteLabel", { rule: `${group.join(", ")}, ${group[0]}x` }) }).click();
    await expect(page.getByRole("status").filter({ hasText: nl("synonym.flash.deleted") })).toBeVisible();
    expect(await db.synonymRule.count({ where: { words: { contains: group[0] } } })).toBe(0);
  } finally {
    await db.tag.delete({ where: { id: tag.id } });
  }
});

test("fixing and retiring an entry without JavaScript: the edit form's textarea, the successor search and radio buttons, restore", async ({ page, allowConsoleErrors }) => {
  const [author, km] = await Promise.all([employee(), knowledgeManager()]);
  const word = inventedWord();
  const title = `Zonder JavaScript ${word} te bewerken`;
  const successorTitle = `Opvolger ${word} zonder JavaScript`;
  const { entryId } = await publishedEntry(author, km, { title, text: "Oude tekst.", tags: ["sparen"] });
  const { entryId: successorId } = await publishedEntry(author, km, { title: successorTitle, text: "Nieuwe tekst.", tags: ["sparen"] });
  allowConsoleErrors(httpError(400, `/entries/${entryId}/edit`), "the refused save is posted on purpose: 400 with the form kept");
  await signInWithForm(page, km.email, TEST_PASSWORD);

  // Edit: the body is a textarea; a refusal keeps it; a good save makes version 2.
  await page.goto(`/entries/${entryId}/edit`);
  const body = page.getByRole("textbox", { name: nl("entryLife.edit.fieldBody") });
  await expect(body).toHaveAttribute("name", "bodyPlain");
  await body.fill("Nieuwe tekst zonder JavaScript.");
  await page.getByRole("button", { name: nl("entryLife.edit.save") }).click();
  await expect(page.getByLabel(nl("entryLife.edit.fieldChangeNote"))).toHaveAccessibleDescription(new RegExp(nl("error.entryLife.changeNote").replace(/[.]/g, "\\.")));
  await expect(body).toHaveValue("Nieuwe tekst zonder JavaScript.");
  await page.getByLabel(nl("entryLife.edit.fieldChangeNote")).fill("Tekst herschreven.");
  await page.getByRole("button", { name: nl("entryLife.edit.save") }).click();
  await expect(page).toHaveURL(new RegExp(`/entries/${entryId}$`));
  await expect(page.getByRole("status")).toHaveText(nl("entryLife.edit.saved", { version: 2 }));

  // Archive: search for the successor with the GET form, pick its radio button, give a reason.
  await expectSearchable(page, word, successorTitle);
  await page.goto(`/entries/${entryId}/archive`);
  await page.getByRole("searchbox", { name: nl("entryLife.archive.search") }).fill(`opvolger ${word}`);
  await page.getByRole("button", { name: nl("entryLife.archive.searchSubmit") }).click();
  await page.getByRole("radio", { name: successorTitle }).check();
  await page.getByLabel(nl("entryLife.archive.fieldReason")).fill("Vervangen door de opvolger.");
  await page.getByRole("button", { name: nl("entryLife.archive.submit") }).click();
  await expect(page).toHaveURL(new RegExp(`/entries/${entryId}$`));
  await expect(page.getByRole("region", { name: nl("entryLife.notice.title") }).getByRole("link", { name: successorTitle })).toHaveAttribute("href", `/entries/${successorId}`);

  // Restore from the entry page's button.
  await page.getByRole("link", { name: nl("entryLife.action.restore") }).click();
  await page.getByRole("button", { name: nl("entryLife.restore.submit") }).click();
  await expect(page.getByRole("status")).toHaveText(nl("entryLife.restore.done"));
  expect((await db.entry.findUniqueOrThrow({ where: { id: entryId }, select: { state: true } })).state).toBe("PUBLISHED");
});

test("what's new: the list and 'Alles gezien' without JavaScript", async ({ page, login, insertDepartment, insertCommunity, insertUser }) => {
  const department = await insertDepartment();
  const [reader, author, km] = await Promise.all([insertUser("EMPLOYEE"), insertUser("EMPLOYEE"), knowledgeManager()]);
  const community = await insertCommunity({ departmentId: department.id, memberIds: [reader.id, author.id] });
  const title = `Nieuw zonder JavaScript ${marker()}`;
  await publishedEntry(author, km, { title, text: "Tekst.", communityId: community.id });
  await login(reader);
  await page.goto("/new");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await page.getByRole("button", { name: nl("whatsNew.markSeen") }).click();
  await expect(page.getByRole("status")).toHaveText(nl("whatsNew.seen"));
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
});

test("notifications without JavaScript: open one (read, then its subject), mark one and all read, and the preferences form", async ({ page, allowConsoleErrors, login }) => {
  allowConsoleErrors(httpError(400, "/settings/notifications"), "a wrong digest time is sent on purpose: 400 with the field's error");
  const [author, km] = await Promise.all([employee(), knowledgeManager()]);
  const title = `Zonder JavaScript gepubliceerd ${marker()}`;
  const { entryId } = await publishedEntry(author, km, { title, text: "Tekst." });
  for (const other of ["Eerste", "Tweede"]) {
    await db.notification.create({ data: { recipientId: author.id, type: "note.declined", subjectType: "note", subjectId: marker(), data: JSON.stringify({ title: other, reason: "Dubbel." }) } });
  }
  await login(author);
  await expect(page.getByRole("link", { name: nl("notify.bell", { count: 3 }) })).toBeVisible();
  await page.goto("/notifications");
  await page.getByRole("link", { name: nl("notify.msg.notePublished", { actor: km.name, title }) }).click();
  await expect(page).toHaveURL(new RegExp(`/entries/${entryId}$`));
  await expect(page.getByRole("link", { name: nl("notify.bell", { count: 2 }) })).toBeVisible();

  await page.goto("/notifications");
  await page.getByRole("button", { name: nl("notify.readOne") }).first().click();
  await expect(page.getByRole("status")).toHaveText(nl("notify.done.read"));
  await expect(page.getByRole("link", { name: nl("notify.bell", { count: 1 }) })).toBeVisible();
  await page.getByRole("button", { name: nl("notify.readAll") }).click();
  await expect(page.getByRole("status")).toHaveText(nl("notify.done.readAll"));
  await expect(page.getByRole("link", { name: nl("notify.bell.none"), exact: true })).toBeVisible();

  await page.goto("/settings/notifications");
  const time = page.getByLabel(nl("notify.prefs.digestTime"));
  await page.getByRole("checkbox", { name: nl("notify.prefs.type.noteDeclined") }).uncheck();
  await time.fill("8");
  await page.getByRole("button", { name: nl("notify.prefs.save") }).click();
  await expect(time).toHaveAttribute("aria-invalid", "true");
  await expect(time).toHaveValue("8");
  await expect(page.getByRole("checkbox", { name: nl("notify.prefs.type.noteDeclined") })).not.toBeChecked();
  await time.fill("09:15");
  await page.getByRole("button", { name: nl("notify.prefs.save") }).click();
  await expect(page.getByRole("status")).toHaveText(nl("notify.prefs.saved"));
  await expect(time).toHaveValue("09:15");
  await expect(page.getByRole("checkbox", { name: nl("notify.prefs.type.noteDeclined") })).not.toBeChecked();
});

test("a mandatory read without JavaScript: the knowledge manager assigns it (a past date refused, the choice kept), the reader confirms", async ({ page, pageAs, insertDepartment, allowConsoleErrors }) => {
  const m = marker();
  const dept = await insertDepartment({ name: `Zonder JavaScript ${m}` });
  const reader = await employee({ departmentId: dept.id });
  const [author, km] = await Promise.all([employee(), knowledgeManager()]);
  const title = `Verplicht zonder JavaScript ${m}`;
  const { entryId } = await publishedEntry(author, km, { title, text: "Lees dit en bevestig.", tags: ["phishing"] });
  allowConsoleErrors(httpError(400, `/entries/${entryId}/mandatory`), "a past due date is sent on purpose: 400 with the input kept");

  await signInWithForm(page, km.email, TEST_PASSWORD);
  await page.goto(`/entries/${entryId}/mandatory`);
  const audience = nl("mandatory.audience.department", { name: dept.name });
  await page.getByLabel(nl("mandatory.assign.audience")).selectOption({ label: audience });
  await page.getByLabel(nl("mandatory.assign.dueDate")).fill("2020-01-01");
  await page.getByRole("button", { name: nl("mandatory.assign.submit") }).click();
  await expect(page.getByText(nl("error.mandatory.duePast"))).toBeVisible();
  await expect(page.getByLabel(nl("mandatory.assign.audience")).locator("option:checked")).toHaveText(audience);
  await page.getByLabel(nl("mandatory.assign.dueDate")).fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  await page.getByRole("button", { name: nl("mandatory.assign.submit") }).click();
  await expect(page.getByRole("status").filter({ hasText: nl("mandatory.flash.assigned", { count: 1 }) })).toBeVisible();

  const readerPage = await pageAs(reader, { javaScriptEnabled: false });
  await readerPage.goto("/");
  await readerPage.getByRole("region", { name: nl("mandatory.due.title", { count: 1 }) }).getByRole("link", { name: title }).click();
  await readerPage.getByRole("button", { name: nl("mandatory.ask.confirm") }).click();
  await expect(readerPage.getByRole("status").filter({ hasText: nl("mandatory.flash.confirmed") })).toBeVisible();
  expect(await db.mandatoryReadAssignment.findFirstOrThrow({ where: { userId: reader.id }, select: { confirmedVersion: true } })).toEqual({ confirmedVersion: 1 });
});

test("recognition, the spotlight and asking as a member without JavaScript: refusals keep the input, successes flash", async ({ page, pageAs, login, insertDepartment, insertCommunity, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/entries/"), "a second thank-you is sent on purpose: 400 with the field's error");
  allowConsoleErrors(httpError(400, "/communities/"), "a spotlight without an entry or topic is sent on purpose: 400 with the field's error");
  const m = marker();
  const [author, reader, lead, km] = await Promise.all([employee({ name: `Auteur ${m}` }), employee(), employee(), knowledgeManager()]);
  const dept = await insertDepartment();
  const home = await insertCommunity({ departmentId: dept.id, visibility: "CLOSED", memberIds: [author.id, reader.id] });
  await db.membership.create({ data: { userId: lead.id, communityId: home.id, role: "LEAD" } });
  const title = `Zonder JavaScript bedankt ${m}`;
  const { entryId } = await publishedEntry(author, km, { title, text: "Tekst.", communityId: home.id });

  // Thank the author, then try again: the second is refused beside the field, the text kept.
  await login(reader);
  await page.goto(`/entries/${entryId}`);
  await page.getByRole("link", { name: nl("recognition.thanks.linkNamed", { name: author.name }) }).click();
  const message = page.getByLabel(nl("recognition.thanks.message", { name: author.name }));
  await message.fill("Dank je, zonder JavaScript.");
  await page.getByRole("button", { name: nl("recognition.thanks.submit") }).click();
  await expect(page.getByRole("status")).toHaveText(nl("recognition.thanks.done", { name: author.name }));
  await page.goto(`/entries/${entryId}/thank/${author.id}`);
  await message.fill("Nog eens.");
  await page.getByRole("button", { name: nl("recognition.thanks.submit") }).click();
  await expect(page.getByText(nl("error.recognition.thanksTwice"))).toBeVisible();
  await expect(message).toHaveValue("Nog eens.");

  // Ask as a member with the plain form: the box and the text beside it work without JavaScript.
  await page.goto(`/communities/${home.slug}/questions`);
  const questionTitle = `Anoniem zonder JavaScript ${m}`;
  await page.getByLabel(nl("questions.field.title")).fill(questionTitle);
  await page.getByRole("textbox", { name: nl("questions.field.body") }).fill("Hoe zit dat?");
  await expect(page.getByText(nl("recognition.anonymous.checkboxHint"))).toBeVisible();
  await page.getByRole("checkbox", { name: nl("recognition.anonymous.checkbox") }).check();
  await page.getByRole("button", { name: nl("questions.submitAsk") }).click();
  await expect(page.getByRole("status")).toHaveText(nl("questions.done.asked"));
  expect((await db.note.findFirstOrThrow({ where: { title: questionTitle }, select: { anonymous: true } })).anonymous).toBe(true);

  // The lead pins the entry (after a refusal that keeps the note) and removes it.
  const leadPage = await pageAs(lead, { javaScriptEnabled: false });
  await leadPage.goto(`/communities/${home.slug}/spotlight`);
  const note = leadPage.getByLabel(nl("recognition.spotlight.note"));
  await note.fill("Lees dit deze week.");
  await leadPage.getByRole("button", { name: nl("recognition.spotlight.submit") }).click();
  await expect(leadPage.getByText(nl("error.recognition.spotlightChoose"))).toBeVisible();
  await expect(note).toHaveValue("Lees dit deze week.");
  await leadPage.getByLabel(nl("recognition.spotlight.entry")).selectOption({ label: title });
  await leadPage.getByRole("button", { name: nl("recognition.spotlight.submit") }).click();
  await expect(leadPage.getByRole("status")).toHaveText(nl("recognition.spotlight.done.pinned"));
  await expect(leadPage.getByRole("region", { name: nl("recognition.spotlight.title") })).toContainText("Lees dit deze week.");
  await leadPage.goto(`/communities/${home.slug}/spotlight`);
  await leadPage.getByRole("button", { name: nl("recognition.spotlight.remove") }).click();
  await expect(leadPage.getByRole("status")).toHaveText(nl("recognition.spotlight.done.removed"));
});

test("learning and mentoring without JavaScript: a course registered (bad hours refused, the title kept) and approved, a plan item shown, practised and signed off", async ({ page, pageAs, insertDepartment, insertUser, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/learning"), "negative hours are sent on purpose: 400 with the input kept");
  const m = marker();
  const head = await insertUser("DEPARTMENT_HEAD");
  const dept = await insertDepartment({ name: `Zonder JavaScript ${m}`, headId: head.id });
  await db.user.update({ where: { id: head.id }, data: { departmentId: dept.id } });
  const [newcomer, mentor] = [await insertUser("EMPLOYEE", { departmentId: dept.id }), await insertUser("EMPLOYEE", { departmentId: dept.id })];
  const title = `Cursus zonder JavaScript ${m}`;

  await signInWithForm(page, newcomer.email, TEST_PASSWORD);
  await page.goto("/learning");
  await page.getByLabel(nl("learning.field.title"), { exact: true }).fill(title);
  await page.getByLabel(nl("learning.field.provider"), { exact: true }).fill("Academie");
  await page.getByLabel(nl("learning.field.hours"), { exact: true }).fill("-3");
  await page.getByLabel(nl("learning.field.cost"), { exact: true }).fill("0");
  await page.getByRole("button", { name: nl("learning.add.submit") }).click();
  await expect(page.getByText(nl("error.learning.negative"))).toBeVisible();
  await expect(page.getByLabel(nl("learning.field.title"), { exact: true })).toHaveValue(title);
  await page.getByLabel(nl("learning.field.hours"), { exact: true }).fill("3");
  await page.getByRole("button", { name: nl("learning.add.submit") }).click();
  await expect(page.getByRole("status").filter({ hasText: nl("learning.done.added") })).toBeVisible();

  const headPage = await pageAs(head, { javaScriptEnabled: false });
  await headPage.goto("/learning/department");
  await headPage.getByRole("listitem").filter({ hasText: title }).getByRole("button", { name: nl("learning.approve") }).click();
  await expect(headPage.getByRole("status").filter({ hasText: nl("learning.done.approved") })).toBeVisible();

  // A plan: the head pairs, the mentor shows, the newcomer practises, the mentor signs off.
  await db.onboardingItem.create({ data: { departmentId: dept.id, kind: "TASK", title: `Taak ${m}`, position: 1 } });
  await headPage.goto("/mentoring");
  await headPage.getByLabel(nl("mentoring.field.newcomer"), { exact: true }).selectOption({ value: newcomer.id });
  await headPage.getByLabel(nl("mentoring.field.mentor"), { exact: true }).selectOption({ value: mentor.id });
  await headPage.getByLabel(nl("mentoring.field.endsOn"), { exact: true }).fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
  await headPage.getByRole("button", { name: nl("mentoring.pair.submit") }).click();
  await expect(headPage.getByRole("status").filter({ hasText: nl("mentoring.done.paired") })).toBeVisible();
  const planPath = new URL(headPage.url()).pathname;
  const mentorPage = await pageAs(mentor, { javaScriptEnabled: false });
  await mentorPage.goto(planPath);
  await mentorPage.getByRole("button", { name: nl("mentoring.step.show") }).click();
  await page.goto(planPath);
  await page.getByRole("button", { name: nl("mentoring.step.practise") }).click();
  await expect(page.getByRole("status").filter({ hasText: nl("mentoring.done.practised") })).toBeVisible();
  await mentorPage.goto(planPath);
  await mentorPage.getByRole("button", { name: nl("mentoring.step.signOff") }).click();
  await expect(mentorPage.getByText(nl("mentoring.progress", { done: 1, total: 1 }))).toBeVisible();
  expect(await db.learningEntry.findFirstOrThrow({ where: { userId: newcomer.id }, select: { state: true } })).toEqual({ state: "APPROVED" });
});
