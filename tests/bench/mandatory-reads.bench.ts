/**
 * npm run bench:mandatory — assigning a mandatory read to 2 000 people (docs/benchmarks.md, section
 * "Mandatory reads").
 *
 * 1. A fresh, migrated SQLite database in tests/.tmp/bench-mandatory (or $GILDE_TEST_TMP/bench-mandatory):
 *    a department of BENCH_PEOPLE employees (2 000), other departments with as many people again, and
 *    BENCH_NOTIFICATIONS notifications already in the table (the bell's history), so the inserts land in
 *    indexes of a realistic size.
 * 2. Each run assigns one entry to the whole department through the app's own command
 *    (assignMandatoryRead: the audience query, an assignment and a notification per person, the audit
 *    event, one transaction), after WARMUP runs; p50/p95 of the wall time and of this process's CPU time.
 *    Then one pass of the sweep's late-joiner job over every read made (nobody new: the cost of the
 *    check that runs every KNOWLEDGE_SWEEP_MS).
 * 3. Writes its section of docs/benchmarks.md; progress to stderr, one JSON line to stdout (last).
 *
 * Knobs: BENCH_PEOPLE, BENCH_NOTIFICATIONS, BENCH_RUNS, BENCH_KEEP=1 (keep the database).
 */
import { rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createClient, type Client, type InValue } from "@libsql/client";
import { writeBenchmarkSection } from "./doc";
import { benchDatabase, codeVersion, DOC, intFromEnv, machine as machineOf, migrateFresh, ROOT, runDate, timedLog } from "./harness";
import { stats, type Stats } from "./http";

const DATABASE = benchDatabase("bench-mandatory", "mandatory.db");
const { dir: BENCH_DIR, file: DB_FILE, url: DATABASE_URL } = DATABASE;

const int = intFromEnv;
const PEOPLE = int("BENCH_PEOPLE", 2_000);
const NOTIFICATIONS = int("BENCH_NOTIFICATIONS", 200_000);
const RUNS = int("BENCH_RUNS", 20);
const WARMUP = 2;

/** The issue's target: a mandatory read assigned to 2 000 people is fanned out in ≤ 2 s. */
export const TARGET_P95_MS = 2_000;

const { log, seconds } = timedLog();
const ts = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const id = (prefix: string, n: number) => `${prefix}${n.toString(36).padStart(8, "0")}`;

async function insertAll(client: Client, table: string, columns: string[], rows: InValue[][]) {
  const chunk = Math.floor(30_000 / columns.length);
  const tx = await client.transaction("write");
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await tx.execute({ sql: `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${part.map(() => `(${columns.map(() => "?").join(", ")})`).join(", ")}`, args: part.flat() });
  }
  await tx.commit();
}

type Data = { departmentId: string; kmId: string; entryIds: string[]; users: number; notifications: number; seconds: number };

/** The organisation: the audience's department, the others, a knowledge manager, entries, old notifications. */
async function buildData(): Promise<Data> {
  const started = Date.now();
  const client = createClient({ url: DATABASE_URL });
  try {
    await client.execute("PRAGMA synchronous = OFF");
    const now = Date.now();
    const departments = ["dept-audience", "dept-other-1", "dept-other-2", "dept-other-3"].map((key, i) => [id("dep", i), key]);
    await insertAll(client, "Department", ["id", "name", "createdAt"], departments.map(([depId, name]) => [depId, name, ts(now)]));
    const users: InValue[][] = [];
    const total = PEOPLE * 2;
    for (let n = 0; n < total; n++) {
      // The first PEOPLE are the audience; the rest spread over the other departments.
      const dep = n < PEOPLE ? departments[0][0] : departments[1 + (n % 3)][0];
      users.push([id("usr", n), `agent-${n}@bench.gilde`, `Agent ${n}`, "x", "EMPLOYEE", dep, ts(now), ts(now)]);
    }
    const kmId = id("km", 0);
    users.push([kmId, "km@bench.gilde", "Kennisbeheerder", "x", "KNOWLEDGE_MANAGER", departments[1][0], ts(now), ts(now)]);
    await insertAll(client, "User", ["id", "email", "name", "passwordHash", "role", "departmentId", "createdAt", "updatedAt"], users);
    const entries: InValue[][] = [];
    for (let n = 0; n < RUNS + WARMUP; n++) entries.push([id("ent", n), `Verplicht artikel ${n}`, "{}", "Tekst", kmId, ts(now), ts(now)]);
    await insertAll(client, "Entry", ["id", "title", "bodyJson", "bodyText", "ownerId", "createdAt", "updatedAt"], entries);
    const notifications: InValue[][] = [];
    for (let n = 0; n < NOTIFICATIONS; n++) {
      const at = now - (n % 90) * 86_400_000 - n;
      notifications.push([id("ntf", n), id("usr", n % total), "note.published", "entry", id("ent", n % 100), "{}", ts(at), n % 5 === 0 ? null : ts(at), ts(at)]);
    }
    await insertAll(client, "Notification", ["id", "recipientId", "type", "subjectType", "subjectId", "data", "createdAt", "readAt", "mailedAt"], notifications);
    return { departmentId: departments[0][0] as string, kmId, entryIds: entries.map((e) => e[0] as string), users: users.length, notifications: NOTIFICATIONS, seconds: (Date.now() - started) / 1000 };
  } finally {
    client.close();
  }
}

type Result = Stats & { name: string; cpuP50: number; cpuP95: number; met: boolean | null };

async function measure(data: Data): Promise<{ fanOut: Result; sweep: Result; assigned: number }> {
  const { assignMandatoryRead, assignLateJoiners } = await import("~/commands/manage-mandatory-read.server");
  const { loadActor } = await import("~/models/actor.server");
  const km = await loadActor({ id: data.kmId, role: "KNOWLEDGE_MANAGER", departmentId: null });
  const dueDate = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 1));
  const wall: number[] = [];
  const cpu: number[] = [];
  let assigned = 0;
  for (const [i, entryId] of data.entryIds.entries()) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const result = await assignMandatoryRead(km, entryId, { audience: { type: "DEPARTMENT", id: data.departmentId }, dueDate });
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpuStart);
    if (result.assigned !== PEOPLE) throw new Error(`assigned ${result.assigned}, expected ${PEOPLE}`);
    assigned = result.assigned;
    if (i >= WARMUP) {
      wall.push(ms);
      cpu.push((used.user + used.system) / 1000);
    }
    log(`  run ${i + 1}/${data.entryIds.length}: ${ms.toFixed(0)} ms${i < WARMUP ? " (warm-up)" : ""}`);
  }
  const fan = stats(wall);
  const fanOut = { ...fan, name: `assign to ${n(PEOPLE)} people`, cpuP50: stats(cpu).p50, cpuP95: stats(cpu).p95, met: fan.p95 <= TARGET_P95_MS };

  const sweepWall: number[] = [];
  const sweepCpu: number[] = [];
  for (let i = 0; i < 3; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const added = await assignLateJoiners();
    sweepWall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    sweepCpu.push((used.user + used.system) / 1000);
    if (added !== 0) throw new Error(`the sweep assigned ${added} people, expected nobody`);
  }
  const sw = stats(sweepWall);
  const sweep = { ...sw, name: `late-joiner sweep over ${data.entryIds.length} open reads, nobody new`, cpuP50: stats(sweepCpu).p50, cpuP95: stats(sweepCpu).p95, met: null };
  log(`  fan-out p50 ${fanOut.p50} p95 ${fanOut.p95} ms; sweep p50 ${sweep.p50} ms`);
  return { fanOut, sweep, assigned };
}

const n = (x: number) => x.toLocaleString("en-US").replace(/,/g, " ");

function renderSection(r: { date: string; code: string; machine: Record<string, unknown> & { loadAvgStart: number[]; loadAvgEnd: number[] }; data: Data; dbMiB: number; results: Result[]; totalSeconds: number }) {
  const m = r.machine;
  const rows = r.results
    .map((x) => `| ${x.name} | ${x.n} | ${x.p50.toFixed(1)} | ${x.p95.toFixed(1)} | ${x.max.toFixed(1)} | ${x.cpuP50.toFixed(1)} | ${x.met === null ? "—" : x.met ? "yes" : "**no**"} |`)
    .join("\n");
  return `
## Mandatory reads (\`npm run bench:mandatory\`)

Last run: **${r.date}** (whole run ${Math.round(r.totalSeconds)} s), code ${r.code}.

**Machine:** ${m.os}, ${m.cpu} × ${m.cpus} cores, ${m.memoryGiB} GiB RAM, Node.js ${m.node}; load average ${m.loadAvgStart.map((x) => x.toFixed(2)).join(" / ")}
at the start and ${m.loadAvgEnd.map((x) => x.toFixed(2)).join(" / ")} at the end (1 / 5 / 15 min), shared with other work: an order of magnitude, not a capacity plan.

**Data** (built in ${r.data.seconds.toFixed(1)} s, SQLite file ${r.dbMiB} MiB): ${n(r.data.users)} users, ${n(PEOPLE)} of them in the department the
reads are for; ${n(r.data.notifications)} notifications already in the table; one entry per run. Each run adds ${n(PEOPLE)} assignments and
${n(PEOPLE)} notifications, so the last run writes into tables of ${n(PEOPLE * (RUNS + WARMUP))} assignments and ${n(r.data.notifications + PEOPLE * (RUNS + WARMUP))} notifications.

### Figures (milliseconds, ${RUNS} runs after ${WARMUP} warm-up runs; target p95 ≤ ${n(TARGET_P95_MS)} ms)

| measurement | n | p50 | p95 | max | CPU p50 * | met |
| --- | ---: | ---: | ---: | ---: | ---: | --- |
${rows}

\\* CPU time of this process per run (SQLite runs inside it, through libSQL), p50.${
    m.loadAvgStart[0] > (m.cpus as number)
      ? ` The load average was above the number of cores: much of the wall time is waiting for a core, and the CPU time is the part this code controls.`
      : ""
  }

### Method

- Each run calls the app's command \`assignMandatoryRead\` (\`app/commands/manage-mandatory-read.server.ts\`) in this process through the
  app's Prisma client, without HTTP or rendering: the checks (entry, audience exists, not assigned twice), the audience query (active
  people of the department who may see the entry), the assignments as multi-row INSERTs of 500 rows, the notifications through the
  runner's \`notify\` 500 recipients at a time (the muted-types lookup and Prisma's \`createMany\`), the audit event — one transaction,
  as the route runs it. Prisma's \`createMany\` for the assignments took several times as long as the INSERTs (0042).
- The sweep row is one pass of \`assignLateJoiners\` (the knowledge sweep's job) over every read the runs made, when nobody joined:
  per read, one query for the audience's people without an assignment (an anti-join in SQLite), in its own transaction.
- The data is built with multi-row INSERTs on a fresh SQLite file migrated with \`prisma migrate deploy\`.
`;
}

async function main() {
  const loadAvgStart = os.loadavg();
  const code = codeVersion();
  log(`fresh database in ${BENCH_DIR}`);
  migrateFresh(DATABASE);
  const data = await buildData();
  const dbMiB = Math.round(statSync(DB_FILE).size / 1024 ** 2);
  log(`data built in ${data.seconds.toFixed(1)} s (${dbMiB} MiB)`);

  process.env.DATABASE_URL = DATABASE_URL;
  const { fanOut, sweep } = await measure(data);
  const { db } = await import("~/utils/db.server");
  await db.$disconnect();

  const machine = machineOf(loadAvgStart);
  const date = runDate();
  const totalSeconds = seconds();
  const results = [fanOut, sweep];
  writeBenchmarkSection(DOC, "mandatory-reads", renderSection({ date, code, machine, data, dbMiB, results, totalSeconds }));
  log(`wrote ${path.relative(ROOT, DOC)}`);
  if (!process.env.BENCH_KEEP) rmSync(BENCH_DIR, { recursive: true, force: true });
  return {
    date,
    machine,
    data: { users: data.users, people: PEOPLE, notifications: data.notifications, dbMiB },
    runs: RUNS,
    results: results.map((x) => ({ name: x.name, p50: x.p50, p95: x.p95, max: x.max, cpuP50: x.cpuP50, met: x.met })),
    targetMet: fanOut.met,
    totalSeconds: Math.round(totalSeconds),
  };
}

main().then(
  (summary) => {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
