/**
 * `npm start`: validates the configuration, starts the embedded Meilisearch (unless MEILI_HOST is
 * set), checks that the database answers, migrates it and seeds the demo organisation into an empty one
 * (under a lock that servers starting together share: docs/decisions/0054), makes sure the
 * search indexes exist, then serves the Remix app from WEB_CONCURRENCY app processes (one per core
 * unless set; docs/decisions/0052). With more than one, this process is the cluster's primary: it
 * does the steps above once, supervises Meilisearch and the app processes and serves nothing itself.
 * Every app process takes part in the background roles (search outbox worker, scheduler), each of
 * which runs in one process at a time across all processes and servers on the database.
 *
 * Each boot step is logged with its duration and has a bound, so a boot that waits is visible and
 * one that cannot go on says why (docs/decisions/0046).
 */
import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import { existsSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { EnvError, getEnv } from "~/utils/env.server";
import { connectEmbeddedMeilisearch } from "../search/launcher";
import { describeSearchError } from "../search/http-client.server";
import { bootStep } from "./boot";
import { databaseProblem, withBootLock } from "./database";
import { writeRunFile, removeRunFile } from "./run-file";
import { createApp } from "./app";
import { superviseAppProcesses, joinCluster } from "./cluster";

function fail(message: string): never {
  console.error(`\nGilde cannot start.\n${message}\n`);
  process.exit(1);
}

const MIGRATE_TIMEOUT_MS = 120_000;
/** A settings task that Meilisearch has not done by then is left to finish on its own: the boot goes on. */
const BOOT_TASK_TIMEOUT_MS = 30_000;

function migrate() {
  const url = getEnv().DATABASE_URL;
  if (url.startsWith("file:")) mkdirSync(path.dirname(path.resolve(url.slice("file:".length))), { recursive: true });
  const prisma = path.resolve("node_modules/.bin/prisma");
  const result = spawnSync(prisma, ["migrate", "deploy"], { stdio: ["ignore", "pipe", "pipe"], env: process.env, encoding: "utf8", timeout: MIGRATE_TIMEOUT_MS });
  if (result.error) fail(`Database migration did not finish within ${MIGRATE_TIMEOUT_MS / 1000} s (${result.error.message}):\n${result.stdout}\n${result.stderr}`);
  if (result.status !== 0) fail(`Database migration failed:\n${result.stdout}\n${result.stderr}`);
}

/** The steps done once per server, before any request: search, database, demo data, search indexes. */
async function prepare() {
  let embedded: Awaited<ReturnType<typeof connectEmbeddedMeilisearch>>;
  try {
    embedded = await bootStep("embedded Meilisearch", () => connectEmbeddedMeilisearch());
  } catch (error) {
    // The app still works without search: writes queue in the outbox, the search page says so.
    console.warn(`[search] ${error instanceof Error ? error.message : error}`);
  }
  const env = getEnv();

  // Another app server starting at the same moment waits here, then finds the database migrated and seeded.
  const seeded = await withBootLock(env.DATABASE_URL, async () => {
    await bootStep("database migrations", migrate);
    if (env.SEED_DEMO !== "auto") return false;
    const [{ seedDemoIfEmpty }, { db }] = await Promise.all([import("../prisma/seed"), import("~/utils/db.server")]);
    const counts = await bootStep("demo seed (empty database only)", () => seedDemoIfEmpty(db));
    if (counts) console.log(`Seeded the demo organisation: ${counts.users} users, ${counts.notes} notes, ${counts.entries} entries.`);
    return counts !== null;
  });
  const { ensureEntriesIndex, ensureQuestionsIndex, reindexEntries, reindexQuestions } = await import("../search/index.server");
  const { releaseOutboxBackoff } = await import("../search/outbox.server");
  const { ensureSearchKey } = await import("../search/client.server");
  // Indexes built by an older version of the document code: rebuilt once the app serves, searches meanwhile
  // go to the old documents (the swap is atomic and replays what changed during the build).
  const staleIndexes: { name: string; rebuild: () => Promise<{ indexed: number; seconds: number }> }[] = [];
  try {
    await bootStep("search indexes", async () => {
      const { created, stale } = await ensureEntriesIndex({ taskTimeoutMs: BOOT_TASK_TIMEOUT_MS });
      if (created || seeded) {
        const result = await reindexEntries();
        console.log(`Search index built: ${result.indexed} entries in ${result.seconds.toFixed(1)} s.`);
      } else if (stale) staleIndexes.push({ name: "entries", rebuild: () => reindexEntries() });
      const questions = await ensureQuestionsIndex({ taskTimeoutMs: BOOT_TASK_TIMEOUT_MS });
      if (questions.created || seeded) {
        const result = await reindexQuestions();
        console.log(`Questions index built: ${result.indexed} questions in ${result.seconds.toFixed(1)} s.`);
      } else if (questions.stale) staleIndexes.push({ name: "questions", rebuild: () => reindexQuestions() });
    });
  } catch (error) {
    console.warn(`[search] index not ready (${describeSearchError(error)}); it catches up when search is back.`);
  }
  // A restarted Meilisearch: make sure of the search key, and make what waited due now rather than after its
  // backoff (the rows' times are in the database, so whichever process runs the outbox worker sees it).
  embedded?.onRestart(() => {
    void ensureSearchKey()
      .catch((error) => console.warn(`[search] search key: ${error instanceof Error ? error.message : error}`))
      .then(() => releaseOutboxBackoff())
      .catch((error) => console.warn(`[search] outbox: ${error instanceof Error ? error.message : error}`));
  });
  if (!env.SMTP_URL) console.log("E-mail is off (no SMTP_URL): notifications stay in the app.");
  return { stopMeili: embedded?.stop ?? (async () => undefined), rebuildStale: () => void rebuildStaleIndexes(staleIndexes) };
}

/**
 * One app process: the Remix app on PORT (shared by the cluster's processes) and its part in the background
 * roles. Returns what stops it.
 */
async function serve(onListening: () => void) {
  const env = getEnv();
  const { db } = await import("~/utils/db.server");
  const { startOutboxWorker, stopOutboxWorker } = await import("../search/outbox.server");
  const { startSearchReconciliation, stopSearchReconciliation } = await import("../search/reconcile.server");
  const { startKnowledgeSweep, stopKnowledgeSweep } = await import("~/commands/knowledge-sweep.server");
  const { startMailWorker, stopMailWorker } = await import("~/mail/worker.server");
  const { startWebhookWorker, stopWebhookWorker } = await import("~/webhooks/worker.server");
  const { runBackgroundRoles } = await import("./background");

  const buildPath = path.resolve("build/index.js");
  if (!existsSync(buildPath)) fail("No build found. Run `npm start` (it builds first) or `npm run build`.");
  const build = await bootStep("app build", () => import(pathToFileURL(buildPath).href));

  const roles = runBackgroundRoles(
    [
      { lease: "search-outbox", start: startOutboxWorker, stop: stopOutboxWorker },
      {
        // Calendar jobs (knowledge sweep with the digest), the mail queue, webhook deliveries and search reconciliation.
        lease: "scheduler",
        start: () => {
          startKnowledgeSweep();
          startMailWorker();
          startWebhookWorker();
          startSearchReconciliation();
        },
        stop: async () => {
          stopKnowledgeSweep();
          stopSearchReconciliation();
          await stopMailWorker();
          await stopWebhookWorker();
        },
      },
    ],
    { leaseMs: env.JOB_LEASE_MS },
  );

  // The build's dictionary and the server's own (the outbox indexes with it), read before the first request needs them.
  await bootStep("warm-up", async () => {
    (build.entry.module as { warmUp?: () => void }).warmUp?.();
    const { warmUpDutch } = await import("../search/dutch");
    warmUpDutch();
  });
  const app = createApp(build);
  const listenStarted = Date.now();
  const server = app.listen(env.PORT, env.HOST, () => {
    console.log(`[boot] listening: ${Date.now() - listenStarted} ms`);
    onListening();
  });
  server.on("error", (error) => fail(`Cannot listen on ${env.HOST}:${env.PORT}: ${error.message}`));

  return async () => {
    server.close();
    await roles.stop();
    await db.$disconnect();
  };
}

async function main() {
  try {
    getEnv();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
  const problem = await bootStep("database connection", () => databaseProblem(getEnv().DATABASE_URL));
  if (problem) fail(problem);

  if (cluster.isWorker) {
    // An app process of the cluster: the primary did the boot steps and passed MEILI_HOST on.
    const stop = await serve(() => undefined);
    joinCluster(stop);
    return;
  }

  const processes = getEnv().WEB_CONCURRENCY ?? os.availableParallelism();
  const { stopMeili, rebuildStale } = await prepare();
  const env = getEnv();
  const ready = () => {
    writeRunFile(env.DATABASE_URL, env.PORT);
    console.log(`Gilde is ready on http://localhost:${env.PORT}${processes > 1 ? ` (${processes} app processes)` : ""}`);
    // In this process (the primary, with several): a rebuild is once per server, not once per app process.
    rebuildStale();
  };

  let stopApp: () => Promise<void>;
  if (processes === 1) {
    stopApp = await serve(ready);
  } else {
    stopApp = superviseAppProcesses(processes, ready);
  }

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await stopApp();
    removeRunFile(env.DATABASE_URL);
    await stopMeili();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
}

/** One after the other, in the background: the documents' format changed since these indexes were built. */
async function rebuildStaleIndexes(indexes: { name: string; rebuild: () => Promise<{ indexed: number; seconds: number }> }[]) {
  for (const index of indexes) {
    console.log(`[search] the ${index.name} index was built by an older version: rebuilding it in the background.`);
    try {
      const result = await index.rebuild();
      console.log(`[search] ${index.name} index rebuilt: ${result.indexed} documents in ${result.seconds.toFixed(1)} s.`);
    } catch (error) {
      console.warn(`[search] rebuilding the ${index.name} index failed (${error instanceof Error ? error.message : error}); \`npm run search:reindex\` does it by hand.`);
    }
  }
}

main().catch((error) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
