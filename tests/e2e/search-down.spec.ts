/**
 * Search is down (the second server's Meilisearch is unreachable from the start): the search page
 * says so quickly, curation still works, and health reports the degraded state with the writes
 * that wait in the outbox.
 */
import { expect, nl, test } from "./support/fixtures";
import { DEMO_PASSWORD, DOWN_URL, marker } from "./support/app";
import { apiSession, submitNoteViaHttp } from "./support/data";

test.use({ baseURL: DOWN_URL });

test("search unavailable is said on the page; publishing still works; health is degraded", async ({ page, login }) => {
  // Our own note on this server (the demo agent exists there), so nothing depends on seeded notes.
  const title = `Zoeken ligt plat, notitie ${marker()}`;
  const agent = await apiSession("agent@gilde.test", DEMO_PASSWORD, DOWN_URL);
  await submitNoteViaHttp(agent, { title, text: "Deze notitie wordt gepubliceerd terwijl zoeken plat ligt.", tags: ["storing"] });

  await login({ email: "km@gilde.test", password: DEMO_PASSWORD });
  // How soon it is said is the search client's timeout (search/http-client.test.ts) and no wall-clock
  // assertion here: on a shared machine a stopwatch in a journey fails for reasons of its own.
  await page.goto("/search?q=getrouwheidspremie");
  await expect(page.getByRole("status")).toContainText(nl("search.unavailable"));
  await expect(page.getByRole("searchbox", { name: nl("search.label") })).toHaveValue("getrouwheidspremie");

  // Curation does not need search: the similar panel says it is unavailable, publishing works.
  await page.goto("/curation");
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("region", { name: nl("curate.similar") })).toContainText(
    nl("curate.similarUnavailable"),
  );
  const publish = page.getByRole("region", { name: nl("curate.publish") });
  await publish.getByLabel(nl("curate.entryTitle")).fill(`${title} (gepubliceerd)`);
  await publish.getByRole("button", { name: nl("curate.publishSubmit") }).click();
  await expect(page).toHaveURL(/\/curation$/);
  await expect(page.getByRole("status")).toHaveText(nl("curate.published"));
  await expect(page.getByRole("link", { name: title, exact: true })).toHaveCount(0);

  // The entry exists (the database is the source of truth) even though it cannot be indexed yet.
  const mine = await (await agent.get("/notes")).text();
  expect(mine).toContain(`Werd artikel: ${title} (gepubliceerd)`);
  await agent.dispose();

  const health = await page.request.get("/healthz");
  expect(health.status()).toBe(200);
  const body = await health.json();
  expect(body).toMatchObject({ status: "degraded", database: "ok", search: "degraded" });
  expect(body.outboxPending).toBeGreaterThanOrEqual(1);
});
