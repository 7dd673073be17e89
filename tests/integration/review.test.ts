/**
 * Demand-driven review with hand-computed fixtures: confirming by reuse or by the calendar, the next review
 * date from the tags' or the community's interval (else a year), the knowledge sweep that sends rarely
 * used past-due entries to NEEDS_REVIEW exactly once, and the review intervals per community.
 */
import { describe, expect, it } from "vitest";
import { confirmReview, confirmReviews, markEntriesDueForReview, setCommunityReviewInterval } from "~/commands/review-entry.server";
import { runKnowledgeSweep } from "~/commands/knowledge-sweep.server";
import { db } from "~/utils/db.server";
import { actorFor, makeCommunity, makeDepartment, makeUser, uid } from "../support/factories";
import { at, giveFeedback, makeEntry, makeNote, makeTag } from "../support/review-fixtures";

const NOW = at("2026-06-15T09:00:00Z");
const LAST_REVIEW = at("2026-01-10T10:00:00Z");

async function people() {
  const km = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
  const admin = await actorFor(await makeUser({ role: "ADMIN" }));
  const employee = await actorFor(await makeUser());
  const readers = await Promise.all([makeUser(), makeUser(), makeUser()]);
  const department = await makeDepartment();
  return { km, admin, employee, readers, department };
}

describe("confirmReview", () => {
  it("by reuse: a colleague's helpful mark after the last review; the shortest tag interval sets the next date; open 'did not help' answers are handled", async () => {
    const { km, readers, department } = await people();
    const community = await makeCommunity({ departmentId: department.id });
    await db.community.update({ where: { id: community.id }, data: { reviewIntervalDays: 60 } });
    const [short, long] = [`spaarrekening-${uid()}`, `itsme-${uid()}`];
    await makeTag(short, 30);
    await makeTag(long, 90);
    const entry = await makeEntry({ ownerId: km.id, communityId: community.id, tags: [short, long], lastReviewedAt: LAST_REVIEW, reviewBy: at("2026-06-01T10:00:00Z") });
    const before = await db.entry.findUniqueOrThrow({ where: { id: entry.id }, select: { updatedAt: true } });
    await giveFeedback(entry.id, readers[0].id, true, at("2026-03-02T08:00:00Z"));
    await giveFeedback(entry.id, readers[1].id, false, at("2026-05-20T08:00:00Z"), "Mist de stappen in de app.");

    const outcome = await confirmReview(km, entry.id, NOW);

    // 2026-06-15 09:00 + 30 days (the shortest of 30 and 90, over the community's 60).
    expect(outcome).toEqual({ changed: true, basis: "REUSE", nextReviewBy: at("2026-07-15T09:00:00Z") });
    const after = await db.entry.findUniqueOrThrow({ where: { id: entry.id }, select: { state: true, lastReviewedAt: true, reviewBy: true, updatedAt: true } });
    expect(after).toEqual({ state: "PUBLISHED", lastReviewedAt: NOW, reviewBy: at("2026-07-15T09:00:00Z"), updatedAt: before.updatedAt });
    const reviews = await db.entryReview.findMany({ where: { entryId: entry.id }, select: { basis: true, nextReviewBy: true, reviewerId: true, createdAt: true } });
    expect(reviews).toEqual([{ basis: "REUSE", nextReviewBy: at("2026-07-15T09:00:00Z"), reviewerId: km.id, createdAt: NOW }]);
    const notHelped = await db.feedback.findFirstOrThrow({ where: { entryId: entry.id, helpful: false }, select: { handledAt: true } });
    expect(notHelped.handledAt).toEqual(NOW);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: entry.id, action: "entry.review" }, select: { actorId: true, details: true } });
    expect(audit.actorId).toBe(km.id);
    expect(JSON.parse(audit.details)).toMatchObject({ basis: "REUSE", helpfulSince: 1, reusedSince: 0, intervalDays: 30, nextReviewBy: "2026-07-15T09:00:00.000Z", feedbackHandled: 1 });
    expect(await db.searchOutbox.count({ where: { documentId: entry.id } })).toBe(1);
  });

  it("by the calendar: marks only before the last review count for nothing; the community's interval applies when no tag has one", async () => {
    const { km, readers, department } = await people();
    const community = await makeCommunity({ departmentId: department.id });
    await db.community.update({ where: { id: community.id }, data: { reviewIntervalDays: 60 } });
    const plain = `topic-${uid()}`;
    await makeTag(plain, null);
    const entry = await makeEntry({ ownerId: km.id, communityId: community.id, tags: [plain], lastReviewedAt: LAST_REVIEW, reviewBy: at("2026-06-01T10:00:00Z") });
    await giveFeedback(entry.id, readers[0].id, true, at("2026-01-09T10:00:00Z")); // the day before the last review
    await makeNote({ authorId: readers[1].id, state: "MERGED", entryId: entry.id, createdAt: at("2025-12-01T10:00:00Z"), decidedAt: at("2025-12-02T10:00:00Z") });

    // 2026-06-15 09:00 + 60 days = 2026-08-14 09:00.
    expect(await confirmReview(km, entry.id, NOW)).toEqual({ changed: true, basis: "CALENDAR", nextReviewBy: at("2026-08-14T09:00:00Z") });
  });

  it("a merge since the last review is reuse; without tags or community intervals the next review is a year later", async () => {
    const { km, admin, readers } = await people();
    const entry = await makeEntry({ ownerId: km.id, lastReviewedAt: LAST_REVIEW, reviewBy: at("2026-06-01T10:00:00Z") });
    await makeNote({ authorId: readers[0].id, state: "MERGED", entryId: entry.id, createdAt: at("2026-02-01T10:00:00Z"), decidedAt: at("2026-02-03T11:00:00Z") });
    // An admin may confirm too. 2026-06-15 + 365 days = 2027-06-15.
    expect(await confirmReview(admin, entry.id, NOW)).toEqual({ changed: true, basis: "REUSE", nextReviewBy: at("2027-06-15T09:00:00Z") });
  });

  it("counts from publication when the entry was never reviewed, and puts a NEEDS_REVIEW entry back to PUBLISHED", async () => {
    const { km, readers } = await people();
    const entry = await makeEntry({ ownerId: km.id, state: "NEEDS_REVIEW", createdAt: at("2025-09-01T10:00:00Z"), lastReviewedAt: null, reviewBy: at("2026-03-01T10:00:00Z") });
    await giveFeedback(entry.id, readers[0].id, true, at("2025-10-01T10:00:00Z"));
    const outcome = await confirmReview(km, entry.id, NOW);
    expect(outcome.basis).toBe("REUSE");
    expect((await db.entry.findUniqueOrThrow({ where: { id: entry.id }, select: { state: true } })).state).toBe("PUBLISHED");
  });

  it("refuses an archived entry (409) and anyone but knowledge managers and admins (403); a second confirmation within a minute changes nothing", async () => {
    const { km, employee } = await people();
    const archived = await makeEntry({ ownerId: km.id, state: "ARCHIVED", reviewBy: at("2026-01-01T00:00:00Z") });
    await expect(confirmReview(km, archived.id, NOW)).rejects.toMatchObject({ status: 409, messageKey: "error.review.archived" });
    const entry = await makeEntry({ ownerId: employee.id, reviewBy: at("2026-06-01T00:00:00Z") });
    await expect(confirmReview(employee, entry.id, NOW)).rejects.toMatchObject({ status: 403 }); // the owner is no knowledge manager
    await expect(confirmReview(km, "cabcdefghij0123456789", NOW)).rejects.toMatchObject({ status: 404 });

    const first = await confirmReview(km, entry.id, NOW);
    const again = await confirmReview(km, entry.id, new Date(NOW.getTime() + 30_000));
    expect(again).toEqual({ ...first, changed: false });
    expect(await db.entryReview.count({ where: { entryId: entry.id } })).toBe(1);
  });

  it("confirms several at once, each on its own: an archived one is skipped, the others confirmed", async () => {
    const { km, employee, readers } = await people();
    const used = await makeEntry({ ownerId: km.id, lastReviewedAt: LAST_REVIEW, reviewBy: at("2026-06-01T00:00:00Z") });
    await giveFeedback(used.id, readers[0].id, true, at("2026-04-01T00:00:00Z"));
    const unused = await makeEntry({ ownerId: km.id, lastReviewedAt: LAST_REVIEW, reviewBy: at("2026-06-01T00:00:00Z") });
    const archived = await makeEntry({ ownerId: km.id, state: "ARCHIVED" });
    expect(await confirmReviews(km, [used.id, unused.id, archived.id, used.id], NOW)).toEqual({ confirmed: 2, skipped: 1 });
    const bases = await db.entryReview.findMany({ where: { entryId: { in: [used.id, unused.id] } }, select: { entryId: true, basis: true } });
    expect(new Map(bases.map((b) => [b.entryId, b.basis]))).toEqual(new Map([[used.id, "REUSE"], [unused.id, "CALENDAR"]]));
    await expect(confirmReviews(employee, [used.id], NOW)).rejects.toMatchObject({ status: 403 });
  });
});

describe("the knowledge sweep: past due and rarely used becomes NEEDS_REVIEW", () => {
  // A moment before every other test's review dates, so only these fixtures are due.
  const SWEEP_NOW = at("2025-03-01T06:00:00Z");
  const REVIEWED = at("2024-03-01T09:00:00Z");

  it("changes exactly the rarely used past-due entries, audits them without an actor, queues them, and is idempotent", async () => {
    const { km, readers } = await people();
    const entry = (title: string, reviewBy: string, state: "PUBLISHED" | "NEEDS_REVIEW" | "ARCHIVED" = "PUBLISHED") =>
      makeEntry({ ownerId: km.id, title: `${title} ${uid()}`, state, createdAt: at("2024-01-01T09:00:00Z"), lastReviewedAt: REVIEWED, reviewBy: at(reviewBy) });
    const unused = await entry("Niet gebruikt", "2025-02-28T09:00:00Z");
    const helped = await entry("Geholpen sinds herziening", "2025-02-01T09:00:00Z");
    const helpedBefore = await entry("Alleen vroeger geholpen", "2025-02-01T09:00:00Z");
    const merged = await entry("Samengevoegd sinds herziening", "2025-01-15T09:00:00Z");
    const notYet = await entry("Nog niet aan de beurt", "2025-03-01T06:00:01Z");
    const exactlyNow = await entry("Precies nu aan de beurt", "2025-03-01T06:00:00Z");
    const archived = await entry("Gearchiveerd", "2025-01-01T09:00:00Z", "ARCHIVED");
    const already = await entry("Al te herzien", "2025-01-01T09:00:00Z", "NEEDS_REVIEW");
    await giveFeedback(helped.id, readers[0].id, true, at("2024-11-11T11:00:00Z"));
    await giveFeedback(helpedBefore.id, readers[0].id, true, at("2024-02-01T11:00:00Z"));
    await giveFeedback(helpedBefore.id, readers[1].id, false, at("2024-12-01T11:00:00Z"), "Onvolledig."); // "did not help" is no use
    await makeNote({ authorId: readers[2].id, state: "MERGED", entryId: merged.id, createdAt: at("2024-06-01T09:00:00Z"), decidedAt: at("2024-06-02T09:00:00Z") });

    const expected = [unused.id, helpedBefore.id, exactlyNow.id].sort();
    expect(await markEntriesDueForReview(SWEEP_NOW)).toBe(3);

    const states = await db.entry.findMany({ where: { id: { in: [unused, helped, helpedBefore, merged, notYet, exactlyNow, archived, already].map((e) => e.id) } }, select: { id: true, state: true } });
    const byId = new Map(states.map((s) => [s.id, s.state]));
    expect([unused, helpedBefore, exactlyNow, already].map((e) => byId.get(e.id))).toEqual(["NEEDS_REVIEW", "NEEDS_REVIEW", "NEEDS_REVIEW", "NEEDS_REVIEW"]);
    expect([helped, merged, notYet].map((e) => byId.get(e.id))).toEqual(["PUBLISHED", "PUBLISHED", "PUBLISHED"]);
    expect(byId.get(archived.id)).toBe("ARCHIVED");
    const audits = await db.auditEvent.findMany({ where: { action: "entry.needsReview" }, select: { targetId: true, actorId: true, details: true } });
    expect(audits.map((a) => a.targetId).sort()).toEqual(expected);
    expect(audits.every((a) => a.actorId === null)).toBe(true);
    expect(JSON.parse(audits.find((a) => a.targetId === unused.id)!.details)).toEqual({ reason: "rarelyUsed", reviewBy: "2025-02-28T09:00:00.000Z", since: "2024-03-01T09:00:00.000Z" });
    expect(await db.searchOutbox.count({ where: { documentId: { in: expected } } })).toBe(3);

    // Idempotent: the second run (through the sweep itself) changes nothing and writes nothing.
    expect(await runKnowledgeSweep(SWEEP_NOW)).toMatchObject({ entriesDueForReview: 0 });
    expect(await db.auditEvent.count({ where: { action: "entry.needsReview" } })).toBe(3);

    // Confirming takes one out of review; the next sweep leaves it (its review date is ahead again).
    await confirmReview(km, unused.id, SWEEP_NOW);
    expect(await markEntriesDueForReview(SWEEP_NOW)).toBe(0);
  });
});

describe("review intervals per community", () => {
  it("are set and cleared by knowledge managers, audited; a no-op writes nothing; others get 403", async () => {
    const { km, employee, department } = await people();
    const community = await makeCommunity({ departmentId: department.id });
    expect(await setCommunityReviewInterval(km, community.id, 90)).toEqual({ changed: true });
    expect(await setCommunityReviewInterval(km, community.id, 90)).toEqual({ changed: false });
    expect(await setCommunityReviewInterval(km, community.id, null)).toEqual({ changed: true });
    expect((await db.community.findUniqueOrThrow({ where: { id: community.id } })).reviewIntervalDays).toBeNull();
    const audits = await db.auditEvent.findMany({ where: { targetId: community.id, action: "community.reviewInterval" }, orderBy: { createdAt: "asc" }, select: { details: true } });
    expect(audits.map((a) => JSON.parse(a.details))).toEqual([{ from: null, to: 90 }, { from: 90, to: null }]);
    await expect(setCommunityReviewInterval(employee, community.id, 30)).rejects.toMatchObject({ status: 403 });
    await expect(setCommunityReviewInterval(km, "cabcdefghij0123456789", 30)).rejects.toMatchObject({ status: 404 });
  });
});
