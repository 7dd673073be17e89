/**
 * npm run eval:search — how well the search route finds the answer, on the judged set in this folder.
 *
 * 1. A fresh SQLite database (migrate deploy) and Meilisearch data folder under $GILDE_TEST_TMP/search-quality
 *    (default tests/.tmp), a department, an open community, a knowledge manager and an employee.
 * 2. The real app server (tsx server/main.ts, embedded Meilisearch, SEED_DEMO=never, its own index prefix).
 * 3. The seed's starting list of synonyms (prisma/seed-data/synonyms.ts) created as SynonymRule rows by
 *    the knowledge manager through the synonyms page's command (createSynonymRule), so the server's
 *    outbox pushes them to Meilisearch as in the app; then entries.jsonl imported through the kb:import
 *    code path (prisma/knowledge-exchange.ts) as the knowledge manager; the outbox worker indexes them;
 *    we wait until the outbox is drained.
 * 4. Every query of queries.jsonl on /search as the employee (the route's data request), scored against
 *    its judgements: success@3, MRR, nDCG@5, empty results, per kind.
 * 5. A table on the terminal, and docs/search-quality.md (everything but its "Ablation" section,
 *    which is kept as it is).
 *
 * PORT / MEILI_PORT choose the server's ports (free ones otherwise); EVAL_BUILD=auto|always|never
 * says whether to run `remix build` first (auto: when build/ is older than app/); EVAL_DOC=0 leaves
 * the document alone (for trials). For the ablation: SEARCH_PIPELINE (read by the server, search/query.ts)
 * names the pipeline steps to run, and EVAL_SYNONYMS=0 leaves the starting list of synonyms out.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import bcrypt from "bcryptjs";
import { keepAliveAgent, request, sleep } from "../bench/http";
import { freePort } from "../support/ports";
import { scoreQuery, summarize, type QueryScore, type Summary } from "./metrics";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../..");
const TMP = path.resolve(process.env.GILDE_TEST_TMP ?? path.join(ROOT, "tests/.tmp"), "search-quality");
const DB_FILE = path.join(TMP, "eval.db");
const DATABASE_URL = `file:${DB_FILE}`;
const MEILI_DIR = path.join(TMP, "meili");
const INDEX_PREFIX = "eval_";
const ENTRIES_FILE = path.join(HERE, "entries.jsonl");
const QUERIES_FILE = path.join(HERE, "queries.jsonl");
const DOC = path.join(ROOT, "docs/search-quality.md");

const PASSWORD = "eval-password-2025";
const KM_EMAIL = "km@gilde.test";
const EMPLOYEE_EMAIL = "agent@gilde.test";
const COMMUNITY_SLUG = "spaarbalie";

const KINDS = ["typo", "synonym", "abbreviation", "question", "keyword", "mixed"] as const;
type Kind = (typeof KINDS)[number];
type JudgedQuery = { id: string; kind: Kind; q: string; relevant: Record<string, number> };

const t0 = performance.now();
const log = (message: string) => process.stderr.write(`[eval ${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${message}\n`);

function readQueries(file = QUERIES_FILE): JudgedQuery[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as JudgedQuery);
}

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

let server: ChildProcess | undefined;
let serverExited = false;
let serverLog = "";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    const st = statSync(file);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(file) : st.mtimeMs);
  }
  return newest;
}

function buildIfNeeded() {
  const mode = process.env.EVAL_BUILD ?? "auto";
  const buildFile = path.join(ROOT, "build/index.js");
  const stale = !existsSync(buildFile) || statSync(buildFile).mtimeMs < newestMtime(path.join(ROOT, "app"));
  if (mode === "never" || (mode === "auto" && !stale)) return;
  log("build: npx remix build");
  const result = spawnSync("npx", ["remix", "build"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (result.status !== 0) throw new Error(`remix build failed:\n${result.stdout}\n${result.stderr}`);
}

function startServer(port: number, meiliPort: number) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith("MEILI_") || key === "HOST" || key === "OUTBOX_POLL_MS" || key === "SEARCH_TIMEOUT_MS") delete env[key];
  const out = createWriteStream(path.join(TMP, "server.log"));
  // Own process group, so the whole tree (npx → tsx → node → meilisearch) gets the SIGTERM.
  server = spawn("npx", ["tsx", "server/main.ts"], {
    cwd: ROOT,
    env: {
      ...env,
      DATABASE_URL,
      SEED_DEMO: "never",
      MEILI_DATA_DIR: MEILI_DIR,
      MEILI_INDEX_PREFIX: INDEX_PREFIX,
      MEILI_PORT: String(meiliPort),
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      OUTBOX_POLL_MS: "50",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const onData = (chunk: Buffer) => {
    out.write(chunk);
    serverLog = (serverLog + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on("data", onData);
  server.stderr?.on("data", onData);
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

async function waitFor(what: string, timeoutMs: number, check: () => Promise<boolean>) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (serverExited) throw new Error(`the server exited while waiting for ${what}:\n${serverLog.slice(-3000)}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}\n${serverLog.slice(-3000)}`);
    await sleep(100);
  }
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

type Hit = { id: string; title: string };
type Result = { query: JudgedQuery; ranked: string[]; hits: Hit[]; score: QueryScore };

const agent = keepAliveAgent();

async function logIn(origin: string, email: string): Promise<string> {
  const form = new URLSearchParams({ email, password: PASSWORD, redirectTo: "/search" });
  const r = await request(agent, `${origin}/login`, {
    method: "POST",
    headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
    body: form.toString(),
  });
  const cookie = (r.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).find((c) => c.startsWith("__Host-gilde_session="));
  if (r.status !== 302 || !cookie) throw new Error(`login as ${email} failed: HTTP ${r.status} ${r.body.slice(0, 300)}`);
  return cookie;
}

/** The search route's own data request, as the browser makes it: the entries it shows, in order. */
async function search(origin: string, cookie: string, q: string): Promise<Hit[]> {
  const r = await request(agent, `${origin}/search?q=${encodeURIComponent(q)}&_data=routes%2Fsearch`, { headers: { Cookie: cookie } });
  if (r.status !== 200) throw new Error(`/search?q=${q}: HTTP ${r.status} ${r.body.slice(0, 300)}`);
  const body = JSON.parse(r.body) as { result: { status: string; hits?: Hit[] } };
  if (body.result.status !== "ok") throw new Error(`/search?q=${q}: search ${body.result.status}`);
  return (body.result.hits ?? []).map(({ id, title }) => ({ id, title }));
}

async function prepareDatabase() {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const migrate = spawnSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL },
    encoding: "utf8",
  });
  if (migrate.status !== 0) throw new Error(`migrate deploy failed:\n${migrate.stdout}\n${migrate.stderr}`);
  // The app's modules read DATABASE_URL when first loaded: set it before importing them.
  process.env.DATABASE_URL = DATABASE_URL;
  process.env.MEILI_INDEX_PREFIX = INDEX_PREFIX;
  const { db } = await import("~/utils/db.server");
  const passwordHash = await bcrypt.hash(PASSWORD, 4);
  const department = await db.department.create({ data: { name: "Klantendienst Sparen" } });
  await db.community.create({ data: { name: "Spaarbalie", slug: COMMUNITY_SLUG, visibility: "OPEN", departmentId: department.id } });
  await db.user.create({ data: { email: KM_EMAIL, name: "Kennisbeheerder", role: "KNOWLEDGE_MANAGER", passwordHash, departmentId: department.id } });
  await db.user.create({ data: { email: EMPLOYEE_EMAIL, name: "Agent Spaarbalie", role: "EMPLOYEE", passwordHash, departmentId: department.id } });
  return db;
}

const pct = (x: number) => (x * 100).toFixed(1) + " %";
const fix = (x: number) => x.toFixed(3);

function table(rows: { label: string; s: Summary }[]): string {
  const head = "| | queries | success@3 | MRR | nDCG@5 | empty |\n| --- | ---: | ---: | ---: | ---: | ---: |";
  return [head, ...rows.map(({ label, s }) => `| ${label} | ${s.n} | ${fix(s.success3)} | ${fix(s.mrr)} | ${fix(s.ndcg5)} | ${s.empty} |`)].join("\n");
}

function terminalTable(rows: { label: string; s: Summary }[]): string {
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(14) : c.padStart(10))).join(" ");
  return [line(["kind", "queries", "success@3", "MRR", "nDCG@5", "empty"]), ...rows.map(({ label, s }) => line([label, String(s.n), fix(s.success3), fix(s.mrr), fix(s.ndcg5), String(s.empty)]))].join("\n");
}

const ABLATION_HEADING = "## Ablation";

function ablationSection(): string {
  if (existsSync(DOC)) {
    const text = readFileSync(DOC, "utf8");
    const at = text.indexOf(ABLATION_HEADING);
    if (at !== -1) return text.slice(at).trimEnd() + "\n";
  }
  return `${ABLATION_HEADING}\n\nTo be filled by the next steps of issue 11 (query understanding, word forms, compounds, abbreviations and everyday words, ranking by reuse): what each step gains or costs on this set, overall and per kind, against the baseline above.\n`;
}

function writeDoc(results: Result[], rows: { label: string; s: Summary }[], meta: { entries: number; seconds: number }) {
  const failed = results.filter((r) => r.score.success3 === 0);
  const answerList = (q: JudgedQuery) =>
    Object.entries(q.relevant)
      .filter(([, g]) => g === 2)
      .map(([id]) => `\`${id}\``)
      .join(", ");
  const cameBack = (r: Result) =>
    r.ranked.length === 0
      ? "nothing"
      : r.ranked
          .slice(0, 3)
          .map((id) => `\`${id}\`${r.query.relevant[id] ? ` (${r.query.relevant[id]})` : ""}`)
          .join(", ") + (r.ranked.length > 3 ? ` … (${r.ranked.length} results)` : "");
  const firstAnswer = (r: Result) => (r.score.rr > 0 ? `rank ${Math.round(1 / r.score.rr)}` : "not returned");
  const failures = KINDS.flatMap((kind) =>
    failed
      .filter((r) => r.query.kind === kind)
      .map((r) => `| ${kind} | \`${r.query.q}\` | ${answerList(r.query)} | ${firstAnswer(r)} | ${cameBack(r)} |`),
  );
  const doc = `# Search quality

How often the search page puts the answer on top, measured on a judged set of our own
(\`tests/search-quality/\`, see its README). \`npm run eval:search\` writes this file; the
"Ablation" section at the end is kept as it is between runs.

## Method

- **Set**: ${meta.entries} entries written for this purpose (Belgian savings desk, Dutch, not the demo's),
  ${results.length} queries in six kinds, each judged: grade 2 = the answer, 1 = related, others 0.
- **Path**: a fresh SQLite database and Meilisearch; the real app server (\`server/main.ts\`, embedded
  Meilisearch, no demo); the seed's starting list of synonyms created as SynonymRule rows by a knowledge
  manager through the synonyms page's command; the entries imported with the kb:import code path as a
  knowledge manager; both pushed to Meilisearch by the outbox worker; every query sent to \`/search\` as an employee (the route's data
  request) and the entries it returns read in order.
- **Figures**: success@3 = share of queries with an answer (grade 2) in the first three results;
  MRR = mean of 1 / rank of the first answer (0 when none); nDCG@5 = graded, gain 2^grade − 1,
  discount log2(rank + 1), against the ideal order of the judged entries; empty = queries without any
  result. Run time: ${meta.seconds.toFixed(0)} s.

## Results

${table(rows)}

## Failed queries (no answer in the first three)

${failed.length} of ${results.length}. "Came back" lists the first three results with their grade when judged.

| kind | query | answer | first answer | came back |
| --- | --- | --- | --- | --- |
${failures.join("\n")}

${ablationSection()}`;
  writeFileSync(DOC, doc);
}

async function main() {
  const queries = readQueries();
  buildIfNeeded();
  const db = await prepareDatabase();

  const port = Number(process.env.PORT) || (await freePort());
  const meiliPort = Number(process.env.MEILI_PORT) || (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  log(`server: tsx server/main.ts on ${origin} (Meilisearch on ${meiliPort})`);
  startServer(port, meiliPort);
  try {
    await waitFor("the server", 120_000, async () => (await request(agent, `${origin}/login?_data=routes%2Flogin`)).status === 200);

    if (process.env.EVAL_SYNONYMS !== "0") {
      const { seedSynonymRules } = await import("../../prisma/seed-data/synonyms");
      const { createSynonymRule } = await import("~/commands/manage-synonym.server");
      const km = await db.user.findUniqueOrThrow({ where: { email: KM_EMAIL }, select: { id: true, role: true } });
      for (const rule of seedSynonymRules) await createSynonymRule({ id: km.id, role: km.role as "KNOWLEDGE_MANAGER" }, rule);
      log(`synonyms: the starting list's ${seedSynonymRules.length} rules created as ${KM_EMAIL}`);
    }
    log(`import: ${path.relative(ROOT, ENTRIES_FILE)} as ${KM_EMAIL}`);
    const { runImport } = await import("../../prisma/knowledge-exchange");
    const imported = await runImport(ENTRIES_FILE, KM_EMAIL, { out: { line: (t) => log(`  ${t}`), progress: () => undefined } });
    if (!imported.ok) throw new Error("the judged set did not import");
    const { pendingOutboxCount } = await import("../../search/outbox.server");
    await waitFor("the outbox to drain", 120_000, async () => (await pendingOutboxCount()) === 0);
    const failedRows = await db.searchOutbox.count({ where: { lastError: { not: null } } });
    if (failedRows) log(`warning: ${failedRows} outbox rows needed a retry`);

    if (process.env.EVAL_REUSE === "random") {
      // Point 6 of issue 11: the judged entries are fresh (nobody said "helped me" yet), so the set cannot
      // show a gain of ranking by reuse; this measures what a reuse signal unrelated to the queries costs.
      const { enqueueDocument } = await import("../../search/outbox.server");
      const entries = await db.entry.findMany({ select: { id: true }, orderBy: { externalId: "asc" } });
      let seed = 11;
      const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 40;
      await db.$transaction(async (tx) => {
        for (const entry of entries) {
          await tx.entry.update({ where: { id: entry.id }, data: { helpfulCount: next(), reuseCount: next() } });
          await enqueueDocument(tx, "entries", entry.id);
        }
      });
      await waitFor("the outbox to drain", 120_000, async () => (await pendingOutboxCount()) === 0);
      log(`reuse: random "helped me" and reuse counts (0–39) on ${entries.length} entries`);
    }
    const rows = await db.entry.findMany({ select: { id: true, externalId: true } });
    const externalIdOf = new Map(rows.map((r) => [r.id, r.externalId ?? r.id]));

    const cookie = await logIn(origin, EMPLOYEE_EMAIL);
    log(`queries: ${queries.length} on /search as ${EMPLOYEE_EMAIL}`);
    const results: Result[] = [];
    for (const query of queries) {
      const hits = await search(origin, cookie, query.q);
      const ranked = hits.map((h) => externalIdOf.get(h.id) ?? h.id);
      results.push({ query, ranked, hits, score: scoreQuery(ranked, query.relevant) });
    }

    const summaryRows = [
      { label: "all", s: summarize(results.map((r) => r.score)) },
      ...KINDS.map((kind) => ({ label: kind, s: summarize(results.filter((r) => r.query.kind === kind).map((r) => r.score)) })),
    ];
    process.stdout.write("\n" + terminalTable(summaryRows) + "\n\n");
    const all = summaryRows[0].s;
    log(`success@3 ${pct(all.success3)}, MRR ${fix(all.mrr)}, nDCG@5 ${fix(all.ndcg5)}, ${all.empty} without results`);
    if (process.env.EVAL_DOC !== "0") {
      writeDoc(results, summaryRows, { entries: rows.length, seconds: (performance.now() - t0) / 1000 });
      log(`wrote ${path.relative(ROOT, DOC)}`);
    }
  } finally {
    await stopServer();
    await db.$disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    void stopServer().then(() => process.exit(1));
  },
);
