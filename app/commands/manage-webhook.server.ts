import { randomBytes } from "node:crypto";
import { canManageWebhooks, type Actor } from "~/policies/policies";
import { WEBHOOK_LIMITS, type WebhookEvent } from "~/schemas/webhook.shared";
import { CommandError } from "./errors";
import { runCommand } from "./runner.server";

/** Adds an endpoint; its signing secret is returned once, for the admin to hand to the other system. */
export async function createWebhook(actor: Actor, input: { url: string; events: WebhookEvent[] }): Promise<{ id: string; secret: string }> {
  if (!canManageWebhooks(actor)) throw CommandError.forbidden();
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  return runCommand(actor, async ({ tx, audit }) => {
    if ((await tx.webhookEndpoint.count({ where: { removedAt: null } })) >= WEBHOOK_LIMITS.endpointsMax) throw CommandError.invalid("error.webhook.tooMany", "url");
    const endpoint = await tx.webhookEndpoint.create({ data: { url: input.url, secret, events: input.events.join(" "), createdById: actor.id }, select: { id: true } });
    await audit({ action: "webhook.create", targetType: "webhook", targetId: endpoint.id, details: { url: input.url, events: input.events } });
    return { id: endpoint.id, secret };
  });
}

/** Removes an endpoint: nothing more is sent to it, what waited is dropped. */
export async function removeWebhook(actor: Actor, endpointId: string): Promise<void> {
  if (!canManageWebhooks(actor)) throw CommandError.forbidden();
  await runCommand(actor, async ({ tx, audit }) => {
    const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, removedAt: null }, select: { id: true, url: true } });
    if (!endpoint) throw CommandError.notFound();
    await tx.webhookEndpoint.update({ where: { id: endpointId }, data: { removedAt: new Date() } });
    await tx.webhookDelivery.updateMany({ where: { endpointId, deliveredAt: null, failedAt: null }, data: { failedAt: new Date(), lastError: "endpoint removed" } });
    await audit({ action: "webhook.remove", targetType: "webhook", targetId: endpointId, details: { url: endpoint.url } });
  });
}
