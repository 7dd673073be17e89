import { json } from "@remix-run/node";
import { actorFromSession } from "~/models/actor.server";
import { requireUser } from "./session.server";
import type { SubmissionResult } from "@conform-to/react";
import type { FormErrors, FormSubmission } from "~/schemas/form";
import type { Message } from "~/utils/i18n";
import { CommandError } from "~/commands/errors";

/** Every loader and action starts here: who is asking, with what the policies need. */
export async function requireActor(request: Request) {
  const user = await requireUser(request);
  const actor = actorFromSession(user);
  return { user, actor };
}

/** What a form action answers when it refuses: conform's result, read by the form whose id was sent. */
export type FormReply = SubmissionResult<FormErrors>;

function secretFields(submission: FormSubmission<unknown>): string[] {
  return Object.keys(submission.payload).filter((name) => /password/i.test(name));
}

/** 400 with each field's error and what was typed (passwords never echoed). */
export function replyInvalid(submission: FormSubmission<unknown>, status = 400) {
  return json<FormReply>(submission.reply({ hideFields: secretFields(submission) }), { status });
}

/**
 * A refusal the schema could not see (a rich-text field read beside it, a failed sign-in): these
 * errors join the schema's own, on their fields or above the form for `form`.
 */
export function replyErrors(submission: FormSubmission<unknown>, errors: { form?: Message; fields?: Partial<Record<string, Message>> }, status = 400) {
  const fieldErrors: Record<string, FormErrors> = {};
  for (const [name, message] of Object.entries(errors.fields ?? {})) if (message) fieldErrors[name] = [message];
  const reply = submission.reply({ formErrors: errors.form ? [errors.form] : undefined, fieldErrors, hideFields: secretFields(submission) });
  return json<FormReply>(reply, { status });
}

/**
 * A command said no: 403 and 404 become the error page (nothing is told about what may not be
 * seen), any other CommandError is shown beside its field, or above the form for "_form".
 */
export function replyCommandError(submission: FormSubmission<unknown>, error: unknown) {
  if (!(error instanceof CommandError)) throw error;
  if (error.kind === "forbidden" || error.kind === "notFound") throw json({ message: error.messageKey }, { status: error.status });
  const message = { key: error.messageKey, vars: error.vars };
  return replyErrors(submission, error.field === "_form" ? { form: message } : { fields: { [error.field]: message } }, error.status);
}
