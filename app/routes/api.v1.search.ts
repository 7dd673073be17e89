import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiEndpoint, apiJson, methodNotAllowed, problem, readQuery } from "~/api/handler.server";
import { HIGHLIGHT_POST, HIGHLIGHT_PRE, searchEntries } from "~/models/search.server";
import { ApiSearchQuerySchema, ApiSearchResultSchema } from "~/schemas/api";

export const action = () => methodNotAllowed("GET");

/** The search page's highlight markers, which the API leaves out: its snippet is plain text. */
const unmark = (text: string) => text.split(HIGHLIGHT_PRE).join("").split(HIGHLIGHT_POST).join("");

/** GET /api/v1/search: the search page's entry search, filtered for the token's owner inside the query. */
export const loader = (args: LoaderFunctionArgs) =>
  apiEndpoint("search:read", async ({ request, actor }) => {
    const query = readQuery(request, ApiSearchQuerySchema);
    const result = await searchEntries(actor, { q: query.q, tags: query.tags, communities: query.community ? [query.community] : undefined, limit: query.limit });
    if (result.status !== "ok") return problem(503, "Search is temporarily unavailable.", { headers: { "Retry-After": "5" } });
    return apiJson(ApiSearchResultSchema, {
      total: result.total,
      hits: result.hits.map((hit) => ({
        id: hit.id,
        title: hit.title,
        snippet: unmark(hit.snippet),
        tags: hit.tags,
        url: new URL(`/entries/${hit.id}`, request.url).href,
      })),
    });
  })(args);
