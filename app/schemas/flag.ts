import { z } from "zod";
import { FLAG_REASONS, REASONS_NEEDING_COMMENT, FLAG_LIMITS, ID, FLAG_INTENT, MY_FLAG_INTENT } from "./flag.shared";

/** The reader's flag: a reason and a comment, required for "wrong" and "other". */
export const FlagSchema = z
  .object({
    reason: z.enum(FLAG_REASONS, "error.flag.reason"),
    comment: z.string().trim().max(FLAG_LIMITS.commentMax).optional().default(""),
  })
  .superRefine((value, ctx) => {
    if (REASONS_NEEDING_COMMENT.includes(value.reason) && !value.comment) {
      ctx.addIssue({ code: "custom", path: ["comment"], message: "error.flag.commentRequired" });
    }
  });

export const ResolveFlagSchema = z.object({
  intent: z.literal(FLAG_INTENT.noChange),
  flagId: z.string().regex(ID, "error.notFound.body"),
  resolution: z.string("error.flag.resolutionRequired").trim().min(1, "error.flag.resolutionRequired").max(FLAG_LIMITS.resolutionMax),
});

export const WithdrawFlagSchema = z.object({
  intent: z.literal(MY_FLAG_INTENT.withdraw),
  flagId: z.string().regex(ID, "error.notFound.body"),
});
