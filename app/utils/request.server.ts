import { json } from "@remix-run/node";
import { actorFromSession } from "~/models/actor.server";
import { requireUser } from "./session.server";
import type { FieldErrors } from "~/schemas/form";
import { CommandError } from "~/commands/errors";

/** Every loader and action starts here: who is asking, with what the policies need. */
export async function requireActor(request: Request) {
  const user = await requireUser(request);
  const actor = actorFromSession(user);
  return { user, actor };
}

export type FormFailure = { ok: false; errors: FieldErrors; values: Record<string, string> };

/** 400 with the field errors and the submitted values, so the form shows both. */
export function invalid(errors: FieldErrors, values: Record<string, string>, status = 400) {
  return json<FormFailure>({ ok: false, errors, values }, { status });
}

/** Turns a CommandError into the same answer as a validation error; anything else is rethrown. */
export function commandFailure(error: unknown, values: Record<string, string>) {
  if (error instanceof CommandError) {
    if (error.status === 403 || error.status === 404) throw json({ message: error.messageKey }, { status: error.status });
    return invalid({ [error.field]: { key: error.messageKey } }, values, error.status);
  }
  throw error;
}
