import type { ActionFunctionArgs } from "@remix-run/node";
import { confirmMandatoryRead } from "~/commands/manage-mandatory-read.server";
import { CommandError } from "~/commands/errors";
import { parseSubmission } from "~/schemas/form";
import { ConfirmMandatoryReadSchema } from "~/schemas/mandatory-read";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

/**
 * "Read and understood" from the entry page (a post without JavaScript too). Back to the entry either way:
 * a version that changed while the reader read is said there, above the newer version to read.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const entryId = params.entryId ?? "";
  const submission = parseSubmission(ConfirmMandatoryReadSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await confirmMandatoryRead(actor, entryId, submission.value.version);
    return redirectWithFlash(request, `/entries/${entryId}`, { key: "mandatory.flash.confirmed" });
  } catch (error) {
    if (error instanceof CommandError && error.kind === "conflict") return redirectWithFlash(request, `/entries/${entryId}`, { key: error.messageKey }, "error");
    return replyCommandError(submission, error);
  }
}
