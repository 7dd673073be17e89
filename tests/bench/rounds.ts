/**
 * How the search benchmarks send their queries (bench:search, bench:api): N concurrent clients each
 * taking the next query when free, the kinds compared run in alternating slices so that background
 * load on a shared machine hits them alike, and one summary per kind.
 */
import { performance } from "node:perf_hooks";
import { stats, type Stats } from "./http";
import { processCpuMs } from "./server";

/** One timed search: its latency, and what came back. */
export type Sample = { ms: number; empty: boolean; failed: boolean; typo: boolean; q: string; total: number; processingMs?: number };

export type ScenarioResult<K extends string> = Stats & {
  kind: K;
  clients: number;
  emptyResults: number;
  emptyTypoResults: number;
  emptyQueries: string[];
  failed: number;
  wallSeconds: number;
  processingP50?: number;
  processingP95?: number;
  /** CPU time per request of the app's processes, of Meilisearch and of the load generator, when measured. */
  cpuMsPerRequest?: CpuShare;
};

/** `total` tasks on `concurrency` workers, each taking the next index as soon as it is free. */
export async function runConcurrently<T>(concurrency: number, total: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const k = next++;
        if (k >= total) return;
        results.push(await task(k));
      }
    }),
  );
  return results;
}

/**
 * Each kind's `counts[kind]` requests in `rounds` alternating slices (a, b, c, a, b, c, …): `slice`
 * runs `n` requests of a kind starting at query `offset`. Returns every kind's samples and wall time.
 */
export async function alternatingRounds<K extends string>(
  kinds: readonly K[],
  counts: Partial<Record<K, number>>,
  rounds: number,
  slice: (kind: K, n: number, offset: number) => Promise<Sample[]>,
  onRound?: (round: number) => void,
): Promise<{ samples: Record<K, Sample[]>; wallMs: Record<K, number> }> {
  const samples = Object.fromEntries(kinds.map((k) => [k, [] as Sample[]])) as Record<K, Sample[]>;
  const wallMs = Object.fromEntries(kinds.map((k) => [k, 0])) as Record<K, number>;
  for (let round = 0; round < rounds; round++) {
    for (const kind of kinds) {
      const total = counts[kind] ?? 0;
      const size = Math.ceil(total / rounds);
      const started = performance.now();
      samples[kind].push(...(await slice(kind, Math.max(0, Math.min(size, total - round * size)), round * size)));
      wallMs[kind] += performance.now() - started;
    }
    onRound?.(round);
  }
  return { samples, wallMs };
}

/** Latency over the answered requests, with the empty and failed ones counted beside it. */
export function summarise<K extends string>(kind: K, clients: number, list: Sample[], wallMs: number): ScenarioResult<K> {
  const ok = list.filter((s) => !s.failed);
  const processing = ok.map((s) => s.processingMs).filter((x): x is number => typeof x === "number");
  const ps = processing.length ? stats(processing) : undefined;
  return {
    kind,
    clients,
    ...stats(ok.map((s) => s.ms)),
    emptyResults: ok.filter((s) => s.empty).length,
    emptyTypoResults: ok.filter((s) => s.empty && s.typo).length,
    emptyQueries: [...new Set(ok.filter((s) => s.empty).map((s) => s.q))],
    failed: list.length - ok.length,
    wallSeconds: Math.round(wallMs / 100) / 10,
    ...(ps ? { processingP50: ps.p50, processingP95: ps.p95 } : {}),
  };
}

export type CpuShare = { app: number; meilisearch: number; loadGenerator: number };

/**
 * Wraps the slices of alternatingRounds to add up where each kind's CPU goes: the app's processes and Meilisearch
 * (from /proc, `processes` names them) and this process, the load generator. `perRequest(kind)` after the rounds.
 */
export function cpuAccounting<K extends string>(
  processes: { appPids(): number[]; meiliPids(): number[] },
  slice: (kind: K, n: number, offset: number) => Promise<Sample[]>,
) {
  const used = new Map<K, CpuShare & { n: number }>();
  const sum = (pids: number[]) => pids.reduce((total, pid) => total + processCpuMs(pid), 0);
  return {
    async slice(kind: K, n: number, offset: number): Promise<Sample[]> {
      const [app, meili] = [processes.appPids(), processes.meiliPids()];
      const before = { app: sum(app), meilisearch: sum(meili), loadGenerator: process.cpuUsage() };
      const result = await slice(kind, n, offset);
      const self = process.cpuUsage(before.loadGenerator);
      const total = used.get(kind) ?? { app: 0, meilisearch: 0, loadGenerator: 0, n: 0 };
      used.set(kind, {
        app: total.app + sum(app) - before.app,
        meilisearch: total.meilisearch + sum(meili) - before.meilisearch,
        loadGenerator: total.loadGenerator + (self.user + self.system) / 1000,
        n: total.n + n,
      });
      return result;
    },
    perRequest(kind: K): CpuShare | undefined {
      const total = used.get(kind);
      if (!total?.n) return undefined;
      const each = (ms: number) => Math.round((ms / total.n) * 100) / 100;
      return { app: each(total.app), meilisearch: each(total.meilisearch), loadGenerator: each(total.loadGenerator) };
    },
  };
}
