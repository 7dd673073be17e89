/**
 * The knowledge manager's work queue on real SQLite: every kind in one list ordered by age (ties broken
 * the same way on every page), counts and the oldest per kind, each filter, keyset pages without gaps or
 * repeats, "take this" and "give back", and the bulk decline of duplicates. Each test works in a community
 * of its own and filters on it, so the other tests' rows stay out of its expectations.
 */
import { describe, expect, it } from "vitest";
import { declineDuplicateNotes, giveBackQueueItem, takeQueueItem } from "~/commands/work-queue.server";
import { workQueue, type WorkQueueItem } from "~/models/work-queue.server";
import { readQueueFilters, type QueueFilters } from "~/schemas/work-queue";
import { QUEUE_PAGE_SIZE } from "~/schemas/work-queue.shared";
import { db } from "~/utils/db.server";
import { actorFor, makeCommunity, makeDepartment, makeUser, uid } from "../support/factories";
import { at, giveFeedback, makeEntry, makeFlag, makeNote } from "../support/review-fixtures";

const NOW = at("2026-06-15T09:00:00Z");
const filters = (params: Record<string, string>): QueueFilters => readQueueFilters(new URLSearchParams(params));
const label = (item: WorkQueueItem) => {
  if (item.kind === "note" || item.kind === "question") return `${item.kind}:${item.note.title}`;
  if (item.kind === "flag") return `flag:${item.flag.entry.title}`;
  if (item.kind === "review") return `review:${item.review.entry.title}`;
  return `feedback:${item.feedback.entry.title}`;
};

async function world(visibility: "OPEN" | "CLOSED" = "OPEN") {
  const km = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
  const otherKm = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
  const employee = await actorFor(await makeUser());
  const readers = await Promise.all([makeUser(), makeUser(), makeUser()]);
  const department = await makeDepartment();
  // The knowledge managers are not members: they see a closed community's work all the same.
  const community = await makeCommunity({ departmentId: department.id, visibility, memberIds: [employee.id, ...readers.map((r) => r.id)] });
  return { km, otherKm, employee, readers, community };
}

/**
 * One item of each kind, at hand-picked moments:
 *   2026-05-01 08:00  review   "Due A" (published, review date passed; 2 helpful marks since its last review)
 *   2026-05-20 10:00  note     "Note B"                       (tag: t)
 *   2026-05-20 10:00  flag     on "Flagged C" (WRONG)          — same moment as Note B: notes rank before flags
 *   2026-06-01 12:00  feedback on "Unhelpful D" (two "did not help", the oldest at this moment)
 *   2026-06-10 07:30  question "Question E"
 *   2026-06-12 00:00  review   "Needs F" (NEEDS_REVIEW, its review date)
 * and what stays out: a decided note, a resolved flag, a review date still ahead, handled feedback, archived entries.
 */
async function oneOfEach(w: Awaited<ReturnType<typeof world>>) {
  const { km, readers, community, employee } = w;
  const c = community.id;
  const tag = `t-${uid()}`;
  const dueA = await makeEntry({ ownerId: km.id, communityId: c, title: "Due A", lastReviewedAt: at("2025-05-01T08:00:00Z"), reviewBy: at("2026-05-01T08:00:00Z") });
  await giveFeedback(dueA.id, readers[0].id, true, at("2025-09-01T08:00:00Z"));
  await giveFeedback(dueA.id, readers[1].id, true, at("2026-02-01T08:00:00Z"));
  await giveFeedback(dueA.id, readers[2].id, true, at("2025-04-01T08:00:00Z")); // before the last review: not counted
  const noteB = await makeNote({ authorId: employee.id, communityId: c, title: "Note B", createdAt: at("2026-05-20T10:00:00Z"), tags: [tag] });
  const flaggedC = await makeEntry({ ownerId: w.otherKm.id, communityId: c, title: "Flagged C", reviewBy: at("2027-01-01T00:00:00Z"), tags: [tag] });
  const flagC = await makeFlag({ entryId: flaggedC.id, userId: readers[0].id, reason: "WRONG", createdAt: at("2026-05-20T10:00:00Z") });
  const unhelpfulD = await makeEntry({ ownerId: km.id, communityId: c, title: "Unhelpful D", reviewBy: at("2027-01-01T00:00:00Z") });
  await giveFeedback(unhelpfulD.id, readers[0].id, false, at("2026-06-03T12:00:00Z"), "Mist de uitzonderingen.");
  await giveFeedback(unhelpfulD.id, readers[1].id, false, at("2026-06-01T12:00:00Z"));
  const questionE = await makeNote({ authorId: employee.id, communityId: c, kind: "QUESTION", title: "Question E", createdAt: at("2026-06-10T07:30:00Z") });
  const needsF = await makeEntry({ ownerId: km.id, communityId: c, title: "Needs F", state: "NEEDS_REVIEW", reviewBy: at("2026-06-12T00:00:00Z") });

  // Not in the queue.
  await makeNote({ authorId: employee.id, communityId: c, state: "DECLINED", title: "Decided", createdAt: at("2026-05-02T10:00:00Z") });
  await makeFlag({ entryId: flaggedC.id, userId: readers[1].id, state: "NO_CHANGE", createdAt: at("2026-05-03T10:00:00Z") });
  await makeEntry({ ownerId: km.id, communityId: c, title: "Ahead", reviewBy: at("2026-06-15T09:00:01Z") });
  const handled = await makeEntry({ ownerId: km.id, communityId: c, title: "Handled", reviewBy: at("2027-01-01T00:00:00Z") });
  await db.feedback.update({ where: { id: (await giveFeedback(handled.id, readers[0].id, false, at("2026-05-05T10:00:00Z"))).id }, data: { handledAt: at("2026-05-06T10:00:00Z") } });
  const archived = await makeEntry({ ownerId: km.id, communityId: c, title: "Archived", state: "ARCHIVED", reviewBy: at("2026-01-01T00:00:00Z") });
  await giveFeedback(archived.id, readers[0].id, false, at("2026-05-05T10:00:00Z"));
  await makeFlag({ entryId: archived.id, userId: readers[2].id, state: "ARCHIVED", createdAt: at("2026-05-05T10:00:00Z") });
  return { tag, dueA, noteB, flaggedC, flagC, unhelpfulD, questionE, needsF };
}

describe("the work queue", () => {
  it("lists every kind in one list, oldest first (newest first on request), with counts and the oldest per kind; a closed community's work included", async () => {
    const w = await world("CLOSED");
    await oneOfEach(w);
    const oldest = await workQueue(w.km, filters({ community: w.community.id }), NOW);
    expect(oldest.items.map(label)).toEqual(["review:Due A", "note:Note B", "flag:Flagged C", "feedback:Unhelpful D", "question:Question E", "review:Needs F"]);
    expect(oldest.next).toBeNull();
    expect(oldest.total).toBe(6);
    expect(oldest.counts).toEqual({
      note: { count: 1, oldest: at("2026-05-20T10:00:00Z") },
      question: { count: 1, oldest: at("2026-06-10T07:30:00Z") },
      flag: { count: 1, oldest: at("2026-05-20T10:00:00Z") },
      review: { count: 2, oldest: at("2026-05-01T08:00:00Z") },
      feedback: { count: 1, oldest: at("2026-06-01T12:00:00Z") },
    });
    const due = oldest.items[0];
    expect(due.kind === "review" && { helpfulSince: due.review.helpfulSince, reusedSince: due.review.reusedSince }).toEqual({ helpfulSince: 2, reusedSince: 0 });
    const feedback = oldest.items[3];
    expect(feedback.kind === "feedback" && { count: feedback.feedback.count, reasons: feedback.feedback.reasons.map((r) => r.reason) }).toEqual({ count: 2, reasons: ["Mist de uitzonderingen."] });

    const newest = await workQueue(w.km, filters({ community: w.community.id, sort: "newest" }), NOW);
    expect(newest.items.map(label)).toEqual([...oldest.items.map(label)].reverse());
  });

  it("filters by kind, tag, flag reason, entry owner and assignment", async () => {
    const w = await world();
    const x = await oneOfEach(w);
    const c = w.community.id;
    const labels = async (params: Record<string, string>) => (await workQueue(w.km, filters({ community: c, ...params }), NOW)).items.map(label);

    expect(await labels({ kind: "review" })).toEqual(["review:Due A", "review:Needs F"]);
    expect(await labels({ kind: "question" })).toEqual(["question:Question E"]);
    expect(await labels({ kind: "note" })).toEqual(["note:Note B"]);
    expect(await labels({ tag: x.tag })).toEqual(["note:Note B", "flag:Flagged C"]);
    expect(await labels({ tag: "no-such-tag" })).toEqual([]);
    // A flag reason is about flags only; an owner about entries only (notes have none).
    expect(await labels({ reason: "WRONG" })).toEqual(["flag:Flagged C"]);
    expect(await labels({ reason: "OUTDATED" })).toEqual([]);
    expect(await labels({ owner: w.otherKm.id })).toEqual(["flag:Flagged C"]);
    expect(await labels({ owner: w.km.id })).toEqual(["review:Due A", "feedback:Unhelpful D", "review:Needs F"]);

    await takeQueueItem(w.km, "note", x.noteB.id);
    await takeQueueItem(w.otherKm, "flag", x.flagC.id);
    await takeQueueItem(w.km, "entry", x.unhelpfulD.id);
    expect(await labels({ assigned: "me" })).toEqual(["note:Note B", "feedback:Unhelpful D"]);
    expect(await labels({ assigned: "nobody" })).toEqual(["review:Due A", "question:Question E", "review:Needs F"]);
    expect((await workQueue(w.otherKm, filters({ community: c, assigned: "me" }), NOW)).items.map(label)).toEqual(["flag:Flagged C"]);
    // The counts follow the filters, except the kind (they are the kind tabs).
    const counts = (await workQueue(w.km, filters({ community: c, kind: "flag", assigned: "me" }), NOW)).counts;
    expect(Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v.count]))).toEqual({ note: 1, question: 0, flag: 0, review: 0, feedback: 1 });
  });

  it("pages by keyset: every item once across pages, ties on the same moment kept in order, both directions", async () => {
    const w = await world();
    const c = w.community.id;
    const entry = await makeEntry({ ownerId: w.km.id, communityId: c, title: "Tied", reviewBy: at("2027-01-01T00:00:00Z") });
    // 60 notes, every three on the same moment, and flags on some of those moments: ties within and across kinds.
    for (let i = 0; i < 60; i++) await makeNote({ authorId: w.employee.id, communityId: c, title: `N${String(i).padStart(2, "0")}`, createdAt: new Date(at("2026-03-01T08:00:00Z").getTime() + Math.floor(i / 3) * 3_600_000) });
    for (let i = 0; i < 3; i++) await makeFlag({ entryId: entry.id, userId: w.readers[i].id, createdAt: new Date(at("2026-03-01T08:00:00Z").getTime() + i * 7 * 3_600_000) });
    for (const sort of ["oldest", "newest"]) {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page: Awaited<ReturnType<typeof workQueue>> = await workQueue(w.km, filters({ community: c, sort, ...(after ? { after } : {}) }), NOW);
        expect(page.items.length).toBeLessThanOrEqual(QUEUE_PAGE_SIZE);
        seen.push(...page.items.map((i) => `${i.kind}:${i.id}`));
        after = page.next;
        pages += 1;
      } while (after && pages < 5);
      expect(pages).toBe(2);
      expect(seen.length).toBe(63);
      expect(new Set(seen).size).toBe(63);
      const moments = (await workQueue(w.km, filters({ community: c, sort }), NOW)).items.map((i) => new Date(i.at).getTime());
      expect(moments).toEqual([...moments].sort((a, b) => (sort === "oldest" ? a - b : b - a)));
    }
  });

  it("take this and give back, for notes, flags and reviews: one holder at a time, audited, an entry's updated date kept", async () => {
    const w = await world();
    const x = await oneOfEach(w);
    const before = await db.entry.findUniqueOrThrow({ where: { id: x.dueA.id }, select: { updatedAt: true } });

    expect(await takeQueueItem(w.km, "entry", x.dueA.id)).toEqual({ changed: true });
    expect(await takeQueueItem(w.km, "entry", x.dueA.id)).toEqual({ changed: false });
    await expect(takeQueueItem(w.otherKm, "entry", x.dueA.id)).rejects.toMatchObject({ status: 409, messageKey: "error.queue.takenByOther" });
    await expect(giveBackQueueItem(w.otherKm, "entry", x.dueA.id)).rejects.toMatchObject({ status: 409 });
    const taken = await db.entry.findUniqueOrThrow({ where: { id: x.dueA.id }, select: { reviewAssigneeId: true, updatedAt: true } });
    expect(taken).toEqual({ reviewAssigneeId: w.km.id, updatedAt: before.updatedAt });
    expect(await giveBackQueueItem(w.km, "entry", x.dueA.id)).toEqual({ changed: true });
    expect(await giveBackQueueItem(w.km, "entry", x.dueA.id)).toEqual({ changed: false });
    expect((await db.entry.findUniqueOrThrow({ where: { id: x.dueA.id }, select: { reviewAssigneeId: true } })).reviewAssigneeId).toBeNull();

    await takeQueueItem(w.otherKm, "note", x.noteB.id);
    await takeQueueItem(w.km, "flag", x.flagC.id);
    expect((await db.note.findUniqueOrThrow({ where: { id: x.noteB.id } })).assigneeId).toBe(w.otherKm.id);
    expect((await db.flag.findUniqueOrThrow({ where: { id: x.flagC.id } })).assigneeId).toBe(w.km.id);
    const audits = await db.auditEvent.findMany({ where: { targetId: { in: [x.dueA.id, x.noteB.id, x.flagC.id] }, action: { startsWith: "queue." } }, orderBy: { createdAt: "asc" }, select: { action: true, targetType: true, actorId: true } });
    expect(audits).toEqual([
      { action: "queue.take", targetType: "entry", actorId: w.km.id },
      { action: "queue.giveBack", targetType: "entry", actorId: w.km.id },
      { action: "queue.take", targetType: "note", actorId: w.otherKm.id },
      { action: "queue.take", targetType: "flag", actorId: w.km.id },
    ]);

    // What left the queue cannot be taken; employees cannot take anything.
    await db.flag.update({ where: { id: x.flagC.id }, data: { state: "FIXED" } });
    await expect(giveBackQueueItem(w.km, "flag", x.flagC.id)).rejects.toMatchObject({ status: 409, messageKey: "error.queue.closed" });
    await expect(takeQueueItem(w.employee, "note", x.questionE.id)).rejects.toMatchObject({ status: 403 });
    await expect(takeQueueItem(w.km, "note", "cabcdefghij0123456789")).rejects.toMatchObject({ status: 404 });
  });

  it("declines several duplicates with one reason, each through the note's own decline; a note decided meanwhile is skipped", async () => {
    const w = await world();
    const c = w.community.id;
    const notes = await Promise.all([0, 1, 2].map((i) => makeNote({ authorId: w.readers[i].id, communityId: c, title: `Dubbel ${i}`, createdAt: at(`2026-06-0${i + 1}T10:00:00Z`) })));
    await db.note.update({ where: { id: notes[2].id }, data: { state: "WITHDRAWN" } });
    const reason = "Staat al in de kennisbank: ‘Spaarrekening openen voor een minderjarige’.";

    expect(await declineDuplicateNotes(w.km, notes.map((n) => n.id), reason)).toEqual({ declined: 2, skipped: 1 });
    const rows = await db.note.findMany({ where: { id: { in: notes.map((n) => n.id) } }, orderBy: { title: "asc" }, select: { state: true, decisionReason: true, reviewerId: true } });
    expect(rows).toEqual([
      { state: "DECLINED", decisionReason: reason, reviewerId: w.km.id },
      { state: "DECLINED", decisionReason: reason, reviewerId: w.km.id },
      { state: "WITHDRAWN", decisionReason: null, reviewerId: null },
    ]);
    expect(await db.auditEvent.count({ where: { action: "note.decline", targetId: { in: notes.map((n) => n.id) } } })).toBe(2);
    expect((await workQueue(w.km, filters({ community: c }), NOW)).items).toEqual([]);
    await expect(declineDuplicateNotes(w.employee, [notes[0].id], reason)).rejects.toMatchObject({ status: 403 });
  });
});

describe("the queue's address", () => {
  it("reads filters leniently: unknown values fall back to the whole queue", () => {
    expect(filters({ kind: "bogus", sort: "sideways", assigned: "everyone", reason: "NOPE", community: "x'; DROP", after: "nonsense", tag: " Spaarrekening " })).toEqual({
      kind: "all",
      sort: "oldest",
      assigned: "anyone",
      reason: undefined,
      community: undefined,
      owner: undefined,
      after: undefined,
      tag: "spaarrekening",
    });
  });
});
