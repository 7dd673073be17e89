import type { LoaderFunctionArgs } from "@remix-run/node";
import { listLiveEntriesForExport } from "~/models/entry.server";
import { canExchangeKnowledge } from "~/policies/policies";
import { exportJsonLines } from "~/schemas/entry-import";
import { isoDay } from "~/utils/dates";
import { authorize } from "~/utils/http.server";
import { requireActor } from "~/utils/request.server";

/** The live knowledge base as JSON Lines, what `npm run kb:export` writes, for the import page's download. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canExchangeKnowledge(actor));
  return new Response(exportJsonLines(await listLiveEntriesForExport()), {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="gilde-knowledge-base-${isoDay(new Date())}.jsonl"`,
      "Cache-Control": "private, no-store",
    },
  });
}
