/**
 * The knowledge sweep: the lifecycle work that falls due with the calendar rather than with a request —
 * entries past their review date that nobody used go to NEEDS_REVIEW, a retired product's entries are
 * archived on its day, the morning digest is queued at each person's time, old notifications are deleted. Each job is a command of its own (idempotent: running it twice changes nothing
 * the second time), run at boot and then every KNOWLEDGE_SWEEP_MS by the app server.
 */
import { databaseOutageLog } from "~/utils/database-outage";
import { getEnv } from "~/utils/env.server";
import { archiveRetiredProducts } from "./manage-product.server";
import { entriesDueForReviewJob } from "./review-entry.server";
import { sendDigestsJob } from "./send-digests.server";
import { assignLateJoinersJob } from "./manage-mandatory-read.server";
import { pruneNotificationsJob } from "./manage-notification.server";

export type SweepJob = {
  name: string;
  /** Does what is due at `now`; returns how many rows it changed. */
  run: (now: Date) => Promise<number>;
};

/** The jobs, in the order they run: a retired product's entries are archived before the review sweep looks at them. */
export const SWEEP_JOBS: SweepJob[] = [{ name: "archiveRetiredProducts", run: archiveRetiredProducts }, entriesDueForReviewJob, assignLateJoinersJob, sendDigestsJob, pruneNotificationsJob];

export type SweepRun = Record<string, number | { error: string }>;

/** Every job fails while the database is away: said once when it goes and once when it is back. */
const sweepOutage = databaseOutageLog("[sweep]");

/** One pass of every job; a failing job is logged and does not stop the others. */
export async function runKnowledgeSweep(now = new Date()): Promise<SweepRun> {
  const run: SweepRun = {};
  for (const job of SWEEP_JOBS) {
    try {
      run[job.name] = await job.run(now);
      sweepOutage.succeeded();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!sweepOutage.failed(error)) console.warn(`[sweep] ${job.name} failed: ${message}`);
      run[job.name] = { error: message };
    }
  }
  return run;
}

declare global {
  var __gildeKnowledgeSweep: NodeJS.Timeout | undefined;
}

/** Runs the sweep now and then on an interval, once per process. */
export function startKnowledgeSweep(): void {
  if (globalThis.__gildeKnowledgeSweep) return;
  const tick = () => void runKnowledgeSweep().catch((error) => console.warn(`[sweep] ${error instanceof Error ? error.message : error}`));
  globalThis.__gildeKnowledgeSweep = setInterval(tick, getEnv().KNOWLEDGE_SWEEP_MS);
  globalThis.__gildeKnowledgeSweep.unref();
  tick();
}

export function stopKnowledgeSweep(): void {
  clearInterval(globalThis.__gildeKnowledgeSweep);
  globalThis.__gildeKnowledgeSweep = undefined;
}
