/**
 * The work queue's own commands: "take this" and "give back" (who works on a note, a flag or an entry's
 * review, so two knowledge managers do not do the same work), and declining several duplicate notes at once.
 */
import { canManageKnowledge, type Actor } from "~/policies/policies";
import type { QueueTarget } from "~/schemas/work-queue.shared";
import type { Tx } from "~/utils/db.server";
import { declineNote } from "./curate-note.server";
import { CommandError } from "./errors";
import { runCommand } from "./runner.server";

/** The assignee of an item still waiting in the queue, or a conflict when it has left the queue. */
async function openAssignee(tx: Tx, target: QueueTarget, id: string): Promise<string | null> {
  if (target === "note") {
    const note = await tx.note.findUnique({ where: { id }, select: { state: true, assigneeId: true } });
    if (!note) throw CommandError.notFound();
    if (note.state !== "SUBMITTED") throw CommandError.conflict("error.queue.closed");
    return note.assigneeId;
  }
  if (target === "flag") {
    const flag = await tx.flag.findUnique({ where: { id }, select: { state: true, assigneeId: true } });
    if (!flag) throw CommandError.notFound();
    if (flag.state !== "OPEN") throw CommandError.conflict("error.queue.closed");
    return flag.assigneeId;
  }
  const entry = await tx.entry.findUnique({ where: { id }, select: { state: true, reviewAssigneeId: true } });
  if (!entry) throw CommandError.notFound();
  if (entry.state === "ARCHIVED") throw CommandError.conflict("error.queue.closed");
  return entry.reviewAssigneeId;
}

async function assign(tx: Tx, target: QueueTarget, id: string, assigneeId: string | null) {
  if (target === "note") await tx.note.update({ where: { id }, data: { assigneeId } });
  else if (target === "flag") await tx.flag.update({ where: { id }, data: { assigneeId } });
  else {
    // Taking a review is not an edit of the entry: its "updated" date stays.
    const { updatedAt } = await tx.entry.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } });
    await tx.entry.update({ where: { id }, data: { reviewAssigneeId: assigneeId, updatedAt } });
  }
}

/**
 * "Take this": the item is assigned to the actor. Taking what one already holds changes nothing; what a
 * colleague took stays theirs until they give it back (409), so nobody's work is taken over unseen.
 */
export async function takeQueueItem(actor: Actor, target: QueueTarget, id: string) {
  return runCommand(actor, async ({ tx, audit }) => {
    if (!canManageKnowledge(actor)) throw CommandError.forbidden();
    const assigneeId = await openAssignee(tx, target, id);
    if (assigneeId === actor.id) return { changed: false };
    if (assigneeId !== null) throw CommandError.conflict("error.queue.takenByOther");
    await assign(tx, target, id, actor.id);
    await audit({ action: "queue.take", targetType: target, targetId: id });
    return { changed: true };
  });
}

/** "Give back": the item is nobody's again. Only who holds it gives it back; giving back twice changes nothing. */
export async function giveBackQueueItem(actor: Actor, target: QueueTarget, id: string) {
  return runCommand(actor, async ({ tx, audit }) => {
    if (!canManageKnowledge(actor)) throw CommandError.forbidden();
    const assigneeId = await openAssignee(tx, target, id);
    if (assigneeId === null) return { changed: false };
    if (assigneeId !== actor.id) throw CommandError.conflict("error.queue.takenByOther");
    await assign(tx, target, id, null);
    await audit({ action: "queue.giveBack", targetType: target, targetId: id });
    return { changed: true };
  });
}

/**
 * Several submitted notes declined as duplicates with one reason. Each goes through the note's own decline
 * command, in its own transaction: a note a colleague decided meanwhile is skipped (counted), the others are
 * still declined, and each author sees the reason on their notes page as with a single decline.
 */
export async function declineDuplicateNotes(actor: Actor, noteIds: readonly string[], reason: string) {
  if (!canManageKnowledge(actor)) throw CommandError.forbidden();
  let declined = 0;
  let skipped = 0;
  for (const noteId of new Set(noteIds)) {
    try {
      await declineNote(actor, noteId, reason);
      declined += 1;
    } catch (error) {
      if (!(error instanceof CommandError) || error.kind === "forbidden") throw error;
      skipped += 1;
    }
  }
  return { declined, skipped };
}
