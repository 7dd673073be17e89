import { getReport, type ReportView } from "~/models/report.server";
import { canSeeCommunityContent, canViewReport, type Actor } from "~/policies/policies";
import { notFound } from "~/utils/http.server";

/** The report if this actor may read it; otherwise it does not exist for them (404), also for its downloads. */
export async function requireVisibleReport(actor: Actor, id: string | undefined): Promise<ReportView> {
  const report = id ? await getReport(id) : null;
  if (!report || !canSeeCommunityContent(actor, report.community) || !canViewReport(actor, report.community, report)) notFound();
  return report;
}
