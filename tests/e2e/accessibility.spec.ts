/**
 * Accessibility: axe-core (WCAG 2 A and AA) finds no serious or critical violation on the main
 * pages, in the states people meet them in; and the whole knowledge loop works with the keyboard only.
 */
import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, httpError, nl, nlPattern, test } from "./support/fixtures";
import { editorReady, expectSearchable, hydrated, inventedWord, signInWithForm, marker, tabTo } from "./support/app";
import { admin, apiSession, db, employee, knowledgeManager, noteIdByTitle, publishedEntry, submitNoteViaHttp, TEST_PASSWORD } from "./support/data";

/** Runs axe on the page as it is and reports serious and critical violations in a readable form. */
async function checkA11y(page: Page, name: string) {
  // @axe-core/playwright declares its own copy of Playwright's Page type; the object is the same.
  const results = await new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]["page"] }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = blocking
    .map(
      (v) =>
        `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `      ${n.target.join(" ")}\n        ${n.failureSummary?.replace(/\n/g, "\n        ")}`)
          .join("\n"),
    )
    .join("\n");
  const other = results.violations.filter((v) => !blocking.includes(v));
  if (other.length) {
    test.info().annotations.push({ type: `axe (${name}), not blocking`, description: other.map((v) => `[${v.impact}] ${v.id} ×${v.nodes.length}`).join(", ") });
  }
  expect.soft(blocking.length, `axe on ${name} (${page.url()}):\n${report}`).toBe(0);
}

test("no serious or critical axe violations on the main pages", async ({ browser, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/login"), "the empty sign-in form is sent on purpose, to check the page with its errors");
  allowConsoleErrors(httpError(400, "/notes/new"), "the empty note form is sent on purpose, to check the page with its errors");
  allowConsoleErrors(httpError(400, "/login"), "the empty sign-in form is sent on purpose, to check the page with its errors");
  allowConsoleErrors(httpError(400, "/notes/new"), "the empty note form is sent on purpose, to check the page with its errors");
  allowConsoleErrors(httpError(400, "/knowledge/synonyms"), "the empty synonym group is sent on purpose, to check the page with its errors");
  allowConsoleErrors(httpError(400, "/auth/oidc/callback"), "a single sign-on this browser never started is sent on purpose, to check the page with its message");
  allowConsoleErrors(httpError(400, "/entries/"), "the entry edit form without a title is sent on purpose, to check the page with its errors");
  test.slow();
  const [user, km, boss] = await Promise.all([employee(), knowledgeManager(), admin()]);
  const word = inventedWord();
  const entryTitle = `Toegankelijke uitleg over ${word}`;
  const { entryId } = await publishedEntry(user, km, { title: entryTitle, text: "Een entry om de pagina te controleren.", tags: ["spaarrekening"] });
  const noteTitle = `Notitie voor de toegankelijkheidstest ${marker()}`;
  const api = await apiSession(user.email);
  await submitNoteViaHttp(api, { title: noteTitle, text: "Nog te behandelen.", tags: ["itsme"] });
  await api.dispose();
  const noteId = await noteIdByTitle(noteTitle);

  // Anonymous
  const anonymous = await browser.newContext();
  const anonPage = await anonymous.newPage();
  await anonPage.goto("/login");
  await checkA11y(anonPage, "login");
  await anonPage.getByRole("button", { name: nl("login.submit") }).click();
  await expect(anonPage.getByRole("alert").first()).toBeVisible();
  await checkA11y(anonPage, "login with errors");
  // The login page as a refused single sign-on shows it (the main server signs in through a test provider).
  await anonPage.goto("/auth/oidc/callback?code=made-up&state=made-up");
  await expect(anonPage.getByRole("alert")).toBeVisible();
  await checkA11y(anonPage, "login after a refused single sign-on");
  await anonymous.close();

  // Employee
  const employeeContext = await browser.newContext();
  const page = await employeeContext.newPage();
  await signInWithForm(page, user.email, TEST_PASSWORD);
  await expectSearchable(page, word, entryTitle);
  await page.goto(`/search?q=${word}`);
  await expect(page.getByRole("link", { name: entryTitle })).toBeVisible();
  await checkA11y(page, "search with results");
  await page.goto(`/search?q=zzq${marker()}`);
  await expect(page.getByRole("link", { name: nl("search.emptyCtaButton") })).toBeVisible();
  await checkA11y(page, "search without results");
  await page.goto("/notes/new");
  await editorReady(page);
  await checkA11y(page, "new note");
  await page.getByRole("button", { name: nl("note.submit") }).click();
  await expect(page.getByText(nl("error.formTitle"))).toBeVisible();
  await checkA11y(page, "new note with errors");
  await page.goto("/notes");
  await expect(page.getByRole("heading", { name: noteTitle })).toBeVisible();
  await checkA11y(page, "my notes");
  await page.goto(`/entries/${entryId}`);
  await expect(page.getByRole("heading", { level: 1, name: entryTitle })).toBeVisible();
  await checkA11y(page, "entry");
  await page.goto("/settings");
  await checkA11y(page, "settings");
  await page.goto("/new");
  await checkA11y(page, "what's new");
  await page.goto("/settings/tokens");
  await page.getByLabel(nl("apiToken.name")).fill("CRM");
  await page.getByRole("button", { name: nl("apiToken.create") }).click();
  await expect(page.getByLabel(nl("apiToken.secret"))).toBeVisible();
  await checkA11y(page, "API tokens");
  await page.goto("/api/v1/docs");
  await checkA11y(page, "API docs");
  await employeeContext.close();

  // Knowledge manager
  const kmContext = await browser.newContext();
  const kmPage = await kmContext.newPage();
  await signInWithForm(kmPage, km.email, TEST_PASSWORD);
  await kmPage.goto("/curation");
  await expect(kmPage.getByRole("link", { name: noteTitle, exact: true })).toBeVisible();
  await checkA11y(kmPage, "inbox");
  await kmPage.goto("/knowledge/review");
  await checkA11y(kmPage, "review intervals");
  await kmPage.goto(`/curation/${noteId}`);
  await editorReady(kmPage);
  await checkA11y(kmPage, "curate");
  const similar = kmPage.getByRole("region", { name: nl("curate.similar") }).getByRole("link", { name: nl("curate.useThis") });
  if ((await similar.count()) > 0) {
    await similar.first().click();
    await expect(kmPage.getByRole("region", { name: nl("curate.merge") }).getByLabel(nl("curate.entryTitle"))).toBeVisible();
    await editorReady(kmPage);
    await checkA11y(kmPage, "curate with the merge form");
  }
  await kmPage.goto("/knowledge/products");
  await expect(kmPage.getByRole("heading", { level: 1, name: nl("product.title") })).toBeVisible();
  await checkA11y(kmPage, "products");
  await kmPage.goto("/knowledge/synonyms");
  await checkA11y(kmPage, "synonyms");
  await kmPage.getByRole("button", { name: nl("synonym.addGroup") }).click();
  await expect(kmPage.getByText(nl("error.synonym.wordsRequired"))).toBeVisible();
  await checkA11y(kmPage, "synonyms with errors");
  // Fixing and retiring an entry: the edit form (and with its errors), the archive form, the archived entry, restore.
  await kmPage.goto(`/entries/${entryId}/edit`);
  await editorReady(kmPage);
  await checkA11y(kmPage, "edit entry");
  await kmPage.getByLabel(nl("entryLife.edit.fieldTitle")).fill("");
  await kmPage.getByRole("button", { name: nl("entryLife.edit.save") }).click();
  await expect(kmPage.getByText(nl("error.formTitle"))).toBeVisible();
  await checkA11y(kmPage, "edit entry with errors");
  await kmPage.goto(`/entries/${entryId}/archive?q=${word}`);
  await checkA11y(kmPage, "archive entry");
  await kmPage.getByLabel(nl("entryLife.archive.fieldReason")).fill("Verouderd.");
  await kmPage.getByRole("button", { name: nl("entryLife.archive.submit") }).click();
  await expect(kmPage.getByRole("region", { name: nl("entryLife.notice.title") })).toBeVisible();
  await checkA11y(kmPage, "archived entry");
  await kmPage.goto(`/entries/${entryId}/archive`);
  await checkA11y(kmPage, "restore entry");
  await kmContext.close();

  // Admin
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signInWithForm(adminPage, boss.email, TEST_PASSWORD);
  await adminPage.goto("/admin/users");
  await checkA11y(adminPage, "admin users");
  await adminPage.getByRole("link", { name: `${nl("users.edit")}: ${user.name}` }).click();
  await expect(adminPage.getByRole("heading", { level: 1 })).toContainText(user.name);
  await checkA11y(adminPage, "admin edit user");
  await adminContext.close();
});

test("keyboard only: sign in, write and submit a note; the knowledge manager publishes it", async ({ browser }) => {
  const [author, km] = await Promise.all([employee(), knowledgeManager()]);
  const title = `Met het toetsenbord geschreven ${marker()}`;
  const boldText = `belangrijk ${marker()}`;
  // A tag of this note alone: the knowledge manager filters the shared queue by it, however full it is.
  const tag = `toetsenbord ${marker()}`;

  const authorContext = await browser.newContext();
  const page = await authorContext.newPage();
  await signInWithKeyboard(page, author.email);

  // To "Nieuwe notitie" through the main menu.
  const nav = page.getByRole("navigation", { name: nl("nav.main") });
  await tabTo(page, nav.getByRole("link", { name: nl("nav.newNote") }), { backwards: true });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: nl("note.new.title") })).toBeVisible();
  await editorReady(page);

  await tabTo(page, page.getByLabel(nl("note.field.title")));
  await page.keyboard.type(title);
  const editor = page.getByRole("textbox", { name: nl("note.field.body") });
  await tabTo(page, editor);
  await page.keyboard.type("Gewone tekst en ");
  await page.keyboard.press("Control+b");
  await page.keyboard.type(boldText);
  await page.keyboard.press("Control+b");
  await page.keyboard.type(" weer gewoon.");
  await expect(editor.locator("strong", { hasText: boldText })).toBeVisible();
  await tabTo(page, page.getByLabel(nl("note.field.tags")));
  await page.keyboard.type(tag);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: nl("tags.remove", { tag }) })).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: nl("note.submit") }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/notes$/);
  const note = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
  await expect(note.getByText(nl("note.state.SUBMITTED"), { exact: true })).toBeVisible();

  // The knowledge manager, keyboard only too.
  const kmContext = await browser.newContext();
  const kmPage = await kmContext.newPage();
  await signInWithKeyboard(kmPage, km.email);
  await tabTo(kmPage, kmPage.getByRole("navigation", { name: nl("nav.main") }).getByRole("link", { name: nl("nav.inbox") }), { backwards: true });
  await kmPage.keyboard.press("Enter");
  await expect(kmPage.getByRole("heading", { level: 1, name: nlPattern("inbox.title", {}, { start: true }) })).toBeVisible();
  await tabTo(kmPage, kmPage.getByLabel(nl("queue.filters.tag")));
  await kmPage.keyboard.type(tag);
  await kmPage.keyboard.press("Enter");
  await expect(kmPage).toHaveURL(/[?&]tag=/);
  await tabTo(kmPage, kmPage.getByRole("link", { name: title, exact: true }));
  await kmPage.keyboard.press("Enter");
  await expect(kmPage.getByRole("heading", { name: nl("curate.title") })).toBeVisible();
  await editorReady(kmPage);
  await tabTo(kmPage, kmPage.getByRole("button", { name: nl("curate.publishSubmit") }), { max: 400 });
  await kmPage.keyboard.press("Enter");
  await expect(kmPage).toHaveURL(/\/curation$/);
  await expect(kmPage.getByRole("status")).toHaveText(nl("curate.published"));

  await page.reload();
  await expect(note.getByText(nl("note.state.PUBLISHED"), { exact: true })).toBeVisible();
  await Promise.all([authorContext.close(), kmContext.close()]);
});

async function signInWithKeyboard(page: Page, email: string) {
  await page.goto("/login");
  const emailField = page.getByLabel(nl("login.email"));
  await hydrated(emailField);
  await tabTo(page, emailField);
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel(nl("login.password"))).toBeFocused();
  await page.keyboard.type(TEST_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search/);
}

test("no serious or critical axe violations on the flag pages: the entry with its notice, the flag form with an error, Mijn meldingen, the knowledge manager's flags page", async ({ browser, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/entries/"), "the flag without a comment is sent on purpose, to check the form with its error");
  const [author, km, reader] = await Promise.all([employee(), knowledgeManager(), employee()]);
  const { entryId } = await publishedEntry(author, km, { title: `Toegankelijk gemeld ${marker()}`, text: "Een entry om te melden." });

  const readerContext = await browser.newContext();
  const page = await readerContext.newPage();
  await signInWithForm(page, reader.email, TEST_PASSWORD);
  await page.goto(`/entries/${entryId}/flag`);
  await page.getByRole("radio", { name: new RegExp(`^${nl("flags.reason.WRONG")}`) }).check();
  await page.getByRole("button", { name: nl("flags.submit") }).click();
  await expect(page.getByText(nl("error.flag.commentRequired"))).toBeVisible();
  await checkA11y(page, "flag form with errors");
  await page.getByLabel(nl("flags.field.comment")).fill("Het bedrag klopt niet meer.");
  await page.getByRole("button", { name: nl("flags.submit") }).click();
  await expect(page.getByText(nl("flags.beingChecked"))).toBeVisible();
  await page.getByText(nl("entry.notHelpful"), { exact: true }).click();
  await checkA11y(page, "entry with the being-checked notice and the 'did not help' form");
  await page.goto("/flags");
  await expect(page.getByRole("heading", { level: 1, name: nl("flags.mine.title") })).toBeVisible();
  await checkA11y(page, "my flags");
  await readerContext.close();

  const kmContext = await browser.newContext();
  const kmPage = await kmContext.newPage();
  await signInWithForm(kmPage, km.email, TEST_PASSWORD);
  await kmPage.goto(`/entries/${entryId}/flags`);
  await kmPage.getByText(nl("flags.state.NO_CHANGE"), { exact: true }).click();
  await checkA11y(kmPage, "the knowledge manager's flags page");
  await kmContext.close();
});

test("notifications: the list with unread ones and the preferences, with an error too, have no serious axe violations", async ({ page, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/settings/notifications"), "a wrong digest time is sent on purpose, to check the page with its error");
  const user = await employee();
  for (const title of ["Eerste", "Tweede"]) {
    await db.notification.create({ data: { recipientId: user.id, type: "note.declined", subjectType: "note", subjectId: marker(), data: JSON.stringify({ title, reason: "Staat al in de kennisbank." }) } });
  }
  await signInWithForm(page, user.email, TEST_PASSWORD);
  await page.goto("/notifications");
  await expect(page.getByRole("link", { name: nl("notify.bell", { count: 2 }) })).toBeVisible();
  await checkA11y(page, "notifications");
  await page.goto("/settings/notifications");
  await checkA11y(page, "notification settings");
  await page.getByLabel(nl("notify.prefs.digestTime")).fill("25:00");
  await page.getByRole("button", { name: nl("notify.prefs.save") }).click();
  await expect(page.getByText(nl("error.notify.digestTime"))).toBeVisible();
  await checkA11y(page, "notification settings with an error");
});

test("mandatory reads: the reader's start page and entry, the knowledge manager's overview, report and assign form", async ({ pageAs, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/entries/"), "the assign form is sent empty on purpose, to check the page with its errors");
  // The demo's mandatory read: the savings desk must read the entry on the loyalty bonus; the agent has not confirmed yet.
  const agent = await pageAs({ email: "agent@gilde.test", password: "gilde-demo" });
  await agent.goto("/");
  const due = agent.getByRole("region", { name: nlPattern("mandatory.due.title", { count: 1 }, { start: true }) });
  await expect(due).toBeVisible();
  await checkA11y(agent, "start page with required reading");
  await due.getByRole("link").first().click();
  await expect(agent.getByRole("button", { name: nl("mandatory.ask.confirm") })).toBeVisible();
  await checkA11y(agent, "entry asking to confirm");
  const km = await pageAs({ email: "km@gilde.test", password: "gilde-demo" });
  await km.goto("/knowledge/mandatory-reads");
  await checkA11y(km, "mandatory reads overview");
  await km.getByRole("table").getByRole("link").first().click();
  await expect(km.getByRole("button", { name: nl("mandatory.report.remind") })).toBeVisible();
  await checkA11y(km, "acknowledgement report");
  await km.getByRole("link", { name: nl("mandatory.report.openEntry") }).click();
  await km.getByRole("link", { name: nl("mandatory.manage.link") }).click();
  await checkA11y(km, "assign form");
  await km.getByRole("button", { name: nl("mandatory.assign.submit") }).click();
  await expect(km.getByText(nl("error.mandatory.audience"))).toBeVisible();
  await checkA11y(km, "assign form with errors");
});

test("the roll-out's import and webhook pages, in each state, have no serious or critical axe violations", async ({ pageAs, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/knowledge/import"), "the knowledge-base file with a wrong line is refused on purpose: 400 with each line's error");
  const admin = await pageAs("ADMIN");
  await admin.goto("/admin/users/import");
  await checkA11y(admin, "user import");
  const csv = `email;naam;afdeling;rol\nnieuw-${marker()}@bank.test;Nieuwe Collega;;medewerker\nfout;X;Nergens;baas\n`;
  await admin.getByLabel(nl("userImport.file"), { exact: true }).setInputFiles({ name: "u.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await admin.getByRole("button", { name: nl("userImport.check") }).click();
  await expect(admin.getByRole("heading", { level: 2, name: nl("userImport.previewTitle") })).toBeVisible();
  await checkA11y(admin, "user import preview with errors");
  await admin.goto("/admin/webhooks");
  await admin.getByLabel(nl("webhooks.url")).fill(`https://hooks.example/a11y-${marker()}`);
  await admin.getByRole("button", { name: nl("webhooks.add") }).click();
  await expect(admin.getByLabel(nl("webhooks.secret"))).toHaveValue(/^whsec_/);
  await checkA11y(admin, "webhooks with a new secret");
  await admin.getByRole("button", { name: /Webhook naar https:\/\/hooks\.example\/a11y-/ }).click();
  await expect(admin.getByText(nl("webhooks.removed"))).toBeVisible();

  const km = await pageAs("KNOWLEDGE_MANAGER");
  await km.goto("/knowledge/import");
  await checkA11y(km, "knowledge-base import");
  const line = JSON.stringify({ externalId: `a11y-${marker()}`, title: "Een artikel", body: "Tekst" });
  await km.getByLabel(nl("kbImport.file")).setInputFiles({ name: "kb.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from(`${line}\n{kapot\n`) });
  await km.getByRole("button", { name: nl("kbImport.check") }).click();
  await expect(km.getByRole("heading", { level: 2, name: nl("kbImport.errorsTitle") })).toBeVisible();
  await checkA11y(km, "knowledge-base import errors");
  await km.getByLabel(nl("kbImport.file")).setInputFiles({ name: "kb.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from(`${line}\n`) });
  await km.getByRole("button", { name: nl("kbImport.check") }).click();
  await expect(km.getByRole("heading", { level: 2, name: nl("kbImport.previewTitle") })).toBeVisible();
  await checkA11y(km, "knowledge-base import dry run");
});

test("recognition, the spotlight and asking as a member: the pages and their forms with an error have no serious axe violations", async ({ pageAs, insertDepartment, insertCommunity, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/entries/"), "an empty thank-you is sent on purpose, to check the form with its error");
  allowConsoleErrors(httpError(400, "/communities/"), "an empty spotlight is sent on purpose, to check the form with its error");
  const [author, km, lead] = await Promise.all([employee(), knowledgeManager(), employee()]);
  const dept = await insertDepartment();
  const home = await insertCommunity({ departmentId: dept.id, visibility: "CLOSED", memberIds: [author.id] });
  await db.membership.create({ data: { userId: lead.id, communityId: home.id, role: "LEAD" } });
  const { entryId } = await publishedEntry(author, km, { title: `Toegankelijk bedankt ${marker()}`, text: "Een entry om te bedanken.", communityId: home.id });
  await db.thanks.create({ data: { giverId: lead.id, recipientId: author.id, entryId, message: "Dank je voor dit heldere artikel." } });

  const page = await pageAs(lead);
  await page.goto(`/entries/${entryId}/thank/${km.id}`);
  await page.getByRole("button", { name: nl("recognition.thanks.submit") }).click();
  await expect(page.getByText(nl("error.required"))).toBeVisible();
  await checkA11y(page, "thank-you form with an error");
  await page.goto(`/people/${author.id}`);
  await checkA11y(page, "contributor page with figures and thanks");
  await page.goto(`/communities/${home.slug}/spotlight`);
  await page.getByRole("button", { name: nl("recognition.spotlight.submit") }).click();
  await expect(page.getByText(nl("error.recognition.spotlightChoose"))).toBeVisible();
  await checkA11y(page, "spotlight form with errors");
  await page.goto(`/communities/${home.slug}/questions`);
  await checkA11y(page, "questions page with the ask-as-a-member box");
});

test("no serious or critical axe violations on the learning and mentoring pages, a form with its errors included", async ({ pageAs, insertUser, insertDepartment, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/learning"), "the empty learning form is sent on purpose, to check the page with its errors");
  const head = await insertUser("DEPARTMENT_HEAD");
  const dept = await insertDepartment({ name: `Toegankelijk ${marker()}`, headId: head.id });
  await db.user.update({ where: { id: head.id }, data: { departmentId: dept.id } });
  const [newcomer, mentor] = [await insertUser("EMPLOYEE", { departmentId: dept.id }), await insertUser("EMPLOYEE", { departmentId: dept.id })];
  await db.onboardingItem.create({ data: { departmentId: dept.id, kind: "TASK", title: "Een spaarrekening openen", position: 1 } });
  const plan = await db.mentoringPlan.create({
    data: {
      departmentId: dept.id,
      newcomerId: newcomer.id,
      mentorId: mentor.id,
      startsOn: new Date(Date.now() - 30 * 86_400_000),
      endsOn: new Date(Date.now() - 2 * 86_400_000),
      items: { create: [{ kind: "TASK", title: "Een spaarrekening openen", position: 1, state: "SHOWN" }, { kind: "COMPETENCE", title: "Klantgericht telefoneren", position: 2 }] },
    },
  });
  await db.learningEntry.create({ data: { userId: newcomer.id, kind: "COURSE", title: "Beleggingsadvies", provider: "Academie", date: new Date(), minutes: 450, costCents: 45_000 } });
  const page = await pageAs(newcomer);
  await page.goto("/learning");
  await checkA11y(page, "my learning");
  await page.getByRole("button", { name: nl("learning.add.submit") }).click();
  await expect(page.getByText(nl("error.formTitle"))).toBeVisible();
  await checkA11y(page, "my learning with errors");
  await page.goto(`/mentoring/${plan.id}`);
  await checkA11y(page, "a mentoring plan (late)");
  const headPage = await pageAs(head);
  for (const [path, name] of [
    ["/learning/department", "the department's learning"],
    ["/mentoring", "mentoring as head"],
    ["/mentoring/template", "the onboarding template"],
  ] as const) {
    await headPage.goto(path);
    await checkA11y(headPage, name);
  }
});
