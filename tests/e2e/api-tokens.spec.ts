/**
 * API tokens: made under Instellingen (shown once), used by another program with fetch, revoked → 401.
 * Also without JavaScript, since every form works without it.
 */
import { request } from "@playwright/test";
import { expect, httpError, nl, test } from "./support/fixtures";
import { MAIN_URL } from "./support/app";
import { db } from "./support/data";

test("a token is made in settings, shown once, works with fetch from elsewhere, and answers 401 once revoked", async ({ pageAs }) => {
  const page = await pageAs("EMPLOYEE");
  await page.goto("/settings");
  await page.getByRole("link", { name: nl("apiToken.link") }).click();
  await expect(page.getByRole("heading", { level: 1, name: nl("apiToken.title") })).toBeVisible();
  await page.getByLabel(nl("apiToken.name")).fill("CRM");
  await page.getByRole("button", { name: nl("apiToken.create") }).click();
  const secret = await page.getByLabel(nl("apiToken.secret")).inputValue();
  expect(secret).toMatch(/^gilde_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("cell", { name: /^CRM gilde_/ })).toBeVisible();

  // Another program, without the browser's cookies, from another origin.
  const crm = await request.newContext({ baseURL: MAIN_URL });
  const title = `Notitie uit het CRM ${Date.now()}`;
  const created = await crm.post("/api/v1/notes", {
    headers: { Authorization: `Bearer ${secret}`, Origin: "https://crm.bank.example" },
    data: { title, body: "De klant belde over de premie.", tags: ["crm"] },
  });
  expect(created.status()).toBe(201);
  const { id, state } = (await created.json()) as { id: string; state: string };
  expect(state).toBe("SUBMITTED");
  expect((await db.note.findUniqueOrThrow({ where: { id }, select: { title: true } })).title).toBe(title);
  expect((await crm.get("/api/v1/communities", { headers: { Authorization: `Bearer ${secret}` } })).status()).toBe(403);

  // Shown once: the page does not show it again.
  await page.reload();
  await expect(page.getByLabel(nl("apiToken.secret"))).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);
  // Uses are written together shortly after the answers (app/models/api-token.server.ts): "last used" follows within a second.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("cell", { name: nl("apiToken.neverUsed") })).toHaveCount(0, { timeout: 500 });
  }).toPass({ timeout: 10_000 });

  await page.getByRole("button", { name: nl("apiToken.revokeNamed").replace("{name}", "CRM") }).click();
  await expect(page.getByText(nl("apiToken.revokedDone"))).toBeVisible();
  await expect(page.getByRole("cell", { name: nl("apiToken.status.revoked") })).toBeVisible();
  const refused = await crm.get("/api/v1/search?q=premie", { headers: { Authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
  await crm.dispose();
});

test("without JavaScript a token is made and revoked the same way", async ({ pageAs, allowConsoleErrors }) => {
  const page = await pageAs("EMPLOYEE", { javaScriptEnabled: false });
  await page.goto("/settings/tokens");
  await page.getByLabel(nl("apiToken.name")).fill("Zonder script");
  await page.getByRole("checkbox", { name: /search:read/ }).uncheck();
  await page.getByRole("checkbox", { name: /notes:write/ }).uncheck();
  allowConsoleErrors(httpError(400, "/settings/tokens"), "a token without any right is refused on purpose: 400 with the form kept");
  await page.getByRole("button", { name: nl("apiToken.create") }).click();
  await expect(page.getByText(nl("error.apiToken.scopes"))).toBeVisible();
  await expect(page.getByLabel(nl("apiToken.name"))).toHaveValue("Zonder script");
  await page.getByRole("checkbox", { name: /entries:read/ }).check();
  await page.getByRole("button", { name: nl("apiToken.create") }).click();
  await expect(page.getByLabel(nl("apiToken.secret"))).toHaveValue(/^gilde_/);
  await page.getByRole("button", { name: nl("apiToken.revokeNamed").replace("{name}", "Zonder script") }).click();
  await expect(page.getByText(nl("apiToken.revokedDone"))).toBeVisible();
});

test("the API's documentation page lists every operation, and the OpenAPI document is served", async ({ page }) => {
  await page.goto("/api/v1/docs");
  for (const op of ["POST /api/v1/notes", "GET /api/v1/search", "GET /api/v1/entries/{id}", "GET /api/v1/notes/{id}", "GET /api/v1/communities"]) {
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(op.replace(/[{}/]/g, "\\$&")) })).toBeVisible();
  }
  const doc = await page.request.get("/api/v1/openapi.json");
  expect(((await doc.json()) as { openapi: string }).openapi).toBe("3.1.0");
});
