/**
 * Questions and answers in a community. A question is a Note of kind QUESTION; its body and the
 * answers' bodies are rich text, read separately with readBody (see rich-text-form.ts).
 */
import { z } from "zod";
import { tagList } from "./note";
import { anonymousCheckbox } from "./recognition";
import { QUESTION_LIMITS, ID, QUESTION_INTENT } from "./question.shared";

/** Asking: the title and tags; the body comes from the rich-text field. */
export const AskQuestionSchema = z.object({
  title: z.string().trim().min(1).max(QUESTION_LIMITS.titleMax),
  tags: tagList,
  /** Asked as "a member": other members do not see who asked (docs/decisions/0065). */
  anonymous: anonymousCheckbox,
});

export type AskQuestionInput = z.output<typeof AskQuestionSchema>;

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
