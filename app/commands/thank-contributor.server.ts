/**
 * Thanking a contributor (issue 17): a short message to someone credited on an entry, or to the author of
 * an answer. Once per giver, person and item, never oneself; the contributor is notified. The thank-you,
 * its audit event and the notification are written in one transaction.
 */
import { listEntryContributors } from "~/models/entry.server";
import { canSeeCommunityContent, canThankForAnswer, canThankForEntry, canViewEntry, isLive, type Actor } from "~/policies/policies";
import type { ThanksInput } from "~/schemas/recognition";
import { CommandError } from "./errors";
import { runCommand } from "./runner.server";

const thankedTwice = () => CommandError.invalid("error.recognition.thanksTwice", "message");
const thankingOneself = () => CommandError.invalid("error.recognition.thanksSelf", "message");

/** Thanks `recipientId`, credited on the entry (an author of its notes or answers, or its owner). */
export async function thankForEntry(actor: Actor, entryId: string, recipientId: string, input: ThanksInput) {
  // Who the entry credits is read before the transaction: it follows merged predecessors, which takes several reads.
  const contributorIds = (await listEntryContributors(entryId)).map((c) => c.id);
  return runCommand(actor, async ({ tx, audit, notify }) => {
    const entry = await tx.entry.findUnique({
      where: { id: entryId },
      select: { id: true, title: true, state: true, ownerId: true, community: { select: { id: true, visibility: true, departmentId: true } } },
    });
    if (!entry || !canViewEntry(actor, entry)) throw CommandError.notFound();
    const credited = [...contributorIds, entry.ownerId];
    if (!credited.includes(recipientId)) throw CommandError.notFound();
    if (recipientId === actor.id) throw thankingOneself();
    if (!isLive(entry)) throw CommandError.conflict("error.recognition.thanksArchived");
    if (!canThankForEntry(actor, entry, recipientId, credited)) throw CommandError.forbidden();
    // Transactions take the write lock up front (docs/decisions/0008): two posts cannot both miss this.
    const earlier = await tx.thanks.findFirst({ where: { giverId: actor.id, recipientId, entryId }, select: { id: true } });
    if (earlier) throw thankedTwice();
    const thanks = await tx.thanks.create({ data: { giverId: actor.id, recipientId, entryId, message: input.message }, select: { id: true } });
    await audit({ action: "thanks.give", targetType: "entry", targetId: entryId, details: { thanksId: thanks.id, recipientId } });
    await notify({
      recipientIds: [recipientId],
      type: "thanks.received",
      subjectType: "entry",
      subjectId: entryId,
      communityId: entry.community?.id ?? null,
      data: { title: entry.title, message: input.message },
    });
    return thanks;
  });
}

/** Thanks the author of an answer. */
export async function thankForAnswer(actor: Actor, answerId: string, input: ThanksInput) {
  return runCommand(actor, async ({ tx, audit, notify }) => {
    const answer = await tx.answer.findUnique({
      where: { id: answerId },
      select: {
        id: true,
        authorId: true,
        question: { select: { id: true, kind: true, title: true, authorId: true, anonymous: true, community: { select: { id: true, visibility: true, departmentId: true } } } },
      },
    });
    const question = answer?.question;
    if (!answer || !question || question.kind !== "QUESTION" || !question.community || !canSeeCommunityContent(actor, question.community)) throw CommandError.notFound();
    if (answer.authorId === actor.id) throw thankingOneself();
    if (!canThankForAnswer(actor, question.community, question, answer)) throw CommandError.notFound();
    const earlier = await tx.thanks.findFirst({ where: { giverId: actor.id, answerId }, select: { id: true } });
    if (earlier) throw thankedTwice();
    const thanks = await tx.thanks.create({ data: { giverId: actor.id, recipientId: answer.authorId, answerId, message: input.message }, select: { id: true } });
    await audit({ action: "thanks.give", targetType: "answer", targetId: answerId, details: { thanksId: thanks.id, recipientId: answer.authorId, questionId: question.id } });
    await notify({
      recipientIds: [answer.authorId],
      type: "thanks.received",
      subjectType: "question",
      subjectId: question.id,
      communityId: question.community.id,
      data: { title: question.title, message: input.message },
    });
    return thanks;
  });
}
