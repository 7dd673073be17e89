import { db } from "~/utils/db.server";
import { communityRef } from "./selects";


/** "My notes": every note of the author with its state, the reason and the entry it became. */
export async function listNotesByAuthor(authorId: string) {
  return db.note.findMany({
    where: { authorId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      kind: true,
      title: true,
      state: true,
      createdAt: true,
      decidedAt: true,
      decisionReason: true,
      reviewer: { select: { name: true } },
      entry: { select: { id: true, title: true } },
      community: { select: { name: true } },
      tags: { select: { tag: { select: { name: true } } } },
    },
  });
}

/** The knowledge manager's inbox: submitted notes, oldest first. */
export async function listInbox(limit = 100) {
  const [count, notes] = await Promise.all([
    db.note.count({ where: { state: "SUBMITTED" } }),
    db.note.findMany({
      where: { state: "SUBMITTED" },
      orderBy: { createdAt: "asc" },
      take: limit,
      select: {
        id: true,
        kind: true,
        title: true,
        bodyText: true,
        createdAt: true,
        author: { select: { name: true } },
        community: communityRef,
        tags: { select: { tag: { select: { name: true } } } },
      },
    }),
  ]);
  return { count, notes };
}

export async function getNote(id: string) {
  return db.note.findUnique({
    where: { id },
    select: {
      id: true,
      kind: true,
      title: true,
      bodyJson: true,
      bodyText: true,
      state: true,
      authorId: true,
      createdAt: true,
      decidedAt: true,
      decisionReason: true,
      author: { select: { name: true } },
      reviewer: { select: { name: true } },
      entry: { select: { id: true, title: true } },
      community: communityRef,
      tags: { select: { tag: { select: { name: true } } } },
    },
  });
}
