import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseSubmission } from "./form";
import { CurateIntentSchema } from "./note";
import { CURATE_INTENT, LIMITS } from "./note.shared";

function form(values: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

/** The first error of each field, as the form shows it. */
function errorsOf(submission: ReturnType<typeof parseSubmission>) {
  return Object.fromEntries(Object.entries(submission.reply().error ?? {}).map(([name, errors]) => [name, errors?.[0]]));
}

const Schema = z.object({
  title: z.string().trim().min(1).max(10),
  email: z.email(),
  kind: z.enum(["a", "b"]),
  code: z.string().regex(/^\d+$/, "error.entryNotFound"),
});

describe("parseSubmission", () => {
  it("gives each field our message key: required, too long, invalid, and the schema's own key", () => {
    const submission = parseSubmission(Schema, form({ title: "x".repeat(11), email: "geen", kind: "c", code: "abc" }));
    expect(submission.status).toBe("error");
    expect(errorsOf(submission)).toEqual({
      title: { key: "error.tooLong", vars: { max: 10 } },
      email: { key: "error.email" },
      kind: { key: "error.invalid" },
      code: { key: "error.entryNotFound" },
    });
    expect(errorsOf(parseSubmission(Schema, form({ title: "  ", email: "a@b.be", kind: "a", code: "1" })))).toEqual({ title: { key: "error.required" } });
  });

  it("tells a missing field (required) from one sent in the wrong shape (invalid)", () => {
    const missing = parseSubmission(Schema, form({ email: "a@b.be", kind: "a", code: "1" }));
    expect(errorsOf(missing)).toEqual({ title: { key: "error.required" } });
    const twice = parseSubmission(Schema, form({ title: ["een", "twee"], email: "a@b.be", kind: "a", code: "1" }));
    expect(errorsOf(twice)).toEqual({ title: { key: "error.invalid" } });
  });

  it("reads raw strings (no coercion) and keeps what was typed for the form", () => {
    const ok = parseSubmission(Schema, form({ title: " Titel ", email: "a@b.be", kind: "b", code: "007" }));
    expect(ok.status).toBe("success");
    expect(ok.status === "success" && ok.value).toEqual({ title: "Titel", email: "a@b.be", kind: "b", code: "007" });
    const bad = parseSubmission(Schema, form({ formId: "f", title: "", email: "a@b.be", kind: "a", code: "1" }));
    expect(bad.reply().initialValue).toMatchObject({ formId: "f", email: "a@b.be", kind: "a", code: "1" });
  });

  it("dispatches on intent: the chosen form's fields only, an unknown intent is invalid", () => {
    const decline = parseSubmission(CurateIntentSchema, form({ intent: CURATE_INTENT.decline, reason: "r".repeat(LIMITS.reasonMax + 1), title: "" }));
    expect(errorsOf(decline)).toEqual({ reason: { key: "error.tooLong", vars: { max: LIMITS.reasonMax } } });
    expect(errorsOf(parseSubmission(CurateIntentSchema, form({ intent: "ontploffen" })))).toEqual({ intent: { key: "error.invalid" } });
  });
});
