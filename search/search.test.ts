import { describe, expect, it } from "vitest";
import { mergeByRarity, similarityQueries } from "./search.server";

describe("similarityQueries", () => {
  it("puts the title's meaningful words first, then the tags", () => {
    expect(similarityQueries({ title: "Klant belde: premie loopt door na omzetting van het spaarboekje", tags: ["getrouwheidspremie"] }).broad).toBe(
      "premie loopt omzetting spaarboekje getrouwheidspremie",
    );
  });
  it("keeps at most 10 terms, without punctuation or duplicates", () => {
    const long = similarityQueries({ title: Array.from({ length: 20 }, (_, i) => `woord${i}`).join(" "), tags: [] });
    expect(long.distinctive.split(" ")).toHaveLength(10);
    expect(similarityQueries({ title: "Itsme: itsme werkt niet!", tags: ["itsme"] }).distinctive).toBe("itsme werkt");
  });
});

describe("synonyms", () => {
  it("work both ways: every word of a group finds the others", async () => {
    const { DEFAULT_SYNONYMS } = await import("./settings");
    expect(DEFAULT_SYNONYMS.mandaat).toContain("volmacht");
    expect(DEFAULT_SYNONYMS.volmacht).toContain("mandaat");
    expect(DEFAULT_SYNONYMS["digitale identiteit"]).toEqual(["itsme"]);
  });
});

describe("mergeByRarity", () => {
  const hits = (...ids: string[]) => ids.map((id) => ({ id }));
  it("puts documents matching every word first, then the rarest word's hits, in turns, without duplicates", () => {
    const merged = mergeByRarity(hits("both"), [
      { hits: hits("v1", "v2", "v3", "both"), total: 40 },
      { hits: hits("rare", "both"), total: 2 },
    ], 5);
    expect(merged.map((h) => h.id)).toEqual(["both", "rare", "v1", "v2", "v3"]);
  });
  it("stops at the limit and copes with nothing found", () => {
    expect(mergeByRarity(hits("a", "b", "c"), [{ hits: hits("d"), total: 1 }], 2).map((h) => h.id)).toEqual(["a", "b"]);
    expect(mergeByRarity([], [{ hits: [], total: 0 }], 5)).toEqual([]);
  });
});
