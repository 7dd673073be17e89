import { z } from "zod";
import { daysBetween, parseDay } from "~/utils/dates";
import { hoursField, pastDay } from "./learning";

export const ONBOARDING_KINDS = ["TASK", "COMPETENCE"] as const;
export type OnboardingKind = (typeof ONBOARDING_KINDS)[number];
export const PLAN_ITEM_STATES = ["PLANNED", "SHOWN", "PRACTISED", "SIGNED_OFF"] as const;
export type PlanItemState = (typeof PLAN_ITEM_STATES)[number];

/** A plan lasts at most two years; a template holds at most a hundred items. */
export const MENTORING_LIMITS = { titleMax: 150, descriptionMax: 1000, whatMax: 200, periodDaysMax: 2 * 366, templateItemsMax: 100, sessionHoursMax: 24, daysBack: 366 } as const;

const ID = /^[a-z0-9]{10,40}$/;
const id = (message = "error.notFound.body") => z.string(message).trim().regex(ID, message);

const day = (message: string) =>
  z
    .string(message)
    .trim()
    .refine((v) => parseDay(v) !== null, { message, abort: true })
    .transform((v) => parseDay(v)!);

export const MENTORING_INTENT = {
  pair: "mentoring-pair",
  addItem: "template-add",
  removeItem: "template-remove",
  show: "item-show",
  practise: "item-practise",
  signOff: "item-sign-off",
  logTime: "mentoring-log",
} as const;

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
export type PairInput = { newcomerId: string; mentorId: string; startsOn: Date; endsOn: Date };

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
export type TemplateItemInput = { kind: OnboardingKind; title: string; description: string };

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
export type MentoringTimeInput = { date: Date; minutes: number; what: string };
