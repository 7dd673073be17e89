/**
 * The knowledge manager's three decisions on a submitted note: publish, merge, decline.
 * Each one changes the rows, writes an audit event and (for entries) an outbox row in one transaction.
 */
import type { Tx } from "~/utils/db.server";
import { addDays } from "~/utils/dates";
import { ensureTags } from "~/models/tag.server";
import { canCurate, canSeeCommunityContent, type Actor } from "~/policies/policies";
import { CommandError } from "./errors";
import { askMandatoryReadersAgain } from "./manage-mandatory-read.server";
import { runCommand, type CommandContext } from "./runner.server";
import { queueEntryWebhooks } from "~/models/webhook.server";

/** Entries are due for review a year after publication unless a knowledge manager says otherwise. */
export const REVIEW_AFTER_DAYS = 365;

export type EntryContent = { title: string; body: { json: string; text: string }; tags: string[] };

async function loadSubmittedNote(tx: Tx, actor: Actor, noteId: string) {
  if (!canCurate(actor)) throw CommandError.forbidden();
  const note = await tx.note.findUnique({
    where: { id: noteId },
    select: {
      id: true,
      kind: true,
      title: true,
      state: true,
      authorId: true,
      anonymous: true,
      communityId: true,
      author: { select: { name: true } },
      community: { select: { id: true, visibility: true, departmentId: true } },
    },
  });
  if (!note || !canSeeCommunityContent(actor, note.community)) throw CommandError.notFound();
  if (note.state !== "SUBMITTED") throw CommandError.conflict("error.noteNotSubmitted");
  return note;
}

export async function setEntryTags(tx: Tx, entryId: string, names: string[]) {
  const tagIds = await ensureTags(tx, names);
  await tx.entryTag.deleteMany({ where: { entryId } });
  if (tagIds.length) await tx.entryTag.createMany({ data: tagIds.map((tagId) => ({ entryId, tagId })) });
}

/** The entry's content as it is after this change, tags included, as a new version row. */
export async function saveVersion(tx: Tx, entryId: string, version: number, editorId: string, content: EntryContent, summary: string) {
  await setEntryTags(tx, entryId, content.tags);
  await tx.entryVersion.create({
    data: {
      entryId,
      version,
      title: content.title,
      bodyJson: content.body.json,
      bodyText: content.body.text,
      tags: JSON.stringify(content.tags),
      editorId,
      summary,
    },
  });
  // A new version asks whoever confirmed the entry as required reading to read it again.
  if (version > 1) await askMandatoryReadersAgain(tx, entryId, version, editorId);
}

/** The note's decision: its new state, who decided, when, why, and the entry it became part of. */
async function decide(
  { tx, audit, enqueue }: CommandContext,
  actor: Actor,
  note: { id: string; kind: string },
  decision: { state: "PUBLISHED" | "MERGED" | "DECLINED"; entryId?: string; reason?: string },
  details: Record<string, unknown>,
) {
  const noteId = note.id;
  await tx.note.update({
    where: { id: noteId },
    data: { state: decision.state, reviewerId: actor.id, decidedAt: new Date(), entryId: decision.entryId, decisionReason: decision.reason },
  });
  const action = { PUBLISHED: "note.publish", MERGED: "note.merge", DECLINED: "note.decline" }[decision.state];
  await audit({ action, targetType: "note", targetId: noteId, details });
  // A question's state shows in the questions index too.
  if (note.kind === "QUESTION") await enqueue("questions", noteId);
}

export async function publishNote(actor: Actor, noteId: string, content: EntryContent) {
  return runCommand(actor, async (context) => {
    const { tx, enqueue } = context;
    const note = await loadSubmittedNote(tx, actor, noteId);
    const entry = await tx.entry.create({
      data: {
        title: content.title,
        bodyJson: content.body.json,
        bodyText: content.body.text,
        communityId: note.communityId,
        ownerId: actor.id,
        reviewBy: addDays(new Date(), REVIEW_AFTER_DAYS),
      },
      select: { id: true },
    });
    await saveVersion(tx, entry.id, 1, actor.id, content, note.anonymous ? "publish-anonymous" : `publish:${note.author.name}`);
    await decide(context, actor, note, { state: "PUBLISHED", entryId: entry.id }, { entryId: entry.id, title: content.title });
    await enqueue("entries", entry.id);
    await queueEntryWebhooks(tx, "entry.published", entry.id);
    await context.notify({
      recipientIds: [note.authorId],
      type: "note.published",
      subjectType: "entry",
      subjectId: entry.id,
      communityId: note.communityId,
      data: { title: note.title, entryTitle: content.title },
    });
    return { entryId: entry.id };
  });
}

export async function mergeNote(actor: Actor, noteId: string, entryId: string, content: EntryContent) {
  return runCommand(actor, async (context) => {
    const { tx, enqueue } = context;
    const note = await loadSubmittedNote(tx, actor, noteId);
    const entry = await tx.entry.findUnique({
      where: { id: entryId },
      select: { id: true, state: true, version: true, community: { select: { id: true, visibility: true, departmentId: true } } },
    });
    if (!entry || entry.state === "ARCHIVED" || !canSeeCommunityContent(actor, entry.community)) {
      throw CommandError.invalid("error.entryNotFound", "entryId");
    }
    const version = entry.version + 1;
    await tx.entry.update({
      where: { id: entry.id },
      data: {
        title: content.title,
        bodyJson: content.body.json,
        bodyText: content.body.text,
        version,
        reuseCount: { increment: 1 },
      },
    });
    await saveVersion(tx, entry.id, version, actor.id, content, note.anonymous ? "merge-anonymous" : `merge:${note.author.name}`);
    await decide(context, actor, note, { state: "MERGED", entryId: entry.id }, { entryId: entry.id, version });
    await enqueue("entries", entry.id);
    await queueEntryWebhooks(tx, "entry.changed", entry.id);
    await context.notify({
      recipientIds: [note.authorId],
      type: "note.merged",
      subjectType: "entry",
      subjectId: entry.id,
      communityId: entry.community?.id ?? null,
      data: { title: note.title, entryTitle: content.title },
    });
    return { entryId: entry.id, version };
  });
}

export async function declineNote(actor: Actor, noteId: string, reason: string) {
  await runCommand(actor, async (context) => {
    const note = await loadSubmittedNote(context.tx, actor, noteId);
    await decide(context, actor, note, { state: "DECLINED", reason }, { reason });
    await context.notify({
      recipientIds: [note.authorId],
      type: "note.declined",
      subjectType: "note",
      subjectId: note.id,
      communityId: note.communityId,
      data: { title: note.title, reason },
    });
  });
}
