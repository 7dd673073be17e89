import { describe, expect, it } from "vitest";
import { parseForm } from "./form";
import { today } from "~/utils/dates";
import { GoalIntentSchema } from "./goal";

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}
const GOAL = "cgoal0000000000001";
const future = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const past = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
const propose = { intent: "goal-propose", title: " 20 artikels ", target: "20 nieuwe artikels over sparen", dueDate: future };

describe("goal schemas", () => {
  it("reads a proposal: trimmed title, due date at midnight UTC; today is allowed", () => {
    expect(parseForm(GoalIntentSchema, form(propose))).toEqual({
      ok: true,
      data: { intent: "goal-propose", title: "20 artikels", target: "20 nieuwe artikels over sparen", dueDate: new Date(`${future}T00:00:00Z`) },
    });
    expect(parseForm(GoalIntentSchema, form({ ...propose, dueDate: today() })).ok).toBe(true);
  });

  it("refuses an empty target, a past or impossible due date, and keeps the values", () => {
    const empty = parseForm(GoalIntentSchema, form({ ...propose, target: "   " }));
    expect(empty).toMatchObject({ ok: false, errors: { target: { key: "error.goal.targetRequired" } }, values: { target: "   " } });
    expect(parseForm(GoalIntentSchema, form({ ...propose, dueDate: past }))).toMatchObject({ ok: false, errors: { dueDate: { key: "error.goal.duePast" } } });
    expect(parseForm(GoalIntentSchema, form({ ...propose, dueDate: "2027-02-30" }))).toMatchObject({ ok: false, errors: { dueDate: { key: "error.goal.dueDate" } } });
    expect(parseForm(GoalIntentSchema, form({ ...propose, dueDate: "" }))).toMatchObject({ ok: false, errors: { dueDate: { key: "error.goal.dueDate" } } });
  });

  it("reads a percentage 0–100 as a whole number, and nothing else", () => {
    const progress = (percentage: string) => parseForm(GoalIntentSchema, form({ intent: "goal-progress", goalId: GOAL, comment: "Sessie gehouden", percentage }));
    expect(progress("0")).toMatchObject({ ok: true, data: { percentage: 0 } });
    expect(progress(" 100 ")).toMatchObject({ ok: true, data: { percentage: 100 } });
    for (const bad of ["101", "-1", "abc", "", "12.5", "1e2"]) {
      expect(progress(bad)).toMatchObject({ ok: false, errors: { percentage: { key: "error.goal.percentage" } } });
    }
  });

  it("needs a comment to send back, to record progress and to drop; not to agree or finish", () => {
    expect(parseForm(GoalIntentSchema, form({ intent: "goal-send-back", goalId: GOAL, comment: " " }))).toMatchObject({ ok: false, errors: { comment: { key: "error.goal.commentRequired" } } });
    expect(parseForm(GoalIntentSchema, form({ intent: "goal-drop", goalId: GOAL }))).toMatchObject({ ok: false, errors: { comment: { key: "error.goal.commentRequired" } } });
    expect(parseForm(GoalIntentSchema, form({ intent: "goal-agree", goalId: GOAL }))).toEqual({ ok: true, data: { intent: "goal-agree", goalId: GOAL, comment: "" } });
    expect(parseForm(GoalIntentSchema, form({ intent: "goal-done", goalId: GOAL }))).toMatchObject({ ok: true });
    expect(parseForm(GoalIntentSchema, form({ intent: "goal-agree", goalId: "../x" })).ok).toBe(false);
  });
});
