import { describe, expect, it } from "vitest";
import { en } from "~/utils/i18n/en";
import { nl } from "~/utils/i18n/nl";
import {
  ageInDays,
  creationVersusReuse,
  decisionShares,
  durationParts,
  figureDefinitionKey,
  figureTitleKey,
  FIGURES,
  fillBuckets,
  parsePeriodDays,
  percentileOffset,
  percentileOffsetInteger,
  PERCENTILES,
  periodEndingAt,
  reviewBasisShares,
  sqlTimestamp,
} from "./knowledge-figures";

describe("periods", () => {
  it("accepts only the offered choices, otherwise 30 days", () => {
    expect(parsePeriodDays("7")).toBe(7);
    expect(parsePeriodDays("365")).toBe(365);
    for (const bad of [null, undefined, "", "31", "-7", "7.5", "abc"]) expect(parsePeriodDays(bad)).toBe(30);
  });
  it("runs from midnight UTC of the first of the last N days to now; days up to 30, weeks beyond", () => {
    const now = new Date("2030-03-31T12:00:00Z");
    expect(periodEndingAt(now, 30)).toEqual({ days: 30, from: new Date("2030-03-02T00:00:00Z"), to: now, bucketDays: 1 });
    expect(periodEndingAt(now, 7).from).toEqual(new Date("2030-03-25T00:00:00Z"));
    expect(periodEndingAt(now, 90).bucketDays).toBe(7);
  });
  it("writes timestamps the way the database stores them", () => {
    expect(sqlTimestamp(new Date("2030-03-02T00:00:00Z"))).toBe("2030-03-02T00:00:00.000+00:00");
  });
});

describe("percentileOffset (nearest rank)", () => {
  it("is null for no values", () => {
    expect(percentileOffset(0, 0.5)).toBeNull();
  });
  it("picks ceil(p·n) − 1", () => {
    // values 12, 24, 48, 96, 120 hours: p50 is the 3rd (48), p90 the 5th (120)
    expect(percentileOffset(5, 0.5)).toBe(2);
    expect(percentileOffset(5, 0.9)).toBe(4);
    expect(percentileOffset(1, 0.5)).toBe(0);
    expect(percentileOffset(1, 0.9)).toBe(0);
    expect(percentileOffset(4, 0.5)).toBe(1);
    expect(percentileOffset(10, 0.9)).toBe(8);
    expect(percentileOffset(100, 0.9)).toBe(89);
  });
});

describe("percentileOffsetInteger (the SQL's integer form)", () => {
  it("equals the nearest-rank offset for every count up to 2 000", () => {
    expect(percentileOffsetInteger(0, PERCENTILES.p50)).toBeNull();
    for (let n = 1; n <= 2000; n++) {
      expect(percentileOffsetInteger(n, PERCENTILES.p50)).toBe(percentileOffset(n, 0.5));
      expect(percentileOffsetInteger(n, PERCENTILES.p90)).toBe(percentileOffset(n, 0.9));
    }
  });
});

describe("decisionShares", () => {
  it("gives counts and whole percents adding up to 100", () => {
    expect(decisionShares({ PUBLISHED: 2, MERGED: 1, DECLINED: 2 })).toEqual({
      total: 5,
      shares: [
        { key: "PUBLISHED", count: 2, percent: 40 },
        { key: "MERGED", count: 1, percent: 20 },
        { key: "DECLINED", count: 2, percent: 40 },
      ],
    });
    // 1/3 each: 33.33 → the remainder goes to the first
    expect(decisionShares({ PUBLISHED: 1, MERGED: 1, DECLINED: 1 }).shares.map((s) => s.percent)).toEqual([34, 33, 33]);
    // 2/3 = 66.67, 1/3 = 33.33
    expect(decisionShares({ PUBLISHED: 2, MERGED: 0, DECLINED: 1 }).shares.map((s) => s.percent)).toEqual([67, 0, 33]);
  });
  it("is all zero for an empty period", () => {
    expect(decisionShares({ PUBLISHED: 0, MERGED: 0, DECLINED: 0 })).toEqual({
      total: 0,
      shares: [
        { key: "PUBLISHED", count: 0, percent: 0 },
        { key: "MERGED", count: 0, percent: 0 },
        { key: "DECLINED", count: 0, percent: 0 },
      ],
    });
  });
});

describe("creationVersusReuse", () => {
  it("counts publishes as created, merges as reused", () => {
    expect(creationVersusReuse({ PUBLISHED: 2, MERGED: 1, DECLINED: 7 })).toEqual({ created: 2, reused: 1, reuseRate: 1 / 3 });
  });
  it("has no rate without any", () => {
    expect(creationVersusReuse({ PUBLISHED: 0, MERGED: 0, DECLINED: 3 })).toEqual({ created: 0, reused: 0, reuseRate: null });
  });
});

describe("reviewBasisShares", () => {
  it("is reuse ÷ (reuse + calendar) in whole percents; edits are counted apart", () => {
    expect(reviewBasisShares({ REUSE: 2, CALENDAR: 1, EDIT: 5 })).toEqual({ REUSE: 2, CALENDAR: 1, EDIT: 5, confirmed: 3, reusePercent: 67 });
    expect(reviewBasisShares({ REUSE: 0, CALENDAR: 4, EDIT: 0 }).reusePercent).toBe(0);
  });
  it("has no share when nothing was confirmed", () => {
    expect(reviewBasisShares({ REUSE: 0, CALENDAR: 0, EDIT: 3 }).reusePercent).toBeNull();
  });
});

describe("fillBuckets", () => {
  const period = periodEndingAt(new Date("2030-03-31T12:00:00Z"), 7);
  it("fills every day, empty ones with 0, ignoring out-of-range rows", () => {
    const buckets = fillBuckets(period, [
      { bucket: 0, count: 2 },
      { bucket: 6, count: 5 },
      { bucket: 7, count: 99 },
      { bucket: -1, count: 99 },
    ]);
    expect(buckets.map((b) => b.count)).toEqual([2, 0, 0, 0, 0, 0, 5]);
    expect(buckets[0].start).toEqual(new Date("2030-03-25T00:00:00Z"));
    expect(buckets[6].start).toEqual(new Date("2030-03-31T00:00:00Z"));
  });
  it("gives an all-zero series for an empty period, and weeks for 90 days", () => {
    expect(fillBuckets(period, []).map((b) => b.count)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(fillBuckets(periodEndingAt(new Date("2030-03-31T12:00:00Z"), 90), [])).toHaveLength(13);
  });
});

describe("durations and ages", () => {
  it("shows hours below two days, days from there", () => {
    expect(durationParts(12)).toEqual({ value: 12, unit: "hours" });
    expect(durationParts(47.94)).toEqual({ value: 47.9, unit: "hours" });
    expect(durationParts(48)).toEqual({ value: 2, unit: "days" });
    expect(durationParts(120)).toEqual({ value: 5, unit: "days" });
  });
  it("counts whole days", () => {
    const now = new Date("2030-03-31T12:00:00Z");
    expect(ageInDays(new Date("2030-01-10T10:00:00Z"), now)).toBe(80);
    expect(ageInDays(new Date("2030-03-31T11:00:00Z"), now)).toBe(0);
    expect(ageInDays(new Date("2030-04-01T00:00:00Z"), now)).toBe(0);
  });
});

describe("definitions", () => {
  it("every figure has a title and a definition in both languages", () => {
    for (const id of FIGURES) {
      for (const dict of [nl, en] as Record<string, unknown>[]) {
        expect(dict[figureTitleKey(id)], figureTitleKey(id)).toBeTruthy();
        expect(dict[figureDefinitionKey(id)], figureDefinitionKey(id)).toBeTruthy();
      }
    }
  });
});
