/** A small keep-alive HTTP client and latency statistics for the benchmark (node:http, no extra dependencies). */
import http from "node:http";
import { performance } from "node:perf_hooks";

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number };

export function keepAliveAgent(): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: 64 });
}

/** Requests sent again after a reused keep-alive socket was reset (see request); a benchmark may report it. */
export const resentAfterReset = { count: 0 };

/**
 * One request. A keep-alive socket that the server closed for idleness at the moment it was reused fails
 * with ECONNRESET before any answer: browsers send the request again on a new connection, and so does this
 * client, once (Node's documented pattern, `req.reusedSocket`).
 */
export function request(
  agent: http.Agent,
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<Reply> {
  return sendOnce(agent, url, options).catch((error: NodeJS.ErrnoException & { reusedSocket?: boolean }) => {
    if (!error.reusedSocket || error.code !== "ECONNRESET") throw error;
    resentAfterReset.count += 1;
    return sendOnce(agent, url, options);
  });
}

function sendOnce(agent: http.Agent, url: string, options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.body !== undefined) headers["Content-Length"] = String(Buffer.byteLength(options.body));
    const req = http.request(url, { method: options.method ?? "GET", headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - started }),
      );
      res.on("error", reject);
    });
    req.setTimeout(options.timeoutMs ?? 30_000, () => req.destroy(new Error(`timeout after ${options.timeoutMs ?? 30_000} ms: ${url}`)));
    req.on("error", (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

export type Stats = { n: number; p50: number; p95: number; p99: number; mean: number; max: number };

const round = (x: number) => Math.round(x * 10) / 10;

/** Nearest-rank percentiles, in milliseconds with one decimal. */
export function stats(values: number[]): Stats {
  if (values.length === 0) return { n: 0, p50: NaN, p95: NaN, p99: NaN, mean: NaN, max: NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
  return {
    n: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    mean: round(sorted.reduce((s, v) => s + v, 0) / sorted.length),
    max: round(sorted[sorted.length - 1]),
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
