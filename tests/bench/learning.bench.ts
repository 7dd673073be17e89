/**
 * npm run bench:learning — the social-balance export for 2 000 people over a year (docs/benchmarks.md,
 * section "Learning registration and the social balance").
 *
 * 1. A fresh, migrated SQLite database in tests/.tmp/bench-learning (or $GILDE_TEST_TMP/bench-learning)
 *    filled by buildOrganisation (tests/bench/org-data.ts): 2 000 users in 6 departments, 50 communities,
 *    two years of time logs, activities and attendances (the informal sources). Then, for the last two
 *    years, BENCH_FORMAL formal learning entries per person (most approved) and mentoring plans with
 *    items and weekly sessions for one person in ten.
 * 2. Each run makes the export as its routes do, with the app's own modules: the year's figures for every
 *    department (learningFigures), the CSV rows with their definitions (socialBalanceRows + toCsv), and
 *    the PDF (socialBalancePdf); also one department's figures, as the head's page reads them. RUNS runs
 *    after WARMUP; p50/p95 of the wall time and of this process's CPU time.
 * 3. Writes its section of docs/benchmarks.md; progress to stderr, one JSON line to stdout (last).
 *
 * Knobs: BENCH_USERS, BENCH_FORMAL, BENCH_RUNS, BENCH_KEEP=1 (keep the database).
 */
import { rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createClient, type InValue } from "@libsql/client";
import { prng } from "./corpus";
import { writeBenchmarkSection } from "./doc";
import { benchDatabase, codeVersion, DOC, intFromEnv as int, machine as machineOf, migrateFresh, ROOT, runDate, timedLog } from "./harness";
import { stats, type Stats } from "./http";
import { buildOrganisation, DEFAULT_ORG, insertAll, type OrgData } from "./org-data";

const DATABASE = benchDatabase("bench-learning", "learning.db");
const { dir: BENCH_DIR, file: DB_FILE, url: DATABASE_URL } = DATABASE;
// Notes and searches do not enter the export: a small number keeps the build short.
const SIZE = { ...DEFAULT_ORG, users: int("BENCH_USERS", DEFAULT_ORG.users), notes: 2_000, searches: 1_000 };
const FORMAL_PER_PERSON = int("BENCH_FORMAL", 4);
const RUNS = int("BENCH_RUNS", 20);
const WARMUP = 2;

/** The target: the social-balance export for 2 000 people over a year in ≤ 2 s. */
export const TARGET_P95_MS = 2_000;

const { log, seconds } = timedLog();
const DAY = 86_400_000;
const ts = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const day = (ms: number) => ts(Math.floor(ms / DAY) * DAY);
const id = (prefix: string, n: number) => `${prefix}${n.toString(36).padStart(8, "0")}`;

type LearningCounts = { learningEntries: number; approved: number; plans: number; planItems: number; sessions: number };

/** Formal entries and mentoring plans over the two years before `now`, seeded. */
async function addLearning(data: OrgData): Promise<LearningCounts> {
  const rng = prng(20261206);
  const client = createClient({ url: DATABASE_URL });
  try {
    const users = (await client.execute(`SELECT "id", "departmentId" FROM "User" WHERE "role" = 'EMPLOYEE' ORDER BY "id"`)).rows.map((r) => ({ id: String(r.id), departmentId: String(r.departmentId) }));
    const now = data.now.getTime();
    const created = ts(now);
    const kinds = ["COURSE", "E_LEARNING", "EXTERNAL_TRAINING"];
    const entries: InValue[][] = [];
    let approved = 0;
    for (const u of users) {
      for (let k = 0; k < FORMAL_PER_PERSON * 2; k++) {
        const r = rng();
        const state = r < 0.8 ? "APPROVED" : r < 0.9 ? "REJECTED" : "PENDING";
        if (state === "APPROVED") approved += 1;
        entries.push([id("le", entries.length), u.id, kinds[k % 3], `Opleiding ${k}`, "Opleidingscentrum", day(now - Math.floor(rng() * 730) * DAY), 60 * (1 + Math.floor(rng() * 16)), Math.floor(rng() * 150_000), state, created]);
      }
    }
    await insertAll(client, "LearningEntry", ["id", "userId", "kind", "title", "provider", "date", "minutes", "costCents", "state", "createdAt"], entries);
    const plans: InValue[][] = [];
    const items: InValue[][] = [];
    const sessions: InValue[][] = [];
    for (let i = 0; i + 1 < users.length; i += 10) {
      const newcomer = users[i];
      const mentor = users[i + 1];
      const startMs = now - Math.floor(rng() * 700) * DAY;
      const planId = id("mp", plans.length);
      plans.push([planId, newcomer.departmentId, newcomer.id, mentor.id, day(startMs), day(startMs + 90 * DAY), created]);
      for (let k = 0; k < 12; k++) items.push([id("mi", items.length), planId, k % 2 ? "COMPETENCE" : "TASK", `Punt ${k}`, k + 1, rng() < 0.7 ? "SIGNED_OFF" : "SHOWN"]);
      for (let w = 0; w < 13; w++) sessions.push([id("ms", sessions.length), planId, day(startMs + w * 7 * DAY), 30 + Math.floor(rng() * 90), "Samen aan de slag", created]);
    }
    await insertAll(client, "MentoringPlan", ["id", "departmentId", "newcomerId", "mentorId", "startsOn", "endsOn", "createdAt"], plans);
    await insertAll(client, "MentoringPlanItem", ["id", "planId", "kind", "title", "position", "state"], items);
    await insertAll(client, "MentoringSession", ["id", "planId", "date", "minutes", "what", "createdAt"], sessions);
    return { learningEntries: entries.length, approved, plans: plans.length, planItems: items.length, sessions: sessions.length };
  } finally {
    client.close();
  }
}

type Result = Stats & { name: string; cpuP50: number; met: boolean };

async function measure(name: string, run: () => Promise<unknown>): Promise<Result> {
  for (let i = 0; i < WARMUP; i++) await run();
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    await run();
    ms.push(performance.now() - started);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
  }
  const s = stats(ms);
  log(`  ${name}: p50 ${s.p50} p95 ${s.p95} ms (CPU p50 ${stats(cpu).p50} ms)`);
  return { ...s, name, cpuP50: stats(cpu).p50, met: s.p95 <= TARGET_P95_MS };
}

const n = (x: number) => x.toLocaleString("en-US").replace(/,/g, " ");

async function main() {
  const loadAvgStart = os.loadavg();
  const code = codeVersion();
  log(`fresh database in ${BENCH_DIR}`);
  migrateFresh(DATABASE);
  const data = await buildOrganisation(DATABASE_URL, SIZE, new Date(), log);
  const learning = await addLearning(data);
  const dbMiB = Math.round(statSync(DB_FILE).size / 1024 ** 2);
  log(`data built (${dbMiB} MiB): ${JSON.stringify(learning)}`);

  // The app's modules read DATABASE_URL when they first touch the database.
  process.env.DATABASE_URL = DATABASE_URL;
  const { learningFigures } = await import("~/models/learning.server");
  const { socialBalanceRows } = await import("~/models/learning-export");
  const { socialBalancePdf } = await import("~/models/learning-pdf.server");
  const { toCsv } = await import("~/models/report-export");
  const { translator } = await import("~/utils/i18n");
  const { db } = await import("~/utils/db.server");
  const t = translator("nl");
  const year = data.now.getUTCFullYear() - 1;
  const number = new Intl.NumberFormat("nl-BE", { maximumFractionDigits: 2 });
  const first = await learningFigures({ year, departmentId: null });
  const people = first.people.length;
  const results = [
    await measure(`CSV, every department (${people} people, ${year})`, async () => {
      const f = await learningFigures({ year, departmentId: null });
      const { header, rows } = socialBalanceRows(year, f.departments, t);
      return toCsv(header, rows, ";");
    }),
    await measure(`PDF, every department (${people} people, ${year})`, async () => {
      const f = await learningFigures({ year, departmentId: null });
      return socialBalancePdf(year, f.departments, t, (v) => number.format(v));
    }),
    await measure(`one department's figures (the head's page, ${year})`, () => learningFigures({ year, departmentId: data.departmentIds[0] })),
  ];
  const total = first.departments.reduce((s, d) => ({ formalHours: s.formalHours + d.formal.minutes / 60, informalHours: s.informalHours + d.informal.minutes / 60 }), { formalHours: 0, informalHours: 0 });
  await db.$disconnect();

  const machine = machineOf(loadAvgStart);
  const date = runDate();
  const totalSeconds = seconds();
  const c = data.counts;
  const rows = results.map((x) => `| ${x.name} | ${x.n} | ${x.p50.toFixed(1)} | ${x.p95.toFixed(1)} | ${x.max.toFixed(1)} | ${x.cpuP50.toFixed(1)} | ≤ ${TARGET_P95_MS} | ${x.met ? "yes" : "**no**"} |`).join("\n");
  writeBenchmarkSection(
    DOC,
    "learning",
    `
## Learning registration and the social balance (\`npm run bench:learning\`)

Last run: **${date}** (whole run ${Math.round(totalSeconds)} s), code ${code}.

**Machine:** ${machine.os}, ${machine.cpu} × ${machine.cpus} cores, ${machine.memoryGiB} GiB RAM, Node.js ${machine.node}; load average
${loadAvgStart.map((x) => x.toFixed(2)).join(" / ")} at the start and ${machine.loadAvgEnd.map((x) => x.toFixed(2)).join(" / ")} at the end (1 / 5 / 15 min).
The machine is shared with other work while this runs: the figures are noisy, an order of magnitude rather than a capacity plan.

**Data** (SQLite file ${dbMiB} MiB): ${n(c.users)} users in ${c.departments} departments, ${c.communities} communities; over two years
${n(c.timeEntries)} time logs, ${n(c.activities)} activities with ${n(c.attendances)} attendances (no time logged for them, so the
export counts their duration), ${n(learning.learningEntries)} formal learning entries (${n(learning.approved)} approved),
${n(learning.plans)} mentoring plans with ${n(learning.planItems)} items and ${n(learning.sessions)} sessions. The measured year
(${year}) holds ${Math.round(total.formalHours).toLocaleString("en-US")} approved formal hours and ${Math.round(total.informalHours).toLocaleString("en-US")} informal hours.

### Figures (milliseconds, ${RUNS} runs each after ${WARMUP} warm-up runs)

| measurement | n | p50 | p95 | max | CPU p50 * | target p95 | met |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |
${rows}

\\* CPU time of this process per run (SQLite runs inside it, through libSQL).

### Method

- The export is made as its routes make it (\`/learning/department/csv\` and \`/pdf\`, an admin without a department chosen): one
  GROUP BY per source over the year (approved formal entries; time logs split into community time and activity time; attendances
  without a time log; mentoring sessions per plan), folded per person and then per department in the app (\`app/models/learning.server.ts\`),
  then the rows with their definitions (\`app/models/learning-export.ts\`) written by the reports' CSV and PDF helpers.
- No HTTP, session or rendering of a page: the loader's work only. Target: the whole export for 2 000 people over a year, p95 ≤ ${TARGET_P95_MS} ms.
`,
  );
  log(`wrote ${path.relative(ROOT, DOC)}`);
  if (!process.env.BENCH_KEEP) rmSync(BENCH_DIR, { recursive: true, force: true });
  return {
    bench: "learning",
    date,
    machine,
    data: { users: c.users, timeEntries: c.timeEntries, attendances: c.attendances, ...learning, dbMiB, year },
    runs: RUNS,
    results: results.map((x) => ({ name: x.name, p50: x.p50, p95: x.p95, max: x.max, cpuP50: x.cpuP50, target: TARGET_P95_MS, met: x.met })),
    allTargetsMet: results.every((x) => x.met),
    totalSeconds: Math.round(totalSeconds),
  };
}

main().then(
  (summary) => process.stdout.write(`${JSON.stringify(summary)}\n`),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
