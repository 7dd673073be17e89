import { describe, expect, it } from "vitest";
import { parseForm } from "./form";
import { AskQuestionSchema } from "./question";
import { SpotlightIntentSchema, ThanksSchema } from "./recognition";
import { RECOGNITION_LIMITS, SPOTLIGHT_INTENT } from "./recognition.shared";

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
};

describe("a thank-you's message", () => {
  it("is required, trimmed and short", () => {
    expect(parseForm(ThanksSchema, form({ message: "  Dank je, dit hielp me met een klant.  " }))).toEqual({ ok: true, data: { message: "Dank je, dit hielp me met een klant." } });
    const empty = parseForm(ThanksSchema, form({ message: "   " }));
    expect(!empty.ok && empty.errors.message).toEqual({ key: "error.required" });
    const missing = parseForm(ThanksSchema, form({}));
    expect(!missing.ok && missing.errors.message).toEqual({ key: "error.required" });
    const long = parseForm(ThanksSchema, form({ message: "x".repeat(RECOGNITION_LIMITS.thanksMax + 1) }));
    expect(!long.ok && long.errors.message).toEqual({ key: "error.tooLong", vars: { max: RECOGNITION_LIMITS.thanksMax } });
  });
  it("drops control characters and keeps hostile text as text", () => {
    const parsed = parseForm(ThanksSchema, form({ message: "Dank\u0000 je\u202E <script>alert(1)</script>" }));
    expect(parsed).toEqual({ ok: true, data: { message: "Dank je <script>alert(1)</script>" } });
  });
});

describe("the spotlight form", () => {
  const pin = (values: Record<string, string>) => parseForm(SpotlightIntentSchema, form({ intent: SPOTLIGHT_INTENT.pin, ...values }));
  it("takes an entry or a topic with a note", () => {
    expect(pin({ entryId: "clentry0000000001", tag: "", note: "Lees dit" })).toEqual({ ok: true, data: { intent: SPOTLIGHT_INTENT.pin, entryId: "clentry0000000001", tag: undefined, note: "Lees dit" } });
    expect(pin({ entryId: "", tag: " spaarrekening ", note: "Lees dit" })).toEqual({ ok: true, data: { intent: SPOTLIGHT_INTENT.pin, entryId: undefined, tag: "spaarrekening", note: "Lees dit" } });
  });
  it("refuses neither, both, a bad id, an empty or long note", () => {
    const neither = pin({ entryId: "", tag: "", note: "x" });
    expect(!neither.ok && neither.errors.entryId).toEqual({ key: "error.recognition.spotlightChoose" });
    const both = pin({ entryId: "clentry0000000001", tag: "sparen", note: "x" });
    expect(!both.ok && both.errors.tag).toEqual({ key: "error.recognition.spotlightOne" });
    const badId = pin({ entryId: "../etc/passwd", note: "x" });
    expect(!badId.ok && badId.errors.entryId).toEqual({ key: "error.recognition.spotlightEntry" });
    const noNote = pin({ tag: "sparen", note: "" });
    expect(!noNote.ok && noNote.errors.note).toEqual({ key: "error.required" });
    const longNote = pin({ tag: "sparen", note: "x".repeat(RECOGNITION_LIMITS.spotlightNoteMax + 1) });
    expect(!longNote.ok && longNote.errors.note).toEqual({ key: "error.tooLong", vars: { max: RECOGNITION_LIMITS.spotlightNoteMax } });
  });
  it("removes without fields", () => {
    expect(parseForm(SpotlightIntentSchema, form({ intent: SPOTLIGHT_INTENT.remove }))).toEqual({ ok: true, data: { intent: SPOTLIGHT_INTENT.remove } });
  });
});

describe("asking as a member", () => {
  it("is a checkbox: on, or absent", () => {
    const on = parseForm(AskQuestionSchema, form({ title: "Vraag", anonymous: "on" }));
    expect(on.ok && on.data.anonymous).toBe(true);
    const off = parseForm(AskQuestionSchema, form({ title: "Vraag" }));
    expect(off.ok && off.data.anonymous).toBe(false);
    const odd = parseForm(AskQuestionSchema, form({ title: "Vraag", anonymous: "yes" }));
    expect(!odd.ok && odd.errors.anonymous).toEqual({ key: "error.invalid" });
  });
});
