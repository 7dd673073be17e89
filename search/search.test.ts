import { describe, expect, it } from "vitest";
import { mergeByRarity, mergeRanked, similarityQueries, wholeWordMarks } from "./search.server";
import { rulesToSynonyms } from "./settings";
import { stem } from "./dutch";
import { SynonymIntentSchema } from "~/schemas/synonym";
import { checkRuleSet } from "~/schemas/synonym.shared";
import { seedSynonymRules } from "../prisma/seed-data/synonyms";

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
  it("work both ways in a group, one way in an expansion, merged where a word has several rules", () => {
    const map = rulesToSynonyms([
      { kind: "GROUP", term: null, words: ["volmacht", "mandaat", "gevolmachtigde"] },
      { kind: "GROUP", term: null, words: ["itsme", "digitale identiteit"] },
      { kind: "EXPANSION", term: "iban", words: ["rekeningnummer"] },
      { kind: "EXPANSION", term: "mandaat", words: ["machtiging"] },
    ]);
    expect(map.mandaat).toEqual(["volmacht", "gevolmachtigde", "machtiging"]);
    expect(map.volmacht).toEqual(expect.arrayContaining(["mandaat", "gevolmachtigde"]));
    expect(map["digitale identiteit"]).toEqual(["itsme"]);
    expect(map.iban).toEqual(["rekeningnummer"]);
    expect(map.rekeningnummer).toBeUndefined();
    expect(map.machtiging).toBeUndefined();
  });

  it("also holds every rule in stemmed form, for the query that searches the word-forms fields", () => {
    const map = rulesToSynonyms([
      { kind: "EXPANSION", term: "gp", words: ["getrouwheidspremie"] },
      { kind: "GROUP", term: null, words: ["afsluiten", "opheffen"] },
    ]);
    expect(map.gp).toEqual(["getrouwheidspremie"]);
    expect(map[stem("afsluiten")]).toEqual([stem("opheffen")]);
    expect(map.afsluiten).toEqual(expect.arrayContaining(["opheffen"]));
  });

  it("is empty without rules", () => {
    expect(rulesToSynonyms([])).toEqual({});
  });

  it("takes the demo's starting list, which passes the same checks as the knowledge manager's page", () => {
    const stored = seedSynonymRules.map((r, i) => ({ ...r, id: `seed${i}` }));
    for (const rule of stored) expect(checkRuleSet(stored, rule), JSON.stringify(rule)).toBeNull();
    for (const rule of seedSynonymRules) expect(SynonymIntentSchema.safeParse({ intent: "create", kind: rule.kind, term: rule.term ?? "", words: rule.words.join(", ") }).success, rule.words.join()).toBe(true);
    const map = rulesToSynonyms(seedSynonymRules);
    expect(map.spaarboekje).toContain("spaarrekening");
    expect(map.iban).toEqual(["rekeningnummer"]);
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

describe("mergeRanked", () => {
  it("orders by the best weighted score and shows a hit as the first list has it", () => {
    const text = [{ id: "a", _rankingScore: 0.5, label: "typed" }];
    const forms = [
      { id: "b", _rankingScore: 0.9, label: "stem" },
      { id: "a", _rankingScore: 1, label: "stem" },
    ];
    const merged = mergeRanked([
      { hits: text, weight: 1 },
      { hits: forms, weight: 0.9 },
    ]);
    expect(merged.map((h) => [h.id, h.label])).toEqual([
      ["a", "typed"],
      ["b", "stem"],
    ]);
  });
});

describe("wholeWordMarks", () => {
  it("carries a mark that ends inside a word to the word's end, and leaves whole-word marks alone", () => {
    expect(wholeWordMarks("naar \u0001tilaseferboekj\u0002e vandaag")).toBe("naar \u0001tilaseferboekje\u0002 vandaag");
    expect(wholeWordMarks("de \u0001rente\u0002, en")).toBe("de \u0001rente\u0002, en");
    expect(wholeWordMarks("\u0001basis\u0002rente")).toBe("\u0001basisrente\u0002");
  });
});
