/**
 * The knowledge manager's figures: periods, percentiles, shares, buckets and the definition of each
 * figure. Pure (no database): app/models/knowledge-figures.server.ts runs the aggregate queries and
 * hands their rows to these functions; the dashboard shows the definitions.
 */
import { addDays, DAY_MS, startOfDay } from "./dates";

/** The periods one can choose on the dashboard, in days; the default is the last 30 days. */
export const PERIOD_CHOICES = [7, 30, 90, 365] as const;
export type PeriodDays = (typeof PERIOD_CHOICES)[number];
export const DEFAULT_PERIOD_DAYS: PeriodDays = 30;

/** `?days=` as one of the choices; anything else falls back to the default. */
export function parsePeriodDays(value: string | null | undefined): PeriodDays {
  const n = Number(value);
  return (PERIOD_CHOICES as readonly number[]).includes(n) ? (n as PeriodDays) : DEFAULT_PERIOD_DAYS;
}

export type Period = { days: PeriodDays; from: Date; to: Date; bucketDays: 1 | 7 };

/**
 * The last `days` calendar days (UTC) up to now: from midnight of the first day, today included.
 * Counts per bucket are per day up to 30 days and per 7 days beyond.
 */
export function periodEndingAt(now: Date, days: PeriodDays): Period {
  return { days, from: addDays(startOfDay(now), -(days - 1)), to: now, bucketDays: days <= 30 ? 1 : 7 };
}

/** How the database stores a moment (ISO 8601 with "+00:00"), so text comparisons in SQL are exact. */
export function sqlTimestamp(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

/**
 * Nearest-rank percentile: the 0-based position in the ascending list of n values whose value is the
 * p-th percentile (p in 0..1), i.e. ceil(p·n) − 1; null when there are no values.
 */
export function percentileOffset(n: number, p: number): number | null {
  if (!Number.isInteger(n) || n <= 0) return null;
  return Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1));
}

/** The percentiles the dashboard shows, as fractions num/den, so SQL can compute their offsets with integers. */
export const PERCENTILES = { p50: [1, 2], p90: [9, 10] } as const satisfies Record<string, readonly [number, number]>;

/**
 * percentileOffset(n, num/den) in integer arithmetic only — ⌊(num·n + den − 1) / den⌋ − 1 — which is
 * how the SQL of the dashboard computes it (integer division), once it has counted the rows.
 */
export function percentileOffsetInteger(n: number, [num, den]: readonly [number, number]): number | null {
  if (!Number.isInteger(n) || n <= 0) return null;
  return Math.floor((num * n + den - 1) / den) - 1;
}

export type DecisionCounts = { PUBLISHED: number; MERGED: number; DECLINED: number };
export const DECISIONS = ["PUBLISHED", "MERGED", "DECLINED"] as const;
export type Decision = (typeof DECISIONS)[number];

export type Share = { key: Decision; count: number; percent: number };

/**
 * Each decision's count and its share of all decisions in whole percents that add up to exactly 100
 * (largest remainder; ties go to the earlier key). All zero when nothing was decided.
 */
export function decisionShares(counts: DecisionCounts): { total: number; shares: Share[] } {
  const total = DECISIONS.reduce((sum, k) => sum + counts[k], 0);
  if (total === 0) return { total, shares: DECISIONS.map((key) => ({ key, count: 0, percent: 0 })) };
  const exact = DECISIONS.map((key) => ({ key, count: counts[key], raw: (counts[key] * 100) / total }));
  const floors = exact.map((e) => Math.floor(e.raw));
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, rest: e.raw - floors[i] })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]++;
    left--;
  }
  return { total, shares: exact.map((e, i) => ({ key: e.key, count: e.count, percent: floors[i] })) };
}

/**
 * Entries created against entries reused in the period. Created: notes published as a new entry.
 * Reused: notes merged into an existing entry (each merge raises that entry's reuse count by one).
 * The reuse rate is reused / (created + reused), null when both are zero.
 */
export function creationVersusReuse(counts: DecisionCounts): { created: number; reused: number; reuseRate: number | null } {
  const created = counts.PUBLISHED;
  const reused = counts.MERGED;
  return { created, reused, reuseRate: created + reused === 0 ? null : reused / (created + reused) };
}

export type ReviewCounts = { REUSE: number; CALENDAR: number; EDIT: number };

/**
 * Reviews in the period by basis. KCS's "reuse is review": a confirmation on the strength of colleagues'
 * use (REUSE) against one because the calendar said so (CALENDAR); the reuse share is REUSE ÷ (REUSE +
 * CALENDAR), null when neither happened. Edits (EDIT) review an entry too, and are counted apart.
 */
export function reviewBasisShares(counts: ReviewCounts): ReviewCounts & { confirmed: number; reusePercent: number | null } {
  const confirmed = counts.REUSE + counts.CALENDAR;
  return { ...counts, confirmed, reusePercent: confirmed === 0 ? null : Math.round((counts.REUSE * 100) / confirmed) };
}

export type Bucket = { start: Date; count: number };

/**
 * Counts per bucket for the whole period, empty buckets included: `rows` are (bucket index, count)
 * from the database, where index = whole bucket lengths since the period's start.
 */
export function fillBuckets(period: Period, rows: { bucket: number; count: number }[]): Bucket[] {
  const n = Math.ceil(period.days / period.bucketDays);
  const counts = new Array<number>(n).fill(0);
  for (const r of rows) if (r.bucket >= 0 && r.bucket < n) counts[r.bucket] += r.count;
  return counts.map((count, i) => ({ start: addDays(period.from, i * period.bucketDays), count }));
}

/** A duration in hours, shown as hours below two days and as days from there on (one decimal). */
export function durationParts(hours: number): { value: number; unit: "hours" | "days" } {
  if (hours < 48) return { value: Math.round(hours * 10) / 10, unit: "hours" };
  return { value: Math.round((hours / 24) * 10) / 10, unit: "days" };
}

/** Whole days between a moment and now (0 when less than a day). */
export function ageInDays(since: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));
}

/** The dashboard's figures, each with the message keys of its title and its definition. */
export const FIGURES = [
  "inbox",
  "decisionTime",
  "decisions",
  "reuse",
  "helpful",
  "gaps",
  "contributors",
  "submissions",
  "openFlags",
  "flagResolution",
  "pastReview",
  "archived",
  "reviewBasis",
] as const;
export type FigureId = (typeof FIGURES)[number];
export const figureTitleKey = (id: FigureId) => `km.figure.${id}` as const;
export const figureDefinitionKey = (id: FigureId) => `km.definition.${id}` as const;
