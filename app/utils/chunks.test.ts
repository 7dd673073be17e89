import { describe, expect, it } from "vitest";
import { chunks } from "./chunks";

describe("chunks", () => {
  it("slices a list in order and keeps the remainder", () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
  it("gives nothing for an empty list", () => {
    expect(chunks([], 3)).toEqual([]);
  });
});
