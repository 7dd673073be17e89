/**
 * Reconciliation: the ids in each search index must be the ids the database says belong there.
 * Drift (a restore from backup, a lost write, an index edited by hand) is repaired by queueing the
 * differing documents in the outbox (the worker then writes or deletes each one from the database
 * as it is) and logged. Runs at boot and then every SEARCH_RECONCILE_MS (docs/decisions/0048).
 */
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { adminClient, ensureSearchKey, entriesIndexUid, questionsIndexUid } from "./client.server";
import { questionRowsWhere } from "./documents.server";
import { describeSearchError, meiliErrorCode } from "./http-client.server";
import { ensureEntriesIndex, ensureQuestionsIndex } from "./index.server";
import { kickOutbox } from "./outbox.server";

export type IndexDrift = { missing: number; extra: number; queued: number };
export type Reconciliation = { entries: IndexDrift; questions: IndexDrift };

const PAGE = 1000;

/** Every document id of an index, or null when the index does not exist. */
export async function indexIds(uid: string): Promise<Set<string> | null> {
  const ids = new Set<string>();
  const index = adminClient().index(uid);
  try {
    for (let offset = 0; ; offset += PAGE) {
      const page = await index.getDocuments({ fields: ["id"], limit: PAGE, offset });
      for (const doc of page.results) ids.add(String(doc.id));
      if (page.results.length < PAGE) return ids;
    }
  } catch (error) {
    if (meiliErrorCode(error) === "index_not_found") return null;
    throw error;
  }
}

const TARGETS = {
  entries: {
    uid: entriesIndexUid,
    ensure: ensureEntriesIndex,
    databaseIds: async () => (await db.entry.findMany({ select: { id: true } })).map((r) => r.id),
  },
  questions: {
    uid: questionsIndexUid,
    ensure: ensureQuestionsIndex,
    databaseIds: async () => (await db.note.findMany({ where: questionRowsWhere, select: { id: true } })).map((r) => r.id),
  },
};

async function reconcileIndex(indexName: keyof typeof TARGETS): Promise<IndexDrift> {
  const target = TARGETS[indexName];
  let inIndex = await indexIds(target.uid());
  if (!inIndex) {
    await target.ensure();
    inIndex = new Set();
  }
  const inDatabase = new Set(await target.databaseIds());
  // A document with a pending row is on its way: not drift.
  const pending = new Set(
    (await db.searchOutbox.findMany({ where: { indexName, processedAt: null }, select: { documentId: true } })).map((r) => r.documentId),
  );
  const missing = [...inDatabase].filter((id) => !inIndex.has(id) && !pending.has(id));
  const extra = [...inIndex].filter((id) => !inDatabase.has(id) && !pending.has(id));
  const drifted = [...missing, ...extra];
  if (drifted.length) {
    await db.searchOutbox.createMany({ data: drifted.map((documentId) => ({ indexName, documentId, operation: "UPSERT" })) });
    console.warn(
      `[search] reconcile: the ${indexName} index had drifted from the database (${missing.length} missing, ${extra.length} that should not be there, e.g. ${drifted.slice(0, 3).join(", ")}); queued ${drifted.length} documents`,
    );
  }
  return { missing: missing.length, extra: extra.length, queued: drifted.length };
}

/** Compares every index with the database and queues the repairs. Idempotent. */
export async function reconcileSearchIndexes(): Promise<Reconciliation> {
  await ensureSearchKey();
  const result = { entries: await reconcileIndex("entries"), questions: await reconcileIndex("questions") };
  if (result.entries.queued + result.questions.queued > 0) kickOutbox();
  return result;
}

declare global {
  var __gildeSearchReconciliation: NodeJS.Timeout | undefined;
}

/** Runs the reconciliation now and then on an interval, once per process (the knowledge sweep's pattern). */
export function startSearchReconciliation(): void {
  if (globalThis.__gildeSearchReconciliation) return;
  const tick = () =>
    void reconcileSearchIndexes().catch((error) => console.warn(`[search] reconcile failed, next try in ${getEnv().SEARCH_RECONCILE_MS / 1000} s: ${describeSearchError(error)}`));
  globalThis.__gildeSearchReconciliation = setInterval(tick, getEnv().SEARCH_RECONCILE_MS);
  globalThis.__gildeSearchReconciliation.unref();
  tick();
}

export function stopSearchReconciliation(): void {
  clearInterval(globalThis.__gildeSearchReconciliation);
  globalThis.__gildeSearchReconciliation = undefined;
}
