import { db } from "~/utils/db.server";
import { communityRef } from "./selects";


export async function getEntry(id: string) {
  return db.entry.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      bodyJson: true,
      bodyText: true,
      state: true,
      version: true,
      reviewBy: true,
      helpfulCount: true,
      createdAt: true,
      updatedAt: true,
      owner: { select: { id: true, name: true } },
      community: communityRef,
      tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
    },
  });
}

/** Everything the entry page shows besides the entry: versions, contributors, the viewer's feedback. */
export async function getEntryHistory(entryId: string, viewerId: string) {
  const [versions, sourceNotes, feedback] = await Promise.all([
    db.entryVersion.findMany({
      where: { entryId },
      orderBy: { version: "desc" },
      select: { version: true, title: true, bodyText: true, tags: true, summary: true, createdAt: true, editor: { select: { name: true } } },
    }),
    db.note.findMany({
      where: { entryId, state: { in: ["PUBLISHED", "MERGED"] } },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        author: { select: { id: true, name: true } },
        // A question's accepted answer is part of the source: its author is credited too.
        acceptedAnswer: { select: { author: { select: { id: true, name: true } } } },
      },
    }),
    db.feedback.findUnique({ where: { entryId_userId: { entryId, userId: viewerId } }, select: { helpful: true } }),
  ]);
  const contributors = new Map<string, string>();
  for (const note of sourceNotes) {
    contributors.set(note.author.id, note.author.name);
    if (note.acceptedAnswer) contributors.set(note.acceptedAnswer.author.id, note.acceptedAnswer.author.name);
  }
  return { versions, contributors: [...contributors].map(([id, name]) => ({ id, name })), viewerFeedback: feedback };
}
