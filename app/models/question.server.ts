import { db } from "~/utils/db.server";
import { canSeeQuestionAuthor, type Actor } from "~/policies/policies";

const listSelect = {
  id: true,
  title: true,
  state: true,
  createdAt: true,
  acceptedAnswerId: true,
  authorId: true,
  anonymous: true,
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
  authorId: string;
  anonymous: boolean;
  author: { name: string };
  tags: { tag: { name: string } }[];
  _count: { answers: number };
};

/**
 * A list row as this viewer may see it: a question asked as "a member" names its asker (null: "a member")
 * only to whom canSeeQuestionAuthor allows, and no row carries the asker's id.
 */
function toListItem(viewer: QuestionViewer, row: ListRow) {
  const named = canSeeQuestionAuthor(viewer.actor, viewer.community, row);
  return {
    id: row.id,
    title: row.title,
    state: row.state,
    createdAt: row.createdAt,
    authorName: named ? row.author.name : null,
    anonymous: row.anonymous,
    tags: row.tags.map((t) => t.tag.name),
    answerCount: row._count.answers,
    accepted: row.acceptedAnswerId !== null,
  };
}
export type QuestionListItem = ReturnType<typeof toListItem>;

/** Who looks at a community's questions: the asker's name depends on it. */
export type QuestionViewer = { actor: Actor; community: { id: string; leadIds: readonly string[] } };

/** The questions of a community, newest first (the route checks who may see the community). */
export async function listQuestions(viewer: QuestionViewer, take = 100) {
  const communityId = viewer.community.id;
  const [count, rows] = await Promise.all([
    db.note.count({ where: { communityId, kind: "QUESTION" } }),
    db.note.findMany({ where: { communityId, kind: "QUESTION" }, orderBy: { createdAt: "desc" }, take, select: listSelect }),
  ]);
  return { count, questions: rows.map((row) => toListItem(viewer, row)) };
}

/** The newest questions of a community for its home page. */
export async function latestQuestions(viewer: QuestionViewer, take = 5) {
  return listQuestions(viewer, take);
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
      anonymous: true,
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
