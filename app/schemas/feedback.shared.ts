/**
 * The feedback forms' intents, limits and choices, without zod: what a page's component needs in the browser
 * (decision 0076). The zod schemas that check the posted forms against them are in feedback.ts.
 */

/**
 * The entry page's feedback forms: say "this helped me" or "this did not help" (with an optional
 * reason), or take either back. One answer per reader: the second replaces the first.
 */
export const FEEDBACK_INTENT = { helped: "helped", undo: "helped-undo", notHelpful: "not-helpful", notHelpfulUndo: "not-helpful-undo" } as const;

export const FEEDBACK_LIMITS = { reasonMax: 500 } as const;
