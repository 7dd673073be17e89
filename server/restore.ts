/**
 * npm run restore -- FILE: puts a backup (npm run backup) in place of the database and rebuilds the
 * search indexes from it. Refuses while a server runs on the database (its run file names a live
 * process, server/run-file.ts): stop the app first. The database it replaces is kept beside it as
 * <database>.before-restore-<UTC time>.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { PrismaClient } from "@prisma/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { EnvError, getEnv } from "~/utils/env.server";
import { integrityCheck } from "./backup";
import { databaseFile, runningServer } from "./run-file";

export class RestoreRefused extends Error {}

async function copyAside(file: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  const aside = `${file}.before-restore-${stamp}`;
  // VACUUM INTO, not a file copy: the current database may have writes still in its WAL file.
  const client = new PrismaClient({ adapter: new PrismaLibSQL({ url: `file:${file}` }) });
  try {
    await client.$executeRawUnsafe("VACUUM INTO ?", aside);
  } finally {
    await client.$disconnect();
  }
  return aside;
}

/** Replaces the database with the backup; returns where the replaced one was kept. Does not touch search. */
export async function restoreDatabase(databaseUrl: string, backup: string): Promise<{ keptAs: string | null }> {
  const target = databaseFile(databaseUrl);
  if (!target) throw new RestoreRefused(`Restores need a file: database (DATABASE_URL is ${databaseUrl}).`);
  const running = runningServer(databaseUrl);
  if (running) throw new RestoreRefused(`Gilde is running on this database (process ${running.pid}, port ${running.port}). Stop it, then restore.`);
  const source = path.resolve(backup);
  if (!existsSync(source)) throw new RestoreRefused(`No backup at ${source}.`);
  const integrity = await integrityCheck(source);
  if (integrity !== "ok") throw new RestoreRefused(`The backup fails its integrity check; nothing was changed:\n${integrity}`);

  const keptAs = existsSync(target) ? await copyAside(target) : null;
  const incoming = `${target}.restoring`;
  copyFileSync(source, incoming);
  // The old database's WAL and shared-memory files belong to it, not to the backup.
  for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(`${target}${suffix}`, { force: true });
  renameSync(incoming, target);
  return { keptAs };
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
  const backup = process.argv[2];
  if (!backup) {
    console.error("Usage: npm run restore -- FILE   (a file written by npm run backup)");
    process.exit(1);
  }
  const { keptAs } = await restoreDatabase(env.DATABASE_URL, backup);
  console.log(`Database restored from ${path.resolve(backup)}.${keptAs ? ` The one it replaced is kept as ${keptAs}.` : ""}`);

  // A backup from an older version gets this version's migrations.
  const migrate = spawnSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], { stdio: ["ignore", "pipe", "pipe"], env: process.env, encoding: "utf8", timeout: 120_000 });
  if (migrate.status !== 0) throw new Error(`Migrations failed after the restore:\n${migrate.stdout}\n${migrate.stderr}${migrate.error ? migrate.error.message : ""}`);

  // The search indexes hold what the replaced database held: rebuild them from the restored one.
  const { connectEmbeddedMeilisearch } = await import("../search/launcher");
  const embedded = await connectEmbeddedMeilisearch();
  const { reindexEntries, reindexQuestions } = await import("../search/index.server");
  const { processOutbox } = await import("../search/outbox.server");
  const { db } = await import("~/utils/db.server");
  try {
    const entries = await reindexEntries();
    const questions = await reindexQuestions();
    const deadline = Date.now() + 60_000;
    while ((await processOutbox()).claimed > 0 && Date.now() < deadline);
    console.log(`Search rebuilt from the restored database: ${entries.indexed} entries, ${questions.indexed} questions.`);
  } finally {
    await db.$disconnect();
    await embedded?.stop();
  }
}

if (process.argv[1]?.endsWith("server/restore.ts")) {
  main().catch((error) => {
    console.error(`Restore failed: ${error instanceof Error ? error.message : error}`);
    process.exit(error instanceof RestoreRefused ? 2 : 1);
  });
}
