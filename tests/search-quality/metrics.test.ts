import { describe, expect, it } from "vitest";
import { ndcgAt, reciprocalRank, scoreQuery, successAt, summarize } from "./metrics";

const grades = { a: 2, b: 1, c: 1 };

describe("search quality figures, computed by hand", () => {
  it("success@3 asks for an answer (grade 2) in the first three", () => {
    expect(successAt(3, ["x", "y", "a"], grades)).toBe(1);
    expect(successAt(3, ["x", "y", "z", "a"], grades)).toBe(0);
    // A related entry (grade 1) is not the answer.
    expect(successAt(3, ["b", "c", "x"], grades)).toBe(0);
    expect(successAt(3, [], grades)).toBe(0);
  });

  it("the reciprocal rank is that of the first answer", () => {
    expect(reciprocalRank(["a"], grades)).toBe(1);
    expect(reciprocalRank(["b", "x", "y", "a"], grades)).toBe(0.25);
    expect(reciprocalRank(["b", "c"], grades)).toBe(0);
  });

  it("nDCG@5 uses gain 2^grade − 1 and a log2(position + 1) discount", () => {
    // Ideal order a, b, c: 3/1 + 1/log2(3) + 1/2 = 3 + 0.63093 + 0.5 = 4.13093.
    expect(ndcgAt(5, ["a", "b", "c"], grades)).toBeCloseTo(1, 10);
    // b, a, x, c: 1/1 + 3/log2(3) + 0 + 1/log2(5) = 1 + 1.89279 + 0.43068 = 3.32347; / 4.13093 = 0.80453.
    expect(ndcgAt(5, ["b", "a", "x", "c"], grades)).toBeCloseTo(0.80453, 4);
    // Only the answer, at position 2: (3/log2(3)) / 4.13093 = 1.89279 / 4.13093 = 0.45820.
    expect(ndcgAt(5, ["x", "a"], grades)).toBeCloseTo(0.4582, 4);
    // Past the cut-off counts for nothing.
    expect(ndcgAt(5, ["x", "y", "z", "v", "w", "a"], grades)).toBe(0);
    expect(ndcgAt(5, ["x"], {})).toBe(0);
  });

  it("sums up per query set: means, and empty result lists counted", () => {
    const scores = [scoreQuery(["a"], grades), scoreQuery(["x", "a"], grades), scoreQuery([], grades)];
    expect(scores[2]).toEqual({ success3: 0, rr: 0, ndcg5: 0, empty: true });
    const summary = summarize(scores);
    expect(summary.n).toBe(3);
    expect(summary.success3).toBeCloseTo(2 / 3, 10);
    expect(summary.mrr).toBeCloseTo((1 + 0.5 + 0) / 3, 10);
    // nDCG of ["a"] alone: 3 / 4.13093 = 0.72623; of ["x", "a"]: 0.45820.
    expect(summary.ndcg5).toBeCloseTo((0.72623 + 0.4582) / 3, 4);
    expect(summary.empty).toBe(1);
    expect(summarize([])).toEqual({ n: 0, success3: 0, mrr: 0, ndcg5: 0, empty: 0 });
  });
});
