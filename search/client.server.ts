import { MeiliSearch } from "meilisearch";
import { getEnv } from "~/utils/env.server";
import { entriesIndexName, questionsIndexName } from "./settings";
import { meiliHttpClient } from "./http-client.server";

declare global {
  var __gildeMeili: { key: string; search: MeiliSearch; admin: MeiliSearch } | undefined;
}

export function meiliHost(): string {
  const env = getEnv();
  return env.MEILI_HOST ?? `http://127.0.0.1:${env.MEILI_PORT}`;
}

function clients() {
  const env = getEnv();
  const host = meiliHost();
  const key = `${host}|${env.MEILI_MASTER_KEY}`;
  if (globalThis.__gildeMeili?.key !== key) {
    globalThis.__gildeMeili = {
      key,
      // Searches give up quickly: the page then says search is unavailable instead of hanging.
      search: new MeiliSearch({ host, apiKey: env.MEILI_MASTER_KEY, httpClient: meiliHttpClient(env.SEARCH_TIMEOUT_MS) }),
      // Indexing and administration may take longer (large batches during a reindex).
      admin: new MeiliSearch({ host, apiKey: env.MEILI_MASTER_KEY, httpClient: meiliHttpClient(120_000) }),
    };
  }
  return globalThis.__gildeMeili;
}

/** Server only: the master key stays in this process and never reaches the browser. */
export function searchClient(): MeiliSearch {
  return clients().search;
}

export function adminClient(): MeiliSearch {
  return clients().admin;
}

export function entriesIndexUid(): string {
  return entriesIndexName(getEnv().MEILI_INDEX_PREFIX);
}

export function questionsIndexUid(): string {
  return questionsIndexName(getEnv().MEILI_INDEX_PREFIX);
}
