import { canGiveFeedback, type Actor } from "~/policies/policies";
import { CommandError } from "./errors";
import { runCommand } from "./runner.server";

/** "This helped me": counted once per user (a second click changes nothing). */
export async function recordHelped(actor: Actor, entryId: string) {
  return runCommand(actor, async ({ tx, enqueue }) => {
    const entry = await tx.entry.findUnique({
      where: { id: entryId },
      select: { id: true, state: true, updatedAt: true, community: { select: { id: true, visibility: true, departmentId: true } } },
    });
    if (!entry || !canGiveFeedback(actor, entry)) throw CommandError.notFound();
    const existing = await tx.feedback.findUnique({ where: { entryId_userId: { entryId, userId: actor.id } }, select: { helpful: true } });
    if (existing?.helpful) return { changed: false };
    await tx.feedback.upsert({
      where: { entryId_userId: { entryId, userId: actor.id } },
      create: { entryId, userId: actor.id, helpful: true },
      update: { helpful: true },
    });
    const helpfulCount = await tx.feedback.count({ where: { entryId, helpful: true } });
    // Feedback is not an edit: keep the entry's "updated" date as it was.
    await tx.entry.update({ where: { id: entryId }, data: { helpfulCount, updatedAt: entry.updatedAt } });
    await enqueue("entries", entryId);
    return { changed: true };
  });
}
