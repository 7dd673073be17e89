/**
 * Products come and go, and words mean the same: the knowledge manager retires a product (its
 * entries go to review at once, readers see the note), and adds an abbreviation after three refused
 * tries (empty, markup, a cycle: 400 with the message, what was typed kept) that search then
 * understands. Other roles get 403 on both pages and on every action.
 */
import { expect, httpError, nl, test } from "./support/fixtures";
import { expectSearchable, inventedWord, marker, MAIN_URL } from "./support/app";
import { db, employee, knowledgeManager, publishedEntry, createUser } from "./support/data";

test("the knowledge manager retires a product: its entries need review at once, and readers see why", async ({ page, login, pageAs, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/knowledge/products"), "the retire form is sent without a note on purpose: its 400 answer is what is checked");
  const [author, km, reader] = await Promise.all([employee(), knowledgeManager(), employee()]);
  const product = inventedWord();
  const first = await publishedEntry(author, km, { title: `Rente op de ${product} ${marker()}`, text: "De rente wordt elk kwartaal bijgeschreven.", tags: [product] });
  const second = await publishedEntry(author, km, { title: `${product} openen ${marker()}`, text: "Open ze in de app.", tags: [product, "spaarrekening"] });
  const elsewhere = await publishedEntry(author, km, { title: `Iets anders ${marker()}`, text: "Geen product.", tags: ["spaarrekening"] });

  // The knowledge manager reaches the page from the dashboard's tabs.
  await login(km);
  await page.getByRole("navigation", { name: nl("nav.main") }).getByRole("link", { name: nl("nav.knowledgeDashboard") }).click();
  await page.getByRole("navigation", { name: nl("kb.nav.label") }).getByRole("link", { name: nl("kb.nav.products") }).click();
  await expect(page.getByRole("heading", { level: 1, name: nl("product.title") })).toBeVisible();
  await page.getByLabel(nl("product.search")).fill(product);
  await page.getByRole("button", { name: nl("product.filterSubmit") }).click();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: product }) });
  await expect(row.getByRole("cell").first()).toHaveText("2");
  await row.getByRole("button", { name: nl("product.markLabel", { name: product }) }).click();
  await expect(page.getByRole("status").filter({ hasText: nl("product.flash.marked") })).toBeVisible();
  await row.getByRole("link", { name: nl("product.retireLabel", { name: product }) }).click();

  // The form says what will happen; without a note it is refused and keeps the day.
  const form = page.getByRole("region", { name: nl("product.retireTitle", { name: product }) });
  await expect(form.getByText(nl("product.retireEffect", { count: 2 }))).toBeVisible();
  const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel(nl("product.retiresOn"), { exact: true }).fill(day);
  await form.getByRole("button", { name: nl("product.retireSubmit") }).click();
  await expect(form.getByText(nl("error.product.noteRequired"))).toBeVisible();
  await expect(form.getByLabel(nl("product.retiresOn"), { exact: true })).toHaveValue(day);
  const note = `${product} stopt binnenkort; verwijs klanten naar de spaarrekening`;
  await form.getByLabel(nl("product.note")).fill(note);
  await form.getByRole("button", { name: nl("product.retireSubmit") }).click();
  await expect(page.getByRole("status").filter({ hasText: nl("product.flash.retired", { count: 2 }) })).toBeVisible();
  await expect(row.getByRole("button", { name: nl("product.cancelLabel", { name: product }) })).toBeVisible();

  const states = await db.entry.findMany({ where: { id: { in: [first.entryId, second.entryId, elsewhere.entryId] } }, select: { id: true, state: true } });
  expect(Object.fromEntries(states.map((e) => [e.id, e.state]))).toEqual({ [first.entryId]: "NEEDS_REVIEW", [second.entryId]: "NEEDS_REVIEW", [elsewhere.entryId]: "PUBLISHED" });

  // A reader opens one of its entries: the badge says it needs review, the notice gives the note.
  const readerPage = await pageAs(reader);
  await readerPage.goto(`/entries/${first.entryId}`);
  await expect(readerPage.getByText(nl("entry.state.NEEDS_REVIEW"), { exact: true })).toBeVisible();
  await expect(readerPage.getByRole("note")).toContainText(note);
  await readerPage.goto(`/entries/${elsewhere.entryId}`);
  await expect(readerPage.getByText(nl("entry.state.NEEDS_REVIEW"), { exact: true })).toHaveCount(0);
});

test("the knowledge manager adds an abbreviation after refused tries; a search for it then finds the entry", async ({ page, login, pageAs, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/knowledge/synonyms"), "empty, markup and cyclic rules are sent on purpose: their 400 answers are what is checked");
  const [author, km, reader] = await Promise.all([employee(), knowledgeManager(), employee()]);
  const word = inventedWord();
  const abbreviation = `afk${inventedWord().slice(0, 6)}`;
  const title = `Klant zoekt zijn ${word} ${marker()}`;
  await publishedEntry(author, km, { title, text: `Het ${word} staat op het rekeninguittreksel.`, tags: [] });
  const rulesBefore = await db.synonymRule.count();

  await login(km);
  await page.goto("/knowledge/synonyms");
  const form = page.getByRole("region", { name: nl("synonym.newExpansion") });
  const term = form.getByLabel(nl("synonym.term"));
  const words = form.getByLabel(nl("synonym.expansionWords"));
  const add = form.getByRole("button", { name: nl("synonym.addExpansion") });

  // Empty: both fields say what is missing.
  await add.click();
  await expect(term).toHaveAccessibleDescription(new RegExp(nl("error.synonym.termRequired")));
  await expect(words).toHaveAccessibleDescription(new RegExp(nl("error.synonym.wordsRequired")));
  // Markup: refused, named, and kept in the field.
  await term.fill(abbreviation);
  await words.fill("<script>alert(1)</script>");
  await add.click();
  await expect(form.getByText(nl("error.synonym.wordChars", { word: "<script>alert(1)</script>" }))).toBeVisible();
  await expect(words).toHaveValue("<script>alert(1)</script>");
  await expect(term).toHaveValue(abbreviation);
  // A cycle with the demo's "iban → rekeningnummer".
  await term.fill("rekeningnummer");
  await words.fill("IBAN");
  await add.click();
  await expect(form.getByText(nl("error.synonym.cycle", { path: "rekeningnummer → iban → rekeningnummer" }))).toBeVisible();
  await expect(words).toHaveValue("IBAN");
  expect(await db.synonymRule.count()).toBe(rulesBefore);

  // The good one.
  await term.fill(abbreviation.toUpperCase());
  await words.fill(word);
  const started = Date.now();
  await add.click();
  await expect(page.getByRole("status").filter({ hasText: nl("synonym.flash.expansionCreated") })).toBeVisible();
  const expansions = page.getByRole("region", { name: nl("synonym.expansions") });
  await expect(expansions.getByRole("rowheader", { name: abbreviation })).toBeVisible();

  const readerPage = await pageAs(reader);
  await expectSearchable(readerPage, abbreviation, title, 5_000);
  console.log(`abbreviation found by search ${Date.now() - started} ms after saving it`);

  // Deleting the rule takes it out of search again (and leaves the shared database as it was).
  await expansions.getByRole("button", { name: nl("synonym.deleteLabel", { rule: `${abbreviation} → ${word}` }) }).click();
  await expect(page.getByRole("status").filter({ hasText: nl("synonym.flash.deleted") })).toBeVisible();
  await expect.poll(async () => (await readerPage.goto(`/search?q=${abbreviation}`), readerPage.getByRole("link", { name: title }).count()), { timeout: 10_000 }).toBe(0);
  expect(await db.synonymRule.count()).toBe(rulesBefore);
});

test("employees, department heads and leads get 403 on the products and synonyms pages and on each of their actions", async ({ page, login, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(403, "/knowledge/"), "the pages are opened on purpose by roles that may not: the 403 is what is checked");
  const tag = await db.tag.create({ data: { name: `verboden-${marker()}` }, select: { id: true, isProduct: true } });
  const rule = await db.synonymRule.create({ data: { kind: "GROUP", words: JSON.stringify([`x${marker()}`, `y${marker()}`]) }, select: { id: true } });
  const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const posts: [string, Record<string, string>][] = [
    ["/knowledge/products", { intent: "mark", tagId: tag.id }],
    ["/knowledge/products", { intent: "unmark", tagId: tag.id }],
    ["/knowledge/products", { intent: "interval", tagId: tag.id, reviewIntervalDays: "30" }],
    ["/knowledge/products", { intent: "retire", tagId: tag.id, retiresOn: day, note: "Mag niet" }],
    ["/knowledge/products", { intent: "cancel-retirement", tagId: tag.id }],
    ["/knowledge/synonyms", { intent: "create", kind: "GROUP", words: "indringer, inbreker" }],
    ["/knowledge/synonyms", { intent: "update", ruleId: rule.id, kind: "GROUP", words: "a, b" }],
    ["/knowledge/synonyms", { intent: "delete", ruleId: rule.id }],
  ];
  try {
    for (const role of ["EMPLOYEE", "DEPARTMENT_HEAD"] as const) {
      const user = await createUser(role);
      await login(user);
      for (const path of ["/knowledge/products", "/knowledge/synonyms"]) {
        const response = await page.goto(path);
        expect(response?.status(), `${role} GET ${path}`).toBe(403);
      }
      for (const [path, form] of posts) {
        const response = await page.request.post(path, { form: { ...form, formId: "x" }, headers: { Origin: MAIN_URL }, maxRedirects: 0 });
        expect(response.status(), `${role} POST ${path} ${form.intent}`).toBe(403);
      }
    }
    // The demo's lead: a community role, not a knowledge manager.
    await login({ email: "lead@gilde.test", password: "gilde-demo" });
    expect((await page.goto("/knowledge/synonyms"))?.status()).toBe(403);
    expect(await db.tag.findUniqueOrThrow({ where: { id: tag.id }, select: { isProduct: true, reviewIntervalDays: true, retirementAnnouncedAt: true } })).toEqual({
      isProduct: false,
      reviewIntervalDays: null,
      retirementAnnouncedAt: null,
    });
    expect(await db.synonymRule.count({ where: { id: rule.id } })).toBe(1);
    expect(await db.synonymRule.count({ where: { words: { contains: "indringer" } } })).toBe(0);
  } finally {
    await db.synonymRule.delete({ where: { id: rule.id } });
    await db.tag.delete({ where: { id: tag.id } });
  }
});
