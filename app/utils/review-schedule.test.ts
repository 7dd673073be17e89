import { describe, expect, it } from "vitest";
import { DEFAULT_REVIEW_INTERVAL_DAYS, isPastReview, isRarelyUsed, nextReviewBy, reviewBaseline, reviewBasis, reviewIntervalDays } from "./review-schedule";

describe("the review interval", () => {
  it("is the shortest interval among the entry's tags", () => {
    expect(reviewIntervalDays([90, null, 30, 180], 60)).toBe(30);
    expect(reviewIntervalDays([200], 60)).toBe(200); // a tag's interval wins over the community's, even a longer one
  });
  it("is the community's when no tag has one", () => {
    expect(reviewIntervalDays([null, undefined], 60)).toBe(60);
    expect(reviewIntervalDays([], 14)).toBe(14);
  });
  it("is a year when neither tags nor community have one", () => {
    expect(reviewIntervalDays([], null)).toBe(DEFAULT_REVIEW_INTERVAL_DAYS);
    expect(reviewIntervalDays([null], undefined)).toBe(365);
  });
  it("counts days from the review, same time of day, across a leap day and daylight saving", () => {
    expect(nextReviewBy(new Date("2028-02-01T10:30:00Z"), 30).toISOString()).toBe("2028-03-02T10:30:00.000Z");
    expect(nextReviewBy(new Date("2027-03-01T09:00:00Z"), 365).toISOString()).toBe("2028-02-29T09:00:00.000Z");
    expect(nextReviewBy(new Date("2026-03-20T08:00:00Z"), 14).toISOString()).toBe("2026-04-03T08:00:00.000Z");
  });
});

describe("reuse is review", () => {
  it("counts from the last review, or from publication when there was none", () => {
    const createdAt = new Date("2026-01-01T00:00:00Z");
    expect(reviewBaseline({ lastReviewedAt: null, createdAt })).toBe(createdAt);
    const reviewed = new Date("2026-06-01T00:00:00Z");
    expect(reviewBaseline({ lastReviewedAt: reviewed, createdAt })).toBe(reviewed);
  });
  it("a review is by reuse when a colleague marked it helpful or a note was merged into it since", () => {
    expect(reviewBasis({ helpfulSince: 1, reusedSince: 0 })).toBe("REUSE");
    expect(reviewBasis({ helpfulSince: 0, reusedSince: 1 })).toBe("REUSE");
    expect(reviewBasis({ helpfulSince: 0, reusedSince: 0 })).toBe("CALENDAR");
  });
  it("rarely used means not used at all since the last review", () => {
    expect(isRarelyUsed({ helpfulSince: 0, reusedSince: 0 })).toBe(true);
    expect(isRarelyUsed({ helpfulSince: 1, reusedSince: 0 })).toBe(false);
    expect(isRarelyUsed({ helpfulSince: 0, reusedSince: 2 })).toBe(false);
  });
  it("is past review on and after its review moment", () => {
    const reviewBy = new Date("2026-12-01T12:00:00Z");
    expect(isPastReview({ reviewBy }, new Date("2026-12-01T11:59:59Z"))).toBe(false);
    expect(isPastReview({ reviewBy }, reviewBy)).toBe(true);
    expect(isPastReview({ reviewBy: null }, reviewBy)).toBe(false);
  });
});
