/**
 * Accounts: sessions end on the server, the session cookie's attributes, the login rate limit,
 * user management by an admin (validation, disabling a signed-in user) and the language setting.
 */
import { request } from "@playwright/test";
import { en, expect, httpError, nl, test } from "./support/fixtures";
import { signInWithForm, MAIN_URL, marker, SESSION_COOKIE } from "./support/app";
import { admin, db, employee, TEST_PASSWORD } from "./support/data";

test("logout ends the session on the server: the old cookie no longer works", async ({ page, context }) => {
  const user = await employee();
  await signInWithForm(page, user.email, TEST_PASSWORD);
  const session = (await context.cookies(MAIN_URL)).find((c) => c.name === SESSION_COOKIE);
  expect(session, "session cookie after sign-in").toBeTruthy();

  await page.getByRole("button", { name: nl("nav.logout") }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect((await context.cookies(MAIN_URL)).find((c) => c.name === SESSION_COOKIE)).toBeUndefined();

  // Put the old cookie back: the server no longer knows the session.
  await context.addCookies([{ ...session!, expires: -1 }]);
  await page.goto("/notes");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fnotes$/);
  await expect(page.getByRole("heading", { name: nl("login.title") })).toBeVisible();

  // Same over plain HTTP.
  const replay = await request.newContext({ baseURL: MAIN_URL, extraHTTPHeaders: { Cookie: `${SESSION_COOKIE}=${session!.value}` } });
  const response = await replay.get("/notes", { maxRedirects: 0 });
  expect(response.status()).toBe(302);
  expect(response.headers()["location"]).toBe("/login?redirectTo=%2Fnotes");
  await replay.dispose();
  expect(await db.session.count({ where: { id: session!.value } })).toBe(0);
});

test("the session cookie is __Host-, HttpOnly, SameSite=Lax, Secure, Path=/", async ({ page, context }) => {
  const user = await employee();
  const api = await request.newContext({ baseURL: MAIN_URL });
  const response = await api.post("/login", { form: { email: user.email, password: TEST_PASSWORD }, headers: { Origin: MAIN_URL }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
  const setCookie = response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  expect(setCookie).toHaveLength(1);
  const [pair, ...attributes] = setCookie[0].split(/;\s*/);
  expect(pair).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43}$`));
  const attrs = attributes.map((a) => a.toLowerCase());
  expect(attrs).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "secure", "path=/"]));
  expect(attrs.some((a) => a.startsWith("domain="))).toBe(false);
  await api.dispose();

  // As the browser stores it.
  await signInWithForm(page, user.email, TEST_PASSWORD);
  const cookie = (await context.cookies(MAIN_URL)).find((c) => c.name === SESSION_COOKIE);
  expect(cookie).toMatchObject({ name: SESSION_COOKIE, httpOnly: true, sameSite: "Lax", secure: true, path: "/", domain: "localhost" });
  expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);
});

test("the 11th failed login within a minute gets HTTP 429", async () => {
  const user = await employee();
  const api = await request.newContext({ baseURL: MAIN_URL, extraHTTPHeaders: { Origin: MAIN_URL } });
  for (let attempt = 1; attempt <= 10; attempt++) {
    // formId: the form the answer is for, as the sign-in form sends it.
    const response = await api.post("/login", { form: { formId: "login", email: user.email, password: `fout-${attempt}` }, maxRedirects: 0 });
    expect(response.status(), `failed attempt ${attempt}`).toBe(400);
    const page = await response.text();
    expect(page).toContain(nl("login.invalid"));
    // What was typed comes back, except the password.
    expect(page).toContain(`value="${user.email}"`);
    expect(page).not.toContain(`fout-${attempt}`);
  }
  const eleventh = await api.post("/login", { form: { formId: "login", email: user.email, password: "fout-11" }, maxRedirects: 0 });
  expect(eleventh.status()).toBe(429);
  expect(await eleventh.text()).toContain(nl("login.tooMany"));
  // Even the right password is refused while the account is throttled.
  const right = await api.post("/login", { form: { email: user.email, password: TEST_PASSWORD }, maxRedirects: 0 });
  expect(right.status()).toBe(429);
  expect(right.headers()["set-cookie"]).toBeUndefined();
  // Another account is not affected.
  const other = await employee();
  const fine = await api.post("/login", { form: { email: other.email, password: TEST_PASSWORD }, maxRedirects: 0 });
  expect(fine.status()).toBe(302);
  await api.dispose();
});

test("an admin creates a user: bad input keeps the form and shows field errors", async ({ page, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/admin/users"), "bad input is sent on purpose: the form answers 400 with the fields' errors");
  const boss = await admin();
  await signInWithForm(page, boss.email, TEST_PASSWORD);
  await page.getByRole("navigation", { name: nl("nav.main") }).getByRole("link", { name: nl("users.title") }).click();
  await expect(page.getByRole("heading", { level: 1, name: nl("users.title") })).toBeVisible();

  const form = page.getByRole("region", { name: nl("users.new") });
  const name = `Nieuwe Collega ${marker()}`;
  await form.getByLabel(nl("users.name")).fill(name);
  await form.getByLabel(nl("users.email")).fill("geen-e-mailadres");
  await form.getByLabel(nl("users.password")).fill("kort");
  await form.getByLabel(nl("users.role")).selectOption({ label: "Kennisbeheerder" });
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/admin/users"),
    form.getByRole("button", { name: nl("users.create") }).click(),
  ]);
  expect(response.status()).toBe(400);
  await expect(form.getByRole("alert").first()).toHaveText(nl("error.formTitle"));
  const email = form.getByLabel(nl("users.email"));
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription(nl("error.email"));
  const password = form.getByLabel(nl("users.password"));
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(/Minstens 10 tekens\./);
  await expect(form.getByLabel(nl("users.name"))).toHaveValue(name);
  await expect(email).toHaveValue("geen-e-mailadres");
  await expect(form.getByLabel(nl("users.role"))).toHaveValue("KNOWLEDGE_MANAGER");

  const address = `nieuw-${marker()}@test.gilde`;
  await email.fill(address);
  await password.fill("een-goed-wachtwoord");
  await form.getByRole("button", { name: nl("users.create") }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("status")).toHaveText(nl("users.created"));
  // The flash shows once: the next page does not repeat it.
  await page.reload();
  await expect(page.getByRole("status")).toHaveCount(0);
  const row = page.getByRole("row").filter({ hasText: address });
  await expect(row).toContainText(name);
  await expect(row).toContainText(nl("role.KNOWLEDGE_MANAGER"));
  await expect(row).toContainText(nl("users.active"));

  // Editing says that it saved (it used to redirect with a message nobody showed).
  await page.getByRole("link", { name: `Bewerken: ${name}` }).click();
  // The list has a "Naam" field too: wait for the user's page before typing.
  await expect(page.getByRole("heading", { level: 1 })).toContainText(address);
  await page.getByLabel(nl("users.name")).fill(`${name} Jr.`);
  await page.getByRole("button", { name: nl("users.save") }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("status")).toHaveText(nl("users.saved"));
  await expect(page.getByRole("row").filter({ hasText: address })).toContainText(`${name} Jr.`);

  // The new user can sign in and has the role that was chosen.
  const newcomer = await page.context().browser()!.newContext();
  const newcomerPage = await newcomer.newPage();
  await signInWithForm(newcomerPage, address, "een-goed-wachtwoord");
  await expect(newcomerPage.getByRole("navigation", { name: nl("nav.main") }).getByRole("link", { name: nl("nav.inbox") })).toBeVisible();
  await newcomer.close();
});

test("disabling a signed-in user ends their session at once", async ({ page, browser, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/login"), "the disabled user's sign-in is refused, which is what is checked");
  const [boss, victim] = await Promise.all([admin(), employee()]);
  const victimContext = await browser.newContext();
  const victimPage = await victimContext.newPage();
  await signInWithForm(victimPage, victim.email, TEST_PASSWORD);
  await victimPage.goto("/notes");
  await expect(victimPage.getByRole("heading", { name: nl("nav.myNotes") })).toBeVisible();

  await signInWithForm(page, boss.email, TEST_PASSWORD);
  await page.goto("/admin/users");
  await page.getByRole("link", { name: `${nl("users.edit")}: ${victim.name}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(victim.name);
  await page.getByRole("button", { name: nl("users.disable") }).click();
  await expect(page.getByRole("heading", { name: `${nl("users.status")}: ${nl("users.disabled")}` })).toBeVisible();
  await expect(page.getByRole("button", { name: nl("users.enable") })).toBeVisible();

  // The victim's very next request lands on the login page.
  await victimPage.getByRole("navigation", { name: nl("nav.main") }).getByRole("link", { name: nl("nav.search") }).click();
  await expect(victimPage).toHaveURL(/\/login/);
  await expect(victimPage.getByRole("heading", { name: nl("login.title") })).toBeVisible();
  // And cannot sign in again.
  await victimPage.goto("/login");
  await victimPage.getByLabel(nl("users.email")).fill(victim.email);
  await victimPage.getByLabel(nl("login.password")).fill(TEST_PASSWORD);
  await victimPage.getByRole("button", { name: nl("login.submit") }).click();
  await expect(victimPage.getByRole("alert")).toHaveText(nl("login.invalid"));
  await victimContext.close();
});

test("switching the language to English under Instellingen", async ({ page }) => {
  const user = await employee();
  await signInWithForm(page, user.email, TEST_PASSWORD);
  await page.getByRole("link", { name: new RegExp(user.name) }).click();
  await expect(page.getByRole("heading", { name: nl("nav.settings") })).toBeVisible();
  await expect(page.getByRole("radio", { name: nl("locale.nl") })).toBeChecked();
  await page.getByRole("radio", { name: nl("locale.en") }).check();
  await page.getByRole("button", { name: nl("users.save") }).click();

  await expect(page.getByRole("heading", { name: en("settings.title") })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(en("settings.saved"));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const nav = page.getByRole("navigation", { name: en("nav.main") });
  await expect(nav.getByRole("link", { name: en("nav.search") })).toBeVisible();
  await expect(nav.getByRole("link", { name: en("nav.myNotes") })).toBeVisible();
  await expect(page.getByRole("button", { name: en("nav.logout") })).toBeVisible();
  await nav.getByRole("link", { name: en("nav.newNote") }).click();
  await expect(page.getByRole("button", { name: en("note.submit") })).toBeVisible();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
