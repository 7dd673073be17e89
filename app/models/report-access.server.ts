import { getReport, reportFigures, type ReportFigures, type ReportView } from "~/models/report.server";
import { canSeeCommunityContent, canViewMemberTime, canViewReport, type Actor } from "~/policies/policies";
import { notFound } from "~/utils/http.server";

/** The report if this actor may read it; otherwise it does not exist for them (404), also for its downloads. */
export async function requireVisibleReport(actor: Actor, id: string | undefined): Promise<ReportView> {
  const report = id ? await getReport(id) : null;
  if (!report || !canSeeCommunityContent(actor, report.community) || !canViewReport(actor, report.community, report)) notFound();
  return report;
}

/**
 * A report's figures as this reader may see them, for the page, the PDF and the CSV alike: time per
 * person only for who may see member time (canViewMemberTime); everyone else reads the totals.
 */
export async function readReportFigures(actor: Actor, report: ReportView): Promise<ReportFigures> {
  const figures = await reportFigures(report);
  if (canViewMemberTime(actor, report.community)) return figures;
  return { ...figures, time: { ...figures.time, members: [] } };
}
