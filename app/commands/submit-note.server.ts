import { ensureTags } from "~/models/tag.server";
import { canSeeCommunityContent, type Actor, isActive, isMemberOf } from "~/policies/policies";
import { CommandError } from "./errors";
import { runCommand } from "./runner.server";

export type SubmitNoteInput = {
  title: string;
  body: { json: string; text: string };
  tags: string[];
  communityId?: string;
  kind?: "FIELD_NOTE" | "QUESTION";
};

/** An employee submits a field note; it lands in the knowledge manager's inbox. */
export async function submitNote(actor: Actor, input: SubmitNoteInput) {
  return runCommand(actor, async ({ tx, audit }) => {
    if (input.communityId) {
      const community = await tx.community.findUnique({
        where: { id: input.communityId },
        select: { id: true, visibility: true, departmentId: true, status: true },
      });
      if (!community || !isActive(community) || !canSeeCommunityContent(actor, community) || !isMemberOf(actor, community)) {
        throw CommandError.invalid("error.invalid", "communityId");
      }
    }
    const tagIds = await ensureTags(tx, input.tags);
    const note = await tx.note.create({
      data: {
        kind: input.kind ?? "FIELD_NOTE",
        authorId: actor.id,
        communityId: input.communityId ?? null,
        title: input.title,
        bodyJson: input.body.json,
        bodyText: input.body.text,
        tags: { create: tagIds.map((tagId) => ({ tagId })) },
      },
      select: { id: true },
    });
    await audit({ action: "note.submit", targetType: "note", targetId: note.id });
    return note;
  });
}
