import { z } from "zod";

/**
 * The entry page's feedback forms: say "this helped me" or "this did not help" (with an optional
 * reason), or take either back. One answer per reader: the second replaces the first.
 */
export const FEEDBACK_INTENT = { helped: "helped", undo: "helped-undo", notHelpful: "not-helpful", notHelpfulUndo: "not-helpful-undo" } as const;

export const FEEDBACK_LIMITS = { reasonMax: 500 } as const;

export const FeedbackSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal(FEEDBACK_INTENT.helped) }),
  z.object({ intent: z.literal(FEEDBACK_INTENT.undo) }),
  z.object({ intent: z.literal(FEEDBACK_INTENT.notHelpful), reason: z.string().trim().max(FEEDBACK_LIMITS.reasonMax).optional().default("") }),
  z.object({ intent: z.literal(FEEDBACK_INTENT.notHelpfulUndo) }),
]);
