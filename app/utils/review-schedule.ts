/**
 * When an entry is next reviewed, and whether demand has reviewed it already (KCS: reuse is review).
 * Pure rules, shared by the review command, the knowledge sweep and the work queue.
 */
import { addDays } from "./dates";

/** Without an interval on its tags or its community, an entry is reviewed a year after its last review. */
export const DEFAULT_REVIEW_INTERVAL_DAYS = 365;

/** What a knowledge manager may set as an interval: from a week to three years. */
export const REVIEW_INTERVAL_LIMITS = { min: 7, max: 1095 } as const;

/**
 * The interval after a review: the shortest one set on the entry's tags (a product that changes often
 * wins over a stable topic), else its community's, else the default.
 */
export function reviewIntervalDays(tagIntervals: readonly (number | null | undefined)[], communityInterval: number | null | undefined): number {
  const set = tagIntervals.filter((days): days is number => typeof days === "number" && days > 0);
  if (set.length) return Math.min(...set);
  return communityInterval && communityInterval > 0 ? communityInterval : DEFAULT_REVIEW_INTERVAL_DAYS;
}

/** The next review: the interval's number of days after the review, at the same time of day. */
export function nextReviewBy(reviewedAt: Date, intervalDays: number): Date {
  return addDays(reviewedAt, intervalDays);
}

/** Demand counts from this moment on: the last review, or the entry's publication if it was never reviewed. */
export function reviewBaseline(entry: { lastReviewedAt: Date | null; createdAt: Date }): Date {
  return entry.lastReviewedAt ?? entry.createdAt;
}

/**
 * Use of an entry since its last review: colleagues who said "this helped me" after it (a mark given
 * again counts from its new date) and notes merged into it after it.
 */
export type DemandSinceReview = { helpfulSince: number; reusedSince: number };

/** A review is "by reuse" when the entry was used since its last review, otherwise "by the calendar". */
export function reviewBasis(demand: DemandSinceReview): "REUSE" | "CALENDAR" {
  return demand.helpfulSince + demand.reusedSince > 0 ? "REUSE" : "CALENDAR";
}

/**
 * Rarely used: nobody marked it helpful and no note was merged into it since its last review. Such an
 * entry, once past its review date, needs a person to look at it; a used one is confirmed in one click.
 * "Did not help" answers are not use: they ask for a review rather than stand in for one.
 */
export function isRarelyUsed(demand: DemandSinceReview): boolean {
  return reviewBasis(demand) === "CALENDAR";
}

/** Whether a published entry is past its review date at `now`. */
export function isPastReview(entry: { reviewBy: Date | null }, now: Date): boolean {
  return entry.reviewBy !== null && entry.reviewBy.getTime() <= now.getTime();
}
