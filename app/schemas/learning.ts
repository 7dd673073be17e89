import { z } from "zod";
import { isoDay, isoDayFromToday, parseDay, today } from "~/utils/dates";
import { parseMinutes } from "./time";

/** Formal learning a person registers; the social balance counts these as "formal training". */
export const LEARNING_KINDS = ["COURSE", "E_LEARNING", "EXTERNAL_TRAINING"] as const;
export type LearningKind = (typeof LEARNING_KINDS)[number];
export const LEARNING_STATES = ["PENDING", "APPROVED", "REJECTED"] as const;
export type LearningState = (typeof LEARNING_STATES)[number];

/** Hours up to a working year; costs up to a million euro; a registration reaches three years back. */
export const LEARNING_LIMITS = { titleMax: 150, providerMax: 120, reasonMax: 500, hoursMax: 2000, costMaxEuro: 1_000_000, daysBack: 3 * 366 } as const;

const ID = /^[a-z0-9]{10,40}$/;

/**
 * Hours from what people type: "7,5", "7.5", "8", or hours and minutes as in the time log ("1:30",
 * "1u30", "2u"). Minutes, or null when it is none of those. Range checks are the caller's.
 */
export function parseHours(text: string): number | null {
  const t = text.trim().replace(/\s+/g, "");
  const decimal = /^(\d{1,4})(?:[.,](\d{1,2}))?$/.exec(t);
  if (decimal) return Math.round(Number(`${decimal[1]}.${decimal[2] ?? "0"}`) * 60);
  return /[:uh]/i.test(t) ? parseMinutes(t) : null;
}

/**
 * Euro cents from an amount: "1250", "1250,50", "1250.5", "€ 80". A group separator is refused rather
 * than guessed ("1.250" could be either), so nobody's cost is silently off by a thousand.
 */
export function parseEuroCents(text: string): number | null {
  const t = text.trim().replace(/^€\s*/, "").replace(/\s*€$/, "");
  const m = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(t);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
}

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

export const LEARNING_INTENT = { add: "learning-add", withdraw: "learning-withdraw", approve: "learning-approve", reject: "learning-reject" } as const;

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
export type AddLearningInput = { kind: LearningKind; title: string; provider: string; date: Date; minutes: number; costCents: number; certificateOn: Date | null };

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

/** A year of the figures, from the query string: a sensible four-digit year, else this year. */
export function learningYear(text: string | null, now = new Date()): number {
  const current = Number(isoDay(now).slice(0, 4));
  if (!text || !/^\d{4}$/.test(text)) return current;
  const year = Number(text);
  return year >= 2000 && year <= current + 1 ? year : current;
}

/** The query of the social-balance export: the year, the department (admins), the CSV separator. */
export const SocialBalanceQuerySchema = z.object({
  year: z.string().regex(/^\d{4}$/).optional(),
  department: z.string().regex(ID).optional(),
  sep: z.enum(["comma", "semicolon"]).optional(),
});
