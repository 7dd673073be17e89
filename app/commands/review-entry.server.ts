/**
 * Demand-driven review (KCS: reuse is review). A knowledge manager confirms that an entry is still true:
 * by reuse when colleagues used it since its last review, else by the calendar; the next review date
 * follows from its tags' or community's interval. The knowledge sweep sends past-due entries that nobody
 * used to NEEDS_REVIEW. Confirming, like any review, is not an edit: the entry's "updated" date stays.
 */
import { setImmediate as yieldToRequests } from "node:timers/promises";
import { demandSinceReview, pastReviewWithDemand } from "~/models/entry-review.server";
import { canManageKnowledge, canViewEntry, entryAbilities, isLive, type Actor } from "~/policies/policies";
import type { Tx } from "~/utils/db.server";
import { isRarelyUsed, nextReviewBy, reviewBaseline, reviewBasis, reviewIntervalDays } from "~/utils/review-schedule";
import { CommandError } from "./errors";
import type { SweepJob } from "./knowledge-sweep.server";
import { runCommand } from "./runner.server";

/** A second confirmation this soon after the last one (a double click, a second tab) changes nothing. */
const REPEAT_WINDOW_MS = 60_000;

/** At most this many entries change state in one transaction of the sweep, so other writers are not kept waiting. */
const SWEEP_BATCH = 100;

const reviewSelect = {
  id: true,
  state: true,
  ownerId: true,
  createdAt: true,
  updatedAt: true,
  lastReviewedAt: true,
  community: { select: { id: true, visibility: true, departmentId: true, reviewIntervalDays: true } },
  tags: { select: { tag: { select: { reviewIntervalDays: true } } } },
} as const;

async function demandOf(tx: Tx, entryId: string) {
  return (await demandSinceReview([entryId], tx)).get(entryId) ?? { helpfulSince: 0, reusedSince: 0 };
}

export type ReviewOutcome = { changed: boolean; basis: "REUSE" | "CALENDAR"; nextReviewBy: Date };

/**
 * The knowledge manager confirms the entry is still true: state PUBLISHED, reviewed now, next review
 * after the interval, an EntryReview row, its open "did not help" answers marked as handled, and
 * whoever had taken its review in the work queue is done with it.
 */
export async function confirmReview(actor: Actor, entryId: string, now = new Date()): Promise<ReviewOutcome> {
  return runCommand(actor, async ({ tx, audit, enqueue }) => {
    if (!canManageKnowledge(actor)) throw CommandError.forbidden();
    const entry = await tx.entry.findUnique({ where: { id: entryId }, select: reviewSelect });
    if (!entry || !canViewEntry(actor, entry)) throw CommandError.notFound();
    if (!isLive(entry) || !entryAbilities(actor, entry).review) throw CommandError.conflict("error.review.archived");
    const latest = await tx.entryReview.findFirst({ where: { entryId }, orderBy: { createdAt: "desc" }, select: { basis: true, createdAt: true, nextReviewBy: true } });
    if (latest && latest.basis !== "EDIT" && entry.state === "PUBLISHED" && Math.abs(now.getTime() - latest.createdAt.getTime()) < REPEAT_WINDOW_MS) {
      return { changed: false, basis: latest.basis === "REUSE" ? "REUSE" : "CALENDAR", nextReviewBy: latest.nextReviewBy };
    }
    const demand = await demandOf(tx, entryId);
    const basis = reviewBasis(demand);
    const intervalDays = reviewIntervalDays(
      entry.tags.map((t) => t.tag.reviewIntervalDays),
      entry.community?.reviewIntervalDays,
    );
    const next = nextReviewBy(now, intervalDays);
    await tx.entry.update({
      where: { id: entryId },
      data: { state: "PUBLISHED", lastReviewedAt: now, reviewBy: next, reviewAssigneeId: null, updatedAt: entry.updatedAt },
    });
    await tx.entryReview.create({ data: { entryId, reviewerId: actor.id, basis, nextReviewBy: next, createdAt: now } });
    const handled = await tx.feedback.updateMany({ where: { entryId, helpful: false, handledAt: null }, data: { handledAt: now } });
    await audit({
      action: "entry.review",
      targetType: "entry",
      targetId: entryId,
      details: { basis, ...demand, since: reviewBaseline(entry).toISOString(), intervalDays, nextReviewBy: next.toISOString(), previousState: entry.state, feedbackHandled: handled.count },
    });
    await enqueue("entries", entryId);
    return { changed: true, basis, nextReviewBy: next };
  });
}

/**
 * Several reviews confirmed at once from the work queue: each one on its own (its own transaction), so an
 * entry archived meanwhile by a colleague is skipped and the others are still confirmed.
 */
export async function confirmReviews(actor: Actor, entryIds: readonly string[], now = new Date()) {
  if (!canManageKnowledge(actor)) throw CommandError.forbidden();
  let confirmed = 0;
  let skipped = 0;
  for (const entryId of new Set(entryIds)) {
    try {
      if ((await confirmReview(actor, entryId, now)).changed) confirmed += 1;
      else skipped += 1;
    } catch (error) {
      if (!(error instanceof CommandError) || error.kind === "forbidden") throw error;
      skipped += 1;
    }
  }
  return { confirmed, skipped };
}

/**
 * The sweep's job: every published entry past its review date that was rarely used (isRarelyUsed: no
 * helpful mark and no merge since its last review) becomes NEEDS_REVIEW, audited without an actor and
 * queued for search. Each entry's demand is counted again inside the transaction, so a mark given
 * meanwhile keeps it published. Running it again changes nothing until another entry falls due.
 */
export async function markEntriesDueForReview(now: Date): Promise<number> {
  const rare = (await pastReviewWithDemand(now)).filter(isRarelyUsed).map((row) => row.id);
  let changed = 0;
  for (let i = 0; i < rare.length; i += SWEEP_BATCH) {
    // Requests go first between batches: many entries falling due at once must not hold the server up.
    if (i > 0) await yieldToRequests();
    changed += await runCommand(null, async ({ tx, audit, enqueue }) => {
      let count = 0;
      for (const entryId of rare.slice(i, i + SWEEP_BATCH)) {
        const entry = await tx.entry.findUnique({ where: { id: entryId }, select: { state: true, reviewBy: true, updatedAt: true, lastReviewedAt: true, createdAt: true } });
        if (!entry || entry.state !== "PUBLISHED" || !entry.reviewBy || entry.reviewBy > now) continue;
        const demand = await demandOf(tx, entryId);
        if (!isRarelyUsed(demand)) continue;
        await tx.entry.update({ where: { id: entryId }, data: { state: "NEEDS_REVIEW", updatedAt: entry.updatedAt } });
        await audit({
          action: "entry.needsReview",
          targetType: "entry",
          targetId: entryId,
          details: { reason: "rarelyUsed", reviewBy: entry.reviewBy.toISOString(), since: reviewBaseline(entry).toISOString() },
        });
        await enqueue("entries", entryId);
        count += 1;
      }
      return count;
    });
  }
  return changed;
}

export const entriesDueForReviewJob: SweepJob = { name: "entriesDueForReview", run: markEntriesDueForReview };

/** A community's review interval in days, or null for the default; knowledge managers and admins set it. */
export async function setCommunityReviewInterval(actor: Actor, communityId: string, days: number | null) {
  return runCommand(actor, async ({ tx, audit }) => {
    if (!canManageKnowledge(actor)) throw CommandError.forbidden();
    const community = await tx.community.findUnique({ where: { id: communityId }, select: { id: true, reviewIntervalDays: true } });
    if (!community) throw CommandError.notFound();
    if (community.reviewIntervalDays === days) return { changed: false };
    await tx.community.update({ where: { id: communityId }, data: { reviewIntervalDays: days } });
    await audit({ action: "community.reviewInterval", targetType: "community", targetId: communityId, details: { from: community.reviewIntervalDays, to: days } });
    return { changed: true };
  });
}
