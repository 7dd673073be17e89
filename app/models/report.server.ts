/** Reading reports, and the figures a report shows (live while a draft, frozen from submission on). */
import { db } from "~/utils/db.server";
import { activityFigures, contributionFigures, entryFigures, goalFigures, memberFigures, timeFigures } from "./report-figures.server";
import { addDays, isoDay, startOfDay } from "~/utils/dates";
import { period as makePeriod, type Period } from "./report-period";
import { budgetPeriods, lastEndedPeriod } from "./budget";
import { budgetSettings, type BudgetCommunity } from "./time.server";

export async function computeReportFigures(communityId: string, period: Period) {
  const [time, members, goals, activities, contributions, entries] = await Promise.all([
    timeFigures(communityId, period),
    memberFigures(communityId, period),
    goalFigures(communityId, period),
    activityFigures(communityId, period),
    contributionFigures(communityId, period),
    entryFigures(communityId, period),
  ]);
  return { period: { start: isoDay(period.start), end: isoDay(period.end), days: period.days }, time, members, goals, activities, contributions, entries };
}
export type ReportFigures = Awaited<ReturnType<typeof computeReportFigures>>;

const communitySelect = {
  id: true,
  slug: true,
  name: true,
  visibility: true,
  status: true,
  departmentId: true,
  department: { select: { name: true } },
  memberships: { where: { role: "LEAD" }, select: { userId: true } },
} as const;

export async function getReport(id: string) {
  const row = await db.report.findUnique({
    where: { id },
    select: {
      id: true,
      state: true,
      authorId: true,
      periodStart: true,
      periodEnd: true,
      narrativeJson: true,
      narrativeText: true,
      highlights: true,
      figures: true,
      submittedAt: true,
      headComment: true,
      acknowledgedAt: true,
      createdAt: true,
      updatedAt: true,
      author: { select: { name: true } },
      acknowledgedBy: { select: { name: true } },
      community: { select: communitySelect },
    },
  });
  if (!row) return null;
  const { memberships, ...community } = row.community;
  return { ...row, community: { ...community, leadIds: memberships.map((m) => m.userId) }, highlights: JSON.parse(row.highlights) as string[] };
}
export type ReportView = NonNullable<Awaited<ReturnType<typeof getReport>>>;

/** The figures of a report: frozen once submitted, computed now while it is a draft. */
export async function reportFigures(report: Pick<ReportView, "figures" | "periodStart" | "periodEnd" | "community">): Promise<ReportFigures> {
  if (report.figures) return JSON.parse(report.figures) as ReportFigures;
  return computeReportFigures(report.community.id, makePeriod(report.periodStart, report.periodEnd));
}

/** The reports of a community, newest period first (the route filters them through canViewReport). */
export async function listCommunityReports(communityId: string) {
  return db.report.findMany({
    where: { communityId },
    orderBy: [{ periodStart: "desc" }, { createdAt: "desc" }],
    select: { id: true, state: true, authorId: true, periodStart: true, periodEnd: true, submittedAt: true, acknowledgedAt: true, author: { select: { name: true } } },
  });
}

/**
 * The period a new report suggests: the last budget period that has ended (a period cut short by a
 * budget change counts as ended). A community without a whole period yet: its first day to yesterday.
 */
export async function suggestedReportPeriod(community: BudgetCommunity, today = new Date()): Promise<Period> {
  const day = startOfDay(today);
  const periods = budgetPeriods(await budgetSettings(community), day);
  const last = lastEndedPeriod(periods, day);
  if (last) return makePeriod(last.start, addDays(last.end, -1));
  const yesterday = addDays(day, -1);
  const first = periods[0]?.start ?? yesterday;
  return makePeriod(first < yesterday ? first : yesterday, yesterday);
}

/** What the downloads print about a report besides its figures, with dates as calendar days. */
export function reportMeta(report: ReportView) {
  const day = (d: Date | null) => (d ? isoDay(d) : null);
  return {
    communityName: report.community.name,
    departmentName: report.community.department.name,
    authorName: report.author.name,
    state: report.state,
    periodStart: isoDay(report.periodStart),
    periodEnd: isoDay(report.periodEnd),
    submittedAt: day(report.submittedAt),
    acknowledgedAt: day(report.acknowledgedAt),
    highlights: report.highlights,
    narrativeText: report.narrativeText,
    headComment: report.headComment,
  };
}
