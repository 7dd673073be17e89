/**
 * npm run bench:pages — what a page costs (docs/benchmarks.md, section "Pages").
 *
 * 1. A fresh SQLite database in tests/.tmp/bench-pages: the demo organisation, a draft period report
 *    of its community, and 100 000 synthetic entries (the search benchmark's builder).
 * 2. The real app server (npx tsx server/main.ts, embedded Meilisearch, NODE_ENV=production) as a child
 *    process, once per app process count (WEB_CONCURRENCY: 1, then 2), and a bare node:http server in a
 *    process of its own as the floor.
 * 3. An entry page, the search page (HTML and data request), the knowledge manager's work queue, a
 *    community page and a report page, beside the floors (the /login page and data request, the bare
 *    server), at 1 and 50 connections: p50/p95/p99, req/s, errors, the app processes' CPU time per
 *    request (/proc/PID/stat, summed over the cluster's primary and app processes), bytes transferred,
 *    and the JavaScript each page preloads.
 * 4. Lighthouse 12 (mobile, simulated throttling, Chromium headless) on the search, entry and new-note pages,
 *    BENCH_LIGHTHOUSE_RUNS times each (5), then again as a diagnostic without Chromium's paint holding.
 * 5. Writes its section of docs/benchmarks.md; progress goes to stderr, one JSON line to stdout.
 *
 * 6. With BENCH_SERVERS=2 (or more) and a PostgreSQL server named (BENCH_POSTGRES_URL, else TEST_POSTGRES_URL: a role
 *    that may create databases), the same after step 3 on PostgreSQL: the demo organisation and the entries in a fresh,
 *    migrated database `gilde_bench_pages`, one Meilisearch started here as the servers' own service (MEILI_HOST), and
 *    the pages measured on one server, then on BENCH_SERVERS servers (each its own process group and port,
 *    BENCH_SERVER_PROCESSES app processes each, 1 by default), the load generator sending each request to the next
 *    server in turn. Its own table in the section, beside the single-server rows of the same run.
 *
 * Knobs: BENCH_ENTRIES (e.g. 5000 for a quick run), BENCH_SERIAL_N (requests at 1 connection, 200),
 * BENCH_SECONDS (seconds at 50 connections, 8), BENCH_PROCESSES (app process counts to compare, "1,2"),
 * BENCH_PAGES (page keys to measure, e.g. "entry,search"; all by default, and only then is the doc written), BENCH_CPU_PROF=<dir> (the server
 * writes V8 CPU profiles there when it stops: `node --cpu-prof`), BENCH_LIGHTHOUSE=0 (skip it), BENCH_LIGHTHOUSE_RUNS (runs per page, 3; the median is reported), BENCH_BUILD,
 * BENCH_KEEP=1, BENCH_PORT / BENCH_MEILI_PORT / BENCH_BARE_PORT (free ports otherwise).
 * Quick mode, e.g. for a profile: BENCH_ENTRIES=5000 BENCH_SECONDS=4 BENCH_LIGHTHOUSE=0 BENCH_PROCESSES=1.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { DEMO_PASSWORD } from "../e2e/support/app";
import { freePort } from "../support/ports";
import { seedDemo } from "../../prisma/seed";
import { openDatabase } from "../../server/db-copy";
import { loadBenchData } from "./data";
import { writeBenchmarkSection } from "./doc";
import {
  benchDatabase,
  benchPostgresServer,
  DOC,
  dropPostgresDatabase,
  freshPostgresDatabase,
  intFromEnv as int,
  migrateFresh,
  postgresDatabaseMiB,
  runDate,
  timedLog,
} from "./harness";
import { keepAliveAgent, sleep, stats, type Stats } from "./http";
import { BenchServer, benchServerEnv, buildIfNeeded, codeVersion, logIn, machine, processCpuMs, ROOT, type Machine } from "./server";

const DATABASE = benchDatabase("bench-pages", "bench.db");
const { dir: BENCH_DIR, file: DB_FILE, url: DATABASE_URL } = DATABASE;
const MEILI_DIR = path.join(BENCH_DIR, "meili");

const ENTRIES = int("BENCH_ENTRIES", 100_000);
const SERIAL_N = int("BENCH_SERIAL_N", 200);
const SECONDS = int("BENCH_SECONDS", 8);
const CONNECTIONS = 50;
const LIGHTHOUSE = process.env.BENCH_LIGHTHOUSE !== "0";
/** Lighthouse runs per page; the median one is reported, with every run's score beside it. */
const LIGHTHOUSE_RUNS = int("BENCH_LIGHTHOUSE_RUNS", 5);
/**
 * Chromium's paint holding defers a new page's first paint; in the headless Chromium that Lighthouse drives it
 * sometimes holds it about a second past the page's load, and Lighthouse's simulation then counts everything
 * loaded meanwhile (the editor's code, for instance) as needed for the first paint. A diagnostic pass without it
 * (`--disable-features=PaintHolding`) shows how much of a score that is; the goals use the default browser.
 */
const LIGHTHOUSE_DIAGNOSTIC_FLAGS = ["--disable-features=PaintHolding"];
const PROCESSES = (process.env.BENCH_PROCESSES ?? "1,2")
  .split(",")
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
/** Servers of the PostgreSQL layout (1: none is measured), and app processes (WEB_CONCURRENCY) of each. */
const SERVERS = int("BENCH_SERVERS", 1);
const SERVER_PROCESSES = int("BENCH_SERVER_PROCESSES", 1);
const POSTGRES_SERVER = SERVERS > 1 ? benchPostgresServer() : undefined;
const POSTGRES_DATABASE = "gilde_bench_pages";
const ONLY_PAGES = process.env.BENCH_PAGES ? new Set(process.env.BENCH_PAGES.split(",")) : null;
const CPU_PROF = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null;
/** What a browser sends: the figures include compressing the answer. */
const ACCEPT_ENCODING = "gzip, deflate, br";

const GOALS = { entryReqPerSec: 500, entryP99Ms: 200, entryToLogin: 0.6, searchReqPerSec: 400, performance: 95, lcpMs: 2500 };

const { log, seconds } = timedLog();

/** The app servers of the layout being measured; the first logs as "[server]", the others with their number. */
const servers: BenchServer[] = [];
const serverAt = (i: number) => (servers[i] ??= new BenchServer(i === 0 ? log : (line) => log(line.replace("[server]", `[server ${i + 1}]`))));
let bare: ChildProcess | undefined;
let searchService: { stop: () => Promise<void> } | undefined;

/** Where the pages are served from: the database engine, how many servers, and app processes (WEB_CONCURRENCY) per server. */
type Layout = { engine: "SQLite" | "PostgreSQL"; servers: number; processes: number };
const sqliteLayout = (processes: number): Layout => ({ engine: "SQLite", servers: 1, processes });
const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? "es" : ""}`;
const layoutName = (l: Layout) => (l.engine === "SQLite" && l.servers === 1 ? plural(l.processes, "app process") : `${l.engine}, ${l.servers} server${l.servers > 1 ? "s" : ""} × ${plural(l.processes, "app process")}`);

// ---------------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------------

type DemoTargets = { entryId: string; entryTitle: string; communitySlug: string; reportId: string; users: number; entries: number };

/** The demo organisation, and a draft report of the lead's community over the last 14 days (its figures are live). */
async function seedDemoOrganisation(databaseUrl: string): Promise<DemoTargets> {
  const db = openDatabase(databaseUrl);
  try {
    const counts = await seedDemo(db);
    const entry = await db.entry.findFirstOrThrow({ where: { state: "PUBLISHED" }, orderBy: { bodyText: "desc" }, select: { id: true, title: true } });
    const lead = await db.user.findUniqueOrThrow({ where: { email: "lead@gilde.test" }, select: { id: true } });
    const membership = await db.membership.findFirstOrThrow({ where: { userId: lead.id, role: "LEAD" }, select: { community: { select: { id: true, slug: true } } } });
    const day = 86_400_000;
    const today = Math.floor(Date.now() / day) * day;
    const report = await db.report.create({
      data: { communityId: membership.community.id, authorId: lead.id, periodStart: new Date(today - 13 * day), periodEnd: new Date(today) },
      select: { id: true },
    });
    return { entryId: entry.id, entryTitle: entry.title, communitySlug: membership.community.slug, reportId: report.id, users: counts.users, entries: counts.entries };
  } finally {
    await db.$disconnect();
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------

const agent = keepAliveAgent();
agent.maxSockets = CONNECTIONS + 4;

type Answer = { status: number; headers: http.IncomingHttpHeaders; bytes: number; body: Buffer; ms: number };

/** A GET that keeps the body as it came over the wire (compressed or not). */
function get(url: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.get(url, { agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: body.length, body, ms: performance.now() - started });
      });
      res.on("error", reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${url}`)));
    req.on("error", reject);
  });
}

/** A page to measure: its address on each server of the layout (requests go to them in turn). */
type Page = { key: string; label: string; urls: string[]; headers: Record<string, string>; html: boolean; floor?: boolean; pids: () => number[] };

type Row = Stats &
  Layout & { key: string; label: string; connections: number; reqPerSec: number; errors: number; errorKinds: Record<string, number>; cpuMsPerRequest: number | null; bytes: number; floor: boolean };

/** CPU time so far of all these processes together; null when one cannot be read. */
function cpuMs(pids: number[]): number | null {
  if (pids.length === 0) return null;
  try {
    return pids.reduce((sum, pid) => sum + processCpuMs(pid), 0);
  } catch {
    return null;
  }
}

/** `connections` workers send the page's request back to back: SERIAL_N in all at 1, for SECONDS seconds at more. */
async function measure(page: Page, connections: number, layout: Layout): Promise<Row> {
  const times: number[] = [];
  let errors = 0;
  // What each error was (an HTTP status, or the network error's code), for the progress line.
  const errorKinds = new Map<string, number>();
  const failed = (kind: string) => {
    errors++;
    errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
  };
  let bytes = 0;
  const pids = page.pids();
  const cpuBefore = cpuMs(pids);
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  let sent = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (;;) {
        if (connections === 1 ? sent >= SERIAL_N : performance.now() >= deadline) return;
        // Round robin over the servers, as a reverse proxy hands out requests by default.
        const url = page.urls[sent++ % page.urls.length];
        try {
          const r = await get(url, page.headers);
          if (r.status === 200) {
            times.push(r.ms);
            bytes = r.bytes;
          } else failed(`HTTP ${r.status}`);
        } catch (error) {
          failed((error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error)));
        }
      }
    }),
  );
  const wall = (performance.now() - started) / 1000;
  const cpuAfter = cpuMs(pids);
  const n = times.length + errors;
  return {
    key: page.key,
    label: page.label,
    ...layout,
    connections,
    ...stats(times),
    reqPerSec: Math.round(times.length / wall),
    errors,
    errorKinds: Object.fromEntries(errorKinds),
    cpuMsPerRequest: cpuBefore !== null && cpuAfter !== null && n > 0 ? Math.round(((cpuAfter - cpuBefore) / n) * 100) / 100 : null,
    bytes,
    floor: page.floor ?? false,
  };
}

type Weight = { key: string; scripts: number; jsBytes: number; jsTransferred: number; htmlBytes: number; htmlTransferred: number };

/** The JavaScript a page preloads (its modulepreload links), as files and as sent with compression. */
async function pageWeight(page: Page): Promise<Weight> {
  const [url] = page.urls;
  const identity = await get(url, { ...page.headers, "Accept-Encoding": "identity" });
  const compressed = await get(url, page.headers);
  const html = identity.body.toString("utf8");
  const scripts = [...html.matchAll(/<link [^>]*rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
  const origin = new URL(url).origin;
  let jsBytes = 0;
  let jsTransferred = 0;
  for (const script of scripts) {
    jsBytes += (await get(`${origin}${script}`, { "Accept-Encoding": "identity" })).bytes;
    jsTransferred += (await get(`${origin}${script}`, { "Accept-Encoding": ACCEPT_ENCODING })).bytes;
  }
  return { key: page.key, scripts: scripts.length, jsBytes, jsTransferred, htmlBytes: identity.bytes, htmlTransferred: compressed.bytes };
}

/** The editor's chunk, fetched after hydration by pages with a rich-text field only. */
function editorChunkBytes(): number | null {
  try {
    const metafile = JSON.parse(readFileSync(path.join(ROOT, "build/metafile.js.json"), "utf8")) as { outputs: Record<string, { entryPoint?: string; bytes: number }> };
    const found = Object.values(metafile.outputs).find((o) => o.entryPoint?.endsWith("components/editor/lexical-field.tsx"));
    return found?.bytes ?? null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Lighthouse
// ---------------------------------------------------------------------------------------------

type LighthouseRow = {
  key: string;
  label: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  transferredBytes: number;
  unusedJsBytes: number;
  tbtMs: number;
  /** The first paint in the browser Lighthouse drove, before its simulation. */
  observedFcpMs: number;
  /** Every run's performance score, in order. */
  scores: number[];
};
type LighthousePage = { key: string; label: string; url: string; cookie: string };

/**
 * Lighthouse's scores move from run to run (its throttling is simulated from the timings it observes), so each
 * page is measured LIGHTHOUSE_RUNS times, each in a fresh Chromium, and the run with the median performance
 * score is the one reported, as Lighthouse's own guidance on variability advises.
 */
async function runLighthouse(pages: LighthousePage[], extraFlags: string[] = []): Promise<LighthouseRow[]> {
  const rows: LighthouseRow[] = [];
  for (const page of pages) {
    const runs: LighthouseRow[] = [];
    for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push(await lighthouseOnce(page, extraFlags));
    const median = [...runs].sort((a, b) => a.performance - b.performance || a.lcpMs - b.lcpMs)[Math.floor(runs.length / 2)];
    const scores = runs.map((r) => r.performance);
    log(`  lighthouse ${page.key}${extraFlags.length ? ` (${extraFlags.join(" ")})` : ""}: performance ${scores.join(", ")} → median ${median.performance}, LCP ${median.lcpMs} ms, first paint observed at ${median.observedFcpMs} ms, ${Math.round(median.transferredBytes / 1024)} KiB`);
    rows.push({ ...median, scores });
  }
  return rows;
}

async function lighthouseOnce(page: LighthousePage, extraFlags: string[]): Promise<LighthouseRow> {
  const { default: lighthouse } = await import("lighthouse");
  const { launch } = await import("chrome-launcher");
  const chrome = await launch({ chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", ...extraFlags] });
  try {
    const result = await lighthouse(page.url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
      extraHeaders: { Cookie: page.cookie },
    });
    if (!result) throw new Error(`Lighthouse gave no result for ${page.url}`);
    const lhr = result.lhr;
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    const unused = lhr.audits["unused-javascript"]?.details as { overallSavingsBytes?: number } | undefined;
    return {
      key: page.key,
      label: page.label,
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      lcpMs: Math.round(audit("largest-contentful-paint")),
      tbtMs: Math.round(audit("total-blocking-time")),
      transferredBytes: Math.round(audit("total-byte-weight")),
      unusedJsBytes: Math.round(unused?.overallSavingsBytes ?? 0),
      observedFcpMs: Math.round((lhr.audits.metrics?.details as { items?: { observedFirstContentfulPaint?: number }[] } | undefined)?.items?.[0]?.observedFirstContentfulPaint ?? NaN),
      scores: [],
    };
  } finally {
    await chrome.kill();
  }
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

const fmt = (x: number | null | undefined, digits = 1) => (x === null || x === undefined || Number.isNaN(x) ? "–" : x.toFixed(digits));
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const spaced = (n: number) => n.toLocaleString("en-US").replace(/,/g, " ");

type Goal = { name: string; figure: string; met: boolean };

/** One line per measured request: `setup` is what the "app processes" column says of its layout. */
function requestRows(rows: Row[], setup: (row: Row) => string): string {
  return rows
    .map(
      (s) =>
        `| ${s.label} | ${setup(s)} | ${s.connections} | ${s.n} | ${s.reqPerSec} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ${s.errors} | ${fmt(s.cpuMsPerRequest, 2)} | ${s.floor && s.key === "bare" ? "–" : kib(s.bytes)} |`,
    )
    .join("\n");
}

/** Layouts side by side at 50 connections, one line per page: req/s, p99 and CPU per request under each column's head. */
function sideBySide(rows: Row[], columns: { head: string; layout: Layout }[]): string {
  const same = (a: Layout, b: Layout) => a.engine === b.engine && a.servers === b.servers && a.processes === b.processes;
  const byPage = [...new Set(rows.map((x) => x.key))].filter((key) => key !== "bare");
  const at = (key: string, layout: Layout) => rows.find((x) => x.key === key && same(x, layout) && x.connections === CONNECTIONS);
  const lines = byPage
    .map((key) => {
      const cells = columns.map((c) => at(key, c.layout));
      const label = cells.find(Boolean)?.label ?? key;
      return `| ${label} | ${cells.map((c) => (c ? String(c.reqPerSec) : "–")).join(" | ")} | ${cells.map((c) => fmt(c?.p99)).join(" | ")} | ${cells.map((c) => fmt(c?.cpuMsPerRequest, 2)).join(" | ")} |`;
    })
    .join("\n");
  const heads = (what: string) => columns.map((c) => `${what} (${c.head})`).join(" | ");
  const aligns = columns.map(() => "---:").join(" | ");
  return `| page | ${heads("req/s")} | ${heads("p99 ms")} | ${heads("CPU ms / req")} |
| --- | ${aligns} | ${aligns} | ${aligns} |
${lines}`;
}

/** What the PostgreSQL part measured: its database, the layouts (one server, then several) and their rows. */
type PostgresPart = { dbMiB: number; loadSeconds: number; meiliHost: string; layouts: Layout[]; rows: Row[] };

function renderPostgres(p: PostgresPart, sqliteLayouts: Layout[], sqliteRows: Row[]): string {
  const [one, many] = p.layouts;
  const short = (l: Layout) => `${l.engine}, ${l.servers} × ${l.processes}`;
  const columns = [...sqliteLayouts, ...p.layouts].map((layout) => ({ head: short(layout), layout }));
  const errors = p.rows.reduce((a, r) => a + r.errors, 0);
  return `### ${many.servers} app servers on PostgreSQL (${CONNECTIONS} connections)

The same pages on the same data (the demo organisation and the synthetic entries, built again in a fresh PostgreSQL database
\`${POSTGRES_DATABASE}\` on the server \`BENCH_POSTGRES_URL\` or \`TEST_POSTGRES_URL\` names: ${p.dbMiB} MiB, in ${p.loadSeconds.toFixed(1)} s), with one
Meilisearch that this benchmark starts (${p.meiliHost}) and that every server uses as its own service (\`MEILI_HOST\`). Each server is
\`server/main.ts\` in a process group of its own on its own port, with \`WEB_CONCURRENCY=${one.processes}\`, as one machine each would run it:
first ${one.servers} server alone, then ${many.servers} side by side. The load generator sends each request to the next server in turn (round robin,
as a reverse proxy does by default), so the ${CONNECTIONS} connections spread over all of them. CPU time is summed over every app process of
every server; PostgreSQL's and Meilisearch's are not in it (on SQLite the database's work is inside the app's processes). Here the
servers, PostgreSQL, Meilisearch and the load generator all share the same cores: two servers on one machine show what the
app does with two servers' worth of processes, not what two machines would add. Columns are *engine, servers × app processes per
server*; the SQLite ones are the single-server rows above, from the same run. Errors in this part: ${errors}.

${sideBySide([...sqliteRows, ...p.rows], columns)}

| page | servers × app processes | connections | n | req/s | p50 | p95 | p99 | errors | CPU ms / request | bytes per answer |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${requestRows(p.rows, (r) => `${r.servers} × ${r.processes}`)}
`;
}

function renderSection(r: {
  date: string;
  code: string;
  machine: Machine;
  totalSeconds: number;
  demo: DemoTargets;
  entries: number;
  dbMiB: number;
  rows: Row[];
  processes: number[];
  weights: Weight[];
  editorBytes: number | null;
  lighthouse: LighthouseRow[];
  lighthouseDiagnostic: LighthouseRow[];
  goals: Goal[];
  postgres?: PostgresPart;
}) {
  const m = r.machine;
  const rows = requestRows(r.rows, (s) => String(s.processes));
  const sideTable = sideBySide(
    r.rows,
    r.processes.map((n) => ({ head: String(n), layout: sqliteLayout(n) })),
  );
  const weights = r.weights.map((w) => `| ${w.key} | ${w.scripts} | ${kib(w.jsBytes)} | ${kib(w.jsTransferred)} | ${kib(w.htmlBytes)} | ${kib(w.htmlTransferred)} |`).join("\n");
  const lighthouseRow = (l: LighthouseRow, label: string) =>
    `| ${label} | ${l.performance} | ${l.scores.join(", ")} | ${l.accessibility} | ${l.bestPractices} | ${(l.lcpMs / 1000).toFixed(1)} s | ${l.observedFcpMs} ms | ${l.tbtMs} ms | ${kib(l.transferredBytes)} | ${kib(l.unusedJsBytes)} |`;
  const lighthouse = r.lighthouse.length
    ? `| page | performance | every run | accessibility | best practices | LCP | first paint observed | total blocking time | transferred | unused JavaScript |
| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${[...r.lighthouse.map((l) => lighthouseRow(l, l.label)), ...r.lighthouseDiagnostic.map((l) => lighthouseRow(l, `diagnostic: ${l.label}, paint holding off`))].join("\n")}`
    : "Lighthouse was skipped in this run (`BENCH_LIGHTHOUSE=0`).";
  return `
## Pages (\`npm run bench:pages\`)

Last run: **${r.date}** (whole run ${Math.round(r.totalSeconds)} s), code ${r.code}.

**Machine:** ${m.os}, ${m.cpu} × ${m.cpus} cores, ${m.memoryGiB} GiB RAM, Node.js ${m.node}. The app server (${r.processes.join(" and then ")} app
process${r.processes.length > 1 || r.processes[0] > 1 ? "es" : ""}, \`WEB_CONCURRENCY\`), its Meilisearch, the load generator and Chromium share these **${m.cpus} cores**. Load average
${m.loadAvgStart.map((x) => x.toFixed(2)).join(" / ")} at the start and ${m.loadAvgEnd.map((x) => x.toFixed(2)).join(" / ")} at the end (1 / 5 / 15 min): anything well above 0 means
other work shared the machine and the figures are noisy (several processes gain only from a core that is otherwise idle).
Compare rows of one run with each other (the floors are measured in the same run for that reason), not with other runs; to
measure again on a quiet machine: \`npm run bench:pages\` (about 15 minutes with the 100 000 entries).

**Data:** the demo organisation (${r.demo.users} users, ${r.demo.entries} entries, a draft report of its community) plus
${spaced(r.entries)} synthetic entries; SQLite file ${r.dbMiB} MiB. Pages: the entry page (“${r.demo.entryTitle}”, as
agent@gilde.test), the search page for “getrouwheidspremie” (HTML and data request, same user), the work queue \`/curation\` (as
km@gilde.test), the community page and the draft report page (as lead@gilde.test, live figures).

### ${r.processes.join(" against ")} app processes (${CONNECTIONS} connections)

The same pages, the same data, the server started again with \`WEB_CONCURRENCY\` set to each count in turn. CPU time is summed
over every process of the app (with several: the cluster's primary, which hands out connections and holds the rate-limit counts,
and its app processes); Meilisearch's is not in it.

${sideTable}

### Requests (milliseconds; CPU time of the app's Node.js processes per request)

Every request asks for \`Accept-Encoding: ${ACCEPT_ENCODING}\` as a browser does, so the figures include compressing the answer.
At 1 connection ${SERIAL_N} requests one after another; at ${CONNECTIONS} connections, ${CONNECTIONS} workers on keep-alive connections for ${SECONDS} s.
The load generator is one Node.js process (node:http): on the bare server it, not the server, is the limit.

| page | app processes | connections | n | req/s | p50 | p95 | p99 | errors | CPU ms / request | bytes per answer |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows}
${r.postgres ? `\n${renderPostgres(r.postgres, r.processes.map(sqliteLayout), r.rows)}` : ""}
### JavaScript per page

What each page preloads (\`<link rel="modulepreload">\`: entry, root, route modules, shared chunks and the reader's dictionary), as
files and as transferred with compression. The editor's chunk (${r.editorBytes === null ? "–" : kib(r.editorBytes)} as a file) is not in it: pages with a
rich-text field fetch it after hydrating.

| page | scripts | JavaScript | transferred | HTML | HTML transferred |
| --- | ---: | ---: | ---: | ---: | ---: |
${weights}

### Lighthouse (mobile, simulated slow 4G and 4× CPU slowdown)

Each page ${LIGHTHOUSE_RUNS} times, each in a fresh Chromium, with one app process; the run with the median performance score is shown,
with every run's score beside it (the simulated throttling scales what Lighthouse observes, so one run moves with whatever else
the machine does). *First paint observed* is when the page first painted in the browser Lighthouse drove, before the simulation:
when Chromium's paint holding keeps it back (about a second past the page's load, in some runs and on some pages),
Lighthouse counts everything that loaded meanwhile as needed for the first paint. The *diagnostic* rows are the same runs
with \`--disable-features=PaintHolding\`; the goals use the default browser.

${lighthouse}

### Goals (issue 14)

| goal | figure | met |
| --- | --- | --- |
${r.goals.map((g) => `| ${g.name} | ${g.figure} | ${g.met ? "yes" : "**no**"} |`).join("\n")}
`;
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

const summaryOf = (r: Row) => ({ n: r.n, reqPerSec: r.reqPerSec, p50: r.p50, p95: r.p95, p99: r.p99, errors: r.errors, cpuMsPerRequest: r.cpuMsPerRequest, bytes: r.bytes });

function startBare(port: number) {
  bare = spawn(process.execPath, ["-e", `require("node:http").createServer((q, s) => s.end("ok")).listen(${port}, "127.0.0.1")`], { stdio: "ignore" });
}

/** A database with the benchmark's data on it, and what its pages are about. */
type Target = { databaseUrl: string; demo: DemoTargets; logName: string; search: { meiliPort: number } | { host: string; masterKey: string }; indexPrefix: string };

/** Fills a fresh, migrated database: the demo organisation with its draft report, then the synthetic entries. */
async function fillDatabase(databaseUrl: string) {
  const demo = await seedDemoOrganisation(databaseUrl);
  const data = await loadBenchData(databaseUrl, ENTRIES, 0, log);
  return { demo, data };
}

/**
 * Starts the layout's servers one after another (the first builds the search index when it is missing), measures
 * every page at 1 and 50 connections, and with `extras` what the pages weigh and Lighthouse; then stops them.
 */
async function runLayout(layout: Layout, target: Target, ports: { app: number[]; bare: number }, extras: boolean) {
  const rows: Row[] = [];
  const weights: Weight[] = [];
  let lighthouse: LighthouseRow[] = [];
  let lighthouseDiagnostic: LighthouseRow[] = [];
  const origins = ports.app.slice(0, layout.servers).map((port) => `http://localhost:${port}`);
  const many = layout.servers > 1 || layout.engine !== "SQLite";
  for (const [i, origin] of origins.entries()) {
    const server = serverAt(i);
    log(`starting ${many ? `server ${i + 1} of ${layout.servers} (${layoutName(layout)})` : "the server"} on ${origin} with WEB_CONCURRENCY=${layout.processes}${i === 0 ? "; the first start builds the search index" : ""}`);
    const search: Record<string, string> = "meiliPort" in target.search ? { MEILI_PORT: String(target.search.meiliPort) } : { MEILI_HOST: target.search.host, MEILI_MASTER_KEY: target.search.masterKey };
    const extra: Record<string, string> = { PORT: String(new URL(origin).port), WEB_CONCURRENCY: String(layout.processes), ...search };
    const name = many ? `${target.logName}-${layout.servers}x${layout.processes}-${i + 1}` : `processes-${layout.processes}`;
    const profile = CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.join(CPU_PROF, name)}`] : [];
    server.start(benchServerEnv({ databaseUrl: target.databaseUrl, meiliDir: MEILI_DIR, indexPrefix: target.indexPrefix }, extra), path.join(BENCH_DIR, many ? `server-${name}.log` : `server-${layout.processes}.log`), profile);
    await server.waitFor("/healthz", 900_000, async () => (await get(`${origin}/healthz`, {})).status === 200);
  }
  await sleep(500);
  const appPids = servers.slice(0, layout.servers).flatMap((server) => server.appPids());
  log(`server${many ? "s" : ""} up (app processes ${appPids.join(", ") || "not found"})`);

  // Sessions live in the database: signed in on the first server, the cookie holds on every one.
  const [origin] = origins;
  const [agentCookie, kmCookie, leadCookie] = [
    await logIn(agent, origin, "agent@gilde.test", DEMO_PASSWORD),
    await logIn(agent, origin, "km@gilde.test", DEMO_PASSWORD),
    await logIn(agent, origin, "lead@gilde.test", DEMO_PASSWORD),
  ];
  const html = (cookie?: string) => ({ Accept: "text/html", "Accept-Encoding": ACCEPT_ENCODING, ...(cookie ? { Cookie: cookie } : {}) });
  const app = () => appPids;
  const on = (pathname: string) => origins.map((o) => `${o}${pathname}`);
  const { demo } = target;
  const pages: Page[] = [
    { key: "entry", label: "an entry page", urls: on(`/entries/${demo.entryId}`), headers: html(agentCookie), html: true, pids: app },
    { key: "search", label: "the search page (HTML)", urls: on("/search?q=getrouwheidspremie"), headers: html(agentCookie), html: true, pids: app },
    { key: "searchData", label: "the search data request", urls: on("/search?q=getrouwheidspremie&_data=routes%2Fsearch"), headers: html(agentCookie), html: false, pids: app },
    { key: "curation", label: "the work queue (`/curation`)", urls: on("/curation"), headers: html(kmCookie), html: true, pids: app },
    { key: "community", label: "a community page", urls: on(`/communities/${demo.communitySlug}`), headers: html(leadCookie), html: true, pids: app },
    { key: "report", label: "a draft report page", urls: on(`/reports/${demo.reportId}`), headers: html(leadCookie), html: true, pids: app },
    { key: "login", label: "floor: the `/login` page, no session", urls: on("/login"), headers: html(), html: true, floor: true, pids: app },
    { key: "loginData", label: "floor: the `/login` data request", urls: on("/login?_data=routes%2Flogin"), headers: html(), html: false, floor: true, pids: app },
    { key: "bare", label: "floor: a bare `node:http` server", urls: [`http://127.0.0.1:${ports.bare}/`], headers: {}, html: false, floor: true, pids: () => (bare?.pid ? [bare.pid] : []) },
  ].filter((page) => !ONLY_PAGES || ONLY_PAGES.has(page.key));
  for (const page of pages) {
    for (const url of page.urls) {
      const r = await get(url, page.headers);
      if (r.status !== 200) throw new Error(`${page.label}: HTTP ${r.status} for ${url}`);
    }
  }

  log("warm-up: 50 requests per page");
  for (const page of pages) for (let i = 0; i < 50; i++) await get(page.urls[i % page.urls.length], page.headers);

  for (const connections of [1, CONNECTIONS]) {
    for (const page of pages) {
      const row = await measure(page, connections, layout);
      rows.push(row);
      log(`  ${page.key.padEnd(10)} ×${String(connections).padStart(2)} (${layoutName(layout)}): ${row.reqPerSec} req/s, p50 ${fmt(row.p50)} p99 ${fmt(row.p99)} ms, ${row.errors} errors${row.errors ? ` (${Object.entries(row.errorKinds).map(([k, n]) => `${k}: ${n}`).join(", ")})` : ""}, CPU ${fmt(row.cpuMsPerRequest, 2)} ms/request`);
    }
  }

  // What a page weighs and what a browser makes of it does not depend on the layout: measured once.
  if (extras) {
    const newNote: Page = { key: "newNote", label: "new note", urls: on("/notes/new"), headers: html(agentCookie), html: true, pids: app };
    for (const page of [...pages.filter((p) => p.html), ...(ONLY_PAGES ? [] : [newNote])]) weights.push(await pageWeight(page));
    if (LIGHTHOUSE) {
      log("Lighthouse: search, entry and new-note pages (mobile)");
      const lighthousePages: LighthousePage[] = [
        { key: "search", label: "the search page", url: `${origin}/search?q=getrouwheidspremie`, cookie: agentCookie },
        { key: "entry", label: "an entry page", url: `${origin}/entries/${demo.entryId}`, cookie: agentCookie },
        { key: "newNote", label: "the new-note page", url: `${origin}/notes/new`, cookie: agentCookie },
      ];
      lighthouse = await runLighthouse(lighthousePages);
      log(`Lighthouse again, diagnostic: ${LIGHTHOUSE_DIAGNOSTIC_FLAGS.join(" ")}`);
      lighthouseDiagnostic = await runLighthouse(lighthousePages, LIGHTHOUSE_DIAGNOSTIC_FLAGS);
    }
  }
  for (const server of servers.slice(0, layout.servers)) await server.stop();
  return { rows, weights, lighthouse, lighthouseDiagnostic };
}

/**
 * The PostgreSQL part: the same data in a fresh database, one Meilisearch for all servers, then one server and
 * SERVERS servers measured in turn.
 */
async function runPostgres(server: string, ports: { app: number[]; bare: number; postgresMeili: number }): Promise<PostgresPart> {
  const started = performance.now();
  log(`fresh PostgreSQL database ${POSTGRES_DATABASE} (demo organisation + ${ENTRIES} entries)`);
  const databaseUrl = await freshPostgresDatabase(server, POSTGRES_DATABASE);
  const { demo } = await fillDatabase(databaseUrl);
  const dbMiB = await postgresDatabaseMiB(server, POSTGRES_DATABASE);
  const loadSeconds = (performance.now() - started) / 1000;
  log(`loaded PostgreSQL in ${loadSeconds.toFixed(1)} s (${dbMiB} MiB)`);
  const { startEmbeddedMeilisearch } = await import("../../search/launcher");
  const meili = await startEmbeddedMeilisearch({ port: ports.postgresMeili, dataDir: path.join(BENCH_DIR, "meili-postgresql"), masterKey: randomBytes(24).toString("hex"), quiet: true });
  searchService = meili;
  const target: Target = { databaseUrl, demo, logName: "postgresql", search: { host: meili.host, masterKey: meili.masterKey }, indexPrefix: "benchpagespg_" };
  const layouts = [1, SERVERS].map((count): Layout => ({ engine: "PostgreSQL", servers: count, processes: SERVER_PROCESSES }));
  const rows: Row[] = [];
  for (const layout of layouts) rows.push(...(await runLayout(layout, target, ports, false)).rows);
  await meili.stop();
  searchService = undefined;
  return { dbMiB, loadSeconds, meiliHost: meili.host, layouts, rows };
}

async function main() {
  const loadAvgStart = os.loadavg();
  const code = codeVersion();
  log(`fresh database in ${path.relative(ROOT, BENCH_DIR)} (demo organisation + ${ENTRIES} entries)`);
  migrateFresh(DATABASE);
  const { demo, data } = await fillDatabase(DATABASE_URL);
  const dbMiB = Math.round(statSync(DB_FILE).size / 1024 ** 2);
  log(`loaded the demo organisation and ${data.entries} entries in ${data.seconds.toFixed(1)} s (${dbMiB} MiB)`);

  buildIfNeeded(log);
  const fixedPort = int("BENCH_PORT", 0);
  const fixedMeiliPort = int("BENCH_MEILI_PORT", 0);
  const ports = {
    app: await Promise.all(Array.from({ length: Math.max(1, SERVERS) }, async (_, i) => (fixedPort ? fixedPort + i : await freePort()))),
    meili: fixedMeiliPort || (await freePort()),
    postgresMeili: fixedMeiliPort ? fixedMeiliPort + 1 : await freePort(),
    bare: int("BENCH_BARE_PORT", 0) || (await freePort()),
  };
  startBare(ports.bare);
  if (CPU_PROF) mkdirSync(CPU_PROF, { recursive: true });

  const sqlite: Target = { databaseUrl: DATABASE_URL, demo, logName: "sqlite", search: { meiliPort: ports.meili }, indexPrefix: "benchpages_" };
  const rows: Row[] = [];
  let weights: Weight[] = [];
  let lighthouse: LighthouseRow[] = [];
  let lighthouseDiagnostic: LighthouseRow[] = [];
  for (const processes of PROCESSES) {
    const measured = await runLayout(sqliteLayout(processes), sqlite, ports, processes === PROCESSES[0]);
    rows.push(...measured.rows);
    weights.push(...measured.weights);
    if (measured.lighthouse.length) ({ lighthouse, lighthouseDiagnostic } = measured);
  }
  const postgres = POSTGRES_SERVER ? await runPostgres(POSTGRES_SERVER, ports) : undefined;
  weights = weights.filter((w, i) => weights.findIndex((x) => x.key === w.key) === i);
  const editorBytes = editorChunkBytes();

  // The goals are judged on what `npm start` runs by default: one app process per core.
  const goalProcesses = PROCESSES.includes(os.availableParallelism()) ? os.availableParallelism() : PROCESSES[PROCESSES.length - 1];
  const missing: Row = { key: "", label: "", engine: "SQLite", servers: 1, processes: 0, connections: 0, ...stats([]), reqPerSec: 0, errors: 0, errorKinds: {}, cpuMsPerRequest: null, bytes: 0, floor: false };
  const find = (key: string, connections: number, processes = goalProcesses) => rows.find((r) => r.key === key && r.connections === connections && r.processes === processes) ?? missing;
  const entry50 = find("entry", CONNECTIONS);
  const login50 = find("login", CONNECTIONS);
  const search50 = find("search", CONNECTIONS);
  const totalErrors = rows.reduce((a, r) => a + r.errors, 0);
  const goals: Goal[] = [
    { name: `entry page ≥ ${GOALS.entryReqPerSec} req/s at ${CONNECTIONS} connections (${goalProcesses} app process${goalProcesses > 1 ? "es" : ""})`, figure: `${entry50.reqPerSec} req/s`, met: entry50.reqPerSec >= GOALS.entryReqPerSec },
    { name: `entry page p99 < ${GOALS.entryP99Ms} ms`, figure: `${fmt(entry50.p99)} ms`, met: entry50.p99 < GOALS.entryP99Ms },
    {
      name: `entry page ≥ ${GOALS.entryToLogin} × the /login page`,
      figure: `${entry50.reqPerSec} vs ${login50.reqPerSec} req/s (× ${(entry50.reqPerSec / login50.reqPerSec).toFixed(2)})`,
      met: entry50.reqPerSec >= GOALS.entryToLogin * login50.reqPerSec,
    },
    { name: `search page ≥ ${GOALS.searchReqPerSec} req/s`, figure: `${search50.reqPerSec} req/s`, met: search50.reqPerSec >= GOALS.searchReqPerSec },
    { name: "no errors", figure: String(totalErrors), met: totalErrors === 0 },
    ...lighthouse.flatMap((l) => [
      { name: `${l.label}: Lighthouse performance ≥ ${GOALS.performance}, LCP ≤ ${GOALS.lcpMs / 1000} s`, figure: `${l.performance}, ${(l.lcpMs / 1000).toFixed(1)} s`, met: l.performance >= GOALS.performance && l.lcpMs <= GOALS.lcpMs },
      { name: `${l.label}: accessibility and best practices 100`, figure: `${l.accessibility}, ${l.bestPractices}`, met: l.accessibility === 100 && l.bestPractices === 100 },
    ]),
  ];

  const date = runDate();
  const totalSeconds = seconds();
  const m = machine(loadAvgStart);
  // A run of some pages only (a profile) leaves the documented figures alone.
  if (ONLY_PAGES) log(`BENCH_PAGES is set: ${path.relative(ROOT, DOC)} left as it was`);
  else {
    writeBenchmarkSection(DOC, "pages", renderSection({ date, code, machine: m, totalSeconds, demo, entries: data.entries, dbMiB, rows, processes: PROCESSES, weights, editorBytes, lighthouse, lighthouseDiagnostic, goals, postgres }));
    log(`wrote ${path.relative(ROOT, DOC)}`);
  }
  for (const g of goals) log(`  goal ${g.name}: ${g.figure} → ${g.met ? "met" : "NOT met"}`);
  return {
    date,
    machine: m,
    data: { demoUsers: demo.users, demoEntries: demo.entries, entries: data.entries, dbMiB },
    requests: Object.fromEntries(rows.map((r) => [`${r.key}_${r.connections}_p${r.processes}`, summaryOf(r)])),
    ...(postgres ? { postgresql: { dbMiB: postgres.dbMiB, requests: Object.fromEntries(postgres.rows.map((r) => [`${r.key}_${r.connections}_s${r.servers}p${r.processes}`, summaryOf(r)])) } } : {}),
    javascript: Object.fromEntries(weights.map((w) => [w.key, { scripts: w.scripts, bytes: w.jsBytes, transferred: w.jsTransferred }])),
    editorChunkBytes: editorBytes,
    lighthouse: Object.fromEntries(lighthouse.map((l) => [l.key, l])),
    lighthouseWithoutPaintHolding: Object.fromEntries(lighthouseDiagnostic.map((l) => [l.key, l])),
    goals: Object.fromEntries(goals.map((g) => [g.name, g.met])),
    totalSeconds: Math.round(totalSeconds),
  };
}

let cleaning = false;
async function cleanup() {
  if (cleaning) return;
  cleaning = true;
  bare?.kill();
  for (const server of servers) await server.stop();
  await searchService?.stop();
  agent.destroy();
  // Retries: Meilisearch may still be writing its last files as it stops.
  if (process.env.BENCH_KEEP !== "1") {
    rmSync(BENCH_DIR, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
    if (POSTGRES_SERVER) await dropPostgresDatabase(POSTGRES_SERVER, POSTGRES_DATABASE).catch((error: unknown) => log(`could not drop ${POSTGRES_DATABASE}: ${String(error)}`));
  } else log(`kept ${path.relative(ROOT, BENCH_DIR)}${POSTGRES_SERVER ? ` and the PostgreSQL database ${POSTGRES_DATABASE}` : ""} for inspection`);
}

if (SERVERS > 1 && !POSTGRES_SERVER) {
  console.error(`BENCH_SERVERS=${SERVERS} runs the servers on PostgreSQL: set BENCH_POSTGRES_URL (or TEST_POSTGRES_URL) to a role that may create databases.`);
  process.exit(2);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

main()
  .then(async (summary) => {
    await cleanup();
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    process.exit(0);
  })
  .catch(async (error: unknown) => {
    log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (!existsSync(DB_FILE)) log(`${path.relative(ROOT, BENCH_DIR)} was deleted during the run by another process; run the benchmark again.`);
    await cleanup();
    process.exit(1);
  });
