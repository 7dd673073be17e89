import { describe, expect, it } from "vitest";
import { parseForm } from "./form";
import { SynonymIntentSchema } from "./synonym";
import { checkRuleSet, splitWords, SYNONYM_LIMITS, toRuleInput, type StoredSynonymRule } from "./synonym.shared";

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}
const group = (words: string) => form({ intent: "create", kind: "GROUP", words });
const expansion = (term: string, words: string) => form({ intent: "create", kind: "EXPANSION", term, words });
const errors = (data: FormData) => {
  const result = parseForm(SynonymIntentSchema, data);
  return result.ok ? null : result.errors;
};

describe("a synonym rule on its own", () => {
  it("reads words lower-cased and trimmed, split on commas, semicolons and lines, inner spaces collapsed", () => {
    expect(splitWords(" Spaarrekening ,SPAARBOEKJE;\n valse   SMS ,, ")).toEqual(["spaarrekening", "spaarboekje", "valse sms"]);
    const result = parseForm(SynonymIntentSchema, group("Rente, Intrest"));
    expect(result.ok && toRuleInput(result.data as never)).toEqual({ kind: "GROUP", term: null, words: ["rente", "intrest"] });
    const abbreviation = parseForm(SynonymIntentSchema, expansion(" IBAN ", "Rekeningnummer"));
    expect(abbreviation.ok && toRuleInput(abbreviation.data as never)).toEqual({ kind: "EXPANSION", term: "iban", words: ["rekeningnummer"] });
  });

  it("takes letters of any language, digits, spaces, hyphens and apostrophes", () => {
    expect(errors(group("domiciliëring, e-banking, 2fa, auto's"))).toBeNull();
  });

  it("refuses markup and other characters, naming the word", () => {
    expect(errors(group("<script>alert(1)</script>, rente"))).toEqual({ words: { key: "error.synonym.wordChars", vars: { word: "<script>alert(1)</script>" } } });
    expect(errors(expansion("iban!", "rekeningnummer"))).toEqual({ term: { key: "error.synonym.wordChars", vars: { word: "iban!" } } });
  });

  it("refuses empty input and words over the length limit", () => {
    expect(errors(group("  , ,"))).toEqual({ words: { key: "error.synonym.wordsRequired" } });
    expect(errors(expansion("", "rekeningnummer"))).toEqual({ term: { key: "error.synonym.termRequired" } });
    const long = "a".repeat(SYNONYM_LIMITS.wordMax + 1);
    expect(errors(group(`${long}, rente`))?.words).toMatchObject({ key: "error.synonym.wordTooLong", vars: { max: SYNONYM_LIMITS.wordMax } });
  });

  it("counts words: a group 2 to 20, an expansion 1 to 10; a pasted list of 10 000 words is told its size", () => {
    expect(errors(group("rente"))).toEqual({ words: { key: "error.synonym.groupSize", vars: { min: 2, max: 20, count: 1 } } });
    const many = Array.from({ length: 10_000 }, (_, i) => `woord${i}`).join(", ");
    expect(errors(group(many))).toEqual({ words: { key: "error.synonym.groupSize", vars: { min: 2, max: 20, count: 10_000 } } });
    expect(errors(expansion("iban", Array.from({ length: 11 }, (_, i) => `w${i}`).join(",")))).toEqual({
      words: { key: "error.synonym.expansionSize", vars: { min: 1, max: 10, count: 11 } },
    });
  });

  it("refuses duplicates inside a rule and a term that expands to itself", () => {
    expect(errors(group("rente, intrest, Rente"))).toEqual({ words: { key: "error.synonym.duplicate", vars: { word: "rente" } } });
    expect(errors(expansion("iban", "rekeningnummer, IBAN"))).toEqual({ words: { key: "error.synonym.selfExpansion", vars: { term: "iban" } } });
    expect(errors(expansion("iban, bic", "rekeningnummer"))).toEqual({ term: { key: "error.synonym.oneTerm" } });
  });

  it("knows only its intents and kinds", () => {
    expect(parseForm(SynonymIntentSchema, form({ intent: "drop", ruleId: "crule0000000001" })).ok).toBe(false);
    expect(errors(form({ intent: "create", kind: "MAGIC", words: "a, b" }))?.kind).toBeTruthy();
    expect(errors(form({ intent: "delete", ruleId: "../etc" }))?.ruleId).toBeTruthy();
  });
});

describe("a synonym rule among the others", () => {
  const rules: StoredSynonymRule[] = [
    { id: "g1", kind: "GROUP", term: null, words: ["spaarrekening", "spaarboekje"] },
    { id: "e1", kind: "EXPANSION", term: "iban", words: ["rekeningnummer"] },
    { id: "e2", kind: "EXPANSION", term: "a", words: ["b"] },
    { id: "e3", kind: "EXPANSION", term: "b", words: ["c"] },
  ];

  it("accepts a rule that fits", () => {
    expect(checkRuleSet(rules, { kind: "GROUP", term: null, words: ["rente", "intrest"] })).toBeNull();
    expect(checkRuleSet(rules, { kind: "EXPANSION", term: "bic", words: ["swift"] })).toBeNull();
    // A rule compared with itself when it is edited: keeping its words is fine.
    expect(checkRuleSet(rules, { id: "g1", kind: "GROUP", term: null, words: ["spaarrekening", "spaarboekje", "spaarboek"] })).toBeNull();
  });

  it("keeps a word in one group", () => {
    expect(checkRuleSet(rules, { kind: "GROUP", term: null, words: ["spaarboekje", "boekje"] })).toEqual({
      field: "words",
      message: { key: "error.synonym.inOtherGroup", vars: { word: "spaarboekje", group: "spaarrekening, spaarboekje" } },
    });
  });

  it("keeps one expansion per term", () => {
    expect(checkRuleSet(rules, { kind: "EXPANSION", term: "iban", words: ["bankrekening"] })).toEqual({ field: "term", message: { key: "error.synonym.termTaken", vars: { term: "iban" } } });
  });

  it("refuses cycles, direct and through other expansions, also when an edit makes one", () => {
    expect(checkRuleSet(rules, { kind: "EXPANSION", term: "rekeningnummer", words: ["iban"] })).toEqual({
      field: "words",
      message: { key: "error.synonym.cycle", vars: { path: "rekeningnummer → iban → rekeningnummer" } },
    });
    expect(checkRuleSet(rules, { kind: "EXPANSION", term: "c", words: ["x", "a"] })?.message).toEqual({ key: "error.synonym.cycle", vars: { path: "c → a → b → c" } });
    expect(checkRuleSet(rules, { id: "e3", kind: "EXPANSION", term: "b", words: ["a"] })?.message.key).toBe("error.synonym.cycle");
  });

  it("stops at the total number of rules", () => {
    const full: StoredSynonymRule[] = Array.from({ length: SYNONYM_LIMITS.rulesMax }, (_, i) => ({ id: `r${i}`, kind: "EXPANSION", term: `t${i}`, words: [`w${i}`] }));
    expect(checkRuleSet(full, { kind: "EXPANSION", term: "new", words: ["word"] })).toEqual({ field: "_form", message: { key: "error.synonym.tooManyRules", vars: { max: SYNONYM_LIMITS.rulesMax } } });
    expect(checkRuleSet(full, { id: "r0", kind: "EXPANSION", term: "t0", words: ["other"] })).toBeNull();
  });
});
