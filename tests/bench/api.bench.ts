/**
 * npm run bench:api — GET /api/v1/search beside Meilisearch's own answer to the same queries, in the
 * same run (docs/benchmarks.md, section "API search"). Issue 16's target: the endpoint's p95 at 20
 * clients within 1.25 × Meilisearch's p95.
 *
 * 1. A fresh SQLite database in tests/.tmp/bench-api with synthetic Dutch entries (the search
 *    benchmark's generator, tests/bench/data.ts), an API token for its employee (`npm run token`).
 * 2. The real server as a child process (embedded Meilisearch), API rate limit lifted.
 * 3. The search benchmark's fixed queries: Meilisearch direct (the multi-search the endpoint's
 *    searchEntries sends, built by the same entrySearchPlan, relaxed request included) and the
 *    endpoint with the token, at 1 and at 20 clients, in alternating slices (tests/bench/rounds.ts).
 * 4. Writes its section of docs/benchmarks.md; progress on stderr, one JSON line on stdout, last.
 *
 * Knobs: BENCH_ENTRIES (default 100 000), BENCH_SERIAL_N, BENCH_CONCURRENT_N, BENCH_PORT, BENCH_MEILI_PORT, BENCH_BUILD, BENCH_KEEP=1,
 * BENCH_CPU_PROF=<dir> (the app processes write V8 CPU profiles there; see tests/bench/cpu-profile.ts).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Actor } from "~/policies/policies";
import { entriesIndexName, questionsIndexName } from "../../search/settings";
import { entrySearchPlan } from "../../search/search.server";
import { freePort } from "../support/ports";
import { EMPLOYEE_EMAIL, loadBenchData } from "./data";
import { writeBenchmarkSection } from "./doc";
import { benchDatabase, DOC, intFromEnv, migrateFresh, runBenchmark, runDate, timedLog } from "./harness";
import { keepAliveAgent, request } from "./http";
import { searchDirect } from "./meili-direct";
import { QUERIES, type BenchQuery } from "./queries";
import { alternatingRounds, cpuAccounting, runConcurrently, summarise, type Sample, type ScenarioResult } from "./rounds";
import { BenchServer, benchServerEnv, buildIfNeeded, codeVersion, machine, ROOT } from "./server";

const DATABASE = benchDatabase("bench-api", "bench.db");
const BENCH_DIR = DATABASE.dir;
const DB_FILE = DATABASE.file;
const DATABASE_URL = DATABASE.url;
const MEILI_DIR = path.join(BENCH_DIR, "meili");
const INDEX_PREFIX = "benchapi_";
const INDEX_UID = entriesIndexName(INDEX_PREFIX);

const int = intFromEnv;
const ENTRIES = int("BENCH_ENTRIES", 100_000);
const SERIAL_N = int("BENCH_SERIAL_N", 600);
const CONCURRENT_N = int("BENCH_CONCURRENT_N", 1000);
const CONCURRENCY = 20;
const ROUNDS = 5;
const LIMIT = 20;
const TARGET_RATIO = 1.25;

const { log, seconds } = timedLog("bench:api");

const server = new BenchServer(log);
const appAgent = keepAliveAgent();
const meiliAgent = keepAliveAgent();
let origin = "";
let meiliHost = "";
let masterKey = "";
let token = "";

/** The benchmark's employee as the API sees them: no communities, no department headed. */
const EMPLOYEE_ACTOR: Actor = { id: "bench-employee", role: "EMPLOYEE", departmentId: null, communityIds: [], headOfDepartmentId: null };

type Kind = "meili" | "api";
const KINDS: readonly Kind[] = ["meili", "api"];

async function one(kind: Kind, query: BenchQuery): Promise<Sample> {
  const base = { typo: query.typo, q: query.q };
  try {
    if (kind === "meili") {
      // What searchEntries sends for the endpoint: the entries queries of the search pipeline, no questions.
      const plan = entrySearchPlan(EMPLOYEE_ACTOR, { q: query.q, limit: LIMIT }, { indexes: { entries: INDEX_UID, questions: questionsIndexName(INDEX_PREFIX) } });
      return await searchDirect({ agent: meiliAgent, host: meiliHost, masterKey }, plan, base);
    }
    const r = await request(appAgent, `${origin}/api/v1/search?q=${encodeURIComponent(query.q)}&limit=${LIMIT}`, { headers: { Authorization: `Bearer ${token}` } });
    if (r.status !== 200) return { ...base, ms: r.ms, empty: false, failed: true, total: 0 };
    const body = JSON.parse(r.body) as { total: number; hits: unknown[] };
    return { ...base, ms: r.ms, empty: body.hits.length === 0, failed: false, total: body.total };
  } catch {
    return { ...base, ms: NaN, empty: false, failed: true, total: 0 };
  }
}

async function scenarios(clients: number, counts: Partial<Record<Kind, number>>): Promise<ScenarioResult<Kind>[]> {
  const cpu = cpuAccounting<Kind>(server, (kind, n, offset) => runConcurrently(clients, n, (k) => one(kind, QUERIES[(offset + k) % QUERIES.length])));
  const { samples, wallMs } = await alternatingRounds(KINDS, counts, ROUNDS, cpu.slice, (round) => log(`  ${clients} client(s): round ${round + 1}/${ROUNDS} done`));
  return KINDS.map((kind) => ({ ...summarise(kind, clients, samples[kind], wallMs[kind]), cpuMsPerRequest: cpu.perRequest(kind) }));
}

/** Where the CPU of a search goes at CONCURRENCY clients, and the ratio that predicts when the cores are the limit. */
function cpuFinding(api: ScenarioResult<Kind>["cpuMsPerRequest"], direct: ScenarioResult<Kind>["cpuMsPerRequest"]): string {
  if (!api || !direct) return "";
  const apiTotal = api.app + api.meilisearch + api.loadGenerator;
  const directTotal = direct.meilisearch + direct.loadGenerator;
  return `
**Where the CPU goes** (last column, from /proc over each kind's requests): a search through the endpoint costs ${fmt(apiTotal)} ms of CPU in all
(the app ${fmt(api.app)}, Meilisearch ${fmt(api.meilisearch)}, the load generator ${fmt(api.loadGenerator)}), the same search sent to Meilisearch directly
${fmt(directTotal)} ms. With the cores as the limit, waiting grows with the CPU each request needs: about ${(apiTotal / directTotal).toFixed(2)} × Meilisearch's latency.
`;
}

/** `npm run token -- create`: the token alone on the last line of its output. */
function createToken(env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "-s", "token", "--", "create", "--email", EMPLOYEE_EMAIL, "--name", "bench", "--scopes", "search:read"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code === 0 && /^gilde_/.test(last)) resolve(last);
      else reject(new Error(`npm run token failed (${code}):\n${out}`));
    });
  });
}

const fmt = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? "–" : x.toFixed(1));

async function main() {
  const loadAvgStart = os.loadavg();
  const code = codeVersion();
  log(`fresh database in ${path.relative(ROOT, BENCH_DIR)} (${ENTRIES} entries)`);
  migrateFresh(DATABASE);
  const data = await loadBenchData(DATABASE_URL, ENTRIES, 0, log);
  log(`loaded ${data.entries} entries in ${data.seconds.toFixed(1)} s`);
  buildIfNeeded(log);

  // BENCH_PORT / BENCH_MEILI_PORT pin the ports on a machine shared with others; free ones otherwise.
  const port = int("BENCH_PORT", 0) || (await freePort());
  let meiliPort = int("BENCH_MEILI_PORT", 0) || (await freePort());
  while (meiliPort === port) meiliPort = await freePort();
  origin = `http://localhost:${port}`;
  meiliHost = `http://127.0.0.1:${meiliPort}`;
  const env = benchServerEnv({ databaseUrl: DATABASE_URL, meiliDir: MEILI_DIR, indexPrefix: INDEX_PREFIX }, { PORT: String(port), MEILI_PORT: String(meiliPort), API_RATE_LIMIT_PER_MINUTE: "1000000" });
  token = await createToken(env);
  log(`starting the server on ${origin} (Meilisearch on ${meiliHost}); it builds the index at boot`);
  const cpuProfile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  server.start(env, path.join(BENCH_DIR, "server.log"), cpuProfile);
  await server.waitFor("/healthz", 600_000, async () => (await request(appAgent, `${origin}/healthz`, { timeoutMs: 2000 })).status === 200);
  masterKey = readFileSync(path.join(MEILI_DIR, "master-key"), "utf8").trim();
  await server.waitFor(`${ENTRIES} documents in ${INDEX_UID}`, 600_000, async () => {
    const r = await request(meiliAgent, `${meiliHost}/indexes/${INDEX_UID}/stats`, { headers: { Authorization: `Bearer ${masterKey}` } });
    const body = JSON.parse(r.body) as { numberOfDocuments?: number; isIndexing?: boolean };
    return r.status === 200 && body.numberOfDocuments === ENTRIES && !body.isIndexing;
  });
  const version = (JSON.parse((await request(meiliAgent, `${meiliHost}/version`, { headers: { Authorization: `Bearer ${masterKey}` } })).body) as { pkgVersion: string }).pkgVersion;

  // Same query, same filter: the endpoint must see exactly what Meilisearch direct sees.
  for (const query of QUERIES.slice(0, 10)) {
    const [direct, api] = [await one("meili", query), await one("api", query)];
    if (direct.failed || api.failed || direct.total !== api.total) throw new Error(`Meilisearch direct and the API disagree for "${query.q}": ${direct.total} vs ${api.total} hits${api.failed ? " (API failed)" : ""}`);
  }
  log("consistency: the API and Meilisearch direct return the same totals");
  log("warm-up: 2 passes over the queries");
  for (const kind of KINDS) await runConcurrently(4, QUERIES.length * 2, (k) => one(kind, QUERIES[k % QUERIES.length]));

  log(`1 client: ${SERIAL_N} requests per kind`);
  const serial = await scenarios(1, { meili: SERIAL_N, api: SERIAL_N });
  log(`${CONCURRENCY} clients: ${CONCURRENT_N} requests per kind`);
  const concurrent = await scenarios(CONCURRENCY, { meili: CONCURRENT_N, api: CONCURRENT_N });
  const results = [...serial, ...concurrent];
  for (const s of results) log(`  ${s.kind.padEnd(6)} ×${String(s.clients).padStart(2)}: p50 ${fmt(s.p50)} p95 ${fmt(s.p95)} mean ${fmt(s.mean)} n ${s.n} failed ${s.failed}`);

  const find = (kind: Kind, clients: number) => results.find((s) => s.kind === kind && s.clients === clients)!;
  const ratio = (clients: number) => Math.round((find("api", clients).p95 / find("meili", clients).p95) * 100) / 100;
  const failed = results.reduce((a, s) => a + s.failed, 0);
  const met = ratio(CONCURRENCY) <= TARGET_RATIO && failed === 0;
  const m = machine(loadAvgStart);
  const date = runDate();
  const rows = results
    .map((s) => `| ${s.kind === "meili" ? "Meilisearch direct (the endpoint's own multi-search)" : "`GET /api/v1/search` with a token"} | ${s.clients} | ${s.n} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ${fmt(s.mean)} | ${s.emptyResults} | ${s.failed} | ${s.cpuMsPerRequest ? `${fmt(s.cpuMsPerRequest.app)} / ${fmt(s.cpuMsPerRequest.meilisearch)} / ${fmt(s.cpuMsPerRequest.loadGenerator)}` : "–"} |`)
    .join("\n");
  writeBenchmarkSection(
    DOC,
    "api",
    `
## API search (\`npm run bench:api\`)

Last run: **${date}** (whole run ${Math.round(seconds())} s), code ${code}.

**Machine:** ${m.os}, ${m.cpu} × ${m.cpus} cores, ${m.memoryGiB} GiB RAM, Node.js ${m.node}, Meilisearch ${version}. Load average
${m.loadAvgStart.map((x) => x.toFixed(2)).join(" / ")} at the start and ${m.loadAvgEnd.map((x) => x.toFixed(2)).join(" / ")} at the end (1 / 5 / 15 min).
**These figures are noisy:** the app, its Meilisearch and the load generator share these cores, and other work may run on
the machine at the same time (several people built and tested on it while this ran); re-run it on a quiet machine for figures to rely on.

**Data:** ${data.entries.toLocaleString("en-US").replace(/,/g, " ")} synthetic Dutch entries (the search benchmark's generator), ${QUERIES.length} fixed queries of 1–3 words
(${QUERIES.filter((q) => q.typo).length} with typos), limit ${LIMIT}, as an employee who belongs to no community (public entries only).

| scenario | clients | n | p50 | p95 | p99 | mean | empty results | failed | CPU ms per request: app / Meilisearch / load generator |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows}

**Target:** the endpoint's p95 at ${CONCURRENCY} clients within ${TARGET_RATIO} × Meilisearch's own p95 in the same run:
${fmt(find("api", CONCURRENCY).p95)} vs ${fmt(find("meili", CONCURRENCY).p95)} ms, × ${ratio(CONCURRENCY).toFixed(2)} → **${met ? "met" : "not met"}** (at 1 client × ${ratio(1).toFixed(2)}).
${cpuFinding(find("api", CONCURRENCY).cpuMsPerRequest, find("meili", CONCURRENCY).cpuMsPerRequest)}

**Method:** the same queries, kinds in ${ROUNDS} alternating slices, keep-alive HTTP from one process (tests/bench/rounds.ts, shared
with \`bench:search\`). *Meilisearch direct* posts what the endpoint's \`searchEntries\` sends (\`entrySearchPlan\`: the strict and
word-forms queries in one multi-search, and the relaxed request when they find fewer than three), with the master key. The
endpoint adds the token check (a SHA-256 and one indexed read), its rate limiter, one \`ApiTokenUse\` row per request (kept in memory and written with the others every 0.5 s),
the actor's memberships, and JSON. A consistency check first compares the two totals for ten queries. *Failed*: answers
other than 200 (the endpoint answers 503 when Meilisearch takes longer than \`SEARCH_TIMEOUT_MS\`, 1 s by default).
`,
  );
  log(`wrote ${path.relative(ROOT, DOC)}`);
  return {
    bench: "api",
    date,
    entries: data.entries,
    machine: { cpus: m.cpus, loadAvgStart: m.loadAvgStart, loadAvgEnd: m.loadAvgEnd },
    search: Object.fromEntries(results.map((s) => [`${s.kind}_${s.clients}`, { n: s.n, p50: s.p50, p95: s.p95, p99: s.p99, mean: s.mean, failed: s.failed }])),
    ratioP95: { "1": ratio(1), [String(CONCURRENCY)]: ratio(CONCURRENCY) },
    target: { ratio: TARGET_RATIO, met },
    noisy: true,
    totalSeconds: Math.round(seconds()),
  };
}

runBenchmark(main, { log, databaseFile: DB_FILE, server, agents: [appAgent, meiliAgent] });
