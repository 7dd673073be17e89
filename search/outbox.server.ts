/**
 * The search outbox: commands write a row in the same transaction as the change; this worker
 * pushes rows to Meilisearch, marks them done only when Meilisearch's task succeeded, and retries
 * failures with exponential backoff. If Meilisearch is down nothing is lost: rows wait.
 */
import { db, quickRead, type Tx } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { databaseOutageLog, type OutageLog } from "~/utils/database-outage";
import { sqlTimestamp } from "~/utils/knowledge-figures";
import { placeholder, skipLocked } from "~/utils/sql-dialect.server";
import { adminClient, entriesIndexUid, questionsIndexUid } from "./client.server";
import { describeSearchError } from "./http-client.server";
import { loadEntryDocuments, loadQuestionDocuments } from "./documents.server";
import { rulesToSynonyms } from "./settings";
import { listSynonymRules } from "~/models/synonym.server";

export const OUTBOX_BATCH = 500;
const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 10_000;

export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/** Each index the outbox feeds: where its documents go and how they are built from the database. */
const INDEXES = {
  entries: { uid: entriesIndexUid, load: (ids: string[]) => loadEntryDocuments(db, ids) },
  questions: { uid: questionsIndexUid, load: (ids: string[]) => loadQuestionDocuments(db, ids) },
} satisfies Record<string, { uid: () => string; load: (ids: string[]) => Promise<{ id: string }[]> }>;

/**
 * Index settings that are data rather than code, pushed to every index. A row names the setting
 * (its documentId); the push reads it from the database as it is now, like a document.
 */
const SETTINGS = {
  synonyms: async () => {
    const synonyms = rulesToSynonyms(await listSynonymRules());
    const tasks = [];
    for (const uid of [entriesIndexUid(), questionsIndexUid()]) tasks.push(await adminClient().index(uid).updateSynonyms(synonyms).waitTask({ timeout: 30_000, interval: 10 }));
    return tasks;
  },
} satisfies Record<string, () => Promise<{ status: string; error?: { message: string } | null }[]>>;

export const SETTINGS_OUTBOX = "settings";
export type OutboxSetting = keyof typeof SETTINGS;

/** What a command can queue: a document of entries or questions (asked in communities), or a setting of both indexes. */
export type OutboxIndex = keyof typeof INDEXES | typeof SETTINGS_OUTBOX;

/**
 * A row for a document whose indexed form changed (also when it is gone: the worker then deletes
 * it). Written inside the command's transaction, through runCommand (app/commands/runner.server.ts).
 */
export async function enqueueDocument(tx: Tx, index: OutboxIndex, documentId: string): Promise<void> {
  await tx.searchOutbox.create({ data: { indexName: index, documentId, operation: "UPSERT" } });
}

export type OutboxRun = { claimed: number; indexed: number; deleted: number; failed: number; error?: string };

/** One pass over the due rows. Exported for the worker, the reindex CLI and tests. */
export async function processOutbox(limit = OUTBOX_BATCH): Promise<OutboxRun> {
  const rows = await claimDueRows(limit);
  const run: OutboxRun = { claimed: rows.length, indexed: 0, deleted: 0, failed: 0 };
  if (rows.length === 0) return run;
  const byIndex = new Map<string, typeof rows>();
  for (const row of rows) byIndex.set(row.indexName, [...(byIndex.get(row.indexName) ?? []), row]);
  // One index failing (or unknown) does not hold back the others: each group succeeds or retries on its own.
  for (const [indexName, group] of byIndex) {
    const result = await pushGroup(indexName, group);
    run.indexed += result.indexed;
    run.deleted += result.deleted;
    run.failed += result.failed ?? 0;
    if (result.error) run.error ??= result.error;
  }
  return run;
}

/** How long a claimed row is left to the server that claimed it before another may take it (it died meanwhile). */
export const OUTBOX_LEASE_MS = 60_000;

type ClaimedRow = { id: number; indexName: string; documentId: string; attempts: number };

/**
 * Claims the due rows, oldest first, in one statement: their availableAt moves a lease ahead, so
 * another worker (another app server on PostgreSQL) passes them by, and rows locked by a claim running
 * at this moment are skipped instead of waited for (skipLocked). A row whose push succeeds is marked
 * processed, one that fails gets its backoff; a row whose server died comes due again when the lease
 * ends (docs/decisions/0056).
 */
export async function claimDueRows(limit: number): Promise<ClaimedRow[]> {
  const now = new Date();
  // An idle worker only reads: on SQLite the claim's UPDATE would take the write lock at every poll.
  // Five times a second in every app process, so past Prisma's query engine (docs/decisions/0075).
  if ((await quickRead(`SELECT 1 AS "due" FROM "SearchOutbox" WHERE "processedAt" IS NULL AND "availableAt" <= ${placeholder(1)} LIMIT 1`, [sqlTimestamp(now)])).length === 0) return [];
  const rows = await db.$queryRaw<{ id: unknown; indexName: string; documentId: string; attempts: unknown }[]>`
    UPDATE "SearchOutbox" SET "availableAt" = ${sqlTimestamp(new Date(now.getTime() + OUTBOX_LEASE_MS))}
    WHERE "id" IN (
      SELECT "id" FROM "SearchOutbox" WHERE "processedAt" IS NULL AND "availableAt" <= ${sqlTimestamp(now)}
      ORDER BY "id" LIMIT ${limit} ${skipLocked()}
    )
    RETURNING "id", "indexName", "documentId", "attempts"`;
  return rows
    .map((r) => ({ id: Number(r.id), indexName: r.indexName, documentId: r.documentId, attempts: Number(r.attempts) }))
    .sort((a, b) => a.id - b.id);
}

async function pushGroup(indexName: string, rows: { id: number; documentId: string; attempts: number }[]): Promise<GroupResult> {
  try {
    if (indexName === SETTINGS_OUTBOX) return await pushSettings(rows);
    const target = Object.hasOwn(INDEXES, indexName) ? INDEXES[indexName as keyof typeof INDEXES] : undefined;
    if (!target) throw new Error(`unknown search index "${indexName}"`);
    const ids = [...new Set(rows.map((r) => r.documentId))];
    // The document is built from the database as it is now, so several rows for one document collapse into one write.
    const documents = await target.load(ids);
    const present = new Set(documents.map((d) => d.id));
    const missing = ids.filter((id) => !present.has(id));
    const index = adminClient().index(target.uid());
    const waits: Promise<{ status: string; error?: { message: string } | null }>[] = [];
    if (documents.length) waits.push(index.addDocuments(documents, { primaryKey: "id" }).waitTask({ timeout: 30_000, interval: 10 }));
    if (missing.length) waits.push(index.deleteDocuments(missing).waitTask({ timeout: 30_000, interval: 10 }));
    for (const task of await Promise.all(waits)) {
      if (task.status !== "succeeded") throw new TaskRejected(task.error?.message ?? `Meilisearch task ${task.status}`);
    }
    await markProcessed(rows);
    return { indexed: documents.length, deleted: missing.length };
  } catch (error) {
    // Meilisearch refused the batch (one document it cannot take fails the whole task): push each
    // document on its own, so only the refused one waits and retries instead of every row with it.
    if (error instanceof TaskRejected && new Set(rows.map((r) => r.documentId)).size > 1) return pushEach(indexName, rows);
    const message = describeSearchError(error);
    await db.$transaction(
      rows.map((row) =>
        db.searchOutbox.update({
          where: { id: row.id },
          data: {
            attempts: row.attempts + 1,
            lastError: message.slice(0, 1000),
            availableAt: new Date(Date.now() + backoffMs(row.attempts + 1)),
          },
        }),
      ),
    );
    return { indexed: 0, deleted: 0, failed: rows.length, error: message };
  }
}

type GroupResult = { indexed: number; deleted: number; failed?: number; error?: string };

class TaskRejected extends Error {}

async function pushEach(indexName: string, rows: { id: number; documentId: string; attempts: number }[]) {
  const byDocument = new Map<string, typeof rows>();
  for (const row of rows) byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), row]);
  const total: GroupResult = { indexed: 0, deleted: 0, failed: 0 };
  for (const group of byDocument.values()) {
    const result = await pushGroup(indexName, group);
    total.indexed += result.indexed;
    total.deleted += result.deleted;
    total.failed! += result.failed ?? 0;
    total.error ??= result.error;
  }
  return total;
}

async function markProcessed(rows: { id: number }[]) {
  await db.searchOutbox.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { processedAt: new Date() } });
}

/** Settings rows: each named setting is pushed once however many rows ask for it; a failure throws and is retried. */
async function pushSettings(rows: { id: number; documentId: string }[]) {
  for (const name of new Set(rows.map((r) => r.documentId))) {
    const push = Object.hasOwn(SETTINGS, name) ? SETTINGS[name as OutboxSetting] : undefined;
    if (!push) throw new Error(`unknown index setting "${name}"`);
    for (const task of await push()) {
      if (task.status !== "succeeded") throw new Error(task.error?.message ?? `Meilisearch task ${task.status}`);
    }
  }
  await markProcessed(rows);
  return { indexed: 0, deleted: 0 };
}

/**
 * Queues again every document of an index whose row was processed since `since` or is still
 * pending: after a reindex swapped a fresh index in, what the worker wrote meanwhile went to the
 * index that was swapped out. Returns how many documents were queued.
 */
export async function requeueSince(indexName: keyof typeof INDEXES, since: Date): Promise<number> {
  const rows = await db.searchOutbox.findMany({
    where: { indexName, OR: [{ processedAt: { gte: since } }, { processedAt: null }] },
    select: { documentId: true },
    distinct: ["documentId"],
  });
  if (rows.length === 0) return 0;
  await db.searchOutbox.createMany({ data: rows.map((r) => ({ indexName, documentId: r.documentId, operation: "UPSERT" })) });
  kickOutbox();
  return rows.length;
}

/** Search is back (a restarted Meilisearch): rows waiting out their backoff are due now, and the worker runs. */
export async function releaseOutboxBackoff(): Promise<void> {
  const now = new Date();
  await db.searchOutbox.updateMany({ where: { processedAt: null, availableAt: { gt: now } }, data: { availableAt: now } });
  kickOutbox();
}

export async function pendingOutboxCount(): Promise<number> {
  return db.searchOutbox.count({ where: { processedAt: null } });
}

type WorkerState = { timer?: NodeJS.Timeout; running: boolean; again: boolean; stopped: boolean; lastError?: string; outage: OutageLog };

declare global {
  var __gildeOutboxWorker: WorkerState | undefined;
  // Set by an app process of a cluster: tells the process that runs the worker (server/cluster.ts).
  var __gildeOutboxKickElsewhere: (() => void) | undefined;
}

async function runWorker(state: WorkerState) {
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  clearTimeout(state.timer);
  try {
    for (;;) {
      state.again = false;
      const run = await processOutbox();
      state.outage.succeeded();
      state.lastError = run.error;
      if (run.failed > 0 && run.error) console.warn(`[search] outbox: ${run.failed} rows failed, will retry: ${run.error}`);
      // A full batch that succeeded means more may be waiting: go on at once.
      if (!(run.claimed === OUTBOX_BATCH && run.failed === 0) && !state.again) break;
    }
  } catch (error) {
    // A database that is away fails every poll the same way: said once when it goes and once when it is back.
    if (!state.outage.failed(error)) {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== state.lastError) console.warn(`[search] outbox worker error: ${message}`);
      state.lastError = message;
    }
  } finally {
    state.running = false;
    if (!state.stopped) state.timer = setTimeout(() => void runWorker(state), getEnv().OUTBOX_POLL_MS);
  }
}

/** Starts the background worker once per process. */
export function startOutboxWorker(): void {
  if (globalThis.__gildeOutboxWorker && !globalThis.__gildeOutboxWorker.stopped) return;
  const state: WorkerState = { running: false, again: false, stopped: false, outage: databaseOutageLog("[search] outbox worker") };
  globalThis.__gildeOutboxWorker = state;
  void runWorker(state);
}

export function stopOutboxWorker(): void {
  const state = globalThis.__gildeOutboxWorker;
  if (!state) return;
  state.stopped = true;
  clearTimeout(state.timer);
}

/**
 * After a command that queued rows commits (runCommand calls it): push them now instead of at the next poll.
 * When another app process of this server runs the worker, it is told; a worker on another server finds the
 * rows at its next poll (OUTBOX_POLL_MS).
 */
export function kickOutbox(): void {
  const state = globalThis.__gildeOutboxWorker;
  if (state && !state.stopped) void runWorker(state);
  else globalThis.__gildeOutboxKickElsewhere?.();
}

/** A kick from another app process: only this process's worker, never passed on. */
export function kickOutboxHere(): void {
  const state = globalThis.__gildeOutboxWorker;
  if (state && !state.stopped) void runWorker(state);
}
