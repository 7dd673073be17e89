/**
 * The webhook forms' intents, limits and choices, without zod: what a page's component needs in the browser
 * (decision 0076). The zod schemas that check the posted forms against them are in webhook.ts.
 */

export const WEBHOOK_EVENTS = ["entry.published", "entry.changed", "entry.archived"] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_LIMITS = { urlMax: 500, endpointsMax: 20 } as const;

export const WEBHOOK_INTENT = { create: "create", remove: "remove" } as const;
