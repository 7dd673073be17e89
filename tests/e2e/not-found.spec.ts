/**
 * An unknown URL answers 404 inside the layout: the menu stays, and the page speaks the reader's language
 * (an English-speaking user gets the English page). A visitor who is not signed in gets the Dutch page.
 */
import { expect, httpError, nl, test } from "./support/fixtures";
import { loggedInPage } from "./support/app";
import { db, employee, TEST_PASSWORD } from "./support/data";

// Every journey here causes these answers on purpose; Chromium logs each as a console error.
test.beforeEach(({ allowConsoleErrors }) => {
  allowConsoleErrors(httpError(404, "/"), "unknown addresses are asked for on purpose: the 404 page is what is checked");
});

test("an English-speaking user opening an unknown URL sees the English 404 with the menu", async ({ browser }) => {
  const user = await employee();
  await db.user.update({ where: { id: user.id }, data: { locale: "en" } });
  const context = await browser.newContext();
  try {
    const page = await loggedInPage(context, user.email, TEST_PASSWORD);
    for (const url of ["/no-such-page", "/entries/no-such-entry"]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not found");
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      const menu = page.getByRole("navigation", { name: "Main menu" });
      await expect(menu.getByRole("link", { name: "Knowledge base" })).toBeVisible();
    }
    await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Knowledge base" }).click();
    await expect(page).toHaveURL(/\/search/);
  } finally {
    await context.close();
  }
});

test("a visitor who is not signed in gets the Dutch 404", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl("error.notFound.title"));
});
