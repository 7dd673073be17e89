/** The knowledge manager's lifecycle figures (flags, review, archive) from aggregate SQL, against a hand-computed fixture. */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { knowledgeFigures } from "~/models/knowledge-figures.server";
import { periodEndingAt } from "~/utils/knowledge-figures";
import { makeUser } from "../support/factories";

const NOW = new Date("2030-03-31T12:00:00Z"); // 30 days: 2030-03-02T00:00Z … now
const d = (iso: string) => new Date(`${iso}Z`);

beforeAll(async () => {
  // This file's database is its own copy of the empty template: the fixture below is all there is.
  const km = await makeUser({ role: "KNOWLEDGE_MANAGER" });
  const [r1, r2, r3] = [await makeUser(), await makeUser(), await makeUser()];
  const entry = (title: string, state: string, reviewBy: string, archivedAt?: string) =>
    db.entry.create({
      data: { title, bodyJson: "{}", bodyText: "", ownerId: km.id, state, reviewBy: d(reviewBy), archivedAt: archivedAt ? d(archivedAt) : null },
    });
  const e1 = await entry("e1 gepubliceerd, herziening voorbij", "PUBLISHED", "2030-03-01T00:00:00");
  const e2 = await entry("e2 te herzien, datum voorbij", "NEEDS_REVIEW", "2030-03-20T00:00:00");
  await entry("e3 gepubliceerd, herziening later", "PUBLISHED", "2030-06-01T00:00:00");
  await entry("e4 te herzien (product stopt), datum later", "NEEDS_REVIEW", "2030-12-01T00:00:00");
  await entry("e5 gearchiveerd in de periode", "ARCHIVED", "2030-01-01T00:00:00", "2030-03-10T09:00:00");
  await entry("e6 gearchiveerd vóór de periode", "ARCHIVED", "2030-01-01T00:00:00", "2030-02-10T09:00:00");

  const flag = (entryId: string, userId: string, state: string, created: string, resolved?: string) => ({
    entryId,
    userId,
    reason: "OUTDATED",
    state,
    createdAt: d(created),
    resolvedAt: resolved ? d(resolved) : null,
    resolvedById: resolved ? km.id : null,
  });
  await db.flag.createMany({
    data: [
      flag(e1.id, r1.id, "OPEN", "2030-03-21T12:00:00"), // open 10 days
      flag(e1.id, r2.id, "OPEN", "2030-03-30T12:00:00"),
      flag(e2.id, r1.id, "FIXED", "2030-03-10T00:00:00", "2030-03-10T06:00:00"), // 6 h
      flag(e2.id, r2.id, "NO_CHANGE", "2030-03-11T00:00:00", "2030-03-12T00:00:00"), // 24 h
      flag(e2.id, r3.id, "ARCHIVED", "2030-03-01T00:00:00", "2030-03-05T00:00:00"), // 96 h, raised before the period
      flag(e1.id, r3.id, "FIXED", "2030-02-01T00:00:00", "2030-02-20T00:00:00"), // resolved before the period
    ],
  });

  const review = (basis: string, created: string) => ({ entryId: e1.id, reviewerId: km.id, basis, nextReviewBy: d("2031-01-01T00:00:00"), createdAt: d(created) });
  await db.entryReview.createMany({
    data: [
      review("REUSE", "2030-03-03T10:00:00"),
      review("REUSE", "2030-03-15T10:00:00"),
      review("REUSE", "2030-03-31T11:00:00"),
      review("CALENDAR", "2030-03-20T10:00:00"),
      review("EDIT", "2030-03-21T10:00:00"),
      review("EDIT", "2030-03-22T10:00:00"),
      review("REUSE", "2030-02-20T10:00:00"), // before the period
      review("CALENDAR", "2030-04-01T10:00:00"), // after now
    ],
  });
});

describe("lifecycle figures", () => {
  it("counts open flags and the oldest one's age, whatever the period", async () => {
    const f = await knowledgeFigures(periodEndingAt(NOW, 7), NOW);
    expect(f.openFlags).toEqual({ count: 2, oldestAgeDays: 10 });
  });

  it("takes the period's resolved flags: outcomes and nearest-rank p50/p90 of the time to resolve", async () => {
    const f = await knowledgeFigures(periodEndingAt(NOW, 30), NOW);
    // Sorted: 6 h, 24 h, 96 h → p50 = the 2nd (⌈0.5·3⌉), p90 = the 3rd (⌈0.9·3⌉).
    expect(f.flagResolution).toEqual({ n: 3, outcomes: { FIXED: 1, NO_CHANGE: 1, ARCHIVED: 1 }, p50Hours: 24, p90Hours: 96 });
  });

  it("counts entries past review now, those marked as needing review, and the period's archived entries", async () => {
    const f = await knowledgeFigures(periodEndingAt(NOW, 30), NOW);
    expect(f.review.pastReview).toBe(2); // e1, e2; archived e5/e6 do not count
    expect(f.review.needsReview).toBe(2); // e2, e4
    expect(f.review.archived).toBe(1); // e5
  });

  it("splits the period's reviews by basis: reuse against calendar, edits apart", async () => {
    const f = await knowledgeFigures(periodEndingAt(NOW, 30), NOW);
    expect(f.review.reviews).toEqual({ REUSE: 3, CALENDAR: 1, EDIT: 2, confirmed: 4, reusePercent: 75 });
  });

  it("an empty period shows nothing resolved and no share", async () => {
    const f = await knowledgeFigures(periodEndingAt(new Date("2029-06-30T12:00:00Z"), 30), new Date("2029-06-30T12:00:00Z"));
    expect(f.flagResolution).toEqual({ n: 0, outcomes: { FIXED: 0, NO_CHANGE: 0, ARCHIVED: 0 }, p50Hours: null, p90Hours: null });
    expect(f.review.reviews.reusePercent).toBeNull();
    expect(f.review.archived).toBe(0);
  });
});
