/**
 * What every benchmark of this folder does the same way: where the repository and the figures file are,
 * numbers from the environment, a fresh migrated database of its own (an SQLite file, and a PostgreSQL
 * database when a server is named), a timed log, and the machine and code a run measured.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createDatabase, databaseUrl, dropDatabase, withAdmin } from "../support/postgres";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The file each benchmark writes its own section of. */
export const DOC = path.join(ROOT, "docs/benchmarks.md");

/** A positive whole number from the environment (to run a smaller or larger benchmark), else the default. */
export function intFromEnv(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

/** The benchmark's own database file under the test folder (GILDE_TEST_TMP when set). */
export function benchDatabase(dirName: string, fileName: string) {
  const dir = path.resolve(process.env.GILDE_TEST_TMP ?? path.join(ROOT, "tests/.tmp"), dirName);
  const file = path.join(dir, fileName);
  return { dir, file, url: `file:${file}` };
}

/** Deletes what a previous run left and migrates an empty database with the app's own migrations. */
export function migrateFresh(database: { dir: string; url: string }): void {
  rmSync(database.dir, { recursive: true, force: true });
  mkdirSync(database.dir, { recursive: true });
  migrateDatabase(database.url);
}

/** `prisma migrate deploy` on the database the URL names: the SQLite or the PostgreSQL set, as the app chooses. */
function migrateDatabase(url: string): void {
  const migrate = spawnSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  if (migrate.status !== 0) throw new Error(`prisma migrate deploy failed:\n${migrate.stdout}\n${migrate.stderr}`);
}

/**
 * The PostgreSQL server a benchmark measures as well, when one is named: BENCH_POSTGRES_URL, else the tests'
 * TEST_POSTGRES_URL. Either names a server and a role that may create databases; the benchmark makes its own.
 */
export function benchPostgresServer(): string | undefined {
  return process.env.BENCH_POSTGRES_URL || process.env.TEST_POSTGRES_URL || undefined;
}

/** The benchmark's own database on that server, dropped if a previous run left it, created and migrated; its URL. */
export async function freshPostgresDatabase(server: string, name: string): Promise<string> {
  await dropDatabase(server, name);
  const url = await createDatabase(server, name);
  migrateDatabase(url);
  return url;
}

/** What the benchmark's database takes on disk, in MiB. */
export async function postgresDatabaseMiB(server: string, name: string): Promise<number> {
  const { rows } = await withAdmin(databaseUrl(server, name), (c) => c.query<{ bytes: string }>("SELECT pg_database_size(current_database()) AS bytes"));
  return Math.round(Number(rows[0].bytes) / 1024 ** 2);
}

export { dropDatabase as dropPostgresDatabase };

/** A log on stderr with the seconds since the run began (stdout is kept for the one JSON line at the end). */
export function timedLog(tag = "bench") {
  const t0 = performance.now();
  const seconds = () => (performance.now() - t0) / 1000;
  const log = (message: string) => process.stderr.write(`[${tag} ${seconds().toFixed(1).padStart(6)} s] ${message}\n`);
  return { log, seconds };
}

/** The commit the run measured, and whether the working tree had changes on top of it. */
export function codeVersion(): string {
  const head = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" });
  if (head.status !== 0) return "(not a git checkout)";
  const dirty = spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: ROOT, encoding: "utf8" });
  return `\`${head.stdout.trim()}\`${dirty.stdout.trim() ? " with uncommitted changes" : ""}`;
}

export type Machine = { os: string; cpu: string; cpus: number; memoryGiB: number; node: string; loadAvgStart: number[]; loadAvgEnd: number[] };

/** The machine, with the load average at the start (given) and now, at the end. */
export function machine(loadAvgStart: number[]): Machine {
  return {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpu: os.cpus()[0]?.model.trim() ?? "unknown CPU",
    cpus: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    loadAvgStart,
    loadAvgEnd: os.loadavg(),
  };
}

/** The run's date and time for the figures file, "yyyy-mm-dd hh:mm UTC". */
export function runDate(): string {
  return new Date().toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

/**
 * Runs a benchmark whose database file lies in a folder of its own: its summary goes to stdout as one JSON
 * line, last. Whether the run ends, fails or is interrupted, the server is stopped, the connections are
 * closed and the folder is deleted (kept with BENCH_KEEP=1), once; the exit code is 0, 1, or 130 after a signal.
 */
export function runBenchmark<T>(
  main: () => Promise<T>,
  options: { log: (message: string) => void; databaseFile: string; server: { stop(): Promise<void> }; agents: { destroy(): void }[]; alsoStop?: () => void },
): void {
  const { log, databaseFile } = options;
  const folder = path.dirname(databaseFile);
  let cleaning: Promise<void> | null = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      options.alsoStop?.();
      await options.server.stop();
      for (const agent of options.agents) agent.destroy();
      // Retries: Meilisearch may still be writing its last files as it stops.
      if (process.env.BENCH_KEEP !== "1") rmSync(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
      else log(`kept ${path.relative(ROOT, folder)} for inspection`);
    })());
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
      if (!existsSync(databaseFile) && existsSync(path.dirname(folder))) log(`${path.relative(ROOT, folder)} was deleted during the run by another process; run the benchmark again.`);
      await cleanup();
      process.exit(1);
    });
}
