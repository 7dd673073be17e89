/**
 * Questions and answers in a community. A question is a Note of kind QUESTION in state OPEN while it
 * lives in the community; members answer, the asker or a lead accepts one answer, and the asker or a
 * lead sends it to the knowledge manager's inbox (OPEN → SUBMITTED), where curation takes over.
 * Every step writes its rows, an audit event and a search outbox row in one transaction.
 */
import { db, type Tx } from "~/utils/db.server";
import { writeAudit } from "~/models/audit.server";
import { ensureTags } from "~/models/tag.server";
import {
  canAcceptAnswer,
  canAnswerQuestion,
  canAskQuestion,
  canSeeCommunityContent,
  canSendQuestionToCuration,
  type Actor,
} from "~/policies/policies";
import type { AskQuestionInput } from "~/schemas/question";
import { enqueueQuestion, kickOutbox } from "../../search/outbox.server";
import { CommandError } from "./errors";
import { communityRefSelect, loadCommunityRef, notFound, toCommunityRef } from "~/models/community-ref.server";

type RichBody = { json: string; text: string };

const notOpen = () => new CommandError("error.question.notOpen", "_form", 409);

/** The question with its community, if this actor may know it exists (404 otherwise). */
async function loadQuestion(tx: Tx, actor: Actor, questionId: string) {
  const row = await tx.note.findUnique({
    where: { id: questionId },
    select: { id: true, kind: true, authorId: true, state: true, acceptedAnswerId: true, community: { select: communityRefSelect } },
  });
  if (!row || row.kind !== "QUESTION" || !row.community || !canSeeCommunityContent(actor, row.community)) throw notFound();
  const { community, ...question } = row;
  return { question, community: toCommunityRef(community) };
}

export async function askQuestion(actor: Actor, communityId: string, input: AskQuestionInput & { body: RichBody }) {
  const result = await db.$transaction(async (tx) => {
    const community = await loadCommunityRef(tx, actor, communityId);
    if (!canAskQuestion(actor, community)) {
      throw new CommandError(community.status === "ACTIVE" ? "error.question.membersOnly" : "error.question.archived", "_form", 403);
    }
    const tagIds = await ensureTags(tx, input.tags);
    const question = await tx.note.create({
      data: {
        kind: "QUESTION",
        state: "OPEN",
        authorId: actor.id,
        communityId,
        title: input.title,
        bodyJson: input.body.json,
        bodyText: input.body.text,
        tags: { create: tagIds.map((tagId) => ({ tagId })) },
      },
      select: { id: true },
    });
    await writeAudit(tx, { actorId: actor.id, action: "question.ask", targetType: "note", targetId: question.id, details: { communityId, title: input.title } });
    await enqueueQuestion(tx, question.id);
    return question;
  });
  kickOutbox();
  return result;
}

export async function answerQuestion(actor: Actor, questionId: string, body: RichBody) {
  const result = await db.$transaction(async (tx) => {
    const { question, community } = await loadQuestion(tx, actor, questionId);
    if (question.state !== "OPEN") throw notOpen();
    if (!canAnswerQuestion(actor, community, question)) throw new CommandError("error.question.membersOnly", "_form", 403);
    const answer = await tx.answer.create({ data: { questionId, authorId: actor.id, bodyJson: body.json, bodyText: body.text }, select: { id: true } });
    await tx.note.update({ where: { id: questionId }, data: { updatedAt: new Date() } });
    await writeAudit(tx, { actorId: actor.id, action: "question.answer", targetType: "note", targetId: questionId, details: { answerId: answer.id } });
    await enqueueQuestion(tx, questionId);
    return answer;
  });
  kickOutbox();
  return result;
}

/** Accepts an answer of this question; while the question is open, another answer may be accepted instead. */
export async function acceptAnswer(actor: Actor, questionId: string, answerId: string) {
  await db.$transaction(async (tx) => {
    const { question, community } = await loadQuestion(tx, actor, questionId);
    if (question.state !== "OPEN") throw notOpen();
    if (!canAcceptAnswer(actor, community, question)) throw new CommandError("error.question.acceptForbidden", "_form", 403);
    const answer = await tx.answer.findUnique({ where: { id: answerId }, select: { questionId: true } });
    if (!answer || answer.questionId !== questionId) throw new CommandError("error.question.answerNotFound", "answerId");
    if (question.acceptedAnswerId === answerId) return;
    await tx.note.update({ where: { id: questionId }, data: { acceptedAnswerId: answerId, acceptedAt: new Date() } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "question.accept",
      targetType: "note",
      targetId: questionId,
      details: { answerId, previousAnswerId: question.acceptedAnswerId },
    });
    await enqueueQuestion(tx, questionId);
  });
  kickOutbox();
}

/** Sends an answered question to the knowledge manager's inbox: OPEN → SUBMITTED. */
export async function sendQuestionToCuration(actor: Actor, questionId: string) {
  await db.$transaction(async (tx) => {
    const { question, community } = await loadQuestion(tx, actor, questionId);
    if (question.state !== "OPEN") throw notOpen();
    if (!canAcceptAnswer(actor, community, question)) throw new CommandError("error.question.sendForbidden", "_form", 403);
    if (!canSendQuestionToCuration(actor, community, question)) throw new CommandError("error.question.noAccepted");
    await tx.note.update({ where: { id: questionId }, data: { state: "SUBMITTED" } });
    await writeAudit(tx, { actorId: actor.id, action: "question.send", targetType: "note", targetId: questionId, details: { answerId: question.acceptedAnswerId } });
    await enqueueQuestion(tx, questionId);
  });
  kickOutbox();
}
