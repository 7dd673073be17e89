/**
 * Products come and go, on a real SQLite database: retiring a product sends exactly its live entries
 * to review; the knowledge sweep archives them on the day it stops, not before, once; a retirement
 * not yet carried out can be cancelled. Dates are fixed by hand, so "the day" is known exactly.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { archiveRetiredProducts, cancelRetirement, retireProduct, setProductMark, setReviewInterval } from "~/commands/manage-product.server";
import { SWEEP_JOBS } from "~/commands/knowledge-sweep.server";
import { ensureEntriesIndex } from "../../search/index.server";
import { processOutbox } from "../../search/outbox.server";
import { searchEntries } from "../../search/search.server";
import { actorFor, makeUser, uid } from "../support/factories";

type TestActor = Awaited<ReturnType<typeof actorFor>>;

let km: TestActor;
let agent: TestActor;

beforeAll(async () => {
  await ensureEntriesIndex();
  km = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
  agent = await actorFor(await makeUser());
});

async function makeTag(isProduct = true) {
  return db.tag.create({ data: { name: uid("product-"), isProduct }, select: { id: true, name: true } });
}

async function makeEntry(tagIds: string[], state = "PUBLISHED") {
  return db.entry.create({
    data: {
      title: `Artikel ${uid()}`,
      bodyJson: "{}",
      bodyText: "tekst",
      ownerId: km.id,
      state,
      ...(state === "ARCHIVED" ? { archivedAt: new Date("2030-01-01T00:00:00Z"), archiveReason: "eerder" } : {}),
      tags: { create: tagIds.map((tagId) => ({ tagId })) },
    },
    select: { id: true },
  });
}

const stateOf = async (id: string) => (await db.entry.findUniqueOrThrow({ where: { id }, select: { state: true } })).state;
async function drain() {
  for (let i = 0; i < 50 && (await db.searchOutbox.count({ where: { processedAt: null } })) > 0; i++) await processOutbox();
}

async function searchIds(q: string) {
  const result = await searchEntries(agent, { q, limit: 50 });
  if (result.status !== "ok") throw new Error(`search ${result.status}`);
  return result.hits.map((h) => h.id);
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("retiring a product", () => {
  it("puts exactly the product's live entries in NEEDS_REVIEW at once, audited and queued for search", async () => {
    const product = await makeTag();
    const other = await makeTag();
    const published = await makeEntry([product.id]);
    const both = await makeEntry([product.id, other.id]);
    const alreadyDue = await makeEntry([product.id], "NEEDS_REVIEW");
    const archived = await makeEntry([product.id], "ARCHIVED");
    const elsewhere = await makeEntry([other.id]);
    const now = new Date("2030-02-01T09:30:00Z");

    const result = await retireProduct(km, product.id, { retiresOn: day("2030-03-01"), note: "Spaarrekening Plus stopt op 1 maart", archiveOnRetire: true }, now);

    expect(result).toEqual({ toReview: 2, archived: 0 });
    expect(await stateOf(published.id)).toBe("NEEDS_REVIEW");
    expect(await stateOf(both.id)).toBe("NEEDS_REVIEW");
    expect(await stateOf(alreadyDue.id)).toBe("NEEDS_REVIEW");
    expect(await stateOf(archived.id)).toBe("ARCHIVED");
    expect(await stateOf(elsewhere.id)).toBe("PUBLISHED");
    expect(await db.tag.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({
      retirementAnnouncedAt: now,
      retiresOn: day("2030-03-01"),
      retirementNote: "Spaarrekening Plus stopt op 1 maart",
      archiveOnRetire: true,
      retirementArchivedAt: null,
    });
    const reviewed = await db.auditEvent.findMany({ where: { action: "entry.needsReview", actorId: km.id, targetId: { in: [published.id, both.id, alreadyDue.id] } }, select: { targetId: true } });
    expect(reviewed.map((a) => a.targetId).sort()).toEqual([published.id, both.id].sort());
    expect(await db.auditEvent.count({ where: { action: "product.retire", targetId: product.id, actorId: km.id } })).toBe(1);
    expect(await db.searchOutbox.count({ where: { indexName: "entries", documentId: { in: [published.id, both.id] }, processedAt: null } })).toBe(2);
    // Carried out on its day, so the sweeps of the next tests (later dates) count only their own products.
    expect(await archiveRetiredProducts(day("2030-03-01"))).toBe(3);
  });

  it("archives the entries on the day it stops, not a second before, then never again", async () => {
    const product = await makeTag();
    const entry = await makeEntry([product.id]);
    const flagged = await makeEntry([product.id]);
    const flag = await db.flag.create({ data: { entryId: flagged.id, userId: agent.id, reason: "OUTDATED", comment: "" } });
    const untouched = await makeEntry([(await makeTag()).id]);
    await retireProduct(km, product.id, { retiresOn: day("2031-03-01"), note: "Stopt op 1 maart", archiveOnRetire: true }, new Date("2031-02-01T10:00:00Z"));
    const title = (await db.entry.findUniqueOrThrow({ where: { id: entry.id }, select: { title: true } })).title;
    await drain();
    expect(await searchIds(title)).toContain(entry.id);

    expect(await archiveRetiredProducts(new Date("2031-02-28T23:59:59.999Z"))).toBe(0);
    expect(await stateOf(entry.id)).toBe("NEEDS_REVIEW");

    const on = new Date("2031-03-01T00:00:00Z");
    // The sweep runs every registered job; this one is among them. Only it runs here: the others, run in
    // 2031, would act on every other test's data in the shared database (reviews due, old notifications).
    const job = SWEEP_JOBS.find((j) => j.name === "archiveRetiredProducts");
    expect(await job?.run(on)).toBe(2);
    for (const id of [entry.id, flagged.id]) {
      expect(await db.entry.findUniqueOrThrow({ where: { id }, select: { state: true, archivedAt: true, archiveReason: true } })).toEqual({ state: "ARCHIVED", archivedAt: on, archiveReason: "Stopt op 1 maart" });
    }
    expect(await stateOf(untouched.id)).toBe("PUBLISHED");
    expect(await db.flag.findUniqueOrThrow({ where: { id: flag.id } })).toMatchObject({ state: "ARCHIVED", resolution: "Stopt op 1 maart", resolvedAt: on });
    expect((await db.tag.findUniqueOrThrow({ where: { id: product.id } })).retirementArchivedAt).toEqual(on);
    const audits = await db.auditEvent.findMany({ where: { action: "entry.archive", targetId: { in: [entry.id, flagged.id] } }, select: { actorId: true, details: true } });
    expect(audits).toHaveLength(2);
    for (const audit of audits) {
      expect(audit.actorId).toBeNull();
      expect(JSON.parse(audit.details)).toMatchObject({ reason: "Stopt op 1 maart", product: product.name });
    }

    // Idempotent: later runs change nothing.
    expect(await archiveRetiredProducts(new Date("2031-03-02T08:00:00Z"))).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "entry.archive", targetId: { in: [entry.id, flagged.id] } } })).toBe(2);

    // The archived entries left search (the sweep queued them).
    await drain();
    expect(await searchIds(title)).not.toContain(entry.id);
  });

  it("leaves the entries alone on the day when the retirement does not archive them", async () => {
    const product = await makeTag();
    const entry = await makeEntry([product.id]);
    await retireProduct(km, product.id, { retiresOn: day("2032-01-10"), note: "Stopt", archiveOnRetire: false }, new Date("2032-01-01T10:00:00Z"));
    expect(await archiveRetiredProducts(new Date("2032-06-01T00:00:00Z"))).toBe(0);
    expect(await stateOf(entry.id)).toBe("NEEDS_REVIEW");
  });

  it("archives at once when the day it stops is today", async () => {
    const product = await makeTag();
    const entry = await makeEntry([product.id]);
    const now = new Date("2033-05-05T14:00:00Z");
    expect(await retireProduct(km, product.id, { retiresOn: day("2033-05-05"), note: "Vandaag gestopt", archiveOnRetire: true }, now)).toEqual({ toReview: 1, archived: 1 });
    expect(await db.entry.findUniqueOrThrow({ where: { id: entry.id }, select: { state: true, archivedAt: true } })).toEqual({ state: "ARCHIVED", archivedAt: now });
    expect(await db.auditEvent.count({ where: { action: "entry.archive", targetId: entry.id, actorId: km.id } })).toBe(1);
  });

  it("can be cancelled before it is carried out: the sweep then archives nothing, the entries stay in review", async () => {
    const product = await makeTag();
    const entry = await makeEntry([product.id]);
    await retireProduct(km, product.id, { retiresOn: day("2034-03-01"), note: "Stopt toch niet", archiveOnRetire: true }, new Date("2034-02-01T10:00:00Z"));
    await cancelRetirement(km, product.id);
    expect(await db.tag.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({ retirementAnnouncedAt: null, retiresOn: null, retirementNote: null, archiveOnRetire: false, isProduct: true });
    expect(await archiveRetiredProducts(new Date("2034-03-02T00:00:00Z"))).toBe(0);
    expect(await stateOf(entry.id)).toBe("NEEDS_REVIEW");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "product.retirementCancel", targetId: product.id }, select: { details: true } });
    expect(JSON.parse(audit.details)).toMatchObject({ before: { retiresOn: "2034-03-01", note: "Stopt toch niet", archiveOnRetire: true } });
    await expect(cancelRetirement(km, product.id)).rejects.toMatchObject({ kind: "conflict", messageKey: "error.product.notRetiring" });
  });

  it("refuses what does not fit: a tag that is no product, a second retirement, cancelling one carried out, unmarking one being retired, other roles", async () => {
    const plain = await makeTag(false);
    await expect(retireProduct(km, plain.id, { retiresOn: day("2035-01-01"), note: "x", archiveOnRetire: false })).rejects.toMatchObject({ kind: "invalid", messageKey: "error.product.notProduct" });
    const product = await makeTag();
    await retireProduct(km, product.id, { retiresOn: day("2035-03-01"), note: "Stopt", archiveOnRetire: true }, new Date("2035-01-01T00:00:00Z"));
    await expect(retireProduct(km, product.id, { retiresOn: day("2035-04-01"), note: "Nog eens", archiveOnRetire: true })).rejects.toMatchObject({ kind: "conflict", messageKey: "error.product.alreadyRetiring" });
    await expect(setProductMark(km, product.id, false)).rejects.toMatchObject({ kind: "conflict", messageKey: "error.product.retiring" });
    await archiveRetiredProducts(new Date("2035-03-01T00:00:00Z"));
    await expect(cancelRetirement(km, product.id)).rejects.toMatchObject({ kind: "conflict", messageKey: "error.product.notRetiring" });
    await expect(retireProduct(agent, product.id, { retiresOn: day("2035-04-01"), note: "x", archiveOnRetire: false })).rejects.toMatchObject({ kind: "forbidden" });
    await expect(setProductMark(agent, plain.id, true)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(setReviewInterval(agent, plain.id, 30)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(cancelRetirement(agent, product.id)).rejects.toMatchObject({ kind: "forbidden" });
  });

  it("marks a tag as a product and sets its review interval, audited", async () => {
    const tag = await makeTag(false);
    await setProductMark(km, tag.id, true);
    await setReviewInterval(km, tag.id, 90);
    expect(await db.tag.findUniqueOrThrow({ where: { id: tag.id }, select: { isProduct: true, reviewIntervalDays: true } })).toEqual({ isProduct: true, reviewIntervalDays: 90 });
    await setReviewInterval(km, tag.id, null);
    expect((await db.tag.findUniqueOrThrow({ where: { id: tag.id } })).reviewIntervalDays).toBeNull();
    const actions = await db.auditEvent.findMany({ where: { targetId: tag.id }, orderBy: { createdAt: "asc" }, select: { action: true, details: true } });
    expect(actions.map((a) => [a.action, JSON.parse(a.details)])).toEqual([
      ["tag.markProduct", { name: tag.name }],
      ["tag.reviewInterval", { name: tag.name, before: null, after: 90 }],
      ["tag.reviewInterval", { name: tag.name, before: 90, after: null }],
    ]);
  });
});
