/**
 * Several app processes on one server (WEB_CONCURRENCY above 1; docs/decisions/0052), with Node's cluster: the
 * primary forks them, they share the port, and the primary starts a new one when one dies. The primary also
 * holds the rate limits' counts for all of them and passes outbox kicks on to the process that runs the outbox
 * worker. What must hold across servers too (one outbox worker, one scheduler, kept session reads) goes
 * through the database instead, never through this channel.
 */
import cluster, { type Worker } from "node:cluster";
import { RateLimiterClusterMaster } from "rate-limiter-flexible";

const KICK_OUTBOX = "gilde:kick-outbox";
/** A process that dies this soon after it started is not restarted at once: a crash loop waits a little. */
const RESTART_DELAY_MS = 1000;
const STOP_TIMEOUT_MS = 15_000;

type Message = { gilde?: string } | undefined;

/** In the primary: forks `count` app processes and keeps that many running until stopped. */
export function superviseAppProcesses(count: number, ready: () => void): () => Promise<void> {
  new RateLimiterClusterMaster();
  // The primary's own kick (search is back after a Meilisearch restart) goes to every app process.
  globalThis.__gildeOutboxKickElsewhere = () => {
    for (const worker of Object.values(cluster.workers ?? {})) if (worker?.isConnected()) worker.send({ gilde: KICK_OUTBOX });
  };
  let stopping = false;
  let listening = 0;
  let announced = false;

  const fork = () => {
    const worker = cluster.fork();
    const started = Date.now();
    worker.on("message", (message: Message) => {
      if (message?.gilde !== KICK_OUTBOX) return;
      for (const other of Object.values(cluster.workers ?? {})) if (other && other !== worker && other.isConnected()) other.send({ gilde: KICK_OUTBOX });
    });
    worker.once("listening", () => {
      listening += 1;
      if (!announced && listening >= count) {
        announced = true;
        ready();
      }
    });
    worker.once("exit", (code, signal) => {
      if (stopping) return;
      console.warn(`[cluster] app process ${worker.process.pid} ${signal ? `was killed by ${signal}` : `exited with code ${code}`}; starting another`);
      setTimeout(fork, Date.now() - started < RESTART_DELAY_MS ? RESTART_DELAY_MS : 0);
    });
  };
  for (let i = 0; i < count; i++) fork();

  return async () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve();
            const timer = setTimeout(() => worker.process.kill("SIGKILL"), STOP_TIMEOUT_MS);
            worker.once("exit", () => {
              clearTimeout(timer);
              resolve();
            });
            worker.process.kill("SIGTERM");
          }),
      ),
    );
  };
}

/** In an app process: outbox kicks over the cluster's channel, and a clean stop on a signal or when the primary goes. */
export function joinCluster(stop: () => Promise<void>): void {
  globalThis.__gildeOutboxKickElsewhere = () => process.send?.({ gilde: KICK_OUTBOX });
  process.on("message", (message: Message) => {
    if (message?.gilde === KICK_OUTBOX) void import("../search/outbox.server").then(({ kickOutboxHere }) => kickOutboxHere());
  });
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    void stop()
      .catch((error) => console.warn(`[cluster] stopping: ${error instanceof Error ? error.message : error}`))
      .finally(() => process.exit(0));
  };
  // `on`, not `once`: stopping a process group sends the signal to each process and the primary sends it again.
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  // The primary is gone (killed outright): an app process does not serve on alone.
  process.once("disconnect", shutdown);
}
