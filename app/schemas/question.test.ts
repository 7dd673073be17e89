import { describe, expect, it } from "vitest";
import { parseForm } from "./form";
import { AskQuestionSchema, QuestionIntentSchema, SimilarQuerySchema } from "./question";
import { QUESTION_LIMITS } from "./question.shared";

function form(values: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) for (const item of [v].flat()) data.append(k, item);
  return data;
}

describe("AskQuestionSchema", () => {
  it("trims the title and normalises tags", () => {
    expect(parseForm(AskQuestionSchema, form({ title: "  Mag een volmachthouder sparen?  ", tags: "Volmacht, spaarrekening,volmacht" }))).toMatchObject({
      ok: true,
      data: { title: "Mag een volmachthouder sparen?", tags: ["volmacht", "spaarrekening"] },
    });
  });
  it("an empty title is required, a long one too long; the input is kept", () => {
    const empty = parseForm(AskQuestionSchema, form({ title: "  ", tags: "app" }));
    expect(!empty.ok && empty.errors.title).toEqual({ key: "error.required" });
    expect(!empty.ok && empty.values.tags).toBe("app");
    const long = parseForm(AskQuestionSchema, form({ title: "x".repeat(QUESTION_LIMITS.titleMax + 1) }));
    expect(!long.ok && long.errors.title).toEqual({ key: "error.tooLong", vars: { max: QUESTION_LIMITS.titleMax } });
  });
  it("refuses hostile tags and ignores fields a client should not set", () => {
    expect(parseForm(AskQuestionSchema, form({ title: "t", tags: "<script>alert(1)</script>" })).ok).toBe(false);
    const result = parseForm(AskQuestionSchema, form({ title: "t", state: "SUBMITTED", authorId: "x", acceptedAnswerId: "y" }));
    // The "asked as a member" box is the asker's own choice (issue 17), off unless ticked.
    expect(result.ok && Object.keys(result.data).sort()).toEqual(["anonymous", "tags", "title"]);
    expect(result.ok && result.data.anonymous).toBe(false);
  });
});

describe("QuestionIntentSchema", () => {
  it("knows answer, accept (with a well-formed answer id) and send", () => {
    expect(parseForm(QuestionIntentSchema, form({ intent: "answer" })).ok).toBe(true);
    expect(parseForm(QuestionIntentSchema, form({ intent: "send" })).ok).toBe(true);
    expect(parseForm(QuestionIntentSchema, form({ intent: "accept", answerId: "cabc1234567890" }))).toMatchObject({ ok: true, data: { answerId: "cabc1234567890" } });
  });
  it("refuses a malformed answer id and unknown intents", () => {
    const bad = parseForm(QuestionIntentSchema, form({ intent: "accept", answerId: "../x" }));
    expect(!bad.ok && bad.errors.answerId).toEqual({ key: "error.question.answerNotFound" });
    expect(parseForm(QuestionIntentSchema, form({ intent: "publish" })).ok).toBe(false);
  });
});

describe("SimilarQuerySchema", () => {
  it("caps the query and drops a malformed community", () => {
    const parsed = SimilarQuerySchema.parse({ q: "  spaarrekening  ", community: "<x>" });
    expect(parsed).toEqual({ q: "spaarrekening", community: undefined });
    expect(SimilarQuerySchema.parse({ q: "x".repeat(500) }).q).toBe("");
  });
});

describe("composeQuestionAndAnswer", () => {
  it("puts the question, a bold heading and the answer in one valid document", async () => {
    const { plainTextToRichText, richTextToPlainText } = await import("./rich-text.shared");
    const { parseRichText } = await import("./rich-text");
    const { composeQuestionAndAnswer } = await import("./rich-text");
    const q = JSON.stringify(plainTextToRichText("Mag een gevolmachtigde sparen?\n\nDe klant is 90."));
    const a = JSON.stringify(plainTextToRichText("Ja, met een algemene volmacht."));
    const json = composeQuestionAndAnswer(q, a, "Antwoord");
    const parsed = parseRichText(json);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(richTextToPlainText(parsed.value)).toBe("Mag een gevolmachtigde sparen?\n\nDe klant is 90.\n\nAntwoord\n\nJa, met een algemene volmacht.");
    expect(parsed.value.root.children?.[2].children?.[0]).toMatchObject({ text: "Antwoord", format: 1 });
    const withoutAnswer = parseRichText(composeQuestionAndAnswer(q, null, "Antwoord"));
    expect(withoutAnswer.ok && richTextToPlainText(withoutAnswer.value)).toBe("Mag een gevolmachtigde sparen?\n\nDe klant is 90.");
  });
});
