/**
 * npm run backup [-- FILE]: a consistent copy of the SQLite database while the app runs (VACUUM INTO
 * reads one snapshot; writers go on meanwhile), then PRAGMA integrity_check on the copy. Without
 * FILE the copy goes to data/backups/gilde-<UTC time>.db. Restore it with `npm run restore -- FILE`.
 */
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { PrismaClient } from "@prisma/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { EnvError, getEnv } from "~/utils/env.server";
import { databaseFile } from "./run-file";

/** PRAGMA integrity_check through the app's driver: "ok", or SQLite's list of problems. */
export async function integrityCheck(file: string): Promise<string> {
  const client = new PrismaClient({ adapter: new PrismaLibSQL({ url: `file:${file}` }) });
  try {
    const rows = await client.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check");
    return rows.map((r) => r.integrity_check).join("\n");
  } finally {
    await client.$disconnect();
  }
}

/** Writes a consistent copy of the database at `source` (a file: URL) to `target`. */
export async function backupDatabase(databaseUrl: string, target: string): Promise<{ file: string; bytes: number; seconds: number }> {
  const source = databaseFile(databaseUrl);
  if (!source) throw new Error("npm run backup copies an SQLite file; back PostgreSQL up with pg_dump (README, Production).");
  if (!existsSync(source)) throw new Error(`No database at ${source}.`);
  const file = path.resolve(target);
  if (existsSync(file)) throw new Error(`${file} exists already: choose another name.`);
  mkdirSync(path.dirname(file), { recursive: true });
  const started = Date.now();
  const client = new PrismaClient({ adapter: new PrismaLibSQL({ url: `file:${source}` }) });
  try {
    // A writer holding the lock makes VACUUM INTO wait for it rather than fail.
    await client.$queryRawUnsafe("PRAGMA busy_timeout = 10000");
    await client.$executeRawUnsafe("VACUUM INTO ?", file);
  } finally {
    await client.$disconnect();
  }
  const integrity = await integrityCheck(file);
  if (integrity !== "ok") {
    rmSync(file, { force: true });
    throw new Error(`The copy failed its integrity check and was removed:\n${integrity}`);
  }
  return { file, bytes: statSync(file).size, seconds: (Date.now() - started) / 1000 };
}

function defaultTarget(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  return path.resolve("data/backups", `gilde-${stamp}.db`);
}

async function main() {
  let env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const target = process.argv[2] ?? defaultTarget();
  const result = await backupDatabase(env.DATABASE_URL, target);
  console.log(`Backup written: ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MiB, integrity ok, ${result.seconds.toFixed(1)} s).`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("server/backup.ts")) {
  main().catch((error) => {
    console.error(`Backup failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
