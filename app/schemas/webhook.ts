/**
 * Webhooks (issue 16, point 6): other systems are told when an entry is published, changed or archived.
 * The admin page's forms, and the rules an address must meet.
 */
import { z } from "zod";
import { WEBHOOK_EVENTS, WEBHOOK_LIMITS, WEBHOOK_INTENT } from "./webhook.shared";

/** Only http and https: a webhook must never make the server open a file, a data URL or another scheme. */
export const WebhookUrlSchema = z
  .string()
  .trim()
  .min(1)
  .max(WEBHOOK_LIMITS.urlMax)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "" && !url.username && !url.password;
    } catch {
      return false;
    }
  }, "error.webhook.url");

const eventList = z.preprocess(
  (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.enum(WEBHOOK_EVENTS, "error.invalid")).min(1, "error.webhook.events"),
);

export const WebhookIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal(WEBHOOK_INTENT.create), url: WebhookUrlSchema, events: eventList.transform((list) => [...new Set(list)]) }),
  z.object({ intent: z.literal(WEBHOOK_INTENT.remove), endpointId: z.string().regex(/^[a-z0-9]{10,40}$/, "error.invalid") }),
]);
