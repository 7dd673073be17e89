import { adminClient, entriesIndexUid } from "./client.server";
import { meiliErrorCode } from "./http-client.server";
import { ENTRY_INDEX_SETTINGS } from "./settings";
import { db } from "~/utils/db.server";
import { entryDocumentSelect, toEntryDocument } from "./documents.server";

export type ReindexProgress = { indexed: number; total: number };

const WAIT = { timeout: 300_000, interval: 50 };

async function indexExists(uid: string): Promise<boolean> {
  try {
    await adminClient().getIndex(uid);
    return true;
  } catch (error) {
    if (meiliErrorCode(error) === "index_not_found") return false;
    throw error;
  }
}

/** Applies the settings to the live index (creating it if needed). Idempotent; run at boot. */
export async function ensureEntriesIndex(): Promise<{ created: boolean }> {
  const uid = entriesIndexUid();
  const created = !(await indexExists(uid));
  if (created) await adminClient().createIndex(uid, { primaryKey: "id" }).waitTask(WAIT);
  await adminClient().index(uid).updateSettings(ENTRY_INDEX_SETTINGS).waitTask(WAIT);
  return { created };
}

/**
 * Rebuilds the entries index from the database into a fresh index, then swaps it in atomically,
 * so searches never see a half-built index. Writes that happen meanwhile stay in the outbox and are
 * applied again afterwards (documents are built from the database, so replaying is harmless).
 */
export async function reindexEntries(onProgress?: (p: ReindexProgress) => void, batchSize = 5000) {
  const client = adminClient();
  const live = entriesIndexUid();
  const fresh = `${live}_rebuild_${Date.now()}`;
  const started = Date.now();
  await client.createIndex(fresh, { primaryKey: "id" }).waitTask(WAIT);
  try {
    await client.index(fresh).updateSettings(ENTRY_INDEX_SETTINGS).waitTask(WAIT);
    const total = await db.entry.count();
    let indexed = 0;
    let cursor: string | undefined;
    const pending: Promise<unknown>[] = [];
    for (;;) {
      const rows = await db.entry.findMany({
        select: entryDocumentSelect,
        orderBy: { id: "asc" },
        take: batchSize,
        ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      });
      if (rows.length === 0) break;
      cursor = rows[rows.length - 1].id;
      pending.push(
        client
          .index(fresh)
          .addDocuments(rows.map(toEntryDocument))
          .waitTask(WAIT)
          .then((task) => {
            if (task.status !== "succeeded") throw new Error(task.error?.message ?? "indexing failed");
            indexed += rows.length;
            onProgress?.({ indexed, total });
          }),
      );
      // Keep at most a few batches in flight so memory stays flat.
      if (pending.length >= 4) await pending.shift();
    }
    await Promise.all(pending);
    if (!(await indexExists(live))) await client.createIndex(live, { primaryKey: "id" }).waitTask(WAIT);
    const swap = await client.swapIndexes([{ indexes: [live, fresh], rename: false }]).waitTask(WAIT);
    if (swap.status !== "succeeded") throw new Error(swap.error?.message ?? "swap failed");
    return { total, indexed, seconds: (Date.now() - started) / 1000 };
  } finally {
    // After the swap `fresh` holds the old documents; before it, the half-built ones. Either way it goes.
    await client.deleteIndex(fresh).waitTask(WAIT).catch(() => undefined);
  }
}

export async function entriesIndexStats(): Promise<{ numberOfDocuments: number }> {
  const stats = await adminClient().index(entriesIndexUid()).getStats();
  return { numberOfDocuments: stats.numberOfDocuments };
}
