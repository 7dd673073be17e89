/**
 * The work-queue forms' intents, limits and choices, without zod: what a page's component needs in the browser
 * (decision 0076). The zod schemas that check the posted forms against them are in work-queue.ts.
 */
import type { QueueFilters } from "./work-queue";

/** What the knowledge manager's work queue holds: submitted notes and questions, open flags, due reviews, "did not help" answers. */
export const QUEUE_KINDS = ["note", "question", "flag", "review", "feedback"] as const;

export type QueueKind = (typeof QUEUE_KINDS)[number];

export const QUEUE_ASSIGNED = ["anyone", "me", "nobody"] as const;

export const QUEUE_SORTS = ["oldest", "newest"] as const;

/** Items per page; "more" continues after the last one shown. */
export const QUEUE_PAGE_SIZE = 50;

export const ID = /^[a-z0-9]{10,40}$/;

/**
 * Where the previous page stopped: the sort moment as stored, the kind's place in QUEUE_STREAMS and the
 * item's id (a total order, so no item is shown twice or skipped when moments are equal).
 */
export const CURSOR = /^[0-9][0-9T:.+\-Z ]{9,34}~[0-9]~[a-z0-9]{10,40}$/;

/** The queue's forms, told apart by `intent`. */
export const QUEUE_INTENT = {
  take: "take",
  giveBack: "give-back",
  confirmReview: "confirm-review",
  declineDuplicates: "decline-duplicates",
  confirmReviews: "confirm-reviews",
} as const;

/** What "take this" assigns: a note, a flag, or an entry's review (its "did not help" answers go with it). */
export const QUEUE_TARGETS = ["note", "flag", "entry"] as const;

export type QueueTarget = (typeof QUEUE_TARGETS)[number];

/** The address of the queue with these filters (defaults and the page cursor left out unless given). */
export function queueSearch(filters: Partial<QueueFilters>): string {
  const params = new URLSearchParams();
  const defaults: Record<string, string> = { kind: "all", assigned: "anyone", sort: "oldest" };
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === "" || defaults[key] === value) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
