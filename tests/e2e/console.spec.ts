/**
 * No page of any role logs an error in Chromium. Each role's demo account walks every page it can
 * reach by links from the knowledge base (one page per route shape, loaded in full so it hydrates);
 * the console guard of tests/e2e/support/fixtures.ts fails the test on any console error or uncaught
 * error. The demo organisation is only read here: its data fill the dashboards and reports, which
 * is where rendering errors hide.
 */
import { readdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, httpError, test, type Role, type TestUser } from "./support/fixtures";
import { db } from "./support/data";
import { addDays, startOfDay } from "~/utils/dates";

/** Ids in addresses are cuids; a word in their place ("me", "template", "new") names a page, not a row. */
const ID = "c[a-z0-9]{20,}";

/**
 * The rows each address with an id or slug shows: while all of them exist, a 404 there is a real error.
 * Each rule looks up the rows the address names; a test below checks that every page route with a
 * parameter has a rule.
 */
const ROWS: [RegExp, (m: RegExpExecArray) => Promise<unknown>[]][] = [
  [/^\/communities\/(?!new(?:\/|$))([^/]+)/, (m) => [db.community.findUnique({ where: { slug: decodeURIComponent(m[1]) }, select: { id: true } })]],
  [new RegExp(`^/(?:curation|notes)/(${ID})`), (m) => [db.note.findUnique({ where: { id: m[1] }, select: { id: true } })]],
  [
    new RegExp(`^/questions/(${ID})(?:/thank/(${ID}))?`),
    (m) => [db.note.findUnique({ where: { id: m[1] }, select: { id: true } }), ...(m[2] ? [db.answer.findUnique({ where: { id: m[2] }, select: { id: true } })] : [])],
  ],
  [
    new RegExp(`^/entries/(${ID})(?:/thank/(${ID}))?`),
    (m) => [db.entry.findUnique({ where: { id: m[1] }, select: { id: true } }), ...(m[2] ? [db.user.findUnique({ where: { id: m[2] }, select: { id: true } })] : [])],
  ],
  [new RegExp(`^/reports/(${ID})`), (m) => [db.report.findUnique({ where: { id: m[1] }, select: { id: true } })]],
  [new RegExp(`^/(?:admin/users|people)/(${ID})`), (m) => [db.user.findUnique({ where: { id: m[1] }, select: { id: true } })]],
  [new RegExp(`^/knowledge/mandatory-reads/(${ID})`), (m) => [db.mandatoryRead.findUnique({ where: { id: m[1] }, select: { id: true } })]],
  [new RegExp(`^/mentoring/(${ID})`), (m) => [db.mentoringPlan.findUnique({ where: { id: m[1] }, select: { id: true } })]],
  [new RegExp(`^/notifications/(${ID})`), (m) => [db.notification.findUnique({ where: { id: m[1] }, select: { id: true } })]],
];

/** The rows an address's query names: the department picker (`?department=`) of the mentoring and learning pages. */
const QUERY_ROWS: [string, (id: string) => Promise<unknown>][] = [["department", (id) => db.department.findUnique({ where: { id }, select: { id: true } })]];

/** The lookups of the rows this path (and its query, if given) shows, or null for an address that names none (it cannot vanish). */
function rowsShownAt(pathname: string, search = ""): Promise<unknown>[] | null {
  const params = new URLSearchParams(search);
  const named = QUERY_ROWS.flatMap(([param, row]) => {
    const id = params.get(param);
    return id && new RegExp(`^${ID}$`).test(id) ? [row(id)] : [];
  });
  for (const [pattern, rows] of ROWS) {
    const m = pattern.exec(pathname);
    if (m) return [...rows(m), ...named];
  }
  return named.length ? named : null;
}

/**
 * Whether a 404 at this address is a page deleted since its link was listed: journeys running alongside
 * delete their communities, notes, entries, mandatory reads, plans and users when they end. Only when a
 * row the address names is really gone from the database; any other 404 is an error.
 */
async function goneMeanwhile(pathname: string, search = ""): Promise<boolean> {
  const rows = rowsShownAt(pathname, search);
  return rows !== null && (await Promise.all(rows)).some((row) => row === null);
}

/** One page per route shape: ids become ":id", so 40 entries cost one visit. */
function shape(path: string) {
  return path.replace(new RegExp(`/${ID}(?=/|$)`, "g"), "/:id");
}

/** Links that leave the page list: downloads, the sign-out form's target, anchors and other sites. */
function skipped(url: URL, origin: string) {
  return url.origin !== origin || /\.(csv|pdf|jsonl)$|\/(csv|pdf)$/.test(url.pathname) || url.pathname === "/logout" || url.pathname.startsWith("/build/");
}

type WalkOptions = {
  /** Pages at most. */
  limit?: number;
  /** Which links to follow (all of this site's by default). */
  follow?: (pathname: string) => boolean;
  /** Called before each page is loaded (a test deletes something there). */
  beforeVisit?: (path: string) => Promise<void>;
};

/**
 * Loads each page in full and waits until it is idle (hydrated, route manifest fetched), following its
 * links. A page found by a link that answers 404 because what it showed was deleted meanwhile is passed
 * over (another link of its shape may still be visited); the start pages, and any other error, fail.
 */
async function walk(page: Page, start: string[], allow: (pattern: RegExp, why: string) => void, options: WalkOptions = {}) {
  const { limit = 60, follow = () => true, beforeVisit } = options;
  const origin = new URL(page.url()).origin;
  const queue = [...start];
  const discovered = new Set<string>();
  const seen = new Set<string>();
  const vanished = new Set<string>();
  const visited: string[] = [];
  while (queue.length && visited.length < limit) {
    const path = queue.shift()!;
    const key = shape(new URL(path, origin).pathname);
    if (seen.has(key) || vanished.has(path)) continue;
    seen.add(key);
    await beforeVisit?.(path);
    const response = await page.goto(path, { waitUntil: "networkidle" });
    if (response?.status() === 404 && discovered.has(path)) {
      // A link may redirect (a notification opens its subject): what is gone may be where it led.
      const answeredUrl = new URL(page.url());
      const askedUrl = new URL(path, origin);
      const [answered, asked] = [answeredUrl.pathname, askedUrl.pathname];
      if ((await goneMeanwhile(asked, askedUrl.search)) || (answered !== asked && (await goneMeanwhile(answered, answeredUrl.search)))) {
        for (const where of new Set([asked, answered])) allow(httpError(404, where), "deleted by a journey running alongside after its link was listed");
        vanished.add(path);
        seen.delete(key);
        continue;
      }
    }
    expect(response?.status(), `GET ${path}`).toBeLessThan(400);
    visited.push(path);
    const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    for (const href of hrefs) {
      const url = new URL(href, page.url());
      const next = url.pathname + url.search;
      if (skipped(url, origin) || !follow(url.pathname) || seen.has(shape(url.pathname)) || vanished.has(next)) continue;
      discovered.add(next);
      queue.push(next);
    }
  }
  return { visited, vanished: [...vanished] };
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
    const { visited } = await walk(page, [...at, "/search"], allowConsoleErrors);
    // The walk really went somewhere: the menu alone leads to five pages or more.
    expect(visited.length, visited.join("\n")).toBeGreaterThanOrEqual(5);
  });
}

test("the sign-in page and an unknown address load without a console error", async ({ page, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(404, "/no-such-page"), "the unknown address is asked for on purpose; its 404 answer is the point");
  expect((await page.goto("/login", { waitUntil: "networkidle" }))?.status()).toBe(200);
  expect((await page.goto("/no-such-page", { waitUntil: "networkidle" }))?.status()).toBe(404);
});

test.describe("a page that vanishes while the walk runs", () => {
  /** A mentor with a plan per newcomer, made here: the mentoring page links to each plan. */
  async function plansOf(insertUser: (role?: Role, opts?: { departmentId?: string }) => Promise<TestUser>, departmentId: string, newcomers: number) {
    const mentor = await insertUser("EMPLOYEE", { departmentId });
    const today = startOfDay(new Date());
    const plans = [];
    for (let i = 0; i < newcomers; i++) {
      const newcomer = await insertUser("EMPLOYEE", { departmentId });
      plans.push(
        await db.mentoringPlan.create({
          data: { departmentId, newcomerId: newcomer.id, mentorId: mentor.id, startsOn: today, endsOn: addDays(today, 30), items: { create: [{ kind: "TASK", title: "Een spaarrekening openen", position: 1 }] } },
          select: { id: true },
        }),
      );
    }
    return { mentor, plans };
  }

  test("is passed over when it is gone from the database, and the walk visits another of its kind", async ({ page, login, insertUser, insertDepartment, allowConsoleErrors }) => {
    const department = await insertDepartment();
    const { mentor, plans } = await plansOf(insertUser, department.id, 2);
    await login(mentor);
    let deleted = "";
    const { visited, vanished } = await walk(page, ["/mentoring"], allowConsoleErrors, {
      follow: (pathname) => pathname.startsWith("/mentoring/"),
      // Another journey ends and deletes the first plan after the mentoring page listed it.
      beforeVisit: async (path) => {
        const plan = plans.find((p) => path === `/mentoring/${p.id}`);
        if (plan && !deleted) {
          deleted = path;
          await db.mentoringPlan.delete({ where: { id: plan.id } });
        }
      },
    });
    expect(vanished).toEqual([deleted]);
    expect(visited).toEqual(["/mentoring", ...plans.map((p) => `/mentoring/${p.id}`).filter((p) => p !== deleted)]);
  });

  test("a page whose query names a row (the department picker) is passed over when that row is gone", async ({ page, login, insertUser, insertDepartment, allowConsoleErrors }) => {
    const department = await insertDepartment();
    await login(await insertUser("ADMIN"));
    const template = `/mentoring/template?department=${department.id}`;
    const { vanished } = await walk(page, [`/mentoring?department=${department.id}`], allowConsoleErrors, {
      follow: (pathname) => pathname === "/mentoring/template",
      // Another journey ends and deletes its department after the mentoring page linked to its template.
      beforeVisit: async (path) => {
        if (path === template) await db.department.delete({ where: { id: department.id } });
      },
    });
    expect(vanished).toEqual([template]);
  });

  test("fails the walk when the page still exists: a 404 there is a real error", async ({ page, login, insertUser, insertDepartment, allowConsoleErrors }) => {
    const department = await insertDepartment();
    const { mentor, plans } = await plansOf(insertUser, department.id, 1);
    const other = await insertUser("EMPLOYEE", { departmentId: department.id });
    const path = `/mentoring/${plans[0].id}`;
    allowConsoleErrors(httpError(404, path), "the plan is handed to another mentor on purpose: the walk must report its 404");
    await login(mentor);
    const walking = walk(page, ["/mentoring"], allowConsoleErrors, {
      follow: (pathname) => pathname.startsWith("/mentoring/"),
      // The plan is still there, but no longer the walker's to see.
      beforeVisit: async (next) => {
        if (next === path) await db.mentoringPlan.update({ where: { id: plans[0].id }, data: { mentorId: other.id } });
      },
    });
    await expect(walking).rejects.toThrow(`GET ${path}`);
  });

  test("a start page that answers 404 fails the walk, gone or not", async ({ page, login, insertUser, insertDepartment, allowConsoleErrors }) => {
    const department = await insertDepartment();
    const { mentor, plans } = await plansOf(insertUser, department.id, 1);
    const path = `/mentoring/${plans[0].id}`;
    allowConsoleErrors(httpError(404, path), "the plan is deleted before the walk starts there, on purpose");
    await login(mentor);
    await db.mentoringPlan.delete({ where: { id: plans[0].id } });
    await expect(walk(page, [path], allowConsoleErrors)).rejects.toThrow(`GET ${path}`);
  });

  test("every page route with a parameter says which rows it shows", async () => {
    const sample = (segment: string) => (segment === "$slug" ? "een-community" : segment === "$version" ? "2" : `c${"0".repeat(24)}`);
    const routes = readdirSync("app/routes").filter((f) => f.endsWith(".tsx") && f.includes("$") && f !== "$.tsx" && !f.startsWith("api."));
    expect(routes.length).toBeGreaterThan(10);
    for (const file of routes) {
      const segments = file.replace(/\.tsx$/, "").split(".").filter((s) => s !== "_index");
      const pathname = `/${segments.map((s) => s.replace(/_$/, "")).map((s) => (s.startsWith("$") ? sample(s) : s)).join("/")}`;
      const rows = rowsShownAt(pathname);
      expect(rows, `${file} (${pathname}) has no rule in ROWS`).not.toBeNull();
      expect(await Promise.all(rows!)).toContain(null);
    }
  });
});
