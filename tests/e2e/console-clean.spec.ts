/**
 * Pages render the same on the server and in the browser: the department head's dashboard of the demo
 * organisation loads without a console error or an uncaught page error (React reports hydration
 * mismatches as console errors), and no value is missing from its text.
 */
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, hydrated, loggedInPage } from "./support/app";

function collectErrors(page: Page) {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
  return errors;
}

test("the department head's dashboard hydrates without errors and has no missing values", async ({ browser }) => {
  // A browser far from Brussels with another language: text formatted with the browser's zone or locale would differ from the server's.
  const context = await browser.newContext({ timezoneId: "America/Los_Angeles", locale: "en-US" });
  try {
    await (await loggedInPage(context, "head@gilde.test", DEMO_PASSWORD)).close();
    // A fresh tab, so nothing the sign-in page left running is counted against the dashboard.
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto("/dashboard/department");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await hydrated(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link").first());
    await page.waitForLoadState("networkidle");
    const text = await page.locator("body").innerText();
    const labels = await page.locator("[aria-label], title").evaluateAll((els) => els.map((el) => el.getAttribute("aria-label") ?? el.textContent ?? ""));
    expect(errors).toEqual([]);
    expect(text).not.toContain("undefined");
    expect(labels.join("\n")).not.toContain("undefined");
    expect(labels.join("\n")).toMatch(/laatste 8 weken/);
  } finally {
    await context.close();
  }
});
