/**
 * Sends webhook deliveries: each due row is POSTed to its endpoint with the JSON payload, signed with
 * the endpoint's secret over "<timestamp>.<body>" (header Gilde-Signature). A 2xx answer marks it
 * delivered; anything else (another status, a timeout, a refused connection) schedules a retry with
 * exponential backoff, and after the last attempt it is marked failed and left for the admin page to show.
 * Delivery is at least once: a receiver tells repeats apart by the payload's `id`.
 */
import { databaseOutageLog, type OutageLog } from "~/utils/database-outage";
import { db, quickRead } from "~/utils/db.server";
import { sqlTimestamp } from "~/utils/knowledge-figures";
import { placeholder } from "~/utils/sql-dialect.server";
import { SIGNATURE_HEADER, signWebhook } from "~/models/webhook.server";

export const WEBHOOK_BATCH = 20;
export const WEBHOOK_MAX_ATTEMPTS = 8;
export const WEBHOOK_TIMEOUT_MS = 5000;
const POLL_MS = 1000;

/** 10 s, 20 s, 40 s, … at most an hour between attempts. */
export function webhookBackoffMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export type WebhookRun = { claimed: number; delivered: number; retried: number; failed: number };

async function send(url: string, secret: string, event: string, deliveryId: number, body: string): Promise<{ ok: boolean; status: number | null; error: string | null }> {
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "User-Agent": "Gilde-Webhooks/1", "Gilde-Event": event, "Gilde-Delivery": String(deliveryId), [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body) },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => undefined);
    return { ok: response.status >= 200 && response.status < 300, status: response.status, error: response.status >= 200 && response.status < 300 ? null : `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, status: null, error: (error instanceof Error ? error.message : String(error)).slice(0, 300) };
  }
}

/** One pass over the due deliveries, oldest first. Exported for the worker and the tests. */
export async function processWebhookDeliveries(now = new Date()): Promise<WebhookRun> {
  // Every second in every app process: an idle pass only looks, past Prisma's query engine (docs/decisions/0075).
  const due = await quickRead(
    `SELECT 1 AS "due" FROM "WebhookDelivery" d WHERE d."deliveredAt" IS NULL AND d."failedAt" IS NULL AND d."availableAt" <= ${placeholder(1)}
     AND EXISTS (SELECT 1 FROM "WebhookEndpoint" e WHERE e."id" = d."endpointId" AND e."removedAt" IS NULL) LIMIT 1`,
    [sqlTimestamp(now)],
  );
  if (due.length === 0) return { claimed: 0, delivered: 0, retried: 0, failed: 0 };
  const rows = await db.webhookDelivery.findMany({
    where: { deliveredAt: null, failedAt: null, availableAt: { lte: now }, endpoint: { removedAt: null } },
    orderBy: { id: "asc" },
    take: WEBHOOK_BATCH,
    select: { id: true, event: true, payload: true, attempts: true, endpoint: { select: { url: true, secret: true } } },
  });
  const run: WebhookRun = { claimed: rows.length, delivered: 0, retried: 0, failed: 0 };
  for (const row of rows) {
    // Claimed before sending: another app server's pass skips it until the claim runs out.
    const claimed = await db.webhookDelivery.updateMany({
      where: { id: row.id, attempts: row.attempts, deliveredAt: null },
      data: { attempts: row.attempts + 1, availableAt: new Date(Date.now() + WEBHOOK_TIMEOUT_MS * 2) },
    });
    if (claimed.count === 0) continue;
    const result = await send(row.endpoint.url, row.endpoint.secret, row.event, row.id, row.payload);
    const attempts = row.attempts + 1;
    if (result.ok) {
      await db.webhookDelivery.update({ where: { id: row.id }, data: { deliveredAt: new Date(), lastStatus: result.status, lastError: null } });
      run.delivered++;
    } else if (attempts >= WEBHOOK_MAX_ATTEMPTS) {
      await db.webhookDelivery.update({ where: { id: row.id }, data: { failedAt: new Date(), lastStatus: result.status, lastError: result.error } });
      run.failed++;
    } else {
      await db.webhookDelivery.update({ where: { id: row.id }, data: { availableAt: new Date(Date.now() + webhookBackoffMs(attempts)), lastStatus: result.status, lastError: result.error } });
      run.retried++;
    }
  }
  return run;
}

type WorkerState = { timer?: NodeJS.Timeout; pass?: Promise<unknown>; stopped: boolean; outage: OutageLog };

declare global {
  var __gildeWebhookWorker: WorkerState | undefined;
}

function schedule(state: WorkerState) {
  if (state.stopped) return;
  state.timer = setTimeout(() => {
    state.pass = processWebhookDeliveries()
      .then(
        () => state.outage.succeeded(),
        (error: unknown) => {
          // A database that is away fails every pass: said once when it goes and once when it is back.
          if (!state.outage.failed(error)) console.warn(`[webhooks] worker error: ${error instanceof Error ? error.message : error}`);
        },
      )
      .finally(() => schedule(state));
  }, POLL_MS);
}

export function startWebhookWorker(): void {
  if (globalThis.__gildeWebhookWorker && !globalThis.__gildeWebhookWorker.stopped) return;
  const state: WorkerState = { stopped: false, outage: databaseOutageLog("[webhooks] worker") };
  globalThis.__gildeWebhookWorker = state;
  schedule(state);
}

export async function stopWebhookWorker(): Promise<void> {
  const state = globalThis.__gildeWebhookWorker;
  if (!state) return;
  state.stopped = true;
  clearTimeout(state.timer);
  await state.pass;
}
