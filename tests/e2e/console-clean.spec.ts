/**
 * Pages render the same on the server and in the browser: the department head's dashboard of the demo
 * organisation loads without a console error or an uncaught page error (React reports hydration
 * mismatches as console errors), and no value is missing from its text. The menu pages of every demo
 * role load without errors too.
 */
import { type Page } from "@playwright/test";
import { expect, nl, test } from "./support/fixtures";
import { DEMO_PASSWORD, hydrated, loggedInPage } from "./support/app";

function collectErrors(page: Page) {
  const errors: string[] = [];
  page.on("console", (message) => {
    // Remix logs this when the next navigation aborts its route-discovery request; a failing
    // discovery endpoint still counts, through the response check below.
    if (message.type() === "error" && !message.text().startsWith("Failed to fetch manifest patches")) errors.push(`${page.url()} console: ${message.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400 && new URL(response.url()).pathname.startsWith("/__manifest")) errors.push(`${response.status()} ${response.url()}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()} page: ${error.message}`));
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
    await hydrated(page.getByRole("navigation", { name: nl("nav.main") }).getByRole("link").first());
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

// The pages each demo role reaches from the menu and the demo community's tabs.
const COMMUNITY = "/communities/sparen-aan-de-lijn";
const PAGES: Record<string, string[]> = {
  "agent@gilde.test": ["/search", "/search?q=spaarrekening", "/notes/new", "/notes", "/communities", COMMUNITY, `${COMMUNITY}/time`, `${COMMUNITY}/activities`, `${COMMUNITY}/questions`, "/settings"],
  "km@gilde.test": ["/curation", "/curation?sort=newest&assigned=nobody", "/knowledge/review", "/dashboard/knowledge"],
  "lead@gilde.test": [`${COMMUNITY}/reports`, `${COMMUNITY}/time`],
  "head@gilde.test": ["/dashboard/department", `${COMMUNITY}/settings`],
  "admin@gilde.test": ["/admin/users", "/communities/new", "/dashboard/department"],
};

for (const [email, urls] of Object.entries(PAGES)) {
  test(`the pages of ${email} log no errors`, async ({ browser }) => {
    const context = await browser.newContext({ timezoneId: "America/Los_Angeles", locale: "en-US" });
    try {
      await (await loggedInPage(context, email, DEMO_PASSWORD)).close();
      const page = await context.newPage();
      const errors = collectErrors(page);
      for (const url of urls) {
        const response = await page.goto(url);
        expect(response?.status(), url).toBe(200);
        await page.waitForLoadState("networkidle");
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
}
