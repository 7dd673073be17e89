/**
 * Authorization through the browser and plain HTTP: who may open and post what, what a user may
 * not know exists (closed communities: 404 and absent from search, counts and facets), archived
 * entries (absent from everyone's search, their page answers with a notice), mass assignment and
 * cross-origin posts.
 */
import { request } from "@playwright/test";
import { expect, httpError, nl, test } from "./support/fixtures";
import { expectSearchable, inventedWord, MAIN_URL, marker, searchTitles } from "./support/app";
import { apiSession, community, db, department, employee, knowledgeManager, noteIdByTitle, publishedEntry, publishViaHttp, submitNoteViaHttp } from "./support/data";
import { FEEDBACK_INTENT } from "~/schemas/feedback.shared";

test("an employee gets 403 on curation and user management, for pages and posts", async ({ page, allowConsoleErrors, login }) => {
  allowConsoleErrors(httpError(403, "/curation"), "the employee opens the inbox on purpose: its 403 page is what is checked");
  allowConsoleErrors(httpError(403, "/admin/users"), "the employee opens user management on purpose: its 403 page is what is checked");
  const [worker, other] = await Promise.all([employee(), employee()]);
  const title = `Notitie van een collega ${marker()}`;
  const otherApi = await apiSession(other.email);
  await submitNoteViaHttp(otherApi, { title, text: "Alleen de kennisbeheerder mag dit behandelen." });
  await otherApi.dispose();
  const noteId = await noteIdByTitle(title);

  // In the browser: the page says so and the menu does not offer it.
  await login(worker);
  const nav = page.getByRole("navigation", { name: nl("nav.main") });
  await expect(nav.getByRole("link", { name: nl("nav.inbox") })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: nl("nav.users") })).toHaveCount(0);
  for (const path of ["/curation", `/curation/${noteId}`, "/admin/users", `/admin/users/${worker.id}`]) {
    const response = await page.goto(path);
    expect(response?.status(), `GET ${path}`).toBe(403);
    await expect(page.getByRole("heading", { name: nl("error.forbidden.title") })).toBeVisible();
  }

  // Over HTTP with the employee's session cookie and a same-origin Origin header.
  const headers = { Origin: MAIN_URL };
  const posts: [string, Record<string, string>][] = [
    [`/curation/${noteId}`, { intent: "publish", title: "Overgenomen", bodyPlain: "tekst", tags: "" }],
    [`/curation/${noteId}`, { intent: "merge", entryId: "cabcdefghij0123456789", title: "Overgenomen", bodyPlain: "tekst", tags: "" }],
    [`/curation/${noteId}`, { intent: "decline", reason: "Mag ik niet" }],
    ["/admin/users", { name: "Indringer", email: `indringer-${marker()}@test.gilde`, password: "lang-genoeg-wachtwoord", role: "ADMIN", locale: "nl" }],
    [`/admin/users/${other.id}`, { intent: "disable" }],
  ];
  for (const [path, form] of posts) {
    const response = await page.request.post(path, { form, headers, maxRedirects: 0 });
    expect(response.status(), `POST ${path} ${form.intent ?? ""}`).toBe(403);
  }
  const note = await db.note.findUnique({ where: { id: noteId }, select: { state: true, entryId: true, reviewerId: true } });
  expect(note).toEqual({ state: "SUBMITTED", entryId: null, reviewerId: null });
  const otherNow = await db.user.findUnique({ where: { id: other.id }, select: { disabledAt: true } });
  expect(otherNow?.disabledAt).toBeNull();
  expect(await db.user.count({ where: { name: "Indringer" } })).toBe(0);
});

test("an anonymous visitor is sent to the login page", async ({ page }) => {
  const anonymous = await request.newContext({ baseURL: MAIN_URL });
  for (const path of ["/search?q=premie", "/notes", "/notes/new", "/curation", "/admin/users", "/settings", "/entries/cabcdefghij0123456789"]) {
    const response = await anonymous.get(path, { maxRedirects: 0 });
    expect(response.status(), `GET ${path}`).toBe(302);
    expect(response.headers()["location"], `GET ${path}`).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
  }
  const post = await anonymous.post("/notes/new", { form: { title: "Anoniem", bodyPlain: "x" }, headers: { Origin: MAIN_URL }, maxRedirects: 0 });
  expect(post.status()).toBe(302);
  expect(post.headers()["location"]).toMatch(/^\/login\?redirectTo=/);
  await anonymous.dispose();

  await page.goto("/notes");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fnotes$/);
  await expect(page.getByRole("heading", { name: nl("login.title") })).toBeVisible();
  await expect(page.getByRole("navigation", { name: nl("nav.main") })).toHaveCount(0);
});

test("a closed community's entry is invisible to non-members: 404, not in results, counts or facets", async ({ browser, allowConsoleErrors, login }) => {
  allowConsoleErrors(httpError(404, "/entries/"), "a non-member opens the closed community's entry on purpose: the 404 is what is checked");
  const dept = await department();
  const [member, outsider, km] = await Promise.all([employee({ departmentId: dept.id }), employee({ departmentId: dept.id }), knowledgeManager()]);
  const closed = await community({ departmentId: dept.id, visibility: "CLOSED", memberIds: [member.id] });
  const word = inventedWord();
  const secretTag = `geheim${marker()}`;
  const secretTitle = `Interne procedure ${word} voor fraudegevallen`;
  const publicTitle = `Openbare uitleg ${word} voor klanten`;

  // The member writes a note in the closed community; the knowledge manager publishes it into it.
  const memberApi = await apiSession(member.email);
  await submitNoteViaHttp(memberApi, { title: secretTitle, text: "Alleen voor de community.", tags: [secretTag], communityId: closed.id });
  await memberApi.dispose();
  const kmApi = await apiSession(km.email);
  const secretId = await publishViaHttp(kmApi, await noteIdByTitle(secretTitle), { title: secretTitle, text: "Alleen voor de community.", tags: [secretTag] });
  await kmApi.dispose();
  // A public entry with the same word, so the outsider's search has something to count.
  await publishedEntry(outsider, km, { title: publicTitle, text: "Voor iedereen.", tags: ["fraude"] });
  expect((await db.entry.findUnique({ where: { id: secretId }, select: { communityId: true } }))?.communityId).toBe(closed.id);

  // The member finds it (this also waits until the index has it).
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await login(member, memberPage);
  await expectSearchable(memberPage, word, secretTitle);
  await expectSearchable(memberPage, word, publicTitle);
  await memberPage.goto(`/search?q=${word}`);
  await expect(memberPage.getByText(nl("search.results", { count: 2 }), { exact: true })).toBeVisible();
  await expect(memberPage.getByRole("link", { name: secretTitle })).toBeVisible();
  const memberFacets = memberPage.getByRole("complementary", { name: nl("search.facets") });
  await expect(memberFacets.getByRole("link", { name: new RegExp(`^${secretTag} 1$`) })).toBeVisible();
  await expect(memberFacets.getByRole("link", { name: new RegExp(`^${closed.name} 1$`) })).toBeVisible();
  await memberPage.getByRole("link", { name: secretTitle }).click();
  await expect(memberPage.getByRole("heading", { level: 1, name: secretTitle })).toBeVisible();

  // The outsider (same department, not a member) does not.
  const outsiderContext = await browser.newContext();
  const page = await outsiderContext.newPage();
  await login(outsider, page);
  await expectSearchable(page, word, publicTitle);
  await page.goto(`/search?q=${word}`);
  await expect(page.getByText(nl("search.results", { count: 1 }), { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: publicTitle })).toBeVisible();
  await expect(page.getByRole("link", { name: secretTitle })).toHaveCount(0);
  const html = await page.content();
  expect(html).not.toContain(secretTitle);
  expect(html).not.toContain(secretTag);
  expect(html).not.toContain(closed.id);
  expect(html).not.toContain(closed.name);
  // Filtering on the secret tag or the community does not reveal anything either.
  await page.goto(`/search?q=&tag=${secretTag}`);
  await expect(page.getByText(nl("search.results", { count: 0 }), { exact: true })).toBeVisible();
  await page.goto(`/search?q=${word}&community=${closed.id}`);
  await expect(page.getByText(nl("search.results", { count: 0 }), { exact: true })).toBeVisible();

  const response = await page.goto(`/entries/${secretId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: nl("error.notFound.title") })).toBeVisible();
  expect(await page.content()).not.toContain(secretTitle);
  // Nor can the outsider mark it as helpful.
  const helped = await page.request.post(`/entries/${secretId}`, { form: { formId: "entry-feedback", intent: FEEDBACK_INTENT.helped }, headers: { Origin: MAIN_URL }, maxRedirects: 0 });
  expect(helped.status()).toBe(404);

  await Promise.all([memberContext.close(), outsiderContext.close()]);
});

test("an archived entry leaves everyone's search results; its page still answers to an employee, with the notice", async ({ browser, login }) => {
  const [author, km, reader] = await Promise.all([employee(), knowledgeManager(), employee()]);
  const word = inventedWord();
  const title = `Spaarformule ${word} bestaat niet meer`;
  const { entryId } = await publishedEntry(author, km, { title, text: "Dit product is stopgezet.", tags: ["spaarrekening"] });

  const context = await browser.newContext();
  const page = await context.newPage();
  await login(reader, page);
  await expectSearchable(page, word, title);

  // The knowledge manager archives it through the archive page's form post.
  const kmContext = await browser.newContext();
  const kmPage = await kmContext.newPage();
  await login(km, kmPage);
  const archived = await kmPage.request.post(`/entries/${entryId}/archive`, {
    form: { formId: "entry-archive", intent: "archive", reason: "Product stopgezet." },
    headers: { Origin: MAIN_URL },
    maxRedirects: 0,
  });
  expect(archived.status()).toBe(302);

  await expect
    .poll(async () => (await searchTitles(page, word)).includes(title), { timeout: 5_000 })
    .toBe(false);
  // Not even the knowledge manager finds it in search.
  expect(await searchTitles(kmPage, word)).not.toContain(title);

  const response = await page.goto(`/entries/${entryId}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("region", { name: nl("entryLife.notice.title") })).toContainText("Product stopgezet.");
  await expect(page.locator("header.entry-head").getByText(nl("entry.state.ARCHIVED"))).toBeVisible();
  await expect(page.getByRole("button", { name: nl("entry.helped") })).toHaveCount(0);
  // Feedback on it is refused, and counts nothing.
  const helped = await page.request.post(`/entries/${entryId}`, { form: { formId: "entry-feedback", intent: "helped" }, headers: { Origin: MAIN_URL }, maxRedirects: 0 });
  expect(helped.status()).toBe(409);
  expect(await db.feedback.count({ where: { entryId } })).toBe(0);

  await Promise.all([context.close(), kmContext.close()]);
});

test("extra fields cannot set a note's state or author", async ({ page, login }) => {
  const [submitter, victim] = await Promise.all([employee(), employee()]);
  await login(submitter);
  const title = `Massa-toewijzing ${marker()}`;
  const response = await page.request.post("/notes/new", {
    form: {
      title,
      bodyPlain: "Probeert zichzelf te publiceren.",
      tags: "",
      state: "PUBLISHED",
      authorId: victim.id,
      reviewerId: victim.id,
      entryId: "cabcdefghij0123456789",
      kind: "QUESTION",
    },
    headers: { Origin: MAIN_URL },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);

  const note = await db.note.findFirst({ where: { title }, select: { state: true, authorId: true, reviewerId: true, entryId: true, kind: true } });
  expect(note).toEqual({ state: "SUBMITTED", authorId: submitter.id, reviewerId: null, entryId: null, kind: "FIELD_NOTE" });

  await page.goto("/notes");
  const mine = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
  await expect(mine.getByText(nl("note.state.SUBMITTED"), { exact: true })).toBeVisible();

  const victimApi = await apiSession(victim.email);
  expect(await (await victimApi.get("/notes")).text()).not.toContain(title);
  await victimApi.dispose();
});

test("a post from another origin is refused with 403", async ({ page, login }) => {
  const user = await employee();
  await login(user);
  const title = `Van elders ${marker()}`;
  for (const origin of ["http://evil.example", "null", `${MAIN_URL}.evil.example`]) {
    const response = await page.request.post("/notes/new", {
      form: { title, bodyPlain: "Cross-site request forgery.", tags: "" },
      headers: { Origin: origin },
      maxRedirects: 0,
    });
    expect(response.status(), `Origin: ${origin}`).toBe(403);
  }
  const logout = await page.request.post("/logout", { headers: { Origin: "http://evil.example" }, maxRedirects: 0 });
  expect(logout.status()).toBe(403);
  expect(await db.note.count({ where: { title } })).toBe(0);

  // The session survived the forged logout.
  await page.goto("/notes");
  await expect(page.getByRole("heading", { name: nl("nav.myNotes") })).toBeVisible();
});

test("the Meilisearch master key never reaches the browser, and the browser never calls Meilisearch", async ({ page, login }) => {
  const { readFileSync } = await import("node:fs");
  const path = await import("node:path");
  const key = readFileSync(path.join(process.env.E2E_MEILI_DIR ?? "tests/.tmp/e2e-meili", "master-key"), "utf8").trim();
  expect(key.length).toBeGreaterThanOrEqual(16);
  const bodies: string[] = [];
  const hosts = new Set<string>();
  page.on("response", async (response) => {
    hosts.add(new URL(response.url()).host);
    bodies.push(await response.text().catch(() => ""));
  });
  const km = await knowledgeManager();
  await login(km);
  await page.goto("/search?q=spaarrekening");
  await page.getByLabel(nl("search.label")).fill("getrouwheidspremie");
  await expect(page).toHaveURL(/q=getrouwheidspremie/);
  await page.getByRole("link", { name: nl("nav.inbox") }).click();
  await page.waitForLoadState("networkidle");
  expect(bodies.length).toBeGreaterThan(5);
  for (const body of bodies) expect(body).not.toContain(key);
  expect([...hosts]).toEqual([new URL(MAIN_URL).host]);
});
