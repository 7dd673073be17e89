/**
 * The arithmetic of a mentoring plan, pure so the pages, the commands and their tests agree: the order of
 * an item's steps, a plan's progress, and when a plan is late.
 */
import type { PlanItemStep } from "~/policies/policies";
import type { PlanItemState } from "~/schemas/mentoring.shared";
import { isoDay, today } from "~/utils/dates";

/** Each step moves an item one state on, from the state before it only. */
export const STEP_FROM: Record<PlanItemStep, PlanItemState> = { show: "PLANNED", practise: "SHOWN", signOff: "PRACTISED" };
export const STEP_TO: Record<PlanItemStep, PlanItemState> = { show: "SHOWN", practise: "PRACTISED", signOff: "SIGNED_OFF" };

/** The step an item in this state waits for, or null once it is signed off. */
export function nextStep(state: string): PlanItemStep | null {
  const step = (Object.keys(STEP_FROM) as PlanItemStep[]).find((s) => STEP_FROM[s] === state);
  return step ?? null;
}

export type PlanProgress = { total: number; shown: number; practised: number; signedOff: number; percent: number };

/** How far a plan is: items per state reached (a signed-off item was also shown and practised). */
export function planProgress(items: readonly { state: string }[]): PlanProgress {
  const reached = (states: string[]) => items.filter((i) => states.includes(i.state)).length;
  const signedOff = reached(["SIGNED_OFF"]);
  return {
    total: items.length,
    shown: reached(["SHOWN", "PRACTISED", "SIGNED_OFF"]),
    practised: reached(["PRACTISED", "SIGNED_OFF"]),
    signedOff,
    percent: items.length ? Math.round((signedOff / items.length) * 100) : 0,
  };
}

/** Late: its last day has passed and an item is not yet signed off. */
export function isPlanLate(plan: { endsOn: Date | string; items: readonly { state: string }[] }, now = new Date()): boolean {
  return isoDay(new Date(plan.endsOn)) < today(now) && plan.items.some((i) => i.state !== "SIGNED_OFF");
}
