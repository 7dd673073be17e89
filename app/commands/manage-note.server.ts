/**
 * The author's changes to a field note before the knowledge manager decides: edit it, or withdraw it
 * (SUBMITTED → WITHDRAWN, out of the inbox). Field notes are not in the search index, so no outbox row.
 */
import type { Tx } from "~/utils/db.server";
import { ensureTags } from "~/models/tag.server";
import { canEditNote, canSeeCommunityContent, canViewNote, canWithdrawNote, type Actor } from "~/policies/policies";
import { CommandError } from "./errors";
import { runCommand } from "./runner.server";
import type { SubmitNoteInput } from "./submit-note.server";

/** The note, if this actor may know it exists (404 otherwise). */
async function loadNote(tx: Tx, actor: Actor, noteId: string) {
  const note = await tx.note.findUnique({
    where: { id: noteId },
    select: { id: true, kind: true, state: true, authorId: true, title: true, community: { select: { id: true, visibility: true, departmentId: true } } },
  });
  if (!note || !canViewNote(actor, note)) throw CommandError.notFound();
  return note;
}

/** Once decided (or withdrawn) a note is the knowledge manager's record: 409 for its author, 403 for anyone else. */
function refusal(actor: Actor, note: { authorId: string }) {
  return note.authorId === actor.id ? CommandError.conflict("error.note.decided") : CommandError.forbidden("error.note.notYours");
}

export async function editNote(actor: Actor, noteId: string, input: Omit<SubmitNoteInput, "kind">) {
  await runCommand(actor, async ({ tx, audit }) => {
    const note = await loadNote(tx, actor, noteId);
    if (!canEditNote(actor, note)) throw refusal(actor, note);
    if (input.communityId) {
      const community = await tx.community.findUnique({ where: { id: input.communityId }, select: { id: true, visibility: true, departmentId: true, status: true } });
      if (!community || community.status !== "ACTIVE" || !canSeeCommunityContent(actor, community) || !actor.communityIds.includes(community.id)) {
        throw CommandError.invalid("error.invalid", "communityId");
      }
    }
    const tagIds = await ensureTags(tx, input.tags);
    await tx.noteTag.deleteMany({ where: { noteId } });
    await tx.note.update({
      where: { id: noteId },
      data: {
        title: input.title,
        bodyJson: input.body.json,
        bodyText: input.body.text,
        communityId: input.communityId ?? null,
        tags: { create: tagIds.map((tagId) => ({ tagId })) },
      },
    });
    await audit({ action: "note.edit", targetType: "note", targetId: noteId, details: { previousTitle: note.title } });
  });
}

export async function withdrawNote(actor: Actor, noteId: string) {
  await runCommand(actor, async ({ tx, audit }) => {
    const note = await loadNote(tx, actor, noteId);
    if (!canWithdrawNote(actor, note)) throw refusal(actor, note);
    await tx.note.update({ where: { id: noteId }, data: { state: "WITHDRAWN" } });
    await audit({ action: "note.withdraw", targetType: "note", targetId: noteId });
  });
}
