import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { confirmReview, confirmReviews } from "~/commands/review-entry.server";
import { declineDuplicateNotes, giveBackQueueItem, takeQueueItem } from "~/commands/work-queue.server";
import { WorkQueue } from "~/components/work-queue";
import { listPopularTagNames } from "~/models/tag.server";
import { workQueue, workQueueFilterOptions } from "~/models/work-queue.server";
import { canManageKnowledge } from "~/policies/policies";
import { parseSubmission } from "~/schemas/form";
import { QueueActionSchema, readQueueFilters } from "~/schemas/work-queue";
import { QUEUE_INTENT } from "~/schemas/work-queue.shared";
import { daysBetween } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { authorize } from "~/utils/http.server";
import { formatDate } from "~/utils/i18n";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

/** Whole days an item has waited (null for a review date still ahead). */
const ageDays = (at: Date | string | null, now: Date) => {
  if (!at) return null;
  const days = daysBetween(new Date(at), now);
  return days >= 0 ? days : null;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canManageKnowledge(actor));
  const filters = readQueueFilters(new URL(request.url).searchParams);
  const now = new Date();
  const [queue, options, tags] = await Promise.all([workQueue(actor, filters, now), workQueueFilterOptions(), listPopularTagNames(100)]);
  return json({
    filters,
    total: queue.total,
    counts: Object.fromEntries(Object.entries(queue.counts).map(([kind, c]) => [kind, { count: c.count, oldestDays: ageDays(c.oldest, now) }])),
    items: queue.items.map((item) => ({ ...item, ageDays: ageDays(item.at, now) })),
    next: queue.next,
    options: { ...options, tags },
    me: actor.id,
  });
}

/** Back to the queue as it was: the same filters and page. */
function queueUrl(request: Request) {
  const params = new URL(request.url).searchParams;
  params.delete("index");
  const search = params.toString();
  return `/curation${search ? `?${search}` : ""}`;
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, user } = await requireActor(request);
  authorize(canManageKnowledge(actor));
  const submission = parseSubmission(QueueActionSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  const input = submission.value;
  const back = queueUrl(request);
  try {
    switch (input.intent) {
      case QUEUE_INTENT.take:
        await takeQueueItem(actor, input.target, input.id);
        return redirectWithFlash(request, back, { key: "queue.taken" });
      case QUEUE_INTENT.giveBack:
        await giveBackQueueItem(actor, input.target, input.id);
        return redirectWithFlash(request, back, { key: "queue.givenBack" });
      case QUEUE_INTENT.confirmReview: {
        const outcome = await confirmReview(actor, input.entryId);
        const key = outcome.basis === "REUSE" ? "review.confirmedByReuse" : "review.confirmedByCalendar";
        return redirectWithFlash(request, back, { key, vars: { date: formatDate(user.locale, outcome.nextReviewBy) } });
      }
      case QUEUE_INTENT.declineDuplicates: {
        const { declined, skipped } = await declineDuplicateNotes(actor, input.noteIds, input.reason);
        return redirectWithFlash(request, back, skipped ? { key: "queue.declinedSome", vars: { count: declined, skipped } } : { key: "queue.declined", vars: { count: declined } });
      }
      case QUEUE_INTENT.confirmReviews: {
        const { confirmed, skipped } = await confirmReviews(actor, input.entryIds);
        return redirectWithFlash(request, back, skipped ? { key: "queue.confirmedSome", vars: { count: confirmed, skipped } } : { key: "queue.confirmed", vars: { count: confirmed } });
      }
      default:
        return replyInvalid(submission);
    }
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function WorkQueuePage() {
  const data = useLoaderData<typeof loader>();
  return <WorkQueue {...data} />;
}
