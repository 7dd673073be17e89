/**
 * Two app servers on one PostgreSQL database and one Meilisearch, as behind a load balancer (issue 15;
 * docs/decisions/0052, 0054, 0070): a field note written on server A is in the knowledge manager's work queue
 * on server B; a logout on A ends the session on B at once; and killing A outright while both serve leaves B
 * answering every request, and B takes over the background roles A held.
 *
 * The spec starts what it needs itself: a fresh database on TEST_POSTGRES_URL's server (the first server
 * migrates it at boot), one Meilisearch that both servers use as an external service (MEILI_HOST), so that
 * killing A does not take search with it, and the two real servers (`server/main.ts`, one app process each).
 * Without TEST_POSTGRES_URL it is skipped; CI sets it, and there the spec must run.
 */
import { mkdirSync, rmSync } from "node:fs";
import type http from "node:http";
import path from "node:path";
import bcrypt from "bcryptjs";
import type { PrismaClient } from "@prisma/client";
import { createPostgresClient } from "~/utils/postgres.server";
import { startEmbeddedMeilisearch, type EmbeddedMeilisearch } from "../../search/launcher";
import { keepAliveAgent, request } from "../bench/http";
import { BenchServer, benchServerEnv, logIn } from "../bench/server";
import { uid } from "../support/factories";
import { createDatabase, dropDatabases, testPostgresUrl } from "../support/postgres";
import { editorReady, marker, SESSION_COOKIE, signInWithForm } from "./support/app";
import { expect, nl, test, TEST_PASSWORD } from "./support/fixtures";

const postgres = testPostgresUrl();
const PORT_A = Number(process.env.E2E_TWO_SERVERS_PORT ?? 3103);
const PORT_B = PORT_A + 1;
/** What the browser uses: one host name, so one cookie reaches both servers as behind one address. */
const A = `http://localhost:${PORT_A}`;
const B = `http://localhost:${PORT_B}`;
/** What the test's own HTTP clients use (the servers listen on 127.0.0.1). */
const DIRECT = { A: `http://127.0.0.1:${PORT_A}`, B: `http://127.0.0.1:${PORT_B}` };
const DIR = process.env.E2E_TWO_SERVERS_DIR ?? path.resolve("tests/.tmp/e2e-two-servers");
/** Short, so that B takes A's background roles over within seconds of the kill. */
const LEASE_MS = 1500;

type Person = { id: string; email: string };
type Health = { status: string; process: { pid: number; jobs: string[] } };

async function health(origin: string): Promise<Health> {
  const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(5000) });
  return (await response.json()) as Health;
}

test.describe("two app servers on one PostgreSQL database and one Meilisearch", () => {
  test.skip(!postgres && !process.env.CI, "needs TEST_POSTGRES_URL, a PostgreSQL role that may create databases (CI sets it; see README, Tests)");
  test.describe.configure({ mode: "serial" });
  // The fixtures' `login` signs in on B.
  test.use({ baseURL: B });

  const prefix = `gilde_e2e_two_${process.pid}_`;
  const servers = { A: new BenchServer(() => undefined), B: new BenchServer(() => undefined) };
  let meili: EmbeddedMeilisearch | undefined;
  let client: PrismaClient | undefined;
  let employee: Person;
  let knowledgeManager: Person;

  test.beforeAll(async () => {
    if (!postgres) throw new Error("TEST_POSTGRES_URL is not set: CI must run the two-server journey on PostgreSQL (see .ci/run).");
    test.setTimeout(120_000);
    const started = Date.now();
    rmSync(DIR, { recursive: true, force: true });
    mkdirSync(DIR, { recursive: true });
    await dropDatabases(postgres, prefix);
    const databaseUrl = await createDatabase(postgres, `${prefix}${uid()}`);
    meili = await startEmbeddedMeilisearch({
      port: Number(process.env.E2E_TWO_SERVERS_MEILI_PORT ?? 7792),
      dataDir: path.join(DIR, "meili"),
      masterKey: "two-servers-test-master-key",
      quiet: true,
    });
    const env = (port: number) =>
      benchServerEnv(
        { databaseUrl, meiliDir: path.join(DIR, "meili"), indexPrefix: "e2e_two_" },
        {
          PORT: String(port),
          WEB_CONCURRENCY: "1",
          MEILI_HOST: meili!.host,
          MEILI_MASTER_KEY: meili!.masterKey,
          OUTBOX_POLL_MS: "100",
          JOB_LEASE_MS: String(LEASE_MS),
          // Sessions kept for a minute: only the shared session version can explain a refusal on the next request.
          SESSION_CACHE_MS: "60000",
        },
      );
    // A first: it migrates the empty database and takes both background roles; B then finds it ready.
    servers.A.start(env(PORT_A), path.join(DIR, "server-a.log"));
    await servers.A.waitFor("server A answering /healthz", 90_000, async () => (await health(DIRECT.A)).status === "ok");
    servers.B.start(env(PORT_B), path.join(DIR, "server-b.log"));
    await servers.B.waitFor("server B answering /healthz", 90_000, async () => (await health(DIRECT.B)).status === "ok");

    client = createPostgresClient(databaseUrl);
    const passwordHash = await bcrypt.hash(TEST_PASSWORD, 4);
    const person = (role: "EMPLOYEE" | "KNOWLEDGE_MANAGER") =>
      client!.user.create({ data: { email: `${uid("two-")}@test.gilde`, name: `Test ${uid()}`, role, locale: "nl", passwordHash }, select: { id: true, email: true } });
    [employee, knowledgeManager] = await Promise.all([person("EMPLOYEE"), person("KNOWLEDGE_MANAGER")]);
    console.log(`[two-servers] database, Meilisearch and both servers ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  test.afterEach(async () => {
    const testInfo = test.info();
    if (testInfo.status === testInfo.expectedStatus) return;
    for (const [name, server] of Object.entries(servers)) await testInfo.attach(`server ${name} output`, { body: server.output, contentType: "text/plain" });
  });

  test.afterAll(async () => {
    await Promise.all([servers.A.stop(), servers.B.stop()]);
    await client?.$disconnect();
    await meili?.stop();
    if (postgres) await dropDatabases(postgres, prefix);
  });

  test("a note written on A is in the knowledge manager's work queue on B", async ({ browser, page, login }) => {
    const title = `Notitie geschreven op server A ${marker()}`;
    const writer = await browser.newContext({ baseURL: A });
    const writerPage = await writer.newPage();
    await signInWithForm(writerPage, employee.email, TEST_PASSWORD);
    await writerPage.goto("/notes/new");
    await editorReady(writerPage);
    await writerPage.getByLabel(nl("note.field.title")).fill(title);
    await writerPage.getByRole("textbox", { name: nl("note.field.body") }).click();
    await writerPage.keyboard.type("Geschreven op de ene server, behandeld op de andere.");
    await writerPage.getByRole("button", { name: nl("note.submit") }).click();
    await expect(writerPage).toHaveURL(`${A}/notes`);
    await expect(writerPage.getByRole("status")).toHaveText(nl("note.submitted"));
    await writer.close();

    await login({ email: knowledgeManager.email, password: TEST_PASSWORD });
    await page.goto("/curation");
    await expect(page).toHaveURL(`${B}/curation`);
    await page.getByRole("link", { name: title, exact: true }).click();
    await expect(page.getByRole("region", { name: nl("curate.publish") })).toBeVisible();
  });

  test("a logout on A ends the session on B at once", async ({ browser }) => {
    // One browser and one cookie for both servers, as behind a load balancer.
    const context = await browser.newContext({ baseURL: A });
    const page = await context.newPage();
    await signInWithForm(page, employee.email, TEST_PASSWORD);
    const session = (await context.cookies(A)).find((c) => c.name === SESSION_COOKIE);
    expect(session, "session cookie after sign-in on A").toBeTruthy();
    const onB = (cookie: string) => fetch(`${DIRECT.B}/settings`, { headers: { cookie: `${SESSION_COOKIE}=${cookie}` }, redirect: "manual" });

    // B knows the session and keeps its read (asked twice).
    for (let i = 0; i < 2; i++) {
      await page.goto(`${B}/settings`);
      await expect(page).toHaveURL(`${B}/settings`);
    }
    expect((await onB(session!.value)).status).toBe(200);

    await page.goto(`${A}/settings`);
    await page.getByRole("button", { name: nl("nav.logout") }).click();
    await expect(page).toHaveURL(`${A}/login`);

    // The same cookie, put back, is sent to the login page by B on the very next request.
    const refused = await onB(session!.value);
    expect(refused.status).toBe(302);
    expect(refused.headers.get("location")).toMatch(/^\/login/);
    await context.addCookies([{ ...session!, expires: -1 }]);
    await page.goto(`${B}/settings`);
    await expect(page).toHaveURL(`${B}/login?redirectTo=%2Fsettings`);
    await expect(page.getByRole("heading", { name: nl("login.title") })).toBeVisible();
    await context.close();
  });

  test("killing A outright while both serve leaves B answering every request, and B takes A's roles over", async () => {
    const roles = async (origin: string) => [...(await health(origin)).process.jobs].sort();
    expect(await roles(DIRECT.A), "A booted first and holds both roles").toEqual(["scheduler", "search-outbox"]);
    type Name = keyof typeof DIRECT;
    const agents: Record<Name, http.Agent> = { A: keepAliveAgent(), B: keepAliveAgent() };
    const cookies: Record<Name, string> = {
      A: await logIn(agents.A, DIRECT.A, knowledgeManager.email, TEST_PASSWORD),
      B: await logIn(agents.B, DIRECT.B, knowledgeManager.email, TEST_PASSWORD),
    };
    // Signed-in pages that need the database and search, and the health check.
    const paths = ["/curation", "/search?q=notitie", "/notes", "/healthz"];
    type Outcome = { server: Name; path: string; started: number; ended: number; status?: number; error?: string };
    const outcomes: Outcome[] = [];
    let killedAt = Number.POSITIVE_INFINITY;
    let tookOverMs = 0;
    let stop = false;
    const giveUpAt = Date.now() + 40_000;

    // Two clients per server, one request after the other, until told to stop (or the time is up).
    const visitor = async (server: Name) => {
      for (let i = 0; !stop && Date.now() < giveUpAt; i++) {
        const pathname = paths[i % paths.length];
        const started = Date.now();
        try {
          const reply = await request(agents[server], `${DIRECT[server]}${pathname}`, { headers: { cookie: cookies[server] }, timeoutMs: 10_000 });
          outcomes.push({ server, path: pathname, started, ended: Date.now(), status: reply.status });
        } catch (error) {
          outcomes.push({ server, path: pathname, started, ended: Date.now(), error: (error as NodeJS.ErrnoException).code ?? String(error) });
          // A server that is gone refuses at once: do not spin.
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };
    const answered = (server: Name, since = 0) => outcomes.filter((o) => o.server === server && o.started >= since && o.status !== undefined).length;
    const visitors = [visitor("A"), visitor("B"), visitor("A"), visitor("B")];
    try {
      await expect.poll(() => answered("A") >= 20 && answered("B") >= 20, { timeout: 15_000, message: "both servers answering" }).toBe(true);

      const pid = servers.A.appPid();
      expect(pid, "A's app process").toBeTruthy();
      killedAt = Date.now();
      process.kill(pid!, "SIGKILL");

      // B goes on answering while A's leases run out, and takes both roles.
      await expect
        .poll(() => roles(DIRECT.B), { timeout: 15_000, intervals: [100], message: "B running both background roles" })
        .toEqual(["scheduler", "search-outbox"]);
      const tookOver = Date.now();
      tookOverMs = tookOver - killedAt;
      await expect.poll(() => answered("B", tookOver) >= 20, { timeout: 15_000, message: "B answering after taking over" }).toBe(true);
    } finally {
      stop = true;
      await Promise.all(visitors);
      for (const agent of Object.values(agents)) agent.destroy();
    }

    const onB = outcomes.filter((o) => o.server === "B");
    expect(onB.filter((o) => o.status !== 200), "B's answers other than 200").toEqual([]);
    expect(onB.filter((o) => o.started >= killedAt).length, "B's answers after the kill").toBeGreaterThanOrEqual(20);

    const onA = outcomes.filter((o) => o.server === "A");
    expect(onA.filter((o) => o.ended < killedAt && o.status !== 200), "A's answers before the kill other than 200").toEqual([]);
    const afterKill = onA.filter((o) => o.started >= killedAt);
    expect(afterKill.length, "requests sent to A after the kill").toBeGreaterThan(0);
    // No answer from A once it is killed: connections reset (a request caught in flight) or refused.
    expect(afterKill.filter((o) => o.status !== undefined || !["ECONNREFUSED", "ECONNRESET"].includes(o.error ?? "")), "A's outcomes after the kill").toEqual([]);
    expect(afterKill.at(-1)?.error, "A's last request").toBe("ECONNREFUSED");
    console.log(
      `[two-servers] B answered ${onB.length} requests (${onB.filter((o) => o.started >= killedAt).length} after A was killed), all 200; ` +
        `A refused ${afterKill.length} after the kill; B ran both background roles ${tookOverMs} ms after the kill (lease ${LEASE_MS} ms)`,
    );
  });
});
