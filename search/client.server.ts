import { createHash, createHmac } from "node:crypto";
import { MeiliSearch } from "meilisearch";
import { getEnv } from "~/utils/env.server";
import { entriesIndexName, questionsIndexName } from "./settings";
import { meiliErrorCode, meiliHttpClient } from "./http-client.server";

declare global {
  var __gildeMeili: { key: string; search: MeiliSearch; admin: MeiliSearch } | undefined;
  // The search key as Meilisearch returned it (it differs from the derived one only if MEILI_MASTER_KEY is not the real master key).
  var __gildeSearchKey: { for: string; key: string } | undefined;
}

export function meiliHost(): string {
  const env = getEnv();
  return env.MEILI_HOST ?? `http://127.0.0.1:${env.MEILI_PORT}`;
}

/**
 * The uid of the search-only key of this installation: fixed per index prefix, so every boot and
 * every process finds the same key instead of creating another.
 */
export function searchKeyUid(prefix = getEnv().MEILI_INDEX_PREFIX): string {
  const hex = createHash("sha256").update(`gilde-search-key:${prefix}`).digest("hex");
  // Shaped as a version 4 UUID, which Meilisearch accepts as a key uid.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Meilisearch derives a key's value from its uid and the master key (HMAC-SHA256), so each process can compute it. */
export function derivedKey(masterKey: string, uid: string): string {
  return createHmac("sha256", masterKey).update(uid).digest("hex");
}

function searchKey(): string {
  const env = getEnv();
  const scope = `${meiliHost()}|${env.MEILI_INDEX_PREFIX}`;
  const known = globalThis.__gildeSearchKey;
  if (known?.for === scope) return known.key;
  return derivedKey(env.MEILI_MASTER_KEY ?? "", searchKeyUid(env.MEILI_INDEX_PREFIX));
}

function clients() {
  const env = getEnv();
  const host = meiliHost();
  const searchApiKey = searchKey();
  const key = `${host}|${env.MEILI_MASTER_KEY}|${searchApiKey}|${env.SEARCH_CONCURRENCY}`;
  if (globalThis.__gildeMeili?.key !== key) {
    globalThis.__gildeMeili = {
      key,
      // Searches give up quickly: the page then says search is unavailable instead of hanging.
      // They hold a key that can only search this installation's indexes (docs/decisions/0047).
      // At most SEARCH_CONCURRENCY of them at once per process: Meilisearch answers a queue faster than a crowd (0069).
      search: new MeiliSearch({ host, apiKey: searchApiKey, httpClient: meiliHttpClient(env.SEARCH_TIMEOUT_MS, env.SEARCH_CONCURRENCY) }),
      // Indexing and administration may take longer (large batches during a reindex).
      admin: new MeiliSearch({ host, apiKey: env.MEILI_MASTER_KEY, httpClient: meiliHttpClient(120_000) }),
    };
  }
  return globalThis.__gildeMeili;
}

/** Server only: queries with the search-only key; no key reaches the browser. */
export function searchClient(): MeiliSearch {
  return clients().search;
}

/** The master key: index settings, provisioning, and the writes of the outbox and the reindex. */
export function adminClient(): MeiliSearch {
  return clients().admin;
}

/**
 * Creates the search-only key (actions: search; indexes: this installation's prefix) unless it
 * exists. Idempotent; run at boot, after Meilisearch restarts and by the reconciliation.
 */
export async function ensureSearchKey(): Promise<void> {
  const env = getEnv();
  const uid = searchKeyUid(env.MEILI_INDEX_PREFIX);
  let value: string;
  try {
    value = (await adminClient().getKey(uid)).key;
  } catch (error) {
    if (meiliErrorCode(error) !== "api_key_not_found") throw error;
    const created = await adminClient().createKey({
      uid,
      name: `gilde-search-${env.MEILI_INDEX_PREFIX || "all"}`,
      description: "Gilde: search only, this installation's indexes",
      actions: ["search"],
      indexes: [`${env.MEILI_INDEX_PREFIX}*`],
      expiresAt: null,
    });
    value = created.key;
  }
  globalThis.__gildeSearchKey = { for: `${meiliHost()}|${env.MEILI_INDEX_PREFIX}`, key: value };
}

export function entriesIndexUid(): string {
  return entriesIndexName(getEnv().MEILI_INDEX_PREFIX);
}

export function questionsIndexUid(): string {
  return questionsIndexName(getEnv().MEILI_INDEX_PREFIX);
}
