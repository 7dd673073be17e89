import type { ActionFunctionArgs } from "@remix-run/node";
import { apiEndpoint, apiJson, methodNotAllowed, readJson } from "~/api/handler.server";
import { submitNote } from "~/commands/submit-note.server";
import { canWriteNote } from "~/policies/policies";
import { ApiNoteCreatedSchema, ApiNoteInputSchema } from "~/schemas/api";
import { forbidden } from "~/utils/http.server";

export const loader = () => methodNotAllowed("POST");

/** POST /api/v1/notes: the same command as the note form, so the note lands in the work queue alike. */
export const action = (args: ActionFunctionArgs) => {
  if (args.request.method !== "POST") return methodNotAllowed("POST");
  return apiEndpoint("notes:write", async ({ request, actor }) => {
    if (!canWriteNote(actor)) forbidden();
    const input = await readJson(request, ApiNoteInputSchema);
    const note = await submitNote(actor, input);
    return apiJson(ApiNoteCreatedSchema, { id: note.id, state: "SUBMITTED", url: new URL(`/notes/${note.id}/edit`, request.url).href }, 201, { Location: `/api/v1/notes/${note.id}` });
  })(args);
};
