/**
 * npm run bench:reports — the reports benchmark (docs/benchmarks.md, section "Reports and dashboards").
 *
 * 1. A fresh, migrated SQLite database in tests/.tmp/bench-reports (or $GILDE_TEST_TMP/bench-reports)
 *    filled by buildOrganisation (tests/bench/org-data.ts): 2 000 users, 50 communities, two years of
 *    notes (200 000), entries, feedback, time logs, activities and a search log. When a PostgreSQL server
 *    is named (BENCH_POSTGRES_URL, else TEST_POSTGRES_URL: a role that may create databases), the same
 *    rows are copied into a fresh, migrated database `gilde_bench_reports` there with db:copy's copyRows,
 *    then VACUUM ANALYZE.
 * 2. Measurements, each run RUNS times after WARMUP runs, with the app's own modules (the same queries the
 *    loaders run), one engine after the other, each in a process of its own started on that engine's
 *    database (the app's database client is one per process):
 *      - "knowledge manager dashboard": knowledgeFigures() for 30 and 365 days, and each of its figures;
 *      - "report figures": a lead's report, the last budget period and a quarter;
 *      - "head dashboard": the department head's dashboard.
 * 3. Writes its section of docs/benchmarks.md, both engines side by side; progress goes to stderr, one
 *    JSON line to stdout (last).
 *
 * Knobs: BENCH_NOTES, BENCH_USERS, BENCH_SEARCHES, BENCH_RUNS, BENCH_KEEP=1 (keep the databases).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { copyRows, openDatabase } from "../../server/db-copy";
import { withAdmin } from "../support/postgres";
import { writeBenchmarkSection } from "./doc";
import {
  benchDatabase,
  benchPostgresServer,
  codeVersion,
  DOC,
  dropPostgresDatabase,
  freshPostgresDatabase,
  intFromEnv,
  machine as machineOf,
  migrateFresh,
  postgresDatabaseMiB,
  ROOT,
  runDate,
  timedLog,
} from "./harness";
import { stats, type Stats } from "./http";
import { buildOrganisation, DEFAULT_ORG, type OrgData } from "./org-data";

const DATABASE = benchDatabase("bench-reports", "reports.db");
const { dir: BENCH_DIR, file: DB_FILE, url: DATABASE_URL } = DATABASE;
const POSTGRES_SERVER = benchPostgresServer();
const POSTGRES_DATABASE = "gilde_bench_reports";

const int = intFromEnv;
const SIZE = { ...DEFAULT_ORG, notes: int("BENCH_NOTES", DEFAULT_ORG.notes), users: int("BENCH_USERS", DEFAULT_ORG.users), searches: int("BENCH_SEARCHES", DEFAULT_ORG.searches) };
const RUNS = int("BENCH_RUNS", 30);
const WARMUP = 3;

/** Set in the process that measures one engine: the file with the organisation's OrgData, and the engine's name. */
const MEASURE_DATA = process.env.BENCH_REPORTS_MEASURE;
const MEASURE_ENGINE = process.env.BENCH_REPORTS_ENGINE;

/** Targets of the issue: a single report figure p95 ≤ 150 ms, a whole dashboard p95 ≤ 300 ms. */
export const TARGETS = { figureP95Ms: 150, dashboardP95Ms: 300 };

const { log, seconds } = timedLog(MEASURE_ENGINE ? `bench ${MEASURE_ENGINE}` : "bench");

type Engine = "SQLite" | "PostgreSQL";

/** One measured thing: a name, its group and kind (a single figure or a whole dashboard), and a run. */
export type Measurement = { group: string; name: string; kind: "figure" | "dashboard"; run: () => Promise<unknown> };
export type Result = Stats & { group: string; name: string; kind: "figure" | "dashboard"; target: number; met: boolean; cpuP50: number };
/** One engine's measurements, and the load average when they began. */
type EngineRun = { engine: Engine; results: Result[]; loadAvg: number[] };

/**
 * Every measurement of this benchmark. Hooks for later work: add the lead's report figures with
 * group "report figures" (kind "figure") and the department head's dashboard with group
 * "head dashboard" (kind "dashboard") in reportFigureMeasurements / headDashboardMeasurements.
 */
async function measurements(data: OrgData): Promise<Measurement[]> {
  return [...(await knowledgeDashboardMeasurements(data)), ...(await reportFigureMeasurements(data)), ...(await headDashboardMeasurements(data))];
}

async function knowledgeDashboardMeasurements(data: OrgData): Promise<Measurement[]> {
  const m = await import("~/models/knowledge-figures.server");
  const { periodEndingAt } = await import("~/utils/knowledge-figures");
  const p30 = periodEndingAt(data.now, 30);
  const p365 = periodEndingAt(data.now, 365);
  const group = "knowledge manager dashboard";
  const figure = (name: string, run: () => Promise<unknown>): Measurement => ({ group, name, kind: "figure", run });
  return [
    { group, name: "whole dashboard, 30 days (knowledgeFigures)", kind: "dashboard", run: () => m.knowledgeFigures(p30, data.now) },
    { group, name: "whole dashboard, 90 days (knowledgeFigures)", kind: "dashboard", run: () => m.knowledgeFigures(periodEndingAt(data.now, 90), data.now) },
    { group, name: "whole dashboard, 365 days (knowledgeFigures)", kind: "dashboard", run: () => m.knowledgeFigures(p365, data.now) },
    figure("inbox size and oldest", () => m.inboxFigure(data.now)),
    figure("decisions by outcome + time to decision p50/p90, 30 days", () => m.decisionFigures(p30)),
    figure("decisions by outcome + time to decision p50/p90, 365 days", () => m.decisionFigures(p365)),
    figure("most helpful entries, 30 days", () => m.mostHelpfulEntries(p30)),
    figure("knowledge gaps, 30 days", () => m.knowledgeGaps(p30)),
    figure("knowledge gaps, 365 days", () => m.knowledgeGaps(p365)),
    figure("searches and searches without results, 30 days", () => m.searchTotals(p30)),
    figure("contributors per community, 30 days", () => m.contributorsPerCommunity(p30)),
    figure("submissions per day, 30 days", () => m.submissionsPerBucket(p30)),
    figure("submissions per week, 365 days", () => m.submissionsPerBucket(p365)),
  ];
}

/**
 * The lead's report figures, as the report page computes them for a draft and freezes them on submit:
 * the last ended budget period of the busiest community, and a whole quarter of it.
 */
async function reportFigureMeasurements(data: OrgData): Promise<Measurement[]> {
  const { computeReportFigures, suggestedReportPeriod } = await import("~/models/report.server");
  const { period } = await import("~/models/report-period");
  const { db } = await import("~/utils/db.server");
  // Ties go to the smaller id, so both engines measure the same community.
  const busiest = await db.note.groupBy({
    by: ["communityId"],
    where: { communityId: { in: data.communityIds } },
    _count: true,
    orderBy: [{ _count: { communityId: "desc" } }, { communityId: "asc" }],
    take: 1,
  });
  const community = await db.community.findUniqueOrThrow({ where: { id: busiest[0]?.communityId ?? data.communityIds[0] }, select: { id: true, budgetMinutes: true, budgetPeriodDays: true, createdAt: true } });
  const last = await suggestedReportPeriod(community, data.now);
  const quarterEnd = new Date(last.end);
  const quarter = period(new Date(quarterEnd.getTime() - 90 * 86_400_000), quarterEnd);
  const group = "report figures";
  return [
    { group, name: `all figures of a report, last budget period (${last.days} days)`, kind: "figure", run: () => computeReportFigures(community.id, last) },
    { group, name: "all figures of a report, a quarter (91 days)", kind: "figure", run: () => computeReportFigures(community.id, quarter) },
  ];
}

/** The department head's dashboard: everything its loader reads, for the department with the most communities. */
async function headDashboardMeasurements(data: OrgData): Promise<Measurement[]> {
  const { departmentDashboard } = await import("~/models/department-dashboard.server");
  const { db } = await import("~/utils/db.server");
  const largest = await db.community.groupBy({ by: ["departmentId"], _count: true, orderBy: [{ _count: { departmentId: "desc" } }, { departmentId: "asc" }], take: 1 });
  const departmentId = largest[0]?.departmentId ?? data.departmentIds[0];
  const communities = largest[0]?._count ?? 0;
  return [{ group: "head dashboard", name: `whole dashboard, ${communities} communities (departmentDashboard)`, kind: "dashboard", run: () => departmentDashboard(departmentId, data.now) }];
}

async function measure(list: Measurement[]): Promise<Result[]> {
  const results: Result[] = [];
  for (const item of list) {
    for (let i = 0; i < WARMUP; i++) await item.run();
    const ms: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      await item.run();
      ms.push(performance.now() - started);
      const used = process.cpuUsage(cpuStarted);
      cpu.push((used.user + used.system) / 1000);
    }
    const s = stats(ms);
    const target = item.kind === "figure" ? TARGETS.figureP95Ms : TARGETS.dashboardP95Ms;
    results.push({ ...s, group: item.group, name: item.name, kind: item.kind, target, met: s.p95 <= target, cpuP50: stats(cpu).p50 });
    log(`  ${item.group} / ${item.name}: p50 ${s.p50} p95 ${s.p95} ms (CPU p50 ${stats(cpu).p50} ms)`);
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

function writeDoc(section: string) {
  writeBenchmarkSection(DOC, "reports", section);
}

const n = (x: number) => x.toLocaleString("en-US").replace(/,/g, " ");
const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join(" / ");

type PostgresSide = { version: string; dbMiB: number; copySeconds: number } | { skipped: string };

function renderSection(r: {
  date: string;
  code: string;
  machine: Record<string, unknown> & { loadAvgStart: number[]; loadAvgEnd: number[] };
  data: OrgData;
  dbMiB: number;
  runs: EngineRun[];
  postgres: PostgresSide;
  totalSeconds: number;
}) {
  const c = r.data.counts;
  const m = r.machine;
  const [first] = r.runs;
  const cell = (x: Result | undefined) => (x ? `${x.p50.toFixed(1)} | ${x.p95.toFixed(1)} | ${x.max.toFixed(1)} | ${x.cpuP50.toFixed(1)} | ${x.met ? "yes" : "**no**"}` : "– | – | – | – | –");
  const rows = first.results
    .map((x, i) => `| ${x.group} | ${x.name} | ${x.kind} | ${x.n} | ≤ ${x.target} | ${r.runs.map((run) => cell(run.results[i])).join(" | ")} |`)
    .join("\n");
  const heads = r.runs.map(({ engine }) => `${engine} p50 | ${engine} p95 | ${engine} max | ${engine} CPU p50 * | ${engine} met`).join(" | ");
  const aligns = r.runs.map(() => "---: | ---: | ---: | ---: | ---").join(" | ");
  const verdicts = r.runs
    .map(({ engine, results }) => {
      const missed = results.filter((x) => !x.met);
      return `${engine}: ${missed.length === 0 ? "every target met" : `${missed.length} of ${results.length} over their target (${missed.map((x) => `${x.group}: ${x.name}`).join("; ")})`}`;
    })
    .join(". ");
  const postgresData =
    "skipped" in r.postgres
      ? `**PostgreSQL was not measured in this run:** ${r.postgres.skipped}`
      : `**PostgreSQL ${r.postgres.version}:** the same rows copied into a fresh database \`${POSTGRES_DATABASE}\` (${r.postgres.dbMiB} MiB, copied in ${r.postgres.copySeconds.toFixed(1)} s) on the server that \`BENCH_POSTGRES_URL\` or \`TEST_POSTGRES_URL\` names, with its settings as they are.`;
  return `
## Reports and dashboards (\`npm run bench:reports\`)

Last run: **${r.date}** (whole run ${Math.round(r.totalSeconds)} s), code ${r.code}.

**Machine:** ${m.os}, ${m.cpu} × ${m.cpus} cores, ${m.memoryGiB} GiB RAM, Node.js ${m.node}; load average ${loads(m.loadAvgStart)}
at the start and ${loads(m.loadAvgEnd)} at the end (1 / 5 / 15 min), ${r.runs.map(({ engine, loadAvg }) => `${loads(loadAvg)} when ${engine} began`).join(", ")}; shared with other work: an order of magnitude, not a capacity plan.

**Data** (built in ${c.seconds.toFixed(1)} s, SQLite file ${r.dbMiB} MiB): ${n(c.users)} users in ${c.departments} departments, ${c.communities} communities with ${n(c.memberships)} memberships;
${n(c.notes)} notes over two years (${Object.entries(c.notesByState).map(([k, v]) => `${n(v)} ${k.toLowerCase()}`).join(", ")}), ${n(c.entries)} entries, ${n(c.feedback)} feedback votes;
${n(c.timeEntries)} time logs, ${n(c.activities)} activities with ${n(c.attendances)} attendances; ${n(c.searchLogs)} logged searches (~8 % without results).
${postgresData}

### Figures (milliseconds, ${RUNS} runs each after ${WARMUP} warm-up runs, per engine)

${verdicts}.

| group | measurement | kind | n | target p95 | ${heads} |
| --- | --- | --- | ---: | ---: | ${aligns} |
${rows}

\\* CPU time of the measuring process per run, p50. On SQLite the database runs inside that process (libSQL), so this is what the
work costs when the machine is not busy with other things and wall time above it is waiting for a core. On PostgreSQL the queries
run in the database server's own processes: the column holds only the app's side (Prisma, the driver, reading the answers).

### Findings (SQLite)

- Every figure is one aggregate query (the decisions and both percentiles of the decision time share one), so the time grows
  with the rows SQLite must read, not with what the app loops over. The inbox uses \`Note(state, createdAt)\` and stays small.
- The decisions, the contributors, the search totals, the knowledge gaps and the helpful votes read covering indexes
  (\`Note(decidedAt, state, createdAt)\`, \`Note(communityId, authorId, createdAt)\`, \`SearchLog(createdAt, resultCount)\`,
  \`SearchLog(resultCount, createdAt, query)\`, \`Feedback(entryId, helpful, createdAt)\`): index entries, never the rows.
  Before the first of those indexes the 30-day dashboard took p50 ~150 ms and the 365-day one ~810 ms; the search totals alone fell
  from ~250 ms to ~11 ms for a year.
- Every connection reads the file through memory-mapped I/O (\`PRAGMA mmap_size\`, decision 0073): the dashboard's queries read
  more pages than SQLite's own 2 MiB cache holds, and read them from the operating system's cache without a system call each.
  With that and the last three indexes, the 365-day dashboard went from p50 ~370 ms (p95 406–454 ms) to ~190–225 ms.
- The percentiles of the decision time walk an expression index on the minutes from writing to decision
  (\`Note(minutes to decision, decidedAt, state)\`, decision 0018) in order and stop at their row (\`LIMIT 1 OFFSET k\`), skipping
  decisions outside the period: nothing is sorted. Before, a year of decisions (~145 000) was sorted twice with each note's hours
  computed on the way: the decision figure took p50 ~155 ms and the 365-day dashboard ~345 ms, over its target.

### Method

- \`tests/bench/org-data.ts\` builds the organisation on a fresh SQLite file migrated with \`prisma migrate deploy\`, with multi-row
  INSERTs in one transaction per table through @libsql/client (seeded, so every run has the same data; no \`ANALYZE\`, as in production).
- PostgreSQL (when \`BENCH_POSTGRES_URL\` or \`TEST_POSTGRES_URL\` names a server and a role that may create databases): a fresh
  database \`${POSTGRES_DATABASE}\` migrated with the PostgreSQL migrations, filled from the SQLite file by \`db:copy\`'s copy (every row,
  counts compared), then \`VACUUM ANALYZE\`: what autovacuum does to a live database on its own (statistics for the planner, the
  visibility map that index-only scans need), done at once so that it does not happen in the middle of the measurements.
- Each measurement calls the app's own model functions (\`app/models/knowledge-figures.server.ts\`, \`report.server.ts\`,
  \`department-dashboard.server.ts\`) through the app's Prisma client, in a process of its own per engine (SQLite first, before the
  copy, so that PostgreSQL writing it back does not slow SQLite down; then PostgreSQL): the queries the loaders run, without HTTP, session lookup or rendering. The community and department measured are
  chosen the same way on both (ties to the smaller id). A "dashboard" row is everything its loader computes; a "figure" row is one
  figure's query.
- Targets, judged per engine: one figure p95 ≤ ${TARGETS.figureP95Ms} ms, a whole dashboard p95 ≤ ${TARGETS.dashboardP95Ms} ms.
`;
}

/** Measures every item on one engine, in a process started with DATABASE_URL set to that engine's database. */
function measureOn(engine: Engine, databaseUrl: string, dataFile: string): EngineRun {
  const loadAvg = os.loadavg();
  log(`measuring on ${engine}`);
  const child = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), [fileURLToPath(import.meta.url)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, BENCH_REPORTS_MEASURE: dataFile, BENCH_REPORTS_ENGINE: engine },
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 ** 2,
  });
  const last = child.stdout.trim().split("\n").pop() ?? "";
  if (child.status !== 0 || !last.startsWith("[")) throw new Error(`measuring on ${engine} failed (exit ${child.status}):\n${child.stdout.slice(-3000)}`);
  return { engine, results: JSON.parse(last) as Result[], loadAvg };
}

/** The measuring process: the organisation as the builder described it, then every measurement on this process's database. */
async function measureHere(dataFile: string): Promise<Result[]> {
  const raw = JSON.parse(readFileSync(dataFile, "utf8")) as Omit<OrgData, "now"> & { now: string };
  const results = await measure(await measurements({ ...raw, now: new Date(raw.now) }));
  const { db } = await import("~/utils/db.server");
  await db.$disconnect();
  return results;
}

/** The same rows in a fresh PostgreSQL database, with the statistics and visibility map a live database has. */
async function copyToPostgres(server: string): Promise<{ url: string; version: string; dbMiB: number; copySeconds: number }> {
  log(`fresh PostgreSQL database ${POSTGRES_DATABASE}; copying the rows`);
  const url = await freshPostgresDatabase(server, POSTGRES_DATABASE);
  const [source, target] = [openDatabase(DATABASE_URL), openDatabase(url)];
  try {
    const copied = await copyRows(source, target, url, (line) => log(`  copied ${line}`));
    const version = await withAdmin(url, async (c) => {
      await c.query("VACUUM ANALYZE");
      return (await c.query<{ server_version: string }>("SHOW server_version")).rows[0].server_version.split(" ")[0];
    });
    const dbMiB = await postgresDatabaseMiB(server, POSTGRES_DATABASE);
    log(`copied in ${copied.seconds.toFixed(1)} s, then VACUUM ANALYZE (${dbMiB} MiB, PostgreSQL ${version})`);
    return { url, version, dbMiB, copySeconds: copied.seconds };
  } finally {
    await source.$disconnect();
    await target.$disconnect();
  }
}

async function main() {
  const loadAvgStart = os.loadavg();
  const code = codeVersion();
  log(`fresh database in ${BENCH_DIR}`);
  migrateFresh(DATABASE);
  const data = await buildOrganisation(DATABASE_URL, SIZE, new Date(), log);
  const dbMiB = Math.round(statSync(DB_FILE).size / 1024 ** 2);
  log(`data built in ${data.counts.seconds.toFixed(1)} s (${dbMiB} MiB)`);
  const dataFile = path.join(BENCH_DIR, "org-data.json");
  writeFileSync(dataFile, JSON.stringify(data));

  // SQLite first, before the copy: the PostgreSQL server is still writing the copy back for minutes after it.
  const onSqlite = measureOn("SQLite", DATABASE_URL, dataFile);
  const postgres = POSTGRES_SERVER ? await copyToPostgres(POSTGRES_SERVER) : undefined;
  if (!postgres) log("no PostgreSQL server named (BENCH_POSTGRES_URL or TEST_POSTGRES_URL): SQLite only");
  const runs = [onSqlite, ...(postgres ? [measureOn("PostgreSQL", postgres.url, dataFile)] : [])];

  const machine = machineOf(loadAvgStart);
  const date = runDate();
  const totalSeconds = seconds();
  const postgresSide: PostgresSide = postgres
    ? { version: postgres.version, dbMiB: postgres.dbMiB, copySeconds: postgres.copySeconds }
    : { skipped: "no server named. Set `BENCH_POSTGRES_URL` (or `TEST_POSTGRES_URL`) to a PostgreSQL role that may create databases to measure both engines in one run." };
  writeDoc(renderSection({ date, code, machine, data, dbMiB, runs, postgres: postgresSide, totalSeconds }));
  log(`wrote ${path.relative(ROOT, DOC)}`);
  if (!process.env.BENCH_KEEP) {
    rmSync(BENCH_DIR, { recursive: true, force: true });
    if (POSTGRES_SERVER) await dropPostgresDatabase(POSTGRES_SERVER, POSTGRES_DATABASE);
  }
  const all = runs.flatMap(({ engine, results }) => results.map((x) => ({ engine, ...x })));
  return {
    date,
    machine,
    data: { ...data.counts, dbMiB, ...(postgres ? { postgresMiB: postgres.dbMiB, postgresCopySeconds: Math.round(postgres.copySeconds) } : {}) },
    runs: RUNS,
    engines: runs.map((run) => run.engine),
    results: all.map((x) => ({ engine: x.engine, group: x.group, name: x.name, kind: x.kind, p50: x.p50, p95: x.p95, max: x.max, cpuP50: x.cpuP50, target: x.target, met: x.met })),
    allTargetsMet: all.every((x) => x.met),
    totalSeconds: Math.round(totalSeconds),
  };
}

if (MEASURE_DATA) {
  // The measuring process prints its results as its last line; the progress went to stderr.
  measureHere(MEASURE_DATA).then(
    (results) => process.stdout.write(`${JSON.stringify(results)}\n`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
} else {
  main().then(
    (summary) => process.stdout.write(`${JSON.stringify(summary)}\n`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
