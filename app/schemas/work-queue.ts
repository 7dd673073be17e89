import { z } from "zod";
import { REVIEW_INTERVAL_LIMITS } from "~/utils/review-schedule";
import { FLAG_REASONS } from "./flag.shared";
import { LIMITS } from "./note.shared";
import { QUEUE_KINDS, QUEUE_ASSIGNED, QUEUE_SORTS, QUEUE_PAGE_SIZE, ID, CURSOR, QUEUE_INTENT, QUEUE_TARGETS } from "./work-queue.shared";

const id = z.string().regex(ID, "error.invalid");

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
