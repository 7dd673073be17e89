import { describe, expect, it } from "vitest";
import { ALL_STEPS, QUERY_CHARS_MAX, didYouMean, editDistance, parseSearchSteps, understandQuery } from "./query";

describe("understandQuery", () => {
  it("takes question words and fillers out of the lead", () => {
    expect(understandQuery("wanneer wordt de getrouwheidspremie uitbetaald").text).toBe("getrouwheidspremie uitbetaald");
    expect(understandQuery("mag een klant van 15 zelf geld afhalen van zijn spaarrekening").text).toBe("geld afhalen spaarrekening 15");
    expect(understandQuery("wat moet ik doen als een klant op een phishing link klikte").text).toBe("phishing link klikte");
    expect(understandQuery("kan ik mijn termijnrekening eerder stoppen").text).toBe("termijnrekening eerder stoppen");
    expect(understandQuery("Hoe verhoog ik de limiet in de app?").text).toBe("verhoog limiet app");
  });

  it("puts numbers last, where Meilisearch drops words first when no entry has them all", () => {
    expect(understandQuery("500 euro afhalen zonder kaart").text).toBe("euro afhalen zonder kaart 500");
    expect(understandQuery("2025").text).toBe("2025");
  });

  it("leaves a query of fillers only as it was, so there is still something to search for", () => {
    expect(understandQuery("wat is het").text).toBe("wat is het");
    expect(understandQuery("hoe").words).toEqual(["hoe"]);
  });

  it("keeps the words as typed when the step is off", () => {
    expect(understandQuery("wanneer rente", { ...ALL_STEPS, understand: false }).text).toBe("wanneer rente");
  });

  it("sends the words' Dutch stems to the word-forms fields", () => {
    const q = understandQuery("opnames spaarrekeningen");
    expect(q.forms.split(" ")).toEqual(["opnam", "spaarreken"]);
    expect(understandQuery("opnames", { ...ALL_STEPS, stems: false, compounds: false }).forms).toBe("");
  });

  it("sends a phrase in quotes as typed", () => {
    expect(understandQuery('"card stop" nummer').text).toBe('"card stop" nummer');
  });

  it("answers bad input with a short, clean query or an empty one, never an error", () => {
    const long = understandQuery("spaarrekening ".repeat(1000));
    expect(long.raw.length).toBeLessThanOrEqual(QUERY_CHARS_MAX);
    expect(long.words.length).toBeLessThanOrEqual(10);
    expect(understandQuery("x".repeat(10_000)).text.length).toBe(40);
    expect(understandQuery("?!…;:()").text).toBe("");
    expect(understandQuery("💸🏦").text).toBe("");
    expect(understandQuery("\u200frente\u200e \u202ekasbon\u202c").text).toBe("rente kasbon");
    expect(understandQuery("").text).toBe("");
    expect(understandQuery("a\u0000b").raw).toBe("a b");
  });
});

describe("parseSearchSteps", () => {
  it("is every step by default, none with none, else the named ones", () => {
    expect(parseSearchSteps(undefined)).toEqual(ALL_STEPS);
    expect(parseSearchSteps("all")).toEqual(ALL_STEPS);
    expect(Object.values(parseSearchSteps("none")).some(Boolean)).toBe(false);
    expect(parseSearchSteps("understand, stems")).toEqual({ understand: true, stems: true, compounds: false, relaxed: false });
  });
});

describe("didYouMean", () => {
  it("replaces a word the hits do not hold by the closest one they do", () => {
    expect(didYouMean(["spaarrekenig", "openen"], ["spaarrekening", "openen"])).toBe("spaarrekening openen");
  });
  it("says nothing when every word is found, or nothing is close", () => {
    expect(didYouMean(["kasbon"], ["kasbon"])).toBeNull();
    expect(didYouMean(["spaarpot"], ["kasbon", "rente"])).toBeNull();
    expect(didYouMean(["rv"], ["rente"])).toBeNull();
  });
  it("measures edit distance with an early stop", () => {
    expect(editDistance("kasbon", "kasbon")).toBe(0);
    expect(editDistance("kasbon", "kasbno")).toBe(2);
    expect(editDistance("kasbon", "termijnrekening")).toBe(3);
  });
});
