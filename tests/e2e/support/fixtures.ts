/**
 * The journeys' `test` and `expect`: every spec imports them from here (docs/decisions/0028).
 *
 * - `login(who)` signs the test's page in; `pageAs(who)` opens a page of its own for a second user.
 *   `who` is a role (a fresh user of that role is inserted), a user made by the test, or a demo
 *   account with its password.
 * - `insertUser`, `insertDepartment`, `insertCommunity` make the test's own data; all of it (and what
 *   the app made from it) is deleted after the test, passed or failed.
 * - Every page of every browser context the test opens is watched: a `console.error` or an uncaught
 *   page error in Chromium fails the test. A test that causes an error on purpose says so with
 *   `allowConsoleErrors(pattern, why)`; the only error allowed everywhere is listed in ALWAYS_ALLOWED.
 */
import { test as base, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { DEMO_PASSWORD, MAIN_URL } from "./app";
import { community, createUser, deleteCreated, department, TEST_PASSWORD, type Role, type TestUser } from "./data";

export { expect } from "@playwright/test";
export { en, nl, nlPattern } from "./nl";
export { DEMO_PASSWORD, TEST_PASSWORD };
export type { Role, TestUser };

/** A user to sign in as: a role (a fresh user is made), a user the test made, or a demo account with its password. */
export type Who = Role | TestUser | { email: string; password: string };

type Allowed = { pattern: RegExp; why: string };

/**
 * Errors expected on every page, each with its reason. Keep this list short: anything a test
 * causes on purpose belongs in that test (`allowConsoleErrors`).
 */
const ALWAYS_ALLOWED: Allowed[] = [
  {
    // Remix's lazy route discovery fetches /__manifest for the links a page shows; when the test
    // navigates away first, the browser cancels that fetch and Remix logs the cancelled fetch as
    // "TypeError: Failed to fetch". A manifest request the server fails is still caught: Remix then
    // logs "Error: <status>" instead.
    pattern: /^console\.error: Failed to fetch manifest patches TypeError: Failed to fetch\b/,
    why: "a route-manifest fetch cancelled by the test's next navigation",
  },
];

/**
 * The console error Chromium logs for an HTTP error answer (document, form post or data request)
 * of the app at this path (a prefix; the query may follow): for a test that asks for it on purpose.
 */
export function httpError(status: number, path: string): RegExp {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^console\\.error: Failed to load resource: the server responded with a status of ${status} \\(.*\\) \\(at https?://[^/]+${escaped}[^)]*\\)$`);
}

type Fixtures = {
  /** Signs the test's page (or the given page) in and opens the page the app lands on; returns the user. */
  login: (who: Who, page?: Page) => Promise<{ email: string; id?: string; name?: string }>;
  /** A page in a fresh browser context signed in as `who`; closed after the test. */
  pageAs: (who: Who, options?: BrowserContextOptions) => Promise<Page>;
  insertUser: (role?: Role, opts?: { name?: string; departmentId?: string; locale?: "nl" | "en" }) => Promise<TestUser>;
  insertDepartment: (opts?: { name?: string; headId?: string }) => ReturnType<typeof department>;
  insertCommunity: (opts: { departmentId: string; visibility?: "OPEN" | "CLOSED"; memberIds?: string[] }) => ReturnType<typeof community>;
  /** Errors this test causes on purpose, each with the reason it is expected. */
  allowConsoleErrors: (pattern: RegExp, why: string) => void;
  /** What `allowConsoleErrors` collected for this test. */
  expectedErrors: Allowed[];
  /** Every console error and uncaught error seen so far in this test (checked against the allowed ones after it). */
  consoleErrors: string[];
  testData: void;
};

async function resolve(who: Who) {
  if (typeof who === "string") {
    const user = await createUser(who);
    return { user, password: TEST_PASSWORD };
  }
  return { user: who, password: "password" in who ? who.password : TEST_PASSWORD };
}

/** Signs in with the login form's own POST (same origin, as a browser sends it) and opens where it leads. */
async function signIn(page: Page, who: Who, baseURL = MAIN_URL) {
  const { user, password } = await resolve(who);
  const response = await page.request.post(`${baseURL}/login`, { form: { email: user.email, password }, headers: { Origin: new URL(baseURL).origin }, maxRedirects: 0 });
  if (response.status() !== 302) throw new Error(`sign-in of ${user.email} answered ${response.status()}`);
  await page.goto(new URL(response.headers()["location"] ?? "/search", baseURL).href);
  return user;
}

/** Watches a context's pages for console errors and uncaught errors. */
function watch(context: BrowserContext, errors: string[]) {
  context.on("console", (message) => {
    if (message.type() !== "error") return;
    const where = message.location().url;
    errors.push(`console.error: ${message.text()}${where ? ` (at ${where})` : ""}`);
  });
  context.on("weberror", (webError) => {
    const error = webError.error();
    errors.push(`page error: ${error.message}${webError.page() ? ` (on ${webError.page()!.url()})` : ""}`);
  });
}

export const test = base.extend<Fixtures>({
  testData: [
    async ({}, provide) => {
      await provide();
      await deleteCreated();
    },
    { auto: true },
  ],

  expectedErrors: async ({}, provide) => {
    await provide([]);
  },

  allowConsoleErrors: async ({ expectedErrors }, provide) => {
    await provide((pattern, why) => {
      if (!why.trim()) throw new Error("say why this console error is expected");
      expectedErrors.push({ pattern, why });
    });
  },

  consoleErrors: [
    async ({ browser, browserName, context, expectedErrors }, provide) => {
      if (browserName !== "chromium") return provide([]);
      const errors: string[] = [];
      watch(context, errors);
      // Contexts the test opens itself (a second user, JavaScript off) are watched the same way.
      const original = browser.newContext;
      (browser as Browser).newContext = async function (this: Browser, options?: BrowserContextOptions) {
        const created = await original.call(browser, options);
        watch(created, errors);
        return created;
      };
      try {
        await provide(errors);
      } finally {
        browser.newContext = original;
      }
      const allowed = [...ALWAYS_ALLOWED, ...expectedErrors];
      const unexpected = errors.filter((e) => !allowed.some((a) => a.pattern.test(e)));
      if (unexpected.length) {
        // The same error on every render would bury the others: each distinct one once, with its count.
        const counts = new Map<string, number>();
        for (const e of unexpected) counts.set(e, (counts.get(e) ?? 0) + 1);
        const list = [...counts].map(([e, n]) => (n > 1 ? `${e} (${n}×)` : e));
        throw new Error(`Chromium logged ${unexpected.length} error(s) on the pages of this test:\n${list.join("\n")}`);
      }
    },
    { auto: true },
  ],

  login: async ({ page, baseURL }, provide) => {
    await provide((who, target = page) => signIn(target, who, baseURL));
  },

  pageAs: async ({ browser, baseURL }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (who, options) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      const page = await context.newPage();
      await signIn(page, who, baseURL);
      return page;
    });
    await Promise.all(contexts.map((c) => c.close()));
  },

  insertUser: async ({}, provide) => {
    await provide((role = "EMPLOYEE", opts = {}) => createUser(role, opts));
  },
  insertDepartment: async ({}, provide) => {
    await provide((opts = {}) => department(opts));
  },
  insertCommunity: async ({}, provide) => {
    await provide((opts) => community(opts));
  },
});
