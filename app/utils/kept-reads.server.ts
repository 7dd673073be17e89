import { quickRead } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { sessionReadsVersion, sharedSessionReadsVersion } from "~/utils/session-reads.server";

/**
 * Reads kept in memory under the rule of session reads (docs/decisions/0025, 0052 and 0072): a kept value
 * is used while nothing in SESSION_MODELS has changed since its read began — in this process
 * (sessionReadsVersion) or in any other (the shared version) — and never longer than SESSION_CACHE_MS
 * (0 keeps nothing). A key that reads nothing is not kept, so made-up keys cannot push real ones out.
 */
export function keptReads<T>(read: (key: string) => Promise<T | null>, max = 10_000) {
  const cache = new Map<string, { value: T; version: number; shared: number; at: number }>();
  return {
    async get(key: string): Promise<T | null> {
      const ttl = getEnv().SESSION_CACHE_MS;
      if (ttl === 0) return read(key);
      // Both versions are taken before the read: a write that commits during it makes this entry stale at once.
      const version = sessionReadsVersion();
      const shared = await sharedSessionReadsVersion(quickRead);
      const now = Date.now();
      const kept = cache.get(key);
      if (kept && kept.version === version && kept.shared === shared && now - kept.at < ttl) return kept.value;
      const value = await read(key);
      cache.delete(key);
      if (value !== null) {
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(key, { value, version, shared, at: now });
      }
      return value;
    },
    drop(key: string) {
      cache.delete(key);
    },
  };
}
