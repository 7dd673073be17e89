import cluster from "node:cluster";
import { RateLimiterCluster, RateLimiterMemory, type RateLimiterAbstract } from "rate-limiter-flexible";

/**
 * A limiter counted in memory for the whole server: in one process, that process's memory; in an app process
 * of a cluster (WEB_CONCURRENCY above 1), the primary process's, asked over the cluster's channel, so a person
 * gets the configured number whichever process answers them (docs/decisions/0052). Each limiter needs its own
 * `keyPrefix`. Several servers each count their own.
 */
export function serverRateLimiter(options: { keyPrefix: string; points: number; duration: number }): RateLimiterAbstract {
  return cluster.isWorker ? new RateLimiterCluster({ ...options, timeoutMs: 5000 }) : new RateLimiterMemory(options);
}
