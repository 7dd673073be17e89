import { describe, expect, it } from "vitest";
import { similarityQueries } from "./search.server";

describe("similarityQueries", () => {
  it("builds a distinctive query (title words first) and a broad one (tags first)", () => {
    expect(similarityQueries({ title: "Premie loopt door na omzetting van het spaarboekje", tags: ["getrouwheidspremie"] })).toEqual({
      distinctive: "premie loopt omzetting spaarboekje getrouwheidspremie",
      broad: "getrouwheidspremie premie loopt omzetting spaarboekje",
    });
  });
  it("keeps at most 10 terms, without punctuation or duplicates", () => {
    const long = similarityQueries({ title: Array.from({ length: 20 }, (_, i) => `woord${i}`).join(" "), tags: [] });
    expect(long.distinctive.split(" ")).toHaveLength(10);
    expect(similarityQueries({ title: "Itsme: itsme werkt niet!", tags: ["itsme"] }).broad).toBe("itsme werkt");
  });
});
