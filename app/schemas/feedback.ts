import { z } from "zod";

/** The entry page's feedback form: say "this helped me", or take it back. */
export const FEEDBACK_INTENT = { helped: "helped", undo: "helped-undo" } as const;

export const FeedbackSchema = z.object({ intent: z.enum([FEEDBACK_INTENT.helped, FEEDBACK_INTENT.undo]) });
