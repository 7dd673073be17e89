/**
 * The department head's dashboard: every active community of the department at a glance, from a
 * handful of grouped queries over all of them at once (never a query per community per figure).
 */
import { Prisma } from "@prisma/client";
import { db } from "~/utils/db.server";
import { weekSince } from "~/utils/sql-dialect.server";
import { addDays, isoDay, parseDay } from "~/utils/dates";
import { TREND_WEEKS } from "./department-dashboard";
import { currentBudgetStatuses } from "./time.server";

const count = (value: unknown) => Number(value ?? 0);

export async function departmentDashboard(departmentId: string, today = new Date()) {
  const department = await db.department.findUnique({ where: { id: departmentId }, select: { id: true, name: true } });
  if (!department) return null;
  const communities = await db.community.findMany({
    where: { departmentId, status: "ACTIVE" },
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, visibility: true, budgetMinutes: true, budgetPeriodDays: true, createdAt: true, _count: { select: { memberships: true } } },
  });
  const ids = communities.map((c) => c.id);
  if (ids.length === 0) return { department, communities: [], waiting: [], trendStart: isoDay(trendStart(today)) };
  const inIds = Prisma.join(ids);
  const start = trendStart(today);
  const until = addDays(parseDay(isoDay(today))!, 1);

  const [goalRows, lastReports, waiting, trendRows, minuteRows] = await Promise.all([
    db.$queryRaw<{ communityId: string; status: string; n: bigint }[]>`
      SELECT "communityId", "status", count(*) AS n FROM "Goal" WHERE "communityId" IN (${inIds}) GROUP BY "communityId", "status"`,
    db.$queryRaw<{ id: string; communityId: string; state: string; periodStart: Date; periodEnd: Date }[]>`
      SELECT r."id", r."communityId", r."state", r."periodStart", r."periodEnd" FROM "Report" r
      WHERE r."communityId" IN (${inIds}) AND r."state" <> 'DRAFT'
        AND r."periodEnd" = (SELECT max(x."periodEnd") FROM "Report" x WHERE x."communityId" = r."communityId" AND x."state" <> 'DRAFT')`,
    db.report.findMany({
      where: { communityId: { in: ids }, state: "SUBMITTED" },
      orderBy: { submittedAt: "asc" },
      select: { id: true, periodStart: true, periodEnd: true, submittedAt: true, community: { select: { name: true } }, author: { select: { name: true } } },
    }),
    db.$queryRaw<{ communityId: string; week: bigint; n: bigint }[]>`
      SELECT x."communityId", ${weekSince(Prisma.sql`x."createdAt"`, isoDay(start))} AS week, count(*) AS n
      FROM (
        SELECT "communityId", "createdAt" FROM "Note" WHERE "communityId" IN (${inIds}) AND "createdAt" >= ${start} AND "createdAt" < ${until}
        UNION ALL SELECT q."communityId", a."createdAt" FROM "Answer" a JOIN "Note" q ON q."id" = a."questionId"
          WHERE q."communityId" IN (${inIds}) AND a."createdAt" >= ${start} AND a."createdAt" < ${until}
      ) x GROUP BY x."communityId", week`,
    db.$queryRaw<{ communityId: string; week: bigint; minutes: bigint }[]>`
      SELECT "communityId", ${weekSince(Prisma.sql`"date"`, isoDay(start))} AS week, sum("minutes") AS minutes
      FROM "TimeEntry" WHERE "communityId" IN (${inIds}) AND "date" >= ${start} AND "date" < ${until}
      GROUP BY "communityId", week`,
  ]);

  const weeks = () => Array.from({ length: TREND_WEEKS }, () => ({ contributions: 0, minutes: 0 }));
  const byCommunity = new Map(
    communities.map((c) => [
      c.id,
      {
        goals: { PROPOSED: 0, AGREED: 0, DONE: 0, DROPPED: 0 } as Record<string, number>,
        lastReport: null as null | { id: string; state: string; periodStart: string; periodEnd: string },
        trend: weeks(),
      },
    ]),
  );
  for (const r of goalRows) {
    const entry = byCommunity.get(r.communityId);
    if (entry && r.status in entry.goals) entry.goals[r.status] = count(r.n);
  }
  for (const r of lastReports) {
    const entry = byCommunity.get(r.communityId);
    if (entry) entry.lastReport = { id: r.id, state: r.state, periodStart: isoDay(new Date(r.periodStart)), periodEnd: isoDay(new Date(r.periodEnd)) };
  }
  for (const r of trendRows) {
    const week = byCommunity.get(r.communityId)?.trend[count(r.week)];
    if (week) week.contributions = count(r.n);
  }
  for (const r of minuteRows) {
    const week = byCommunity.get(r.communityId)?.trend[count(r.week)];
    if (week) week.minutes = count(r.minutes);
  }
  // This period's time against budget, per community (periods differ per community: 0012), read for all at once.
  const budgets = await currentBudgetStatuses(communities, today);
  return {
    department,
    trendStart: isoDay(start),
    communities: communities.map((c) => ({
      id: c.id,
      slug: c.slug,
      name: c.name,
      visibility: c.visibility,
      budgetMinutes: c.budgetMinutes,
      budgetPeriodDays: c.budgetPeriodDays,
      members: c._count.memberships,
      budget: budgets.get(c.id)?.totals ?? null,
      ...byCommunity.get(c.id)!,
    })),
    waiting: waiting.map((w) => ({ id: w.id, community: w.community.name, author: w.author.name, periodStart: isoDay(w.periodStart), periodEnd: isoDay(w.periodEnd), submittedAt: w.submittedAt })),
  };
}

/** The first day of the trend: TREND_WEEKS weeks of seven days that end with today. */
function trendStart(today: Date): Date {
  return addDays(parseDay(isoDay(today))!, -(TREND_WEEKS * 7 - 1));
}
