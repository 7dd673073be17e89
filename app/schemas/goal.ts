import { z } from "zod";
import { dayDate, isCalendarDate, today } from "~/utils/dates";
import { GOAL_LIMITS, ID, GOAL_INTENT } from "./goal.shared";

const goalId = z.string().regex(ID, "error.notFound.body");

const comment = (required: boolean) =>
  required
    ? z.string("error.goal.commentRequired").trim().min(1, "error.goal.commentRequired").max(GOAL_LIMITS.commentMax)
    : z.string().trim().max(GOAL_LIMITS.commentMax).optional().default("");

/** The lead's proposal. The due date is a calendar date, today or later; stored as midnight UTC. */
const goalFields = {
  title: z.string().trim().min(1).max(GOAL_LIMITS.titleMax),
  target: z.string().trim().min(1, "error.goal.targetRequired").max(GOAL_LIMITS.targetMax),
  dueDate: z
    .string("error.goal.dueDate")
    .trim()
    .refine(isCalendarDate, "error.goal.dueDate")
    .refine((d) => d >= today(), "error.goal.duePast")
    .transform(dayDate),
};

export const ProposeGoalSchema = z.object({ intent: z.literal(GOAL_INTENT.propose), ...goalFields });

export type ProposeGoalInput = Omit<z.output<typeof ProposeGoalSchema>, "intent">;

/** A whole percentage 0–100 from a form field. */
const percentage = z
  .string("error.goal.percentage")
  .trim()
  .refine((v) => /^\d{1,3}$/.test(v) && Number(v) <= 100, "error.goal.percentage")
  .transform(Number);

/** The goal buttons and forms of the community home, told apart by `intent`. */
export const GoalIntentSchema = z.discriminatedUnion("intent", [
  ProposeGoalSchema,
  z.object({ intent: z.literal(GOAL_INTENT.agree), goalId, comment: comment(false) }),
  z.object({ intent: z.literal(GOAL_INTENT.sendBack), goalId, comment: comment(true) }),
  // A goal the head sent back, revised by the lead and proposed again (the comment is optional).
  z.object({ intent: z.literal(GOAL_INTENT.revise), goalId, ...goalFields, comment: comment(false) }),
  z.object({ intent: z.literal(GOAL_INTENT.progress), goalId, percentage, comment: comment(true) }),
  z.object({ intent: z.literal(GOAL_INTENT.done), goalId, comment: comment(false) }),
  z.object({ intent: z.literal(GOAL_INTENT.drop), goalId, comment: comment(true) }),
]);

export type GoalIntent = z.output<typeof GoalIntentSchema>;
