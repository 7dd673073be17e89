/**
 * No page of any role logs an error in Chromium. Each role's demo account walks every page it can
 * reach by links from the knowledge base (one page per route shape, loaded in full so it hydrates);
 * the console guard of tests/e2e/support/fixtures.ts fails the test on any console error or uncaught
 * error. The demo organisation is only read here: its data fill the dashboards and reports, which
 * is where rendering errors hide.
 */
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, httpError, test } from "./support/fixtures";
import { db } from "./support/data";

/**
 * Whether what this address shows was deleted since its link was listed: journeys running alongside
 * delete their communities, notes and users when they end, so a walk can meet a fresh 404.
 */
async function goneMeanwhile(path: string) {
  const [, first, second, third] = new URL(path, "http://x").pathname.split("/");
  if (!second) return false;
  if (first === "communities") return !(await db.community.findUnique({ where: { slug: second }, select: { id: true } }));
  if (first === "curation" || first === "questions") return !(await db.note.findUnique({ where: { id: second }, select: { id: true } }));
  if (first === "entries") return !(await db.entry.findUnique({ where: { id: second }, select: { id: true } }));
  if (first === "reports") return !(await db.report.findUnique({ where: { id: second }, select: { id: true } }));
  if (first === "admin" && second === "users" && third) return !(await db.user.findUnique({ where: { id: third }, select: { id: true } }));
  return false;
}

/** One page per route shape: ids become ":id", so 40 entries cost one visit. */
function shape(path: string) {
  return path.replace(/\/c[a-z0-9]{20,}(?=\/|$)/g, "/:id");
}

/** Links that leave the page list: downloads, the sign-out form's target, anchors and other sites. */
function skipped(url: URL, origin: string) {
  return url.origin !== origin || /\.(csv|pdf|jsonl)$|\/(csv|pdf)$/.test(url.pathname) || url.pathname === "/logout" || url.pathname.startsWith("/build/");
}

/** Loads each page in full and waits until it is idle (hydrated, route manifest fetched), following its links. */
async function walk(page: Page, start: string[], allow: (pattern: RegExp, why: string) => void, limit = 60) {
  const origin = new URL(page.url()).origin;
  const queue = [...start];
  const seen = new Set<string>();
  const visited: string[] = [];
  while (queue.length && visited.length < limit) {
    const path = queue.shift()!;
    const key = shape(new URL(path, origin).pathname);
    if (seen.has(key)) continue;
    seen.add(key);
    const response = await page.goto(path, { waitUntil: "networkidle" });
    if (response?.status() === 404 && (await goneMeanwhile(path))) {
      allow(httpError(404, new URL(path, origin).pathname), "deleted by a journey running alongside after its link was listed");
      continue;
    }
    expect(response?.status(), `GET ${path}`).toBeLessThan(400);
    visited.push(path);
    const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    for (const href of hrefs) {
      const url = new URL(href, page.url());
      if (!skipped(url, origin) && !seen.has(shape(url.pathname))) queue.push(url.pathname + url.search);
    }
  }
  return visited;
}

const roles = [
  { role: "employee", email: "agent@gilde.test", at: ["/search?q=getrouwheidspremie", "/communities/sparen-aan-de-lijn", "/flags", "/notifications", "/settings/notifications", "/people/me", "/learning", "/mentoring"] },
  { role: "lead", email: "lead@gilde.test", at: ["/communities/sparen-aan-de-lijn/reports", "/notifications", "/communities/sparen-aan-de-lijn/spotlight"] },
  { role: "department head", email: "head@gilde.test", at: ["/dashboard/department", "/learning/department", "/mentoring", "/mentoring/template"] },
  // From an entry, the knowledge manager's walk reaches its edit and archive pages too.
  { role: "knowledge manager", email: "km@gilde.test", at: ["/curation", "/curation?kind=review", "/knowledge/review", "/dashboard/knowledge", "/knowledge/products", "/knowledge/synonyms", "/knowledge/mandatory-reads", "/knowledge/import", "/search?q=spaarrekening"] },
  { role: "administrator", email: "admin@gilde.test", at: ["/admin/users", "/admin/users/import", "/communities/new"] },
];

for (const { role, email, at } of roles) {
  test(`every page the ${role} reaches loads without a console error`, async ({ page, login, allowConsoleErrors }) => {
    test.slow();
    await login({ email, password: DEMO_PASSWORD });
    const visited = await walk(page, [...at, "/search"], allowConsoleErrors);
    // The walk really went somewhere: the menu alone leads to five pages or more.
    expect(visited.length, visited.join("\n")).toBeGreaterThanOrEqual(5);
  });
}

test("the sign-in page and an unknown address load without a console error", async ({ page, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(404, "/no-such-page"), "the unknown address is asked for on purpose; its 404 answer is the point");
  expect((await page.goto("/login", { waitUntil: "networkidle" }))?.status()).toBe(200);
  expect((await page.goto("/no-such-page", { waitUntil: "networkidle" }))?.status()).toBe(404);
});
