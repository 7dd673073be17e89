/**
 * The knowledge manager's dashboard: an employee searches for a word nobody wrote about; the
 * knowledge manager opens the dashboard, sees the figures (each with its definition and its numbers)
 * and that search as a knowledge gap, and drafts an entry from it in one click. Employees, leads and
 * department heads get 403 and no menu item; axe finds no serious or critical violation.
 */
import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, nl, test } from "./support/fixtures";
import { DEMO_PASSWORD, inventedWord, loggedInPage } from "./support/app";
import { apiSession, db, employee, TEST_PASSWORD } from "./support/data";

async function expectNoSeriousAxeViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]["page"] }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `axe on ${name}`).toEqual([]);
}

test("the knowledge manager sees the figures and drafts an entry from a search that found nothing; others get 403", async ({ browser }) => {
  test.slow();
  const word = inventedWord();
  const searcher = await employee();
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  try {
    // An employee searches, typing on as people do: one search in the log, with zero results.
    const agentPage = await loggedInPage(contexts[0], searcher.email, TEST_PASSWORD);
    // (Again while the page says search is briefly unavailable: the machine may be busy; unavailable searches are not logged.)
    const search = async (q: string) => {
      await expect
        .poll(async () => {
          await agentPage.goto(`/search?q=${encodeURIComponent(q)}`);
          return agentPage.locator(".empty-state, .result-list").count();
        }, { timeout: 30_000 })
        .toBe(1);
    };
    await search(word.slice(0, 5));
    await search(`  ${word.toUpperCase()} `);
    await expect(agentPage.getByText(new RegExp(`Niets gevonden voor “\\s*${word.toUpperCase()}\\s*”`))).toBeVisible();
    await expect(agentPage.getByRole("link", { name: nl("nav.knowledgeDashboard") })).toHaveCount(0);
    await expect
      .poll(() => db.searchLog.findMany({ where: { userId: searcher.id }, select: { query: true, resultCount: true } }))
      .toEqual([{ query: word, resultCount: 0 }]);

    // The knowledge manager finds the dashboard in the menu.
    const km = await loggedInPage(contexts[1], "km@gilde.test", DEMO_PASSWORD);
    await km.getByRole("link", { name: nl("nav.knowledgeDashboard") }).click();
    await expect(km).toHaveURL(/\/dashboard\/knowledge$/);
    await expect(km.getByRole("heading", { level: 1, name: nl("km.title") })).toBeVisible();
    for (const title of ["Wachtende notities", "Tijd tot beslissing", "Beslissingen", "Nieuw tegenover hergebruikt", "Ingestuurde notities", "Meest behulpzame artikels", "Bijdragers per community"]) {
      await expect(km.getByRole("heading", { level: 2, name: title, exact: true })).toBeVisible();
    }
    await expect(km.getByRole("link", { name: nl("km.periodDays", { count: 30 }) })).toHaveAttribute("aria-current", "page");
    // Charts are images with a name, and their numbers are one click away.
    await expect(km.getByRole("img", { name: nl("km.figure.submissions") })).toBeVisible();
    const decisions = km.getByRole("region", { name: nl("km.figure.decisions") });
    await decisions.getByText(nl("km.showNumbers")).click();
    await expect(decisions.getByRole("columnheader", { name: nl("km.decisions.headers.share") })).toBeVisible();
    await expect(decisions.getByRole("rowheader", { name: nl("km.decision.MERGED") })).toBeVisible();
    // Each figure's definition: on hover (title) and on click.
    const inbox = km.getByRole("region", { name: nl("km.figure.inbox") });
    await expect(inbox.locator("summary")).toHaveAttribute("title", /op een beslissing wachten/);
    await expect(inbox.locator("summary")).toContainText(`${nl("km.definition")} ${nl("km.figure.inbox")}`);
    await inbox.locator("summary").click();
    await expect(inbox.getByText(nl("km.definition.inbox"))).toBeVisible();

    // The employee's search is a knowledge gap, normalised.
    const gaps = km.getByRole("region", { name: nl("km.figure.gaps") });
    await expect(gaps.locator(".ranked-list").getByText(word, { exact: true })).toBeVisible();
    await expectNoSeriousAxeViolations(km, "the knowledge dashboard");

    // Other periods: the 7-day view keeps today's gap.
    await km.getByRole("link", { name: nl("km.periodDays", { count: 7 }) }).click();
    await expect(km).toHaveURL(/days=7/);
    await expect(gaps.locator(".ranked-list").getByText(word, { exact: true })).toBeVisible();

    // One click drafts an entry: the note form with the query as title; the knowledge manager curates it from there.
    await gaps.getByRole("link", { name: nl("km.gaps.draftLabel", { query: word }) }).click();
    await expect(km).toHaveURL(new RegExp(`/notes/new\\?title=${word}$`));
    await expect(km.getByLabel(nl("note.field.title"))).toHaveValue(word);

    // Employees, leads and department heads may not see it.
    for (const email of ["agent@gilde.test", "lead@gilde.test", "head@gilde.test"]) {
      const api = await apiSession(email, DEMO_PASSWORD);
      try {
        expect((await api.get("/dashboard/knowledge")).status(), email).toBe(403);
        // Also with a period chosen: the page says "no access" and shows none of the figures.
        const chosen = await api.get("/dashboard/knowledge?days=365");
        expect(chosen.status(), email).toBe(403);
        const html = await chosen.text();
        expect(html, email).toContain(nl("error.forbidden.title"));
        expect(html, email).not.toContain(nl("km.title"));
      } finally {
        await api.dispose();
      }
    }
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});
