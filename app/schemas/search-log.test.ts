import { describe, expect, it } from "vitest";
import { isRefinement, normaliseQuery, SEARCH_LOG_QUERY_MAX } from "./search-log";

describe("normaliseQuery", () => {
  it("trims, lower-cases and collapses whitespace", () => {
    expect(normaliseQuery("  Spaarrekening   MINDERJARIGE\t opheffen ")).toBe("spaarrekening minderjarige opheffen");
  });
  it("gives an empty string for blank input", () => {
    expect(normaliseQuery("")).toBe("");
    expect(normaliseQuery(" \n\t ")).toBe("");
  });
  it("caps the length", () => {
    expect(normaliseQuery("a".repeat(1000))).toHaveLength(SEARCH_LOG_QUERY_MAX);
    expect(normaliseQuery(`${"b".repeat(SEARCH_LOG_QUERY_MAX - 1)} c`)).toBe("b".repeat(SEARCH_LOG_QUERY_MAX - 1));
  });
});

describe("isRefinement", () => {
  it("is true for typing on, backspacing and the same query", () => {
    expect(isRefinement("spa", "spaarrekening")).toBe(true);
    expect(isRefinement("spaarrekening", "spaar")).toBe(true);
    expect(isRefinement("volmacht", "volmacht")).toBe(true);
  });
  it("is false for a different query", () => {
    expect(isRefinement("spaarrekening", "termijnrekening")).toBe(false);
    expect(isRefinement("spaarrekening", "spaarboekje")).toBe(false);
  });
});
