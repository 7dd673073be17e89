/**
 * Products are tags of a kind: a knowledge manager marks a tag as a product, sets how often entries
 * with the tag are reviewed, and retires a product with a date and a note.
 */
import { z } from "zod";
import { dayDate, isCalendarDate, isoDayFromToday, today } from "~/utils/dates";
import { PRODUCT_LIMITS, PRODUCT_INTENT } from "./product.shared";

const tagId = z.string().regex(/^[a-z0-9]{10,40}$/, "error.notFound.body");

/** Whole days between the limits, or empty for "no interval of its own". */
const reviewIntervalDays = z
  .string()
  .trim()
  .optional()
  .default("")
  .refine(
    (v) => v === "" || (/^\d{1,5}$/.test(v) && Number(v) >= PRODUCT_LIMITS.intervalMin && Number(v) <= PRODUCT_LIMITS.intervalMax),
    JSON.stringify({ key: "error.product.interval", vars: { min: PRODUCT_LIMITS.intervalMin, max: PRODUCT_LIMITS.intervalMax } }),
  )
  .transform((v) => (v === "" ? null : Number(v)));

/** The day the product stops: today or later, within two years; stored as midnight UTC. */
const retiresOn = z
  .string("error.product.retiresOn")
  .trim()
  .refine(isCalendarDate, "error.product.retiresOn")
  .refine((d) => !isCalendarDate(d) || d >= today(), "error.product.retiresPast")
  .refine((d) => !isCalendarDate(d) || d <= isoDayFromToday(PRODUCT_LIMITS.retireDaysMax), "error.product.retiresFar")
  .transform(dayDate);

export const RetireProductSchema = z.object({
  intent: z.literal(PRODUCT_INTENT.retire),
  tagId,
  retiresOn,
  note: z.string().trim().min(1, "error.product.noteRequired").max(PRODUCT_LIMITS.noteMax),
  /** Checkbox: archive the product's entries on that day. */
  archiveOnRetire: z.literal("on").optional().transform((v) => v === "on"),
});

export type RetireProductInput = Omit<z.output<typeof RetireProductSchema>, "intent" | "tagId">;

export const ProductIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal(PRODUCT_INTENT.mark), tagId }),
  z.object({ intent: z.literal(PRODUCT_INTENT.unmark), tagId }),
  z.object({ intent: z.literal(PRODUCT_INTENT.interval), tagId, reviewIntervalDays }),
  RetireProductSchema,
  z.object({ intent: z.literal(PRODUCT_INTENT.cancelRetirement), tagId }),
]);
