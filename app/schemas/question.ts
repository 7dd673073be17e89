/**
 * Questions and answers in a community. A question is a Note of kind QUESTION; its body and the
 * answers' bodies are rich text, read separately with readBody (see rich-text-form.ts).
 */
import { z } from "zod";
import { LIMITS, tagList } from "./note";
import { anonymousCheckbox } from "./recognition";

export const QUESTION_LIMITS = { titleMax: LIMITS.titleMax, similarMin: 3, similarMax: 200 } as const;

const ID = /^[a-z0-9]{10,40}$/;

/** Asking: the title and tags; the body comes from the rich-text field. */
export const AskQuestionSchema = z.object({
  title: z.string().trim().min(1).max(QUESTION_LIMITS.titleMax),
  tags: tagList,
  /** Asked as "a member": other members do not see who asked (docs/decisions/0065). */
  anonymous: anonymousCheckbox,
});
export type AskQuestionInput = z.output<typeof AskQuestionSchema>;

/** The buttons and forms of a question page, told apart by `intent`. */
export const QUESTION_INTENT = { answer: "answer", accept: "accept", send: "send", editAnswer: "editAnswer", deleteAnswer: "deleteAnswer" } as const;

const answerId = z.string("error.question.answerNotFound").regex(ID, "error.question.answerNotFound");

export const QuestionIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal(QUESTION_INTENT.answer) }),
  z.object({ intent: z.literal(QUESTION_INTENT.accept), answerId }),
  z.object({ intent: z.literal(QUESTION_INTENT.send) }),
  z.object({ intent: z.literal(QUESTION_INTENT.editAnswer), answerId }),
  z.object({ intent: z.literal(QUESTION_INTENT.deleteAnswer), answerId }),
]);
export type QuestionIntent = z.output<typeof QuestionIntentSchema>;

/** "As you type": the title typed so far and, optionally, the community it is asked in. */
export const SimilarQuerySchema = z.object({
  q: z.string().trim().max(QUESTION_LIMITS.similarMax).catch("").default(""),
  community: z.string().regex(ID).optional().catch(undefined),
});

export const QUESTION_STATES = ["OPEN", "SUBMITTED", "PUBLISHED", "MERGED", "DECLINED"] as const;
