import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { apiEndpoint, methodNotAllowed, readQuery } from "~/api/handler.server";
import { listLiveEntriesForExport } from "~/models/entry.server";
import { canExchangeKnowledge } from "~/policies/policies";
import { exportJsonLines } from "~/schemas/entry-import";
import { forbidden } from "~/utils/http.server";

export const action = () => methodNotAllowed("GET");

/** GET /api/v1/entries/export: every live entry as JSON Lines, what `npm run kb:export` writes and the import reads. */
export const loader = (args: LoaderFunctionArgs) =>
  apiEndpoint("kb:read", async ({ request, actor }) => {
    if (!canExchangeKnowledge(actor)) forbidden();
    readQuery(request, z.strictObject({}));
    return new Response(exportJsonLines(await listLiveEntriesForExport()), {
      status: 200,
      headers: { "Content-Type": "application/x-ndjson", "Cache-Control": "no-store" },
    });
  })(args);
