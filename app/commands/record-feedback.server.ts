import type { Tx } from "~/utils/db.server";
import { canGiveFeedback, canViewEntry, type Actor } from "~/policies/policies";
import { CommandError } from "./errors";
import { runCommand, type CommandContext } from "./runner.server";

type Answer = { helpful: boolean; reason: string | null };

/**
 * Reads the entry and the reader's present answer, refuses who may not give feedback, and writes the
 * new answer (or none). Each reader has one answer per entry: "helped me" and "did not help" replace each
 * other, and saying the same again changes nothing (a double click or a second tab is harmless). A
 * change is audited; when it changes the helpful count, the entry is queued for search, where the count
 * ranks results.
 */
async function answer(actor: Actor, entryId: string, next: (existing: Answer | null) => Answer | null | "unchanged", action: string, context: CommandContext) {
  const { tx, audit, enqueue } = context;
  const entry = await tx.entry.findUnique({
    where: { id: entryId },
    select: { id: true, state: true, updatedAt: true, community: { select: { id: true, visibility: true, departmentId: true } } },
  });
  if (!entry || !canViewEntry(actor, entry)) throw CommandError.notFound();
  // An archived entry still answers to its readers, but takes no more feedback.
  if (!canGiveFeedback(actor, entry)) throw CommandError.conflict("error.entryLife.archivedFeedback");
  const key = { entryId_userId: { entryId, userId: actor.id } };
  const existing = await tx.feedback.findUnique({ where: key, select: { helpful: true, reason: true } });
  const wanted = next(existing);
  if (wanted === "unchanged") return { changed: false };
  if (wanted) {
    // Given again: a fresh signal, not yet seen to by the knowledge manager.
    const data = { helpful: wanted.helpful, reason: wanted.reason, createdAt: new Date(), handledAt: null };
    await tx.feedback.upsert({ where: key, create: { entryId, userId: actor.id, ...data }, update: data });
  } else {
    await tx.feedback.delete({ where: key });
  }
  const countChanged = Boolean(existing?.helpful) !== Boolean(wanted?.helpful);
  const helpfulCount = countChanged ? await updateHelpfulCount(tx, entryId, entry.updatedAt) : undefined;
  await audit({ action, targetType: "entry", targetId: entryId, details: { helpfulCount, ...(wanted?.reason ? { reason: wanted.reason } : {}) } });
  if (countChanged) await enqueue("entries", entryId);
  return { changed: true };
}

/** "This helped me" (replacing a "did not help"), or taking back "helped me". */
export async function setHelped(actor: Actor, entryId: string, helped: boolean) {
  return runCommand(actor, (context) =>
    answer(
      actor,
      entryId,
      (existing) => {
        if (helped) return existing?.helpful ? "unchanged" : { helpful: true, reason: null };
        return existing?.helpful ? null : "unchanged";
      },
      helped ? "entry.helped" : "entry.helpedWithdrawn",
      context,
    ),
  );
}

/**
 * "This did not help", with an optional reason (replacing a "helped me", or changing the reason): a
 * signal in the knowledge manager's queue until it is handled.
 */
export async function setNotHelpful(actor: Actor, entryId: string, reason: string) {
  const text = reason.trim() || null;
  return runCommand(actor, (context) =>
    answer(actor, entryId, (existing) => (existing && !existing.helpful && existing.reason === text ? "unchanged" : { helpful: false, reason: text }), "entry.notHelpful", context),
  );
}

/** Taking back "did not help". */
export async function withdrawNotHelpful(actor: Actor, entryId: string) {
  return runCommand(actor, (context) => answer(actor, entryId, (existing) => (existing && !existing.helpful ? null : "unchanged"), "entry.notHelpfulWithdrawn", context));
}

async function updateHelpfulCount(tx: Tx, entryId: string, updatedAt: Date) {
  const helpfulCount = await tx.feedback.count({ where: { entryId, helpful: true } });
  // Feedback is not an edit: keep the entry's "updated" date as it was.
  await tx.entry.update({ where: { id: entryId }, data: { helpfulCount, updatedAt } });
  return helpfulCount;
}
