/**
 * npm run bench:load — the app under load (docs/benchmarks.md, section "Load").
 *
 * A fresh database with the demo organisation and the real server (npx tsx server/main.ts, embedded
 * Meilisearch) as a child process. Each connection signs in as one of the demo users, then sends, as
 * fast as answers come: searches (half), entry pages (three in ten) and new field notes (two in ten).
 *
 * 1. Within capacity: 50 connections for 60 s. Every answer must be a 2xx/3xx: not one 5xx.
 * 2. Beyond capacity: 400 connections for 20 s. The app may refuse work, but only as 503 with
 *    Retry-After (load shedding), never a 500 such as SQLITE_BUSY.
 *
 * Rate limits are off for the run (RATE_LIMIT_*=0): they would answer 429 to one address sending this
 * much, and this measures what the app and its database can do. Knobs: BENCH_CONNECTIONS,
 * BENCH_SECONDS, BENCH_OVER_CONNECTIONS, BENCH_OVER_SECONDS, BENCH_PORT, BENCH_MEILI_PORT, BENCH_BUILD=auto|always|never,
 * BENCH_KEEP=1 (keep tests/.tmp/load). Progress on stderr; one JSON line on stdout; exit 1 on a failure.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createClient } from "@libsql/client";
import { freePort } from "../support/ports";
import { writeBenchmarkSection } from "./doc";
import { request, resentAfterReset, sleep, stats, type Stats } from "./http";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DIR = path.join(ROOT, "tests/.tmp/load");
const DB_FILE = path.join(DIR, "load.db");
const DOC = path.join(ROOT, "docs/benchmarks.md");
const DEMO_PASSWORD = "gilde-demo";

const int = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
};
const CONNECTIONS = int("BENCH_CONNECTIONS", 50);
const SECONDS = int("BENCH_SECONDS", 60);
const OVER_CONNECTIONS = int("BENCH_OVER_CONNECTIONS", 400);
const OVER_SECONDS = int("BENCH_OVER_SECONDS", 20);

const t0 = performance.now();
const log = (message: string) => process.stderr.write(`[load ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${message}\n`);

let server: ChildProcess | undefined;
let serverExited = false;

function startServer(port: number, meiliPort: number) {
  const out = createWriteStream(path.join(DIR, "server.log"));
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith("MEILI_") || key.startsWith("RATE_LIMIT_") || key.startsWith("LOAD_")) delete env[key];
  server = spawn("npx", ["tsx", "server/main.ts"], {
    cwd: ROOT,
    env: {
      ...env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: `file:${DB_FILE}`,
      SEED_DEMO: "auto",
      MEILI_PORT: String(meiliPort),
      MEILI_DATA_DIR: path.join(DIR, "meili"),
      MEILI_INDEX_PREFIX: "load_",
      RATE_LIMIT_WRITES: "0",
      RATE_LIMIT_SEARCHES: "0",
      RATE_LIMIT_PDFS: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Own process group, so the whole tree (npx → tsx → node → meilisearch) gets the signal.
    detached: true,
  });
  server.stdout?.pipe(out);
  server.stderr?.pipe(out);
  server.on("exit", () => (serverExited = true));
}

async function stopServer() {
  const child = server;
  if (!child?.pid || serverExited) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  if (!(await Promise.race([exited.then(() => true), sleep(20_000).then(() => false)]))) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
}

async function waitForHealth(base: string) {
  const agent = new http.Agent();
  const until = Date.now() + 180_000;
  while (Date.now() < until) {
    if (serverExited) throw new Error("the server exited during boot: see tests/.tmp/load/server.log");
    const reply = await request(agent, `${base}/healthz`, { timeoutMs: 2000 }).catch(() => null);
    if (reply?.status === 200 && reply.body.includes('"search":"ok"')) return;
    await sleep(500);
  }
  throw new Error("the server did not become healthy within 3 minutes");
}

type Kind = "search" | "entry" | "note";
type Outcome = { kind: Kind; status: number; ms: number; retryAfter: boolean };

async function signIn(agent: http.Agent, base: string, email: string): Promise<string> {
  const body = new URLSearchParams({ email, password: DEMO_PASSWORD }).toString();
  const reply = await request(agent, `${base}/login`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
  });
  const cookie = reply.headers["set-cookie"]?.[0]?.split(";")[0];
  if (reply.status !== 302 || !cookie) throw new Error(`sign-in of ${email} answered ${reply.status}`);
  return cookie;
}

/** `connections` loops for `seconds`, each as one signed-in user, every request's outcome recorded. */
async function run(base: string, cookies: string[], words: string[], entryIds: string[], connections: number, seconds: number, label: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const outcomes: Outcome[] = [];
  const errors: string[] = [];
  const end = Date.now() + seconds * 1000;
  let seq = 0;
  const loop = async (i: number) => {
    const cookie = cookies[i % cookies.length];
    while (Date.now() < end) {
      const n = seq++;
      const roll = n % 10;
      const kind: Kind = roll < 5 ? "search" : roll < 8 ? "entry" : "note";
      const started = performance.now();
      try {
        let reply;
        if (kind === "search") {
          reply = await request(agent, `${base}/search?q=${encodeURIComponent(words[n % words.length])}`, { headers: { Cookie: cookie }, timeoutMs: 60_000 });
        } else if (kind === "entry") {
          reply = await request(agent, `${base}/entries/${entryIds[n % entryIds.length]}`, { headers: { Cookie: cookie }, timeoutMs: 60_000 });
        } else {
          const body = new URLSearchParams({
            formId: "note-new",
            title: `Belasting ${label} ${n}`,
            bodyPlain: `Een klant vroeg naar de ${words[n % words.length]}; zo heb ik het opgelost (${n}).`,
            tags: "spaarrekening",
            communityId: "",
          }).toString();
          reply = await request(agent, `${base}/notes/new`, {
            method: "POST",
            body,
            headers: { Cookie: cookie, Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
            timeoutMs: 60_000,
          });
        }
        outcomes.push({ kind, status: reply.status, ms: performance.now() - started, retryAfter: Boolean(reply.headers["retry-after"]) });
        // A shed client waits as asked, a little, before the next request.
        if (reply.status === 503 || reply.status === 429) await sleep(250);
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
        await sleep(100);
      }
    }
  };
  const started = performance.now();
  const loadBefore = os.loadavg()[0];
  const resentBefore = resentAfterReset.count;
  await Promise.all(Array.from({ length: connections }, (_, i) => loop(i)));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  const by = (kind: Kind) => outcomes.filter((o) => o.kind === kind && o.status < 400);
  const count = (test: (o: Outcome) => boolean) => outcomes.filter(test).length;
  const summary = {
    connections,
    seconds: Math.round(elapsed),
    requests: outcomes.length,
    perSecond: Math.round(outcomes.length / elapsed),
    ok: count((o) => o.status < 400),
    shed503: count((o) => o.status === 503),
    shed503WithoutRetryAfter: count((o) => o.status === 503 && !o.retryAfter),
    limited429: count((o) => o.status === 429),
    other4xx: count((o) => o.status >= 400 && o.status < 500 && o.status !== 429),
    server5xxNot503: count((o) => o.status >= 500 && o.status !== 503),
    // Every status per kind of request, to tell a refused note from a missing page.
    statuses: Object.fromEntries(
      (["search", "entry", "note"] as Kind[]).map((kind) => [
        kind,
        outcomes.filter((o) => o.kind === kind).reduce<Record<number, number>>((acc, o) => ({ ...acc, [o.status]: (acc[o.status] ?? 0) + 1 }), {}),
      ]),
    ),
    networkErrors: errors.length,
    // Sent again, as a browser does, after the server closed an idle keep-alive socket just as it was reused.
    resentAfterReset: resentAfterReset.count - resentBefore,
    firstErrors: [...new Set(errors)].slice(0, 3),
    latency: { search: stats(by("search").map((o) => o.ms)), entry: stats(by("entry").map((o) => o.ms)), note: stats(by("note").map((o) => o.ms)) } as Record<Kind, Stats>,
    loadAverage: { before: Math.round(loadBefore * 100) / 100, after: Math.round(os.loadavg()[0] * 100) / 100 },
  };
  log(`${label}: ${JSON.stringify({ ...summary, latency: undefined })}`);
  return summary;
}

async function main() {
  if (process.env.BENCH_BUILD === "always" || (process.env.BENCH_BUILD !== "never" && !existsSync(path.join(ROOT, "build/index.js")))) {
    log("building the app");
    const built = spawnSync("npx", ["remix", "build"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
    if (built.status !== 0) throw new Error(`remix build failed:\n${built.stderr}`);
  }
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  // BENCH_PORT / BENCH_MEILI_PORT pin the ports on a machine shared with other runs.
  const port = int("BENCH_PORT", 0) || (await freePort());
  const meiliPort = int("BENCH_MEILI_PORT", 0) || (await freePort());
  const base = `http://127.0.0.1:${port}`;
  log(`starting the server on ${base} (demo organisation, embedded Meilisearch on ${meiliPort})`);
  startServer(port, meiliPort);
  try {
    await waitForHealth(base);
    const db = createClient({ url: `file:${DB_FILE}` });
    const users = (await db.execute(`SELECT "email" FROM "User" WHERE "disabledAt" IS NULL ORDER BY "email"`)).rows.map((r) => String(r.email));
    const entries = (await db.execute(`SELECT "id", "title" FROM "Entry" WHERE "state" = 'PUBLISHED'`)).rows;
    db.close();
    const entryIds = entries.map((r) => String(r.id));
    const words = [...new Set(entries.flatMap((r) => String(r.title).toLowerCase().split(/[^a-zà-ÿ]+/).filter((w) => w.length >= 5)))];
    log(`${users.length} users, ${entryIds.length} entries, ${words.length} search words`);
    const agent = new http.Agent({ keepAlive: true });
    const cookies: string[] = [];
    for (const email of users) cookies.push(await signIn(agent, base, email));
    agent.destroy();

    log(`within capacity: ${CONNECTIONS} connections for ${SECONDS} s`);
    const within = await run(base, cookies, words, entryIds, CONNECTIONS, SECONDS, "within");
    await sleep(3000);
    log(`beyond capacity: ${OVER_CONNECTIONS} connections for ${OVER_SECONDS} s`);
    const beyond = await run(base, cookies, words, entryIds, OVER_CONNECTIONS, OVER_SECONDS, "beyond");

    const failures: string[] = [];
    if (within.server5xxNot503 + within.shed503 > 0) failures.push(`within capacity: ${within.server5xxNot503 + within.shed503} responses 5xx`);
    if (beyond.server5xxNot503 > 0) failures.push(`beyond capacity: ${beyond.server5xxNot503} responses 5xx other than 503`);
    if (beyond.shed503WithoutRetryAfter > 0) failures.push(`beyond capacity: ${beyond.shed503WithoutRetryAfter} responses 503 without Retry-After`);
    if (within.networkErrors + beyond.networkErrors > 0) failures.push(`${within.networkErrors + beyond.networkErrors} requests failed without an answer`);

    const cpu = os.cpus();
    const row = (name: string, s: typeof within) =>
      `| ${name} | ${s.connections} | ${s.seconds} s | ${s.requests} (${s.perSecond}/s) | ${s.ok} | ${s.shed503} | ${s.server5xxNot503} | ${s.limited429 + s.other4xx} | ${s.latency.search.p50} / ${s.latency.search.p95} | ${s.latency.entry.p50} / ${s.latency.entry.p95} | ${s.latency.note.p50} / ${s.latency.note.p95} | ${s.loadAverage.before} → ${s.loadAverage.after} |`;
    writeBenchmarkSection(
      DOC,
      "load",
      `## Load (\`npm run bench:load\`)

Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${cpu.length} × ${cpu[0]?.model ?? "?"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; the machine is shared, so the load average (1 min) before and after each phase is given. The demo organisation (${users.length} users, ${entryIds.length} entries), the real server with its embedded Meilisearch and the default load shedding (LOAD_MAX_ACTIVE 16, LOAD_MAX_QUEUE 200, LOAD_QUEUE_TIMEOUT_MS 5000); rate limits off. Each connection is one signed-in user sending searches (5 in 10), entry pages (3 in 10) and new field notes (2 in 10) back to back. Latencies of answered requests in ms (p50 / p95).

| phase | connections | time | requests | 2xx/3xx | 503 (shed) | other 5xx | 4xx | search | entry page | note write | load average |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${row("within capacity", within)}
${row("beyond capacity", beyond)}

Targets: within capacity not one 5xx; beyond it only 503 with Retry-After (every 503 had it: ${beyond.shed503WithoutRetryAfter === 0 ? "yes" : "no"}), never a 500. Requests sent again on a new connection after the server closed an idle keep-alive socket just as it was reused (what a browser does too): ${within.resentAfterReset} within capacity, ${beyond.resentAfterReset} beyond. ${failures.length ? `**Failed:** ${failures.join("; ")}.` : "Both met."}`,
    );
    const result = { within, beyond, failures };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (failures.length) {
      log(`FAILED: ${failures.join("; ")}`);
      process.exitCode = 1;
    }
  } finally {
    await stopServer();
    if (!process.env.BENCH_KEEP) rmSync(DIR, { recursive: true, force: true });
  }
}

main().catch(async (error) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  await stopServer();
  process.exit(1);
});
