/**
 * Questions and answers in a community. A question is a Note of kind QUESTION in state OPEN while it
 * lives in the community; members answer, the asker or a lead accepts one answer, and the asker or a
 * lead sends it to the knowledge manager's inbox (OPEN → SUBMITTED), where curation takes over.
 * Every step writes its rows, an audit event and a search outbox row in one transaction.
 */
import type { Tx } from "~/utils/db.server";
import { ensureTags } from "~/models/tag.server";
import { canAcceptAnswer, canAnswerQuestion, canAskQuestion, canEditAnswer, canSeeCommunityContent, canSendQuestionToCuration, type Actor, isActive } from "~/policies/policies";
import type { AskQuestionInput } from "~/schemas/question";
import { CommandError } from "./errors";
import { runCommand } from "./runner.server";
import { communityRefSelect, loadCommunityRef, toCommunityRef } from "~/models/community-ref.server";

type RichBody = { json: string; text: string };

const notOpen = () => CommandError.conflict("error.question.notOpen");

/** The question with its community, if this actor may know it exists (404 otherwise). */
async function loadQuestion(tx: Tx, actor: Actor, questionId: string) {
  const row = await tx.note.findUnique({
    where: { id: questionId },
    select: { id: true, kind: true, title: true, authorId: true, anonymous: true, state: true, acceptedAnswerId: true, community: { select: communityRefSelect } },
  });
  if (!row || row.kind !== "QUESTION" || !row.community || !canSeeCommunityContent(actor, row.community)) throw CommandError.notFound();
  const { community, ...question } = row;
  return { question, community: toCommunityRef(community) };
}

export async function askQuestion(actor: Actor, communityId: string, input: Omit<AskQuestionInput, "anonymous"> & { anonymous?: boolean; body: RichBody }) {
  const anonymous = input.anonymous ?? false;
  return runCommand(actor, async ({ tx, audit, enqueue }) => {
    const community = await loadCommunityRef(tx, actor, communityId);
    if (!canAskQuestion(actor, community)) {
      throw CommandError.forbidden(isActive(community) ? "error.question.membersOnly" : "error.question.archived");
    }
    const tagIds = await ensureTags(tx, input.tags);
    const question = await tx.note.create({
      data: {
        kind: "QUESTION",
        state: "OPEN",
        authorId: actor.id,
        communityId,
        title: input.title,
        anonymous,
        bodyJson: input.body.json,
        bodyText: input.body.text,
        tags: { create: tagIds.map((tagId) => ({ tagId })) },
      },
      select: { id: true },
    });
    await audit({ action: "question.ask", targetType: "note", targetId: question.id, details: { communityId, title: input.title, anonymous } });
    await enqueue("questions", question.id);
    return question;
  });
}

/**
 * How long the same answer by the same person counts as one answer posted twice (a double click, a
 * resent form) rather than a second answer.
 */
export const DUPLICATE_ANSWER_WINDOW_MS = 2 * 60_000;

/** Posts an answer; the same text by the same person within the window returns the answer already posted. */
export async function answerQuestion(actor: Actor, questionId: string, body: RichBody) {
  return runCommand(actor, async ({ tx, audit, enqueue, notify }) => {
    const { question, community } = await loadQuestion(tx, actor, questionId);
    if (question.state !== "OPEN") throw notOpen();
    if (!canAnswerQuestion(actor, community, question)) throw CommandError.forbidden("error.question.membersOnly");
    // Transactions take the write lock up front (docs/decisions/0008), so two posts cannot both miss this.
    const earlier = await tx.answer.findFirst({
      where: { questionId, authorId: actor.id, bodyText: body.text, createdAt: { gte: new Date(Date.now() - DUPLICATE_ANSWER_WINDOW_MS) } },
      select: { id: true },
    });
    if (earlier) return earlier;
    const answer = await tx.answer.create({ data: { questionId, authorId: actor.id, bodyJson: body.json, bodyText: body.text }, select: { id: true } });
    await tx.note.update({ where: { id: questionId }, data: { updatedAt: new Date() } });
    await audit({ action: "question.answer", targetType: "note", targetId: questionId, details: { answerId: answer.id } });
    await enqueue("questions", questionId);
    await notify({
      recipientIds: [question.authorId],
      type: "question.answered",
      subjectType: "question",
      subjectId: questionId,
      communityId: community.id,
      data: { title: question.title },
    });
    return answer;
  });
}

/** The answer of this question, if the actor may still change it (see canEditAnswer). */
async function loadOwnAnswer(tx: Tx, actor: Actor, questionId: string, answerId: string) {
  const { question, community } = await loadQuestion(tx, actor, questionId);
  const answer = await tx.answer.findUnique({ where: { id: answerId }, select: { id: true, questionId: true, authorId: true, bodyText: true } });
  if (!answer || answer.questionId !== questionId) throw CommandError.invalid("error.question.answerNotFound", "answerId");
  if (question.state !== "OPEN") throw notOpen();
  if (!canEditAnswer(actor, community, question, answer)) {
    throw CommandError.forbidden(question.acceptedAnswerId === answer.id ? "error.question.answerAccepted" : "error.question.answerNotYours");
  }
  return answer;
}

/** The author changes their answer's text while it is not accepted. */
export async function editAnswer(actor: Actor, questionId: string, answerId: string, body: RichBody) {
  await runCommand(actor, async ({ tx, audit, enqueue }) => {
    const answer = await loadOwnAnswer(tx, actor, questionId, answerId);
    await tx.answer.update({ where: { id: answerId }, data: { bodyJson: body.json, bodyText: body.text } });
    await audit({ action: "question.answer.edit", targetType: "note", targetId: questionId, details: { answerId, previousText: answer.bodyText } });
    await enqueue("questions", questionId);
  });
}

/** The author takes back their answer while it is not accepted. */
export async function deleteAnswer(actor: Actor, questionId: string, answerId: string) {
  await runCommand(actor, async ({ tx, audit, enqueue }) => {
    const answer = await loadOwnAnswer(tx, actor, questionId, answerId);
    await tx.answer.delete({ where: { id: answerId } });
    await tx.note.update({ where: { id: questionId }, data: { updatedAt: new Date() } });
    await audit({ action: "question.answer.delete", targetType: "note", targetId: questionId, details: { answerId, text: answer.bodyText } });
    await enqueue("questions", questionId);
  });
}

/** Accepts an answer of this question; while the question is open, another answer may be accepted instead. */
export async function acceptAnswer(actor: Actor, questionId: string, answerId: string) {
  await runCommand(actor, async ({ tx, audit, enqueue, notify }) => {
    const { question, community } = await loadQuestion(tx, actor, questionId);
    if (question.state !== "OPEN") throw notOpen();
    if (!canAcceptAnswer(actor, community, question)) throw CommandError.forbidden("error.question.acceptForbidden");
    const answer = await tx.answer.findUnique({ where: { id: answerId }, select: { questionId: true, authorId: true } });
    if (!answer || answer.questionId !== questionId) throw CommandError.invalid("error.question.answerNotFound", "answerId");
    if (question.acceptedAnswerId === answerId) return;
    await tx.note.update({ where: { id: questionId }, data: { acceptedAnswerId: answerId, acceptedAt: new Date() } });
    await audit({
      action: "question.accept",
      targetType: "note",
      targetId: questionId,
      details: { answerId, previousAnswerId: question.acceptedAnswerId },
    });
    await enqueue("questions", questionId);
    await notify({
      recipientIds: [answer.authorId],
      type: "answer.accepted",
      subjectType: "question",
      subjectId: questionId,
      communityId: community.id,
      data: { title: question.title },
      // The asker of a question asked as "a member" accepts without being named to the answerer.
      hideActor: question.anonymous && question.authorId === actor.id,
    });
  });
}

/** Sends an answered question to the knowledge manager's inbox: OPEN → SUBMITTED. */
export async function sendQuestionToCuration(actor: Actor, questionId: string) {
  await runCommand(actor, async ({ tx, audit, enqueue }) => {
    const { question, community } = await loadQuestion(tx, actor, questionId);
    if (question.state !== "OPEN") throw notOpen();
    if (!canAcceptAnswer(actor, community, question)) throw CommandError.forbidden("error.question.sendForbidden");
    if (!canSendQuestionToCuration(actor, community, question)) throw CommandError.invalid("error.question.noAccepted");
    await tx.note.update({ where: { id: questionId }, data: { state: "SUBMITTED" } });
    await audit({ action: "question.send", targetType: "note", targetId: questionId, details: { answerId: question.acceptedAnswerId } });
    await enqueue("questions", questionId);
  });
}
