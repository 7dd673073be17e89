import { z } from "zod";
import { ROLES } from "./enums";
import { dayDate, isCalendarDate, today } from "~/utils/dates";

/** Who a mandatory read is for: everyone of a department, of a community, or with a role. */
export const AUDIENCE_TYPES = ["DEPARTMENT", "COMMUNITY", "ROLE"] as const;
export type AudienceType = (typeof AUDIENCE_TYPES)[number];
export type Audience = { type: AudienceType; id: string };

const ID = /^[a-z0-9]{10,40}$/;
const readId = z.string().regex(ID, "error.notFound.body");

/**
 * The audience travels as one select value, "DEPARTMENT:<id>", "COMMUNITY:<id>" or "ROLE:<role>", so
 * the form is a single select that works without JavaScript.
 */
export function audienceValue(audience: Audience): string {
  return `${audience.type}:${audience.id}`;
}

export function parseAudience(value: string): Audience | null {
  const at = value.indexOf(":");
  if (at < 0) return null;
  const type = value.slice(0, at);
  const id = value.slice(at + 1);
  if (type === "ROLE") return (ROLES as readonly string[]).includes(id) ? { type, id } : null;
  if (type === "DEPARTMENT" || type === "COMMUNITY") return ID.test(id) ? { type, id } : null;
  return null;
}

const audience = z
  .string("error.mandatory.audience")
  .trim()
  .min(1, "error.mandatory.audience")
  .refine((v) => parseAudience(v) !== null, "error.mandatory.audience")
  .transform((v) => parseAudience(v)!);

/** The due date is a calendar day, today or later; stored as midnight UTC, due at the end of that day. */
const dueDate = z
  .string("error.mandatory.dueDate")
  .trim()
  .refine(isCalendarDate, "error.mandatory.dueDate")
  .refine((d) => d >= today(), "error.mandatory.duePast")
  .transform(dayDate);

export const MANDATORY_INTENT = {
  assign: "mandatory-assign",
  confirm: "mandatory-confirm",
  remind: "mandatory-remind",
  withdraw: "mandatory-withdraw",
} as const;

/** The knowledge manager's form on the entry's mandatory-read page. */
export const AssignMandatoryReadSchema = z.object({ intent: z.literal(MANDATORY_INTENT.assign), audience, dueDate });
export type AssignMandatoryReadInput = { audience: Audience; dueDate: Date };

/** The reader's "read and understood", for the version the page showed them. */
export const ConfirmMandatoryReadSchema = z.object({
  intent: z.literal(MANDATORY_INTENT.confirm),
  version: z.string().regex(/^\d{1,9}$/, "error.invalid").transform(Number),
});

/** The acknowledgement report's buttons. */
export const MandatoryReportIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal(MANDATORY_INTENT.remind), readId }),
  z.object({ intent: z.literal(MANDATORY_INTENT.withdraw), readId }),
]);
