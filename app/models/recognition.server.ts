/**
 * Recognition (issue 17): thank-yous, and what a contributor page shows about a person. Reuse is counted
 * as the rest of Gilde counts it (KCS: reuse is review): a colleague's "this helped me" on an entry, and a
 * colleague's note merged into it.
 */
import { Prisma } from "@prisma/client";
import { db, quickSelect } from "~/utils/db.server";
import { canSeeCommunityContent, canViewEntry, type Actor } from "~/policies/policies";
import { communityRef } from "./selects";

/** The thank-you this giver already sent for this entry to this person, or for this answer. */
export async function findThanksGiven(giverId: string, subject: { entryId: string; recipientId: string } | { answerId: string }) {
  const where = "entryId" in subject ? { giverId, recipientId: subject.recipientId, entryId: subject.entryId } : { giverId, answerId: subject.answerId };
  return db.thanks.findFirst({ where, select: { message: true, createdAt: true } });
}

/** Whom this giver already thanked for this entry (the entry page says so instead of offering it again). */
export async function listThankedOnEntry(giverId: string, entryId: string): Promise<string[]> {
  // Every entry page asks: past Prisma's engine (docs/decisions/0077).
  const rows = await quickSelect<{ recipientId: string }[]>`SELECT "recipientId" FROM "Thanks" WHERE "giverId" = ${giverId} AND "entryId" = ${entryId}`;
  return rows.map((row) => row.recipientId);
}

/** Which of these answers this giver already thanked for. */
export async function listThankedAnswers(giverId: string, answerIds: readonly string[]): Promise<string[]> {
  if (answerIds.length === 0) return [];
  const rows = await db.thanks.findMany({ where: { giverId, answerId: { in: [...answerIds] } }, select: { answerId: true } });
  return rows.flatMap((row) => (row.answerId ? [row.answerId] : []));
}

/** An answer with its question and community, as the thank-you page and its policy need them. */
export async function getAnswerForThanks(answerId: string) {
  const row = await db.answer.findUnique({
    where: { id: answerId },
    select: {
      id: true,
      authorId: true,
      author: { select: { name: true } },
      question: {
        select: {
          id: true,
          kind: true,
          title: true,
          authorId: true,
          anonymous: true,
          community: { select: { id: true, slug: true, visibility: true, departmentId: true } },
        },
      },
    },
  });
  if (!row || row.question.kind !== "QUESTION" || !row.question.community) return null;
  return { ...row, question: { ...row.question, community: row.question.community } };
}

/** The person a contributor page is about: who they are and the communities they belong to. */
export async function getContributor(userId: string) {
  const row = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      departmentId: true,
      disabledAt: true,
      department: { select: { name: true } },
      memberships: {
        orderBy: { community: { name: "asc" } },
        select: {
          role: true,
          community: {
            select: { id: true, slug: true, name: true, visibility: true, departmentId: true, status: true, memberships: { where: { role: "LEAD" }, select: { userId: true } } },
          },
        },
      },
    },
  });
  if (!row) return null;
  const communities = row.memberships.map((m) => ({ ...m.community, lead: m.role === "LEAD", leadIds: m.community.memberships.map((l) => l.userId) }));
  return {
    id: row.id,
    name: row.name,
    departmentId: row.departmentId,
    departmentName: row.department?.name ?? null,
    disabled: row.disabledAt !== null,
    communities,
    communityLeadIds: [...new Set(communities.flatMap((c) => c.leadIds))],
  };
}

/**
 * The entries a person created: published from their own note (not a question asked as "a member") or
 * from a question whose accepted answer is theirs.
 */
const createdEntries = (userId: string) => Prisma.sql`
  SELECT DISTINCT n."entryId" AS "id" FROM "Note" n
  WHERE n."state" = 'PUBLISHED' AND n."entryId" IS NOT NULL
    AND ((n."authorId" = ${userId} AND n."anonymous" = FALSE) OR n."acceptedAnswerId" IN (SELECT a."id" FROM "Answer" a WHERE a."authorId" = ${userId}))`;

export type ContributorFigures = {
  entriesCreated: number;
  /** Colleagues' "this helped me" on those entries. */
  helpful: number;
  /** Colleagues' notes merged into those entries. */
  merged: number;
  /** Distinct colleagues who thanked the person or said one of their entries helped them. */
  colleaguesHelped: number;
  answersAccepted: number;
  thanksReceived: number;
};

type FigureRow = { entries: unknown; helpful: unknown; merged: unknown; colleagues: unknown; accepted: unknown; thanks: unknown };

/** The figures of a contributor page, in one query. */
export async function contributorFigures(userId: string): Promise<ContributorFigures> {
  const rows = await db.$queryRaw<FigureRow[]>`
    WITH created AS (${createdEntries(userId)}),
    helpers AS (
      SELECT f."userId" AS "id" FROM "Feedback" f WHERE f."helpful" = TRUE AND f."userId" <> ${userId} AND f."entryId" IN (SELECT "id" FROM created)
    )
    SELECT
      (SELECT COUNT(*) FROM created) AS entries,
      (SELECT COUNT(*) FROM helpers) AS helpful,
      (SELECT COUNT(*) FROM "Note" m WHERE m."state" = 'MERGED' AND m."authorId" <> ${userId} AND m."entryId" IN (SELECT "id" FROM created)) AS merged,
      (SELECT COUNT(*) FROM (SELECT "id" FROM helpers UNION SELECT t."giverId" FROM "Thanks" t WHERE t."recipientId" = ${userId}) people) AS colleagues,
      (SELECT COUNT(*) FROM "Note" q JOIN "Answer" a ON a."id" = q."acceptedAnswerId" WHERE a."authorId" = ${userId}) AS accepted,
      (SELECT COUNT(*) FROM "Thanks" t WHERE t."recipientId" = ${userId}) AS thanks`;
  const row = rows[0];
  const n = (value: unknown) => Number(value ?? 0);
  return {
    entriesCreated: n(row?.entries),
    helpful: n(row?.helpful),
    merged: n(row?.merged),
    colleaguesHelped: n(row?.colleagues),
    answersAccepted: n(row?.accepted),
    thanksReceived: n(row?.thanks),
  };
}

/** The entries a person created that this viewer may read, newest first, with how often each helped. */
export async function listCreatedEntries(viewer: Actor, userId: string, take = 10) {
  const ids = await db.$queryRaw<{ id: string }[]>`${createdEntries(userId)}`;
  if (ids.length === 0) return [];
  const rows = await db.entry.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true, state: true, helpfulCount: true, createdAt: true, community: communityRef },
  });
  return rows
    .filter((entry) => canViewEntry(viewer, entry))
    .slice(0, take)
    .map((entry) => ({ id: entry.id, title: entry.title, archived: entry.state === "ARCHIVED", helpfulCount: entry.helpfulCount, createdAt: entry.createdAt }));
}

export type ReceivedThanks = {
  id: string;
  giverId: string;
  giverName: string;
  message: string;
  createdAt: Date;
  subject: { kind: "entry" | "answer"; href: string; title: string };
};

/** How many thank-yous a contributor page lists. */
export const THANKS_LIST_SIZE = 30;

/**
 * The thank-yous a person received that this viewer may read (an entry or a question of a closed
 * community is left out for who may not see it), newest first.
 */
export async function listThanksReceived(viewer: Actor, userId: string) {
  const rows = await db.thanks.findMany({
    where: { recipientId: userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: THANKS_LIST_SIZE * 2,
    select: {
      id: true,
      message: true,
      createdAt: true,
      giver: { select: { id: true, name: true } },
      entry: { select: { id: true, title: true, state: true, community: communityRef } },
      answer: { select: { id: true, question: { select: { id: true, title: true, community: communityRef } } } },
    },
  });
  return rows
    .flatMap((row): ReceivedThanks[] => {
      const base = { id: row.id, giverId: row.giver.id, giverName: row.giver.name, message: row.message, createdAt: row.createdAt };
      if (row.entry && canViewEntry(viewer, row.entry)) return [{ ...base, subject: { kind: "entry", href: `/entries/${row.entry.id}`, title: row.entry.title } }];
      const question = row.answer?.question;
      if (row.answer && question && canSeeCommunityContent(viewer, question.community)) {
        return [{ ...base, subject: { kind: "answer", href: `/questions/${question.id}#answer-${row.answer.id}`, title: question.title } }];
      }
      return [];
    })
    .slice(0, THANKS_LIST_SIZE);
}
