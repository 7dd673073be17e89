import { describe, expect, it } from "vitest";
import { parseForm } from "./form";
import { DeclineSchema, NoteSchema, PublishSchema, SearchParamsSchema } from "./note";
import { LIMITS, lastSearchPage } from "./note.shared";

function form(values: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) for (const item of [v].flat()) data.append(k, item);
  return data;
}

describe("NoteSchema", () => {
  it("normalises tags: trimmed, lower-case, unique", () => {
    const result = parseForm(NoteSchema, form({ title: "  Getrouwheidspremie  ", tags: "Spaarrekening, itsme ,, spaarrekening" }));
    expect(result).toMatchObject({ ok: true, data: { title: "Getrouwheidspremie", tags: ["spaarrekening", "itsme"] } });
  });
  it("rejects an empty title with 'required' and keeps what was typed", () => {
    const result = parseForm(NoteSchema, form({ title: "   ", tags: "app" }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.title).toEqual({ key: "error.required" });
      expect(result.values.tags).toBe("app");
    }
  });
  it("rejects a title that is too long, with the limit", () => {
    const result = parseForm(NoteSchema, form({ title: "x".repeat(LIMITS.titleMax + 1) }));
    expect(!result.ok && result.errors.title).toEqual({ key: "error.tooLong", vars: { max: LIMITS.titleMax } });
  });
  it("rejects hostile tags and too many tags", () => {
    expect(parseForm(NoteSchema, form({ title: "t", tags: "<script>alert(1)</script>" })).ok).toBe(false);
    const many = Array.from({ length: LIMITS.tagsMax + 1 }, (_, i) => `tag${i}`).join(",");
    const result = parseForm(NoteSchema, form({ title: "t", tags: many }));
    expect(!result.ok && result.errors.tags).toEqual({ key: "error.tooManyTags", vars: { max: LIMITS.tagsMax } });
  });
  it("ignores fields a client should not set (status, authorId)", () => {
    const result = parseForm(NoteSchema, form({ title: "t", state: "PUBLISHED", authorId: "someone" }));
    expect(result.ok && Object.keys(result.data).filter((k) => !["title", "tags", "communityId"].includes(k))).toEqual([]);
  });
  it("rejects a malformed community id", () => {
    expect(parseForm(NoteSchema, form({ title: "t", communityId: "../../etc" })).ok).toBe(false);
  });
});

describe("curation schemas", () => {
  it("publish needs a title; decline needs a reason", () => {
    expect(parseForm(PublishSchema, form({ intent: "publish", title: "" })).ok).toBe(false);
    const declined = parseForm(DeclineSchema, form({ intent: "decline", reason: "" }));
    expect(!declined.ok && declined.errors.reason).toEqual({ key: "error.required" });
    expect(parseForm(DeclineSchema, form({ intent: "decline", reason: "x".repeat(LIMITS.reasonMax + 1) })).ok).toBe(false);
  });
});

describe("SearchParamsSchema: pages", () => {
  it("reads a page number 1..50 and takes the first page for anything else", () => {
    const page = (value: unknown) => SearchParamsSchema.parse({ q: "x", tag: [], community: [], page: value }).page;
    expect(page(undefined)).toBe(1);
    expect(page("3")).toBe(3);
    expect(page("50")).toBe(50);
    for (const bad of ["0", "-2", "51", "2.5", "abc", "<script>", "9".repeat(400)]) expect(page(bad), bad).toBe(1);
  });
});

describe("lastSearchPage", () => {
  it("is 1 for no results or one page, rounds up, and stops at 50", () => {
    expect([0, 1, 20, 21, 40, 41, 5000].map(lastSearchPage)).toEqual([1, 1, 1, 2, 2, 3, 50]);
  });
});
