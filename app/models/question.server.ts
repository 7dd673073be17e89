import { db } from "~/utils/db.server";

const listSelect = {
  id: true,
  title: true,
  state: true,
  createdAt: true,
  acceptedAnswerId: true,
  author: { select: { name: true } },
  tags: { select: { tag: { select: { name: true } } } },
  _count: { select: { answers: true } },
} as const;

type ListRow = {
  id: string;
  title: string;
  state: string;
  createdAt: Date;
  acceptedAnswerId: string | null;
  author: { name: string };
  tags: { tag: { name: string } }[];
  _count: { answers: number };
};

function toListItem(row: ListRow) {
  return {
    id: row.id,
    title: row.title,
    state: row.state,
    createdAt: row.createdAt,
    authorName: row.author.name,
    tags: row.tags.map((t) => t.tag.name),
    answerCount: row._count.answers,
    accepted: row.acceptedAnswerId !== null,
  };
}
export type QuestionListItem = ReturnType<typeof toListItem>;

/** The questions of a community, newest first (the route checks who may see the community). */
export async function listQuestions(communityId: string, take = 100) {
  const [count, rows] = await Promise.all([
    db.note.count({ where: { communityId, kind: "QUESTION" } }),
    db.note.findMany({ where: { communityId, kind: "QUESTION" }, orderBy: { createdAt: "desc" }, take, select: listSelect }),
  ]);
  return { count, questions: rows.map(toListItem) };
}

/** The newest questions of a community for its home page. */
export async function latestQuestions(communityId: string, take = 5) {
  return listQuestions(communityId, take);
}

/** One question with its community (what the policies need), its answers (oldest first) and the entry it became. */
export async function getQuestion(id: string) {
  const row = await db.note.findUnique({
    where: { id },
    select: {
      id: true,
      kind: true,
      title: true,
      bodyJson: true,
      state: true,
      authorId: true,
      createdAt: true,
      acceptedAnswerId: true,
      acceptedAt: true,
      decisionReason: true,
      author: { select: { name: true } },
      entry: { select: { id: true, title: true, state: true } },
      tags: { select: { tag: { select: { name: true } } } },
      community: {
        select: {
          id: true,
          slug: true,
          name: true,
          visibility: true,
          departmentId: true,
          status: true,
          memberships: { where: { role: "LEAD" }, select: { userId: true } },
        },
      },
      answers: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, bodyJson: true, createdAt: true, updatedAt: true, author: { select: { id: true, name: true } } },
      },
    },
  });
  if (!row || row.kind !== "QUESTION" || !row.community) return null;
  const { memberships, ...community } = row.community;
  return { ...row, community: { ...community, leadIds: memberships.map((m) => m.userId) }, tags: row.tags.map((t) => t.tag.name) };
}

/** The accepted answer of a question, for the curation page (null for field notes or unanswered questions). */
export async function getAcceptedAnswer(questionId: string) {
  const row = await db.note.findUnique({
    where: { id: questionId },
    select: { acceptedAnswer: { select: { id: true, bodyJson: true, bodyText: true, createdAt: true, author: { select: { id: true, name: true } } } } },
  });
  return row?.acceptedAnswer ?? null;
}
