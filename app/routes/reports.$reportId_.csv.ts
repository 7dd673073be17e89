import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportMeta } from "~/models/report.server";
import { csvSeparatorFor, reportRows, toCsv } from "~/models/report-export";
import { readReportFigures, requireVisibleReport } from "~/models/report-access.server";
import { ReportCsvQuerySchema } from "~/schemas/report";
import { translator } from "~/utils/i18n";
import { requireActor } from "~/utils/request.server";

/** The report's figures as CSV, in the reader's language, with the separator their spreadsheet expects. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, actor } = await requireActor(request);
  const query = ReportCsvQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new Response("Bad Request", { status: 400 });
  const report = await requireVisibleReport(actor, params.reportId);
  const t = translator(user.locale);
  const meta = reportMeta(report);
  const header = [t("reports.col.section"), t("reports.col.item"), t("reports.col.measure"), t("reports.col.value")];
  const csv = toCsv(header, reportRows(meta, await readReportFigures(actor, report), t), csvSeparatorFor(user.locale, query.data.sep));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="gilde-report-${meta.periodStart}-${meta.periodEnd}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
