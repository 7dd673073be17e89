import { describe, expect, it } from "vitest";
import { parseForm } from "./form";
import { FeedbackSchema } from "./feedback";
import { FEEDBACK_INTENT, FEEDBACK_LIMITS } from "./feedback.shared";

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

describe("FeedbackSchema", () => {
  it("knows helped, did not help (reason optional, trimmed) and the undo of each", () => {
    expect(parseForm(FeedbackSchema, form({ intent: FEEDBACK_INTENT.helped }))).toEqual({ ok: true, data: { intent: "helped" } });
    expect(parseForm(FeedbackSchema, form({ intent: FEEDBACK_INTENT.undo }))).toEqual({ ok: true, data: { intent: "helped-undo" } });
    expect(parseForm(FeedbackSchema, form({ intent: FEEDBACK_INTENT.notHelpful }))).toEqual({ ok: true, data: { intent: "not-helpful", reason: "" } });
    expect(parseForm(FeedbackSchema, form({ intent: FEEDBACK_INTENT.notHelpful, reason: " Geen uitleg over een volmacht. " }))).toEqual({
      ok: true,
      data: { intent: "not-helpful", reason: "Geen uitleg over een volmacht." },
    });
    expect(parseForm(FeedbackSchema, form({ intent: FEEDBACK_INTENT.notHelpfulUndo }))).toEqual({ ok: true, data: { intent: "not-helpful-undo" } });
  });

  it("refuses an oversize reason and an unknown intent", () => {
    expect(parseForm(FeedbackSchema, form({ intent: FEEDBACK_INTENT.notHelpful, reason: "x".repeat(FEEDBACK_LIMITS.reasonMax + 1) }))).toMatchObject({
      ok: false,
      errors: { reason: { key: "error.tooLong", vars: { max: FEEDBACK_LIMITS.reasonMax } } },
      values: { intent: "not-helpful" },
    });
    expect(parseForm(FeedbackSchema, form({ intent: "loved-it" })).ok).toBe(false);
  });
});
