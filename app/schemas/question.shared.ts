/**
 * The question forms' intents, limits and choices, without zod: what a page's component needs in the browser
 * (decision 0076). The zod schemas that check the posted forms against them are in question.ts.
 */
import { LIMITS } from "./note.shared";

export const QUESTION_LIMITS = { titleMax: LIMITS.titleMax, similarMin: 3, similarMax: 200 } as const;

export const ID = /^[a-z0-9]{10,40}$/;

/** The buttons and forms of a question page, told apart by `intent`. */
export const QUESTION_INTENT = { answer: "answer", accept: "accept", send: "send", editAnswer: "editAnswer", deleteAnswer: "deleteAnswer" } as const;

export const QUESTION_STATES = ["OPEN", "SUBMITTED", "PUBLISHED", "MERGED", "DECLINED"] as const;
