/**
 * `npm start`: validates the configuration, starts the embedded Meilisearch (unless MEILI_HOST is
 * set), migrates the database, seeds the demo organisation into an empty database, makes sure the
 * search index exists, starts the outbox and mail workers and serves the Remix app.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { EnvError, getEnv } from "~/utils/env.server";
import { connectEmbeddedMeilisearch } from "../search/launcher";
import { createApp } from "./app";

function fail(message: string): never {
  console.error(`\nGilde cannot start.\n${message}\n`);
  process.exit(1);
}

function migrate() {
  const url = getEnv().DATABASE_URL;
  if (url.startsWith("file:")) mkdirSync(path.dirname(path.resolve(url.slice("file:".length))), { recursive: true });
  const prisma = path.resolve("node_modules/.bin/prisma");
  const result = spawnSync(prisma, ["migrate", "deploy"], { stdio: ["ignore", "pipe", "pipe"], env: process.env, encoding: "utf8" });
  if (result.status !== 0) fail(`Database migration failed:\n${result.stdout}\n${result.stderr}`);
}

async function main() {
  try {
    getEnv();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }

  let stopMeili: () => Promise<void> = async () => undefined;
  try {
    stopMeili = await connectEmbeddedMeilisearch();
  } catch (error) {
    // The app still works without search: writes queue in the outbox, the search page says so.
    console.warn(`[search] ${error instanceof Error ? error.message : error}`);
  }
  const env = getEnv();

  migrate();
  const { db } = await import("~/utils/db.server");
  const { ensureEntriesIndex, ensureQuestionsIndex, reindexEntries, reindexQuestions } = await import("../search/index.server");
  const { startOutboxWorker, stopOutboxWorker } = await import("../search/outbox.server");
  const { startKnowledgeSweep, stopKnowledgeSweep } = await import("~/commands/knowledge-sweep.server");
  const { startMailWorker, stopMailWorker } = await import("~/mail/worker.server");

  let seeded = false;
  if (env.SEED_DEMO === "auto") {
    const { seedDemoIfEmpty } = await import("../prisma/seed");
    const counts = await seedDemoIfEmpty(db);
    seeded = counts !== null;
    if (counts) console.log(`Seeded the demo organisation: ${counts.users} users, ${counts.notes} notes, ${counts.entries} entries.`);
  }
  try {
    const { created } = await ensureEntriesIndex();
    if (created || seeded) {
      const result = await reindexEntries();
      console.log(`Search index built: ${result.indexed} entries in ${result.seconds.toFixed(1)} s.`);
    }
    const questions = await ensureQuestionsIndex();
    if (questions.created || seeded) {
      const result = await reindexQuestions();
      console.log(`Questions index built: ${result.indexed} questions in ${result.seconds.toFixed(1)} s.`);
    }
  } catch (error) {
    console.warn(`[search] index not ready (${error instanceof Error ? error.message : error}); it catches up when search is back.`);
  }
  startOutboxWorker();
  startKnowledgeSweep();
  startMailWorker();
  if (!env.SMTP_URL) console.log("E-mail is off (no SMTP_URL): notifications stay in the app.");

  const buildPath = path.resolve("build/index.js");
  if (!existsSync(buildPath)) fail("No build found. Run `npm start` (it builds first) or `npm run build`.");
  const build = await import(pathToFileURL(buildPath).href);

  const app = createApp(build);
  const server = app.listen(env.PORT, env.HOST, () => {
    console.log(`Gilde is ready on http://localhost:${env.PORT}`);
  });

  const shutdown = async () => {
    stopOutboxWorker();
    stopKnowledgeSweep();
    server.close();
    await stopMailWorker();
    await stopMeili();
    await db.$disconnect();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
}

main().catch((error) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
