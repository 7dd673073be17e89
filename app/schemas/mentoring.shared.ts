/**
 * The mentoring forms' intents, limits and choices, without zod: what a page's component needs in the browser
 * (decision 0076). The zod schemas that check the posted forms against them are in mentoring.ts.
 */

export const ONBOARDING_KINDS = ["TASK", "COMPETENCE"] as const;

export type OnboardingKind = (typeof ONBOARDING_KINDS)[number];

export const PLAN_ITEM_STATES = ["PLANNED", "SHOWN", "PRACTISED", "SIGNED_OFF"] as const;

export type PlanItemState = (typeof PLAN_ITEM_STATES)[number];

/** A plan lasts at most two years; a template holds at most a hundred items. */
export const MENTORING_LIMITS = { titleMax: 150, descriptionMax: 1000, whatMax: 200, periodDaysMax: 2 * 366, templateItemsMax: 100, sessionHoursMax: 24, daysBack: 366 } as const;

export const ID = /^[a-z0-9]{10,40}$/;

export const MENTORING_INTENT = {
  pair: "mentoring-pair",
  addItem: "template-add",
  removeItem: "template-remove",
  show: "item-show",
  practise: "item-practise",
  signOff: "item-sign-off",
  logTime: "mentoring-log",
} as const;

export type PairInput = { newcomerId: string; mentorId: string; startsOn: Date; endsOn: Date };

export type TemplateItemInput = { kind: OnboardingKind; title: string; description: string };

export type MentoringTimeInput = { date: Date; minutes: number; what: string };
