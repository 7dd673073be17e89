/**
 * The community forms' intents, limits and choices, without zod: what a page's component needs in the browser
 * (decision 0076). The zod schemas that check the posted forms against them are in community.ts.
 */

export const COMMUNITY_LIMITS = {
  nameMax: 80,
  purposeMax: 1000,
  leadsMax: 10,
  /** A budget above a whole week of minutes per period is a typo, not a plan. */
  budgetMinutesMax: 7 * 24 * 60,
  periodDaysMax: 365,
} as const;

/** The two budgets most communities use, plus "custom" (minutes per member per period of N days). */
export const BUDGET_PRESETS = {
  "120/14": { budgetMinutes: 120, budgetPeriodDays: 14 },
  "240/7": { budgetMinutes: 240, budgetPeriodDays: 7 },
} as const;

export type BudgetPreset = keyof typeof BUDGET_PRESETS | "custom";

export const ID = /^[a-z0-9]{10,40}$/;

/** A whole number from a form field, or undefined when the field is empty or not a whole number. */
export function wholeNumber(value: string | undefined): number | undefined {
  const text = value?.trim() ?? "";
  return /^-?\d{1,9}$/.test(text) ? Number(text) : undefined;
}

export const COMMUNITY_INTENT = { join: "join", leave: "leave", archive: "archive", restore: "restore", accept: "accept", refuse: "refuse", remove: "remove" } as const;

/** "Sparen aan de lijn!" -> "sparen-aan-de-lijn"; accents dropped, at most 60 characters. */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "community";
}
