import type { LoaderFunctionArgs } from "@remix-run/node";
import { getMandatoryReadReport } from "~/models/mandatory-read.server";
import { csvSeparatorFor, toCsv } from "~/models/report-export";
import { canManageMandatoryReads } from "~/policies/policies";
import { ReportCsvQuerySchema } from "~/schemas/report";
import { isoDay } from "~/utils/dates";
import { authorize, notFound } from "~/utils/http.server";
import { translator } from "~/utils/i18n";
import { requireActor } from "~/utils/request.server";
import { acknowledgementRows } from "~/models/mandatory-read-export";

/** The acknowledgement report as CSV, in the reader's language and separator, like the period reports. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, actor } = await requireActor(request);
  authorize(canManageMandatoryReads(actor));
  const query = ReportCsvQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new Response("Bad Request", { status: 400 });
  const read = await getMandatoryReadReport(params.readId ?? "");
  if (!read) notFound();
  const t = translator(user.locale);
  const { header, rows } = acknowledgementRows(read, t);
  return new Response(toCsv(header, rows, csvSeparatorFor(user.locale, query.data.sep)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="gilde-mandatory-read-${isoDay(new Date(read.createdAt))}-${read.id}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
