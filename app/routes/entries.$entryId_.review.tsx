import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { CommandError } from "~/commands/errors";
import { confirmReview } from "~/commands/review-entry.server";
import { getEntry } from "~/models/entry.server";
import { canManageKnowledge, entryAbilities } from "~/policies/policies";
import { parseSubmission } from "~/schemas/form";
import { ConfirmReviewSchema } from "~/schemas/work-queue";
import { redirectWithFlash } from "~/utils/flash.server";
import { authorize, notFound } from "~/utils/http.server";
import { formatDate } from "~/utils/i18n";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

/** The confirm form lives on the entry page (app/components/entry-review.tsx); this address only takes its post. */
export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/entries/${params.entryId ?? ""}`);
}

/** "Still correct": a knowledge manager confirms the entry's review from its page. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, user } = await requireActor(request);
  authorize(canManageKnowledge(actor));
  const entry = await getEntry(params.entryId ?? "");
  if (!entry || !entryAbilities(actor, entry).view) notFound();
  const submission = parseSubmission(ConfirmReviewSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    const outcome = await confirmReview(actor, entry.id);
    const key = outcome.basis === "REUSE" ? "review.confirmedByReuse" : "review.confirmedByCalendar";
    return redirectWithFlash(request, `/entries/${entry.id}`, { key, vars: { date: formatDate(user.locale, outcome.nextReviewBy) } });
  } catch (error) {
    // Archived by a colleague since the page was loaded: back to the page, which now says so.
    if (error instanceof CommandError && error.kind === "conflict") return redirectWithFlash(request, `/entries/${entry.id}`, { key: error.messageKey }, "error");
    return replyCommandError(submission, error);
  }
}
