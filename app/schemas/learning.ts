import { z } from "zod";
import { isoDayFromToday, parseDay, today } from "~/utils/dates";
import { LEARNING_KINDS, LEARNING_LIMITS, ID, parseHours, parseEuroCents, LEARNING_INTENT, type AddLearningInput } from "./learning.shared";

/** An hours field: more than nothing, at most `max` hours. */
export function hoursField(max: number = LEARNING_LIMITS.hoursMax) {
  return z
    .string("error.learning.hours")
    .trim()
    .superRefine((value, ctx) => {
      if (/^-/.test(value)) return void ctx.addIssue({ code: "custom", message: "error.learning.negative" });
      const minutes = parseHours(value);
      if (minutes === null || minutes < 1) ctx.addIssue({ code: "custom", message: "error.learning.hours" });
      else if (minutes > max * 60) ctx.addIssue({ code: "custom", message: "error.learning.hoursMax" });
    })
    .transform((value) => parseHours(value)!);
}

const costField = z
  .string("error.learning.cost")
  .trim()
  .superRefine((value, ctx) => {
    if (/^-/.test(value)) return void ctx.addIssue({ code: "custom", message: "error.learning.negative" });
    const cents = parseEuroCents(value);
    if (cents === null) ctx.addIssue({ code: "custom", message: "error.learning.cost" });
    else if (cents > LEARNING_LIMITS.costMaxEuro * 100) ctx.addIssue({ code: "custom", message: "error.learning.costMax" });
  })
  .transform((value) => parseEuroCents(value)!);

/** A calendar day that happened: not in the future, at most `daysBack` back. Aborts on a non-date, so later checks see a Date. */
export function pastDay(message: string, daysBack: number) {
  return z
    .string(message)
    .trim()
    .refine((v) => parseDay(v) !== null, { message, abort: true })
    .refine((v) => v <= today(), { message: "error.learning.future", abort: true })
    .refine((v) => v >= isoDayFromToday(-daysBack), { message: "error.learning.tooOld", abort: true })
    .transform((v) => parseDay(v)!);
}

const optionalDay = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || parseDay(v) !== null, { message: "error.learning.date", abort: true })
  .refine((v) => v === undefined || v <= today(), { message: "error.learning.future", abort: true })
  .transform((v) => (v === undefined ? null : parseDay(v)!));

const entryId = z.string().regex(ID, "error.notFound.body");

/** A formal learning entry: what, by whom, when, how long, what it cost, and when the certificate came. */
export const AddLearningSchema = z
  .object({
    intent: z.literal(LEARNING_INTENT.add),
    kind: z.enum(LEARNING_KINDS, "error.learning.kind"),
    title: z.string().trim().min(1).max(LEARNING_LIMITS.titleMax),
    provider: z.string().trim().min(1).max(LEARNING_LIMITS.providerMax),
    date: pastDay("error.learning.date", LEARNING_LIMITS.daysBack),
    hours: hoursField(),
    cost: costField,
    certificateOn: optionalDay,
  })
  .superRefine((v, ctx) => {
    if (v.date instanceof Date && v.certificateOn instanceof Date && v.certificateOn < v.date) {
      ctx.addIssue({ code: "custom", path: ["certificateOn"], message: "error.learning.certificateBefore" });
    }
  });

export function toAddLearningInput(v: z.output<typeof AddLearningSchema>): AddLearningInput {
  return { kind: v.kind, title: v.title, provider: v.provider, date: v.date, minutes: v.hours, costCents: v.cost, certificateOn: v.certificateOn };
}

/** The person's own page: add an entry, withdraw a pending one. */
export const OwnLearningIntentSchema = z.discriminatedUnion("intent", [AddLearningSchema, z.object({ intent: z.literal(LEARNING_INTENT.withdraw), entryId })]);

/** The head's page: approve, or reject with the reason the person reads. */
export const DecideLearningIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal(LEARNING_INTENT.approve), entryId }),
  z.object({
    intent: z.literal(LEARNING_INTENT.reject),
    entryId,
    reason: z.string("error.learning.reasonRequired").trim().min(1, "error.learning.reasonRequired").max(LEARNING_LIMITS.reasonMax),
  }),
]);

/** The query of the social-balance export: the year, the department (admins), the CSV separator. */
export const SocialBalanceQuerySchema = z.object({
  year: z.string().regex(/^\d{4}$/).optional(),
  department: z.string().regex(ID).optional(),
  sep: z.enum(["comma", "semicolon"]).optional(),
});
