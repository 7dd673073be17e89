import { z } from "zod";
import { daysBetween, parseDay } from "~/utils/dates";
import { hoursField, pastDay } from "./learning";
import { ONBOARDING_KINDS, MENTORING_LIMITS, ID, MENTORING_INTENT } from "./mentoring.shared";

const id = (message = "error.notFound.body") => z.string(message).trim().regex(ID, message);

const day = (message: string) =>
  z
    .string(message)
    .trim()
    .refine((v) => parseDay(v) !== null, { message, abort: true })
    .transform((v) => parseDay(v)!);

/** A newcomer, a mentor who is someone else, and a period whose end is not before its start. */
export const PairSchema = z
  .object({
    intent: z.literal(MENTORING_INTENT.pair),
    newcomerId: id("error.mentoring.newcomer"),
    mentorId: id("error.mentoring.mentor"),
    startsOn: day("error.mentoring.date"),
    endsOn: day("error.mentoring.date"),
  })
  .superRefine((v, ctx) => {
    if (v.newcomerId === v.mentorId) ctx.addIssue({ code: "custom", path: ["mentorId"], message: "error.mentoring.samePerson" });
    if (!(v.startsOn instanceof Date) || !(v.endsOn instanceof Date)) return;
    if (v.endsOn < v.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "error.mentoring.endBeforeStart" });
    else if (daysBetween(v.startsOn, v.endsOn) + 1 > MENTORING_LIMITS.periodDaysMax) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "error.mentoring.tooLong" });
  });

/** The head's template page: add a task or competence, remove one. */
export const TemplateIntentSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal(MENTORING_INTENT.addItem),
    kind: z.enum(ONBOARDING_KINDS, "error.mentoring.kind"),
    title: z.string().trim().min(1).max(MENTORING_LIMITS.titleMax),
    description: z.string().trim().max(MENTORING_LIMITS.descriptionMax).optional().default(""),
  }),
  z.object({ intent: z.literal(MENTORING_INTENT.removeItem), itemId: id() }),
]);

/** The plan page: step an item, or log time spent mentoring. */
export const PlanIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal(MENTORING_INTENT.show), itemId: id() }),
  z.object({ intent: z.literal(MENTORING_INTENT.practise), itemId: id() }),
  z.object({ intent: z.literal(MENTORING_INTENT.signOff), itemId: id() }),
  z.object({
    intent: z.literal(MENTORING_INTENT.logTime),
    date: pastDay("error.mentoring.date", MENTORING_LIMITS.daysBack),
    hours: hoursField(MENTORING_LIMITS.sessionHoursMax),
    what: z.string("error.mentoring.whatRequired").trim().min(1, "error.mentoring.whatRequired").max(MENTORING_LIMITS.whatMax),
  }),
]);
