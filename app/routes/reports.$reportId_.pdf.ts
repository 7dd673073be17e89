import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportMeta } from "~/models/report.server";
import { reportPdf } from "~/models/report-pdf.server";
import { readReportFigures, requireVisibleReport } from "~/models/report-access.server";
import { formatDate, translator } from "~/utils/i18n";
import { requireActor } from "~/utils/request.server";

/** The report as a PDF, in the reader's language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, actor } = await requireActor(request);
  const report = await requireVisibleReport(actor, params.reportId);
  const t = translator(user.locale);
  const meta = reportMeta(report);
  const title = `${report.community.name}: ${t("reports.reportTitle", { period: t("reports.periodText", { start: formatDate(user.locale, report.periodStart), end: formatDate(user.locale, report.periodEnd) }) })}`;
  const pdf = await reportPdf(meta, await readReportFigures(actor, report), t, title);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="gilde-report-${meta.periodStart}-${meta.periodEnd}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
