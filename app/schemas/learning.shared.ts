/**
 * The learning forms' intents, limits and choices, without zod: what a page's component needs in the browser
 * (decision 0076). The zod schemas that check the posted forms against them are in learning.ts.
 */
import { isoDay } from "~/utils/dates";
import { parseMinutes } from "./time.shared";

/** Formal learning a person registers; the social balance counts these as "formal training". */
export const LEARNING_KINDS = ["COURSE", "E_LEARNING", "EXTERNAL_TRAINING"] as const;

export type LearningKind = (typeof LEARNING_KINDS)[number];

export const LEARNING_STATES = ["PENDING", "APPROVED", "REJECTED"] as const;

export type LearningState = (typeof LEARNING_STATES)[number];

/** Hours up to a working year; costs up to a million euro; a registration reaches three years back. */
export const LEARNING_LIMITS = { titleMax: 150, providerMax: 120, reasonMax: 500, hoursMax: 2000, costMaxEuro: 1_000_000, daysBack: 3 * 366 } as const;

export const ID = /^[a-z0-9]{10,40}$/;

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

export const LEARNING_INTENT = { add: "learning-add", withdraw: "learning-withdraw", approve: "learning-approve", reject: "learning-reject" } as const;

export type AddLearningInput = { kind: LearningKind; title: string; provider: string; date: Date; minutes: number; costCents: number; certificateOn: Date | null };

/** A year of the figures, from the query string: a sensible four-digit year, else this year. */
export function learningYear(text: string | null, now = new Date()): number {
  const current = Number(isoDay(now).slice(0, 4));
  if (!text || !/^\d{4}$/.test(text)) return current;
  const year = Number(text);
  return year >= 2000 && year <= current + 1 ? year : current;
}
