import type { Tx } from "~/utils/db.server";
import { canGiveFeedback, type Actor } from "~/policies/policies";
import { CommandError } from "./errors";
import { runCommand } from "./runner.server";

/**
 * "This helped me" and its undo. Each user counts once; saying it again, or taking back what was not
 * said, changes nothing (a double click or a second tab is harmless). A change is audited, updates the
 * entry's count and queues the entry for search, where the count ranks results.
 */
export async function setHelped(actor: Actor, entryId: string, helped: boolean) {
  return runCommand(actor, async ({ tx, audit, enqueue }) => {
    const entry = await tx.entry.findUnique({
      where: { id: entryId },
      select: { id: true, state: true, updatedAt: true, community: { select: { id: true, visibility: true, departmentId: true } } },
    });
    if (!entry || !canGiveFeedback(actor, entry)) throw CommandError.notFound();
    const key = { entryId_userId: { entryId, userId: actor.id } };
    const existing = await tx.feedback.findUnique({ where: key, select: { helpful: true } });
    if (Boolean(existing?.helpful) === helped) return { changed: false };
    if (helped) await tx.feedback.upsert({ where: key, create: { entryId, userId: actor.id, helpful: true }, update: { helpful: true } });
    else await tx.feedback.delete({ where: key });
    const helpfulCount = await updateHelpfulCount(tx, entryId, entry.updatedAt);
    await audit({ action: helped ? "entry.helped" : "entry.helpedWithdrawn", targetType: "entry", targetId: entryId, details: { helpfulCount } });
    await enqueue("entries", entryId);
    return { changed: true };
  });
}

async function updateHelpfulCount(tx: Tx, entryId: string, updatedAt: Date) {
  const helpfulCount = await tx.feedback.count({ where: { entryId, helpful: true } });
  // Feedback is not an edit: keep the entry's "updated" date as it was.
  await tx.entry.update({ where: { id: entryId }, data: { helpfulCount, updatedAt } });
  return helpfulCount;
}
