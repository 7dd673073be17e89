import { db } from "~/utils/db.server";

/** The goals of a community, newest due last, each with its history (oldest first). */
export async function listGoals(communityId: string) {
  return db.goal.findMany({
    where: { communityId },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      title: true,
      target: true,
      dueDate: true,
      status: true,
      agreedAt: true,
      proposedBy: { select: { name: true } },
      agreedBy: { select: { name: true } },
      events: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, kind: true, comment: true, percentage: true, createdAt: true, actor: { select: { name: true } } },
      },
    },
  });
}
export type GoalView = Awaited<ReturnType<typeof listGoals>>[number];
