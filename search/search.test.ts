import { describe, expect, it } from "vitest";
import { similarityQuery } from "./search.server";

describe("similarityQuery", () => {
  it("puts the note's tags first, then the meaningful words of its title, at most 10 terms", () => {
    expect(similarityQuery({ title: "Premie loopt door na omzetting van het spaarboekje", tags: ["getrouwheidspremie"] })).toBe(
      "getrouwheidspremie premie loopt omzetting spaarboekje",
    );
    const long = similarityQuery({ title: Array.from({ length: 20 }, (_, i) => `woord${i}`).join(" "), tags: [] });
    expect(long.split(" ")).toHaveLength(10);
  });
  it("drops punctuation and duplicates", () => {
    expect(similarityQuery({ title: "Itsme: itsme werkt niet!", tags: ["itsme"] })).toBe("itsme werkt");
  });
});
