/**
 * npm run test:faults — what the search side and the database keep when processes die or freeze:
 *  1. Meilisearch kill -9-ed three times during 2 000 publishes, edits and archives: the supervisor
 *     brings it back, the outbox drains by itself, the index equals the database, nothing is lost.
 *  2. The real server with its embedded Meilisearch frozen (SIGSTOP): the search page says search is
 *     unavailable within 2 s, writes succeed; after SIGCONT search and the outbox catch up.
 *  3. The real server kill -9-ed during a burst of writes: every acknowledged write is in the
 *     database, PRAGMA integrity_check is ok, and the server starts again on it.
 * Figures are printed ([faults] lines) for docs/benchmarks.md.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import { PrismaClient } from "@prisma/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { afterAll, describe, expect, it } from "vitest";
import { publishNote } from "~/commands/curate-note.server";
import { archiveEntry, editEntry } from "~/commands/manage-entry.server";
import { db } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { nl } from "~/utils/i18n/nl";
import { adminClient, entriesIndexUid } from "../../search/client.server";
import { ensureEntriesIndex, ensureQuestionsIndex } from "../../search/index.server";
import { startEmbeddedMeilisearch, type EmbeddedMeilisearch } from "../../search/launcher";
import { pendingOutboxCount, releaseOutboxBackoff, startOutboxWorker, stopOutboxWorker } from "../../search/outbox.server";
import { actorFor, body, makeUser, uid } from "../support/factories";
import { freePort } from "../support/ports";

const TMP = path.resolve(process.env.GILDE_TEST_TMP ?? "tests/.tmp", "faults");
mkdirSync(TMP, { recursive: true });
const figure = (line: string) => console.log(`[faults] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(50);
  }
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("Meilisearch killed three times during 2 000 writes", () => {
  it("loses nothing: after the drain the index equals the database", async () => {
    const meili: EmbeddedMeilisearch = await startEmbeddedMeilisearch({ port: await freePort(), dataDir: path.join(TMP, uid("meili-")), masterKey: "faults-master-key-0123456789", quiet: true });
    cleanups.push(() => meili.stop());
    process.env.MEILI_HOST = meili.host;
    process.env.MEILI_MASTER_KEY = meili.masterKey;
    process.env.SEARCH_TIMEOUT_MS = "500";
    resetEnvCache();
    await ensureEntriesIndex();
    await ensureQuestionsIndex();
    const restartedAt: number[] = [];
    meili.onRestart(() => {
      restartedAt.push(Date.now());
      void releaseOutboxBackoff();
    });
    startOutboxWorker();
    cleanups.push(() => stopOutboxWorker());

    const km = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
    const author = await actorFor(await makeUser());
    const live: { id: string; version: number }[] = [];
    const counts = { publish: 0, edit: 0, archive: 0 };
    const killedAt: number[] = [];
    const reviewBy = new Date(Date.now() + 90 * 86_400_000);
    // The submitted notes the publishes take, made in one go: the faults are in what is indexed, not in submitting.
    const marker = uid("storing");
    await db.note.createMany({
      data: Array.from({ length: 1300 }, (_, i) => ({ authorId: author.id, title: `Storingstest ${marker} ${i}`, bodyJson: "{}", bodyText: "Wat werkte." })),
    });
    const notes = (await db.note.findMany({ where: { title: { startsWith: `Storingstest ${marker}` } }, select: { id: true } })).map((n) => n.id);
    const started = Date.now();
    for (let i = 0; i < 2000; i++) {
      // Let timers and I/O run between writes, as requests do in a server (the supervisor and the worker live on them).
      await new Promise((r) => setImmediate(r));
      if (i > 0 && i % 500 === 0) {
        await until("Meilisearch running before the next kill", 30_000, async () => (meili.supervisor().state === "running" ? true : undefined));
        killedAt.push(Date.now());
        process.kill(meili.pid()!, "SIGKILL");
      }
      const kind = live.length < 20 || i % 10 < 6 ? "publish" : i % 10 < 9 ? "edit" : "archive";
      if (kind === "publish") {
        const title = `Storingstest ${i} ${uid()}`;
        const { entryId } = await publishNote(km, notes[counts.publish], { title, body: body(`${title}: stappen.`), tags: ["storing"] });
        live.push({ id: entryId, version: 1 });
      } else if (kind === "edit") {
        const entry = live[i % live.length];
        const title = `Storingstest bewerkt ${i} ${uid()}`;
        await editEntry(km, entry.id, { version: entry.version, title, body: body(`${title}.`), tags: ["storing", "bewerkt"], communityId: null, ownerId: km.id, reviewBy, changeNote: "Storingstest", resolveFlagIds: [] });
        entry.version++;
      } else {
        const [entry] = live.splice(i % live.length, 1);
        await archiveEntry(km, entry.id, { reason: "Storingstest" });
      }
      counts[kind]++;
    }
    const writesDone = Date.now();
    await until("the outbox drained by itself", 120_000, async () => ((await pendingOutboxCount()) === 0 ? true : undefined));
    const drained = Date.now();

    const inDatabase = new Map((await db.entry.findMany({ select: { id: true, title: true, state: true } })).map((e) => [e.id, `${e.title}|${e.state}`]));
    const inIndex = new Map<string, string>();
    for (let offset = 0; ; offset += 1000) {
      const page = await adminClient().index(entriesIndexUid()).getDocuments({ fields: ["id", "title", "state"], limit: 1000, offset });
      for (const d of page.results) inIndex.set(String(d.id), `${d.title}|${d.state}`);
      if (page.results.length < 1000) break;
    }
    const lost = [...inDatabase].filter(([id, value]) => inIndex.get(id) !== value);
    const phantom = [...inIndex.keys()].filter((id) => !inDatabase.has(id));
    figure(
      `meilisearch kill -9 x${killedAt.length} during ${counts.publish} publishes, ${counts.edit} edits, ${counts.archive} archives (${((writesDone - started) / 1000).toFixed(1)} s): ` +
        `back after ${restartedAt.map((t, k) => `${t - killedAt[k]} ms`).join(", ")}; drained ${drained - writesDone} ms after the last write; ` +
        `${inDatabase.size} entries, ${lost.length} lost or stale, ${phantom.length} phantom`,
    );
    expect(restartedAt).toHaveLength(3);
    for (let k = 0; k < 3; k++) expect(restartedAt[k] - killedAt[k]).toBeLessThan(10_000);
    expect(lost).toEqual([]);
    expect(phantom).toEqual([]);
    expect(counts.publish + counts.edit + counts.archive).toBe(2000);
  });
});

type Server = { process: ChildProcess; base: string; log: string };

async function startServer(env: NodeJS.ProcessEnv, name: string): Promise<Server> {
  const log = path.join(TMP, `${name}.log`);
  const out = openSync(log, "w");
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], { env, stdio: ["ignore", out, out] });
  const base = `http://127.0.0.1:${env.PORT}`;
  await until(`server ${name} ready`, 120_000, async () => {
    if (child.exitCode !== null) throw new Error(readFileSync(log, "utf8"));
    return (await fetch(`${base}/healthz`)).ok ? true : undefined;
  }).catch((error) => {
    child.kill("SIGKILL");
    throw new Error(`${error instanceof Error ? error.message : error}\n${readFileSync(log, "utf8").slice(-3000)}`);
  });
  return { process: child, base, log };
}

async function stopServer(server: Server) {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return;
  const exited = new Promise((r) => server.process.once("exit", r));
  server.process.kill("SIGTERM");
  await Promise.race([exited, sleep(10_000)]);
  if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill("SIGKILL");
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: "km@gilde.test", password: "gilde-demo" }),
    redirect: "manual",
  });
  expect(response.status).toBe(302);
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

async function submitNoteOverHttp(base: string, cookie: string, title: string): Promise<boolean> {
  const response = await fetch(`${base}/notes/new`, {
    method: "POST",
    headers: { Origin: base, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Connection: "close" },
    body: new URLSearchParams({ title, bodyPlain: `${title}. Wat werkte: opnieuw inloggen.`, tags: "storing", communityId: "" }),
    redirect: "manual",
    signal: AbortSignal.timeout(10_000),
  });
  return response.status === 302 && response.headers.get("location") === "/notes";
}

describe("the real server", () => {
  it("says search is unavailable within 2 s while Meilisearch is frozen, takes writes, and keeps every acknowledged write through a kill -9", async () => {
    const databaseFile = path.join(TMP, `${uid("server-")}.db`);
    copyFileSync(process.env.GILDE_TEMPLATE_DB!, databaseFile);
    const meiliDir = path.join(TMP, uid("server-meili-"));
    const env = {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(await freePort()),
      DATABASE_URL: `file:${databaseFile}`,
      MEILI_HOST: "",
      MEILI_MASTER_KEY: "",
      MEILI_PORT: String(await freePort()),
      MEILI_DATA_DIR: meiliDir,
      MEILI_INDEX_PREFIX: "faults_",
      OUTBOX_POLL_MS: "100",
      SEARCH_TIMEOUT_MS: "1000",
      // One person writes the whole burst: the durability of writes is tested here, not the rate limit.
      RATE_LIMIT_WRITES: "0",
    } as NodeJS.ProcessEnv;
    let server = await startServer(env, "server-1");
    cleanups.push(() => stopServer(server));
    const meiliPid = (): number => JSON.parse(readFileSync(path.join(meiliDir, "meilisearch.pid"), "utf8")).pid;
    cleanups.push(() => {
      // The Meilisearch the killed server left behind, if the restart below did not get to stop it.
      if (existsSync(path.join(meiliDir, "meilisearch.pid"))) {
        try {
          process.kill(meiliPid(), "SIGCONT");
          process.kill(meiliPid(), "SIGKILL");
        } catch {
          // gone
        }
      }
    });
    const cookie = await signIn(server.base);

    // Frozen Meilisearch: the search page answers quickly with the message; writes go through.
    const frozen = meiliPid();
    process.kill(frozen, "SIGSTOP");
    let searchMs: number;
    let writesOk = 0;
    const writeMs: number[] = [];
    try {
      const t0 = Date.now();
      const page = await fetch(`${server.base}/search?q=spaarrekening`, { headers: { Cookie: cookie }, signal: AbortSignal.timeout(10_000) });
      searchMs = Date.now() - t0;
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(nl["search.unavailable"].replace(/'/g, "&#x27;"));
      for (let i = 0; i < 5; i++) {
        const w0 = Date.now();
        if (await submitNoteOverHttp(server.base, cookie, `Tijdens bevroren zoeken ${i} ${uid()}`)) writesOk++;
        writeMs.push(Date.now() - w0);
      }
      const health = await (await fetch(`${server.base}/healthz`)).json();
      expect(health).toMatchObject({ status: "degraded", search: "degraded" });
    } finally {
      process.kill(frozen, "SIGCONT");
    }
    expect(searchMs).toBeLessThan(2000);
    expect(writesOk).toBe(5);
    const thawed = Date.now();
    await until("search back after SIGCONT", 15_000, async () => {
      const health = await (await fetch(`${server.base}/healthz`)).json();
      return health.search === "ok" && health.outboxPending === 0 ? true : undefined;
    });
    figure(`meilisearch SIGSTOP: search page answered in ${searchMs} ms with "unavailable"; 5 of 5 writes acknowledged (max ${Math.max(...writeMs)} ms); healthy again ${Date.now() - thawed} ms after SIGCONT`);

    // A burst of writes from 6 clients; the server is killed with kill -9 in the middle of it.
    const acknowledged: string[] = [];
    let attempts = 0;
    let killed = false;
    const clients = Array.from({ length: 6 }, async (_, c) => {
      for (let i = 0; !killed || i === 0; i++) {
        const title = `Schrijfstoot ${c}-${i} ${uid()}`;
        attempts++;
        const ok = await submitNoteOverHttp(server.base, cookie, title).catch(() => false);
        if (ok) acknowledged.push(title);
        if (killed) break;
      }
    });
    await until("enough writes acknowledged", 30_000, async () => (acknowledged.length >= 60 ? true : undefined));
    server.process.kill("SIGKILL");
    killed = true;
    await Promise.all(clients);

    const fresh = new PrismaClient({ adapter: new PrismaLibSQL({ url: `file:${databaseFile}` }) });
    try {
      const present = await fresh.note.count({ where: { title: { in: acknowledged } } });
      const integrity = (await fresh.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check"))[0].integrity_check;
      figure(`app kill -9 during a burst of ${attempts} writes from 6 clients: ${acknowledged.length} acknowledged, ${present} present; integrity_check ${integrity}`);
      expect(present).toBe(acknowledged.length);
      expect(integrity).toBe("ok");
    } finally {
      await fresh.$disconnect();
    }

    // It starts again on that database (and stops the Meilisearch the killed server left behind).
    const restart = Date.now();
    server = await startServer(env, "server-2");
    figure(`server ready again ${Date.now() - restart} ms after the kill -9 restart began`);
    expect(readFileSync(server.log, "utf8")).toContain("left behind");
    await stopServer(server);
  });
});
