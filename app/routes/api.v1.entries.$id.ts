import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { apiEndpoint, apiJson, methodNotAllowed, readQuery } from "~/api/handler.server";
import { getEntry } from "~/models/entry.server";
import { canViewEntry } from "~/policies/policies";
import { ApiEntrySchema, ApiIdParamSchema } from "~/schemas/api";
import { tryParseRichText } from "~/schemas/rich-text";
import { notFound } from "~/utils/http.server";

export const action = () => methodNotAllowed("GET");

/** GET /api/v1/entries/{id}: for whoever may see its community, as on the entry page (also archived). */
export const loader = (args: LoaderFunctionArgs) =>
  apiEndpoint("entries:read", async ({ request, actor, params }) => {
    readQuery(request, z.strictObject({}));
    const id = ApiIdParamSchema.safeParse({ id: params.id });
    if (!id.success) notFound();
    const entry = await getEntry(id.data.id);
    if (!entry || !canViewEntry(actor, entry)) notFound();
    return apiJson(ApiEntrySchema, {
      id: entry.id,
      title: entry.title,
      body: entry.bodyText,
      bodyLexical: (tryParseRichText(entry.bodyJson) ?? { root: { type: "root", children: [] } }) as Record<string, unknown>,
      tags: entry.tags.map((t) => t.tag.name),
      state: entry.state as "PUBLISHED",
      version: entry.version,
      community: entry.community ? { id: entry.community.id, name: entry.community.name } : null,
      reviewBy: entry.reviewBy?.toISOString() ?? null,
      updatedAt: entry.updatedAt.toISOString(),
      url: new URL(`/entries/${entry.id}`, request.url).href,
    });
  })(args);
