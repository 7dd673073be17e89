import type { Settings } from "meilisearch";
import { adminClient, ensureSearchKey, entriesIndexUid, questionsIndexUid } from "./client.server";
import { meiliErrorCode } from "./http-client.server";
import { ENTRY_INDEX_SETTINGS, QUESTION_INDEX_SETTINGS, metaIndexName, rulesToSynonyms } from "./settings";
import { getEnv } from "~/utils/env.server";
import { db } from "~/utils/db.server";
import { listSynonymRules } from "~/models/synonym.server";
import { requeueSince } from "./outbox.server";
import {
  entryDocumentFormat,
  entryDocumentSelect,
  questionDocumentFormat,
  questionDocumentSelect,
  questionRowsWhere,
  toEntryDocument,
  toQuestionDocument,
} from "./documents.server";

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

/** The synonyms as the database holds them now: knowledge managers' rules, never a constant of the code. */
async function currentSynonyms(): Promise<Record<string, string[]>> {
  return rulesToSynonyms(await listSynonymRules());
}

/**
 * Applies the settings, synonyms from the database included, to the live index (creating it if needed).
 * Idempotent; run at boot. `stale`: the index exists but was built with documents of another format
 * (search/documents.server.ts entryDocumentFormat), so it needs a rebuild to match this build's code.
 */
export async function ensureEntriesIndex(options: EnsureOptions = {}): Promise<{ created: boolean; stale: boolean }> {
  return ensureIndex(entriesIndexUid(), ENTRY_INDEX_SETTINGS, options, entryDocumentFormat());
}

/** The same for the questions index. */
export async function ensureQuestionsIndex(options: EnsureOptions = {}): Promise<{ created: boolean; stale: boolean }> {
  return ensureIndex(questionsIndexUid(), QUESTION_INDEX_SETTINGS, options, questionDocumentFormat());
}

/** taskTimeoutMs: how long to wait for each Meilisearch task; the boot waits less than a reindex, and says so when a wait runs out. */
export type EnsureOptions = { taskTimeoutMs?: number };

async function ensureIndex(uid: string, settings: Omit<Settings, "synonyms">, options: EnsureOptions, format: string): Promise<{ created: boolean; stale: boolean }> {
  const wait = { ...WAIT, ...(options.taskTimeoutMs ? { timeout: options.taskTimeoutMs } : {}) };
  await ensureSearchKey();
  const created = !(await indexExists(uid));
  if (created) await adminClient().createIndex(uid, { primaryKey: "id" }).waitTask(wait);
  await adminClient().index(uid).updateSettings({ ...settings, synonyms: await currentSynonyms() }).waitTask(wait);
  return { created, stale: !created && (await builtWithFormat(uid)) !== format };
}

function metaIndexUid(): string {
  return metaIndexName(getEnv().MEILI_INDEX_PREFIX);
}

/** The document format an index was last rebuilt with; null for an index older than this bookkeeping. */
export async function builtWithFormat(uid: string): Promise<string | null> {
  try {
    const meta = await adminClient().index<{ id: string; format: string }>(metaIndexUid()).getDocument(uid);
    return meta.format;
  } catch (error) {
    const code = meiliErrorCode(error);
    if (code === "index_not_found" || code === "document_not_found") return null;
    throw error;
  }
}

async function recordFormat(uid: string, format: string): Promise<void> {
  const meta = metaIndexUid();
  if (!(await indexExists(meta))) await adminClient().createIndex(meta, { primaryKey: "id" }).waitTask(WAIT);
  const task = await adminClient().index(meta).addDocuments([{ id: uid, format }]).waitTask(WAIT);
  if (task.status !== "succeeded") throw new Error(task.error?.message ?? "recording the document format failed");
}

/**
 * Rebuilds the entries index from the database into a fresh index, then swaps it in atomically,
 * so searches never see a half-built index. The outbox worker keeps writing to the live index
 * meanwhile, and the swap throws those writes away: every row processed since the build started
 * (and every row still pending) is queued again after the swap (docs/decisions/0048). Documents
 * are built from the database as it is then, so a replay is harmless.
 */
export async function reindexEntries(onProgress?: (p: ReindexProgress) => void, batchSize = 5000) {
  return rebuild(
    {
      live: entriesIndexUid(),
      outbox: "entries",
      format: entryDocumentFormat(),
      settings: ENTRY_INDEX_SETTINGS,
      count: () => db.entry.count(),
      batch: async (take, cursor) => {
        const rows = await db.entry.findMany({ select: entryDocumentSelect, orderBy: { id: "asc" }, take, ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}) });
        return { last: rows.at(-1)?.id, documents: rows.map(toEntryDocument) };
      },
    },
    onProgress,
    batchSize,
  );
}

/** Rebuilds the questions index from the database the same way (questions asked in a community only). */
export async function reindexQuestions(onProgress?: (p: ReindexProgress) => void, batchSize = 5000) {
  return rebuild(
    {
      live: questionsIndexUid(),
      outbox: "questions",
      format: questionDocumentFormat(),
      settings: QUESTION_INDEX_SETTINGS,
      count: () => db.note.count({ where: questionRowsWhere }),
      batch: async (take, cursor) => {
        const rows = await db.note.findMany({
          where: questionRowsWhere,
          select: questionDocumentSelect,
          orderBy: { id: "asc" },
          take,
          ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
        });
        return { last: rows.at(-1)?.id, documents: rows.map(toQuestionDocument).filter((d) => d !== null) };
      },
    },
    onProgress,
    batchSize,
  );
}

type Source = {
  live: string;
  /** The outbox rows that feed the live index (indexName of SearchOutbox). */
  outbox: "entries" | "questions";
  /** The document format the code builds now, recorded once the rebuilt index is live. */
  format: string;
  settings: Omit<Settings, "synonyms">;
  count: () => Promise<number>;
  batch: (take: number, cursor: string | undefined) => Promise<{ last: string | undefined; documents: { id: string }[] }>;
};

async function rebuild(source: Source, onProgress: ((p: ReindexProgress) => void) | undefined, batchSize: number) {
  const client = adminClient();
  const live = source.live;
  const fresh = `${live}_rebuild_${Date.now()}`;
  const started = Date.now();
  // Taken before the first read of the database; a second earlier covers a worker whose clock reading raced ours.
  const buildStarted = new Date(started - 1000);
  await client.createIndex(fresh, { primaryKey: "id" }).waitTask(WAIT);
  try {
    const synonyms = await currentSynonyms();
    await client.index(fresh).updateSettings({ ...source.settings, synonyms }).waitTask(WAIT);
    const total = await source.count();
    let indexed = 0;
    let cursor: string | undefined;
    const pending: Promise<unknown>[] = [];
    for (;;) {
      const { last, documents } = await source.batch(batchSize, cursor);
      if (!last) break;
      cursor = last;
      if (documents.length === 0) continue;
      pending.push(
        client
          .index(fresh)
          .addDocuments(documents)
          .waitTask(WAIT)
          .then((task) => {
            if (task.status !== "succeeded") throw new Error(task.error?.message ?? "indexing failed");
            indexed += documents.length;
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
    // Writes the worker pushed to the old live index during the build are gone with it; a row it
    // pushed but has not marked yet is still pending, so it is queued again too.
    const replayed = await requeueSince(source.outbox, buildStarted);
    await recordFormat(live, source.format);
    // A synonym change pushed during the rebuild went to the index that was live then: apply the rules as they are now.
    const now = await currentSynonyms();
    if (JSON.stringify(now) !== JSON.stringify(synonyms)) await client.index(live).updateSynonyms(now).waitTask(WAIT);
    return { total, indexed, replayed, seconds: (Date.now() - started) / 1000 };
  } finally {
    // After the swap `fresh` holds the old documents; before it, the half-built ones. Either way it goes.
    await client.deleteIndex(fresh).waitTask(WAIT).catch(() => undefined);
  }
}

export async function entriesIndexStats(): Promise<{ numberOfDocuments: number }> {
  const stats = await adminClient().index(entriesIndexUid()).getStats();
  return { numberOfDocuments: stats.numberOfDocuments };
}

export async function questionsIndexStats(): Promise<{ numberOfDocuments: number }> {
  const stats = await adminClient().index(questionsIndexUid()).getStats();
  return { numberOfDocuments: stats.numberOfDocuments };
}
