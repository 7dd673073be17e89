/**
 * The goal forms' intents, limits and choices, without zod: what a page's component needs in the browser
 * (decision 0076). The zod schemas that check the posted forms against them are in goal.ts.
 */

export const GOAL_LIMITS = { titleMax: 120, targetMax: 500, commentMax: 1000 } as const;

export const GOAL_STATUSES = ["PROPOSED", "AGREED", "DONE", "DROPPED"] as const;

export type GoalStatus = (typeof GOAL_STATUSES)[number];

export type GoalEventKind = "proposed" | "agreed" | "sent_back" | "revised" | "progress" | "done" | "dropped";

export const ID = /^[a-z0-9]{10,40}$/;

export const GOAL_INTENT = {
  propose: "goal-propose",
  agree: "goal-agree",
  sendBack: "goal-send-back",
  revise: "goal-revise",
  progress: "goal-progress",
  done: "goal-done",
  drop: "goal-drop",
} as const;
