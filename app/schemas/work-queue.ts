import { z } from "zod";
import { REVIEW_INTERVAL_LIMITS } from "~/utils/review-schedule";
import { FLAG_REASONS } from "./flag";
import { LIMITS } from "./note";

/** What the knowledge manager's work queue holds: submitted notes and questions, open flags, due reviews, "did not help" answers. */
export const QUEUE_KINDS = ["note", "question", "flag", "review", "feedback"] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];

export const QUEUE_ASSIGNED = ["anyone", "me", "nobody"] as const;
export const QUEUE_SORTS = ["oldest", "newest"] as const;

/** Items per page; "more" continues after the last one shown. */
export const QUEUE_PAGE_SIZE = 50;

const ID = /^[a-z0-9]{10,40}$/;
const id = z.string().regex(ID, "error.invalid");

/**
 * Where the previous page stopped: the sort moment as stored, the kind's place in QUEUE_STREAMS and the
 * item's id (a total order, so no item is shown twice or skipped when moments are equal).
 */
const CURSOR = /^[0-9][0-9T:.+\-Z ]{9,34}~[0-9]~[a-z0-9]{10,40}$/;

/**
 * The queue's filters as they arrive in the address bar: anything unknown falls back to "all", so an
 * edited or outdated link shows the whole queue instead of an error.
 */
export const QueueFiltersSchema = z.object({
  kind: z.enum(["all", ...QUEUE_KINDS]).catch("all").default("all"),
  community: z.union([id, z.literal("none")]).optional().catch(undefined),
  tag: z.string().trim().toLowerCase().max(LIMITS.tagMax).optional().catch(undefined).transform((v) => v || undefined),
  reason: z.enum(FLAG_REASONS).optional().catch(undefined),
  owner: id.optional().catch(undefined),
  assigned: z.enum(QUEUE_ASSIGNED).catch("anyone").default("anyone"),
  sort: z.enum(QUEUE_SORTS).catch("oldest").default("oldest"),
  after: z.string().regex(CURSOR).optional().catch(undefined),
});
export type QueueFilters = z.output<typeof QueueFiltersSchema>;

/** The filters of a request's address (empty values are "no filter"). */
export function readQueueFilters(params: URLSearchParams): QueueFilters {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(QueueFiltersSchema.shape)) {
    const value = params.get(key);
    if (value) raw[key] = value;
  }
  return QueueFiltersSchema.parse(raw);
}

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

/** Checked boxes: one id is a string, several are a list; at most a page's worth. */
const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => [...new Set((Array.isArray(value) ? value : value ? [value] : []).filter(Boolean))])
  .pipe(z.array(id).min(1, "error.queue.noneSelected").max(QUEUE_PAGE_SIZE));

export const QueueActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal(QUEUE_INTENT.take), target: z.enum(QUEUE_TARGETS), id }),
  z.object({ intent: z.literal(QUEUE_INTENT.giveBack), target: z.enum(QUEUE_TARGETS), id }),
  z.object({ intent: z.literal(QUEUE_INTENT.confirmReview), entryId: id }),
  z.object({ intent: z.literal(QUEUE_INTENT.declineDuplicates), noteIds: idList, reason: z.string().trim().min(1).max(LIMITS.reasonMax) }),
  z.object({ intent: z.literal(QUEUE_INTENT.confirmReviews), entryIds: idList }),
]);

/** A community's review interval: whole days within the limits, or empty for the default. */
export const ReviewIntervalSchema = z.object({
  communityId: id,
  days: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v === "" || (/^\d{1,4}$/.test(v) && Number(v) >= REVIEW_INTERVAL_LIMITS.min && Number(v) <= REVIEW_INTERVAL_LIMITS.max), "error.review.interval")
    .transform((v) => (v === "" ? null : Number(v))),
});

/** The entry page's "still correct" form: nothing to fill in. */
export const ConfirmReviewSchema = z.object({ intent: z.literal(QUEUE_INTENT.confirmReview) });
