import { z } from "zod";
import { dayDate, isCalendarDate, today } from "~/utils/dates";
import { ID, parseAudience, MANDATORY_INTENT } from "./mandatory-read.shared";

const readId = z.string().regex(ID, "error.notFound.body");

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

/** The knowledge manager's form on the entry's mandatory-read page. */
export const AssignMandatoryReadSchema = z.object({ intent: z.literal(MANDATORY_INTENT.assign), audience, dueDate });

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
