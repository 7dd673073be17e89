/**
 * The figures of a community's period report, computed with aggregate queries (counts, sums and
 * groupings in the database, never loops over rows). A report shows them live while it is a draft and
 * freezes them when the lead submits it. The period is whole calendar days, `start` to `end` inclusive.
 */
import { Prisma } from "@prisma/client";
import { db } from "~/utils/db.server";
import { weekSince } from "~/utils/sql-dialect.server";
import { addDays, isoDay } from "~/utils/dates";
import type { Period } from "./report-period";
import { budgetLines, budgetPeriods, budgetTotals, clipPeriods, memberBudget } from "./budget";
import { budgetSettings, membershipStints } from "./time.server";

const count = (value: unknown) => Number(value ?? 0);

/** Ids of the people who were members at some moment of the period (from the membership history). */
function membersSql(communityId: string, from: Date, until: Date) {
  return Prisma.sql`
    SELECT DISTINCT "userId" FROM "MembershipHistory"
    WHERE "communityId" = ${communityId} AND "joinedAt" < ${until} AND ("leftAt" IS NULL OR "leftAt" >= ${from})`;
}

export async function memberFigures(communityId: string, period: Period) {
  const from = period.start;
  const until = addDays(period.end, 1);
  const [row] = await db.$queryRaw<{ total: bigint; joined: bigint; left: bigint; active: bigint }[]>`
    WITH members AS (${membersSql(communityId, from, until)}),
    contributors AS (
      SELECT "userId" AS id FROM "TimeEntry" WHERE "communityId" = ${communityId} AND "date" >= ${from} AND "date" < ${until}
      UNION SELECT "authorId" FROM "Note" WHERE "communityId" = ${communityId} AND "createdAt" >= ${from} AND "createdAt" < ${until}
      UNION SELECT a."authorId" FROM "Answer" a JOIN "Note" q ON q."id" = a."questionId"
        WHERE q."communityId" = ${communityId} AND a."createdAt" >= ${from} AND a."createdAt" < ${until}
      UNION SELECT t."userId" FROM "Attendance" t JOIN "Activity" v ON v."id" = t."activityId"
        WHERE v."communityId" = ${communityId} AND v."startsAt" >= ${from} AND v."startsAt" < ${until}
    )
    SELECT
      (SELECT count(*) FROM members) AS total,
      (SELECT count(DISTINCT "userId") FROM "MembershipHistory" WHERE "communityId" = ${communityId} AND "joinedAt" >= ${from} AND "joinedAt" < ${until}) AS joined,
      (SELECT count(DISTINCT "userId") FROM "MembershipHistory" WHERE "communityId" = ${communityId} AND "leftAt" >= ${from} AND "leftAt" < ${until}) AS "left",
      (SELECT count(*) FROM members WHERE "userId" IN (SELECT id FROM contributors)) AS active`;
  return { total: count(row?.total), active: count(row?.active), joined: count(row?.joined), left: count(row?.left) };
}

export const GOAL_STATES = ["PROPOSED", "AGREED", "DONE", "DROPPED"] as const;

/**
 * The goals that mattered in the period: proposed before its end and not closed before its start,
 * each with its status and its last progress percentage recorded up to the end of the period.
 */
export async function goalFigures(communityId: string, period: Period) {
  const until = addDays(period.end, 1);
  const rows = await db.$queryRaw<{ id: string; title: string; target: string; status: string; dueDate: Date; progress: bigint | null }[]>`
    SELECT g."id", g."title", g."target", g."status", g."dueDate",
      (SELECT e."percentage" FROM "GoalEvent" e WHERE e."goalId" = g."id" AND e."kind" = 'progress' AND e."createdAt" < ${until}
        ORDER BY e."createdAt" DESC LIMIT 1) AS progress
    FROM "Goal" g
    WHERE g."communityId" = ${communityId} AND g."createdAt" < ${until}
      AND NOT EXISTS (SELECT 1 FROM "GoalEvent" c WHERE c."goalId" = g."id" AND c."kind" IN ('done', 'dropped') AND c."createdAt" < ${period.start})
    ORDER BY g."dueDate", g."createdAt"`;
  const byStatus = Object.fromEntries(GOAL_STATES.map((s) => [s, 0])) as Record<(typeof GOAL_STATES)[number], number>;
  for (const r of rows) if (r.status in byStatus) byStatus[r.status as keyof typeof byStatus]++;
  return {
    byStatus,
    items: rows.map((r) => ({ id: r.id, title: r.title, target: r.target, status: r.status, dueDate: isoDay(new Date(r.dueDate)), progress: r.progress === null ? null : count(r.progress) })),
  };
}

export const ACTIVITY_KINDS = ["MEETING", "INTERVISION", "LUNCH_AND_LEARN", "AFTER_ACTION_REVIEW"] as const;

/** Activities held in the period (not cancelled), with their attendance. */
export async function activityFigures(communityId: string, period: Period) {
  const until = addDays(period.end, 1);
  const rows = await db.$queryRaw<{ id: string; title: string; kind: string; startsAt: Date; durationMinutes: bigint; attendees: bigint }[]>`
    SELECT v."id", v."title", v."kind", v."startsAt", v."durationMinutes", count(t."userId") AS attendees
    FROM "Activity" v LEFT JOIN "Attendance" t ON t."activityId" = v."id"
    WHERE v."communityId" = ${communityId} AND v."cancelledAt" IS NULL AND v."startsAt" >= ${period.start} AND v."startsAt" < ${until}
    GROUP BY v."id" ORDER BY v."startsAt"`;
  const items = rows.map((r) => ({ id: r.id, title: r.title, kind: r.kind, startsAt: new Date(r.startsAt).toISOString(), durationMinutes: count(r.durationMinutes), attendees: count(r.attendees) }));
  return { held: items.length, attendances: items.reduce((s, a) => s + a.attendees, 0), items };
}

/**
 * What members contributed in the period: field notes and questions filed under the community,
 * answers to its questions; questions answered (a first answer in the period) and accepted.
 * `weeks` counts the three kinds per week of the period (week 0 starts on the first day), for the chart.
 */
export async function contributionFigures(communityId: string, period: Period) {
  const from = period.start;
  const until = addDays(period.end, 1);
  const [totals] = await db.$queryRaw<{ notes: bigint; questions: bigint; answers: bigint; answered: bigint; accepted: bigint; contributors: bigint }[]>`
    SELECT
      (SELECT count(*) FROM "Note" WHERE "communityId" = ${communityId} AND "kind" = 'FIELD_NOTE' AND "createdAt" >= ${from} AND "createdAt" < ${until}) AS notes,
      (SELECT count(*) FROM "Note" WHERE "communityId" = ${communityId} AND "kind" = 'QUESTION' AND "createdAt" >= ${from} AND "createdAt" < ${until}) AS questions,
      (SELECT count(*) FROM "Answer" a JOIN "Note" q ON q."id" = a."questionId" WHERE q."communityId" = ${communityId} AND a."createdAt" >= ${from} AND a."createdAt" < ${until}) AS answers,
      (SELECT count(*) FROM (SELECT a."questionId", min(a."createdAt") AS first FROM "Answer" a JOIN "Note" q ON q."id" = a."questionId"
        WHERE q."communityId" = ${communityId} GROUP BY a."questionId") firsts WHERE first >= ${from} AND first < ${until}) AS answered,
      (SELECT count(*) FROM "Note" WHERE "communityId" = ${communityId} AND "kind" = 'QUESTION' AND "acceptedAt" >= ${from} AND "acceptedAt" < ${until}) AS accepted,
      (SELECT count(*) FROM (
        SELECT "authorId" FROM "Note" WHERE "communityId" = ${communityId} AND "createdAt" >= ${from} AND "createdAt" < ${until}
        UNION SELECT a."authorId" FROM "Answer" a JOIN "Note" q ON q."id" = a."questionId" WHERE q."communityId" = ${communityId} AND a."createdAt" >= ${from} AND a."createdAt" < ${until}
      ) people) AS contributors`;
  const weekRows = await db.$queryRaw<{ week: bigint; kind: string; n: bigint }[]>`
    SELECT ${weekSince(Prisma.sql`x."createdAt"`, isoDay(from))} AS week, x.kind, count(*) AS n
    FROM (
      SELECT "createdAt", CASE "kind" WHEN 'QUESTION' THEN 'questions' ELSE 'notes' END AS kind FROM "Note"
        WHERE "communityId" = ${communityId} AND "createdAt" >= ${from} AND "createdAt" < ${until}
      UNION ALL SELECT a."createdAt", 'answers' FROM "Answer" a JOIN "Note" q ON q."id" = a."questionId"
        WHERE q."communityId" = ${communityId} AND a."createdAt" >= ${from} AND a."createdAt" < ${until}
    ) x GROUP BY week, x.kind`;
  const weekCount = Math.ceil(period.days / 7);
  const weeks = Array.from({ length: weekCount }, (_, i) => ({ start: isoDay(addDays(from, i * 7)), notes: 0, questions: 0, answers: 0 }));
  for (const r of weekRows) {
    const week = weeks[count(r.week)];
    if (week) week[r.kind as "notes" | "questions" | "answers"] += count(r.n);
  }
  return {
    notes: count(totals?.notes),
    questions: count(totals?.questions),
    answers: count(totals?.answers),
    questionsAnswered: count(totals?.answered),
    questionsAccepted: count(totals?.accepted),
    contributors: count(totals?.contributors),
    weeks,
  };
}

/**
 * Entries of the community: published in the period (first version in the period) and how often its
 * entries helped someone in the period ("this helped me"), with the five that helped most.
 * The votes are read per entry of the community (Feedback(entryId, helpful, createdAt)): `CROSS JOIN`
 * makes SQLite start from the community's entries instead of every helpful vote of the bank, which it
 * chose otherwise (a quarter: ~130 → ~15 ms). PostgreSQL's planner orders the two tables as it sees fit.
 */
export async function entryFigures(communityId: string, period: Period) {
  const from = period.start;
  const until = addDays(period.end, 1);
  const [row] = await db.$queryRaw<{ published: bigint; helped: bigint }[]>`
    SELECT
      (SELECT count(*) FROM "Entry" WHERE "communityId" = ${communityId} AND "createdAt" >= ${from} AND "createdAt" < ${until}) AS published,
      (SELECT count(*) FROM "Entry" e CROSS JOIN "Feedback" f
        WHERE e."communityId" = ${communityId} AND f."entryId" = e."id" AND f."helpful" = TRUE AND f."createdAt" >= ${from} AND f."createdAt" < ${until}) AS helped`;
  const top = await db.$queryRaw<{ id: string; title: string; helped: bigint }[]>`
    SELECT e."id", e."title", count(*) AS helped FROM "Entry" e CROSS JOIN "Feedback" f
    WHERE e."communityId" = ${communityId} AND f."entryId" = e."id" AND f."helpful" = TRUE AND f."createdAt" >= ${from} AND f."createdAt" < ${until}
    GROUP BY e."id" ORDER BY helped DESC, e."title" LIMIT 5`;
  return { published: count(row?.published), helped: count(row?.helped), mostHelpful: top.map((t) => ({ id: t.id, title: t.title, helped: count(t.helped) })) };
}

/**
 * Time against budget in the period: per member and in total, and per budget period (cut to the
 * report's period, budgets prorated). A member's budget counts the days they were a member; a budget
 * changed mid-period counts each part with its own budget.
 */
export async function timeFigures(communityId: string, period: Period) {
  const community = await db.community.findUniqueOrThrow({ where: { id: communityId }, select: { id: true, budgetMinutes: true, budgetPeriodDays: true, createdAt: true } });
  const until = addDays(period.end, 1);
  const [settings, stints, perMember, perDay] = await Promise.all([
    budgetSettings(community),
    membershipStints(communityId),
    db.timeEntry.groupBy({ by: ["userId"], where: { communityId, date: { gte: period.start, lt: until } }, _sum: { minutes: true } }),
    db.timeEntry.groupBy({ by: ["date"], where: { communityId, date: { gte: period.start, lt: until } }, _sum: { minutes: true } }),
  ]);
  const parts = clipPeriods(budgetPeriods(settings, period.end), period.start, until);
  const used = new Map(perMember.map((r) => [r.userId, r._sum.minutes ?? 0]));
  // Per member over the whole report period: the sum of their (prorated) budgets over the parts.
  const ids = new Set<string>([...used.keys()]);
  const lineParts = parts.map((part) => budgetLines(part, stints, new Map()));
  for (const lines of lineParts) for (const l of lines) ids.add(l.userId);
  const names = new Map((await db.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const members = [...ids]
    .map((userId) => {
      const budget = parts.reduce((sum, part) => sum + memberBudget(part, stints.get(userId) ?? []), 0);
      const minutes = used.get(userId) ?? 0;
      return { userId, name: names.get(userId) ?? "?", budget, used: minutes, over: minutes > budget };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "nl"));
  const totals = budgetTotals(members.map((m) => ({ budget: m.budget, used: m.used, memberDays: m.budget > 0 || m.used > 0 ? 1 : 0 })));
  const periods = parts.map((part) => {
    const budget = [...stints.values()].reduce((sum, s) => sum + memberBudget(part, s), 0);
    const minutes = perDay.filter((d) => d.date >= part.start && d.date < part.end).reduce((sum, d) => sum + (d._sum.minutes ?? 0), 0);
    return { start: isoDay(part.start), end: isoDay(addDays(part.end, -1)), budget, used: minutes };
  });
  return { budget: totals.budget, used: totals.used, over: totals.over, members, periods };
}
