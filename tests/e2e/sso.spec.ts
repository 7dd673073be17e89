/**
 * Single sign-on, end to end, against a real OpenID provider started by this spec (oidc-provider, at
 * E2E_OIDC_PORT, the issuer the main server is configured with in playwright.config.ts): "Aanmelden met
 * Gilde-ID" on the login page, signing in at the provider, the first sign-in provisioning the person
 * with the role and department their claims map to, and logging out of Gilde and of the provider.
 */
import { expect, httpError, nl, test, TEST_PASSWORD } from "./support/fixtures";
import { MAIN_URL, marker, SESSION_COOKIE } from "./support/app";
import { db, deleteAfterTest } from "./support/data";
import { startOidcProvider, type TestAccount, type TestOidcProvider } from "../support/oidc-provider";
import { TEST_OIDC } from "../support/oidc-test-client";
import type { Page } from "@playwright/test";

let provider: TestOidcProvider;

test.beforeAll(async () => {
  provider = await startOidcProvider({ port: Number(process.env.E2E_OIDC_PORT), appUrl: MAIN_URL });
});
test.afterAll(async () => {
  await provider?.stop();
});

const signInWith = nl("sso.signInWith", { name: TEST_OIDC.providerName });

function account(claims: TestAccount = {}) {
  const id = `sso-${marker()}`;
  const email = `${id}@bank.example`;
  provider.addAccount(id, { email, name: `Sanne ${id}`, ...claims });
  return { id, email, name: `Sanne ${id}` };
}

/** At the provider's own sign-in page: type the login and any password. */
async function signInAtProvider(page: Page, login: string) {
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.getByLabel("Gebruikersnaam").fill(login);
  await page.getByLabel("Wachtwoord").fill("wachtwoord-bij-gilde-id");
  await page.getByRole("button", { name: "Inloggen" }).click();
}

test("sign in with Gilde-ID: provisioned with the mapped role and department, then signed out of Gilde and of the provider", async ({ page, context, insertDepartment }) => {
  const department = await insertDepartment();
  const person = account({ groups: ["medewerkers", "gilde-kennisbeheer"], department: department.name });

  await page.goto("/notes");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fnotes$/);
  await page.getByRole("link", { name: signInWith }).click();
  await signInAtProvider(page, person.id);

  // Back in Gilde, where the person wanted to go, as the knowledge manager their group makes them.
  await expect(page).toHaveURL(`${MAIN_URL}/notes`);
  await expect(page.locator(".user-name")).toContainText(person.name);
  await expect(page.locator(".role-badge")).toHaveText(nl("role.KNOWLEDGE_MANAGER"));
  await expect(page.getByRole("link", { name: nl("nav.inbox") })).toBeVisible();
  const user = await db.user.findUniqueOrThrow({ where: { email: person.email }, select: { id: true, role: true, departmentId: true, passwordHash: true } });
  deleteAfterTest(user.id);
  expect(user).toMatchObject({ role: "KNOWLEDGE_MANAGER", departmentId: department.id, passwordHash: "" });

  // Signing out ends the session in Gilde, then at the provider, which sends the browser back.
  await page.getByRole("button", { name: nl("nav.logout") }).click();
  await expect(page.getByText("Wil je je ook bij Gilde-ID afmelden?")).toBeVisible();
  expect((await context.cookies(MAIN_URL)).find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  await page.getByRole("button", { name: "Ja, afmelden" }).click();
  await expect(page).toHaveURL(`${MAIN_URL}/login`);
  await expect(page.getByRole("link", { name: signInWith })).toBeVisible();
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

  // The provider forgot the person too: the next sign-in asks for the login again, and finds the same user.
  await page.getByRole("link", { name: signInWith }).click();
  await signInAtProvider(page, person.id);
  await expect(page).toHaveURL(`${MAIN_URL}/search`);
  expect(await db.user.count({ where: { email: person.email } })).toBe(1);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sign in through the provider and sign out there: the logout form may lead to the provider", async ({ page }) => {
    const person = account({ groups: ["marketing"] });
    await page.goto("/login");
    await page.getByRole("link", { name: signInWith }).click();
    await signInAtProvider(page, person.id);
    await expect(page).toHaveURL(`${MAIN_URL}/search`);
    // An unmapped group: an employee.
    await expect(page.locator(".role-badge")).toHaveText(nl("role.EMPLOYEE"));
    const user = await db.user.findUniqueOrThrow({ where: { email: person.email }, select: { id: true } });
    deleteAfterTest(user.id);
    await page.getByRole("button", { name: nl("nav.logout") }).click();
    await expect(page.getByText("Wil je je ook bij Gilde-ID afmelden?")).toBeVisible();
    await page.getByRole("button", { name: "Ja, afmelden" }).click();
    await expect(page).toHaveURL(`${MAIN_URL}/login`);
  });
});

test("a refused sign-in shows why on the login page, and the password form still works", async ({ page, allowConsoleErrors, insertUser }) => {
  allowConsoleErrors(httpError(400, "/auth/oidc/callback"), "a callback this browser never started is sent on purpose");
  const response = await page.goto("/auth/oidc/callback?code=made-up&state=made-up");
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("alert")).toHaveText(nl("sso.error.expired"));
  await expect(page.getByRole("link", { name: signInWith })).toBeVisible();
  const user = await insertUser();
  await page.getByLabel(nl("login.email")).fill(user.email);
  await page.getByLabel(nl("login.password")).fill(TEST_PASSWORD);
  await page.getByRole("button", { name: nl("login.submit"), exact: true }).click();
  await expect(page).toHaveURL(/\/search/);
});
