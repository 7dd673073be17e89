/**
 * Webhook endpoints and their deliveries. A command that publishes, changes or archives an entry calls
 * queueEntryWebhooks in its own transaction, so a delivery exists exactly when the change committed
 * (the outbox pattern of the search index and the mail queue); the worker sends it later.
 */
import { createHmac, randomUUID } from "node:crypto";
import { db, type Tx } from "~/utils/db.server";
import { appUrl } from "~/utils/env.server";
import type { WebhookEvent } from "~/schemas/webhook.shared";

/** The header that carries the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const SIGNATURE_HEADER = "Gilde-Signature";

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export async function listWebhookEndpoints() {
  const endpoints = await db.webhookEndpoint.findMany({
    where: { removedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, url: true, events: true, createdAt: true },
  });
  const last = await Promise.all(
    endpoints.map((e) =>
      db.webhookDelivery.findFirst({ where: { endpointId: e.id }, orderBy: { id: "desc" }, select: { event: true, deliveredAt: true, failedAt: true, lastStatus: true, lastError: true, attempts: true, createdAt: true } }),
    ),
  );
  return endpoints.map((e, i) => ({ ...e, events: e.events.split(" "), lastDelivery: last[i] }));
}

/** One delivery per live endpoint that asked for this event, with the entry as it is now. */
export async function queueEntryWebhooks(tx: Tx, event: WebhookEvent, entryId: string): Promise<void> {
  const endpoints = await tx.webhookEndpoint.findMany({ where: { removedAt: null }, select: { id: true, events: true } });
  const wanted = endpoints.filter((e) => e.events.split(" ").includes(event));
  if (wanted.length === 0) return;
  const entry = await tx.entry.findUnique({ where: { id: entryId }, select: { id: true, title: true, state: true, version: true, updatedAt: true, communityId: true } });
  if (!entry) return;
  const occurredAt = new Date().toISOString();
  for (const endpoint of wanted) {
    const payload = JSON.stringify({
      id: randomUUID(),
      event,
      occurredAt,
      entry: { id: entry.id, title: entry.title, state: entry.state, version: entry.version, communityId: entry.communityId, url: `${appUrl()}/entries/${entry.id}` },
    });
    await tx.webhookDelivery.create({ data: { endpointId: endpoint.id, event, payload } });
  }
}
