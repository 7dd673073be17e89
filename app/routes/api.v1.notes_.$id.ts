import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiEndpoint, apiJson, methodNotAllowed, readQuery } from "~/api/handler.server";
import { getNote } from "~/models/note.server";
import { canReadNoteThroughApi } from "~/policies/policies";
import { ApiIdParamSchema, ApiNoteSchema } from "~/schemas/api";
import { notFound } from "~/utils/http.server";
import { z } from "zod";

export const action = () => methodNotAllowed("GET");

/** GET /api/v1/notes/{id}: one of the token owner's own notes, with what became of it. */
export const loader = (args: LoaderFunctionArgs) =>
  apiEndpoint("notes:read", async ({ request, actor, params }) => {
    readQuery(request, z.strictObject({}));
    const id = ApiIdParamSchema.safeParse({ id: params.id });
    if (!id.success) notFound();
    const note = await getNote(id.data.id);
    if (!note || !canReadNoteThroughApi(actor, note)) notFound();
    return apiJson(ApiNoteSchema, {
      id: note.id,
      kind: note.kind as "FIELD_NOTE",
      title: note.title,
      body: note.bodyText,
      tags: note.tags.map((t) => t.tag.name).sort(),
      state: note.state as "SUBMITTED",
      community: note.community ? { id: note.community.id, name: note.community.name } : null,
      createdAt: note.createdAt.toISOString(),
      decidedAt: note.decidedAt?.toISOString() ?? null,
      decisionReason: note.state === "DECLINED" ? note.decisionReason : null,
      entryId: note.entry?.id ?? null,
      url: new URL(`/notes/${note.id}/edit`, request.url).href,
    });
  })(args);
