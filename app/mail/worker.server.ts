/**
 * The mail worker of an app server: every MAIL_POLL_MS it turns new notifications into queued mails and sends
 * what is due. Stopping waits for the pass in flight, so a restart never leaves a claimed row behind unless
 * the process is killed outright (then the claim runs out; docs/decisions/0040).
 */
import { databaseOutageLog, type OutageLog } from "~/utils/database-outage";
import { getEnv } from "~/utils/env.server";
import { queueNotificationMails, NOTIFICATION_MAIL_BATCH } from "./notification-mail.server";
import { processMailQueue, MAIL_BATCH } from "./queue.server";

type WorkerState = { timer?: NodeJS.Timeout; pass?: Promise<void>; stopped: boolean; lastError?: string; outage: OutageLog };

declare global {
  var __gildeMailWorker: WorkerState | undefined;
}

/** One pass: notifications into the queue, then the queue to the SMTP server, each until caught up. */
export async function runMailPass(): Promise<void> {
  for (;;) {
    const { handled } = await queueNotificationMails();
    if (handled < NOTIFICATION_MAIL_BATCH) break;
  }
  for (;;) {
    const run = await processMailQueue();
    if (run.error) console.warn(`[mail] ${run.failed} not sent, will retry: ${run.error}`);
    if (run.claimed < MAIL_BATCH || run.failed > 0) break;
  }
}

function schedule(state: WorkerState) {
  if (state.stopped) return;
  state.timer = setTimeout(() => {
    state.pass = runMailPass()
      .then(
        () => state.outage.succeeded(),
        (error: unknown) => {
          state.lastError = error instanceof Error ? error.message : String(error);
          // A database that is away fails every pass: said once when it goes and once when it is back.
          if (!state.outage.failed(error)) console.warn(`[mail] worker error: ${state.lastError}`);
        },
      )
      .finally(() => schedule(state));
  }, getEnv().MAIL_POLL_MS);
}

/** Starts the worker once per process (it runs without SMTP too: then it only marks notifications handled). */
export function startMailWorker(): void {
  if (globalThis.__gildeMailWorker && !globalThis.__gildeMailWorker.stopped) return;
  const state: WorkerState = { stopped: false, outage: databaseOutageLog("[mail] worker") };
  globalThis.__gildeMailWorker = state;
  schedule(state);
}

/** Stops polling and waits for the pass in flight to record what it sent. */
export async function stopMailWorker(): Promise<void> {
  const state = globalThis.__gildeMailWorker;
  if (!state) return;
  state.stopped = true;
  clearTimeout(state.timer);
  await state.pass;
}
