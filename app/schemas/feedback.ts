import { z } from "zod";
import { FEEDBACK_INTENT, FEEDBACK_LIMITS } from "./feedback.shared";

export const FeedbackSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal(FEEDBACK_INTENT.helped) }),
  z.object({ intent: z.literal(FEEDBACK_INTENT.undo) }),
  z.object({ intent: z.literal(FEEDBACK_INTENT.notHelpful), reason: z.string().trim().max(FEEDBACK_LIMITS.reasonMax).optional().default("") }),
  z.object({ intent: z.literal(FEEDBACK_INTENT.notHelpfulUndo) }),
]);
