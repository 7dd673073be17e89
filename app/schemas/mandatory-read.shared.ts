/**
 * The mandatory-read forms' intents, limits and choices, without zod: what a page's component needs in the browser
 * (decision 0076). The zod schemas that check the posted forms against them are in mandatory-read.ts.
 */
import { ROLES } from "./enums";

/** Who a mandatory read is for: everyone of a department, of a community, or with a role. */
export const AUDIENCE_TYPES = ["DEPARTMENT", "COMMUNITY", "ROLE"] as const;

export type AudienceType = (typeof AUDIENCE_TYPES)[number];

export type Audience = { type: AudienceType; id: string };

export const ID = /^[a-z0-9]{10,40}$/;

export function parseAudience(value: string): Audience | null {
  const at = value.indexOf(":");
  if (at < 0) return null;
  const type = value.slice(0, at);
  const id = value.slice(at + 1);
  if (type === "ROLE") return (ROLES as readonly string[]).includes(id) ? { type, id } : null;
  if (type === "DEPARTMENT" || type === "COMMUNITY") return ID.test(id) ? { type, id } : null;
  return null;
}

export const MANDATORY_INTENT = {
  assign: "mandatory-assign",
  confirm: "mandatory-confirm",
  remind: "mandatory-remind",
  withdraw: "mandatory-withdraw",
} as const;

export type AssignMandatoryReadInput = { audience: Audience; dueDate: Date };

/**
 * The audience travels as one select value, "DEPARTMENT:<id>", "COMMUNITY:<id>" or "ROLE:<role>", so
 * the form is a single select that works without JavaScript.
 */
export function audienceValue(audience: Audience): string {
  return `${audience.type}:${audience.id}`;
}
