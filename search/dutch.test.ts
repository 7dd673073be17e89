import { describe, expect, it, vi } from "vitest";
import { compoundParts, stem, textTerms, tokenize } from "./dutch";

describe("Dutch word forms", () => {
  it("reads the dictionary when warmed up, not at the first search that needs it", async () => {
    vi.resetModules();
    const fresh = await import("./dutch");
    expect(fresh.lexiconLoaded()).toBe(false);
    expect(fresh.warmUpDutch()).toBeGreaterThan(100_000);
    expect(fresh.lexiconLoaded()).toBe(true);
    expect(fresh.compoundParts("getrouwheidspremie")).toEqual(["getrouwheid", "premie"]);
  });

  it("stems plural and singular alike, also a plural in -es after a vowel", () => {
    expect(stem("rekeningen")).toBe(stem("rekening"));
    expect(stem("opnames")).toBe(stem("opname"));
    expect(stem("premies")).toBe(stem("premie"));
    expect(stem("overleden")).toBe(stem("overledene"));
  });

  it("takes the s off a plural of a compound no dictionary lists whole, but keeps a word that ends in -es", () => {
    expect(stem("getrouwheidspremies")).toBe(stem("getrouwheidspremie"));
    expect(stem("adres")).toBe("adres");
  });

  it("brings the plurals in -eren back to the singular, also in a compound", () => {
    expect(stem("kinderen")).toBe(stem("kind"));
    expect(stem("kleinkinderen")).toBe(stem("kleinkind"));
    expect(stem("bladeren")).toBe(stem("blad"));
    expect(stem("bankadres")).not.toBe("bankadre");
  });

  it("splits compounds the dictionary knows, with a linking s taken off", () => {
    expect(compoundParts("basisrente")).toEqual(["basis", "rente"]);
    expect(compoundParts("spaarrekening")).toEqual(["spaar", "rekening"]);
    expect(compoundParts("getrouwheidspremie")).toEqual(["getrouwheid", "premie"]);
    expect(compoundParts("huurwaarborg")).toEqual(["huur", "waarborg"]);
    expect(compoundParts("begrafeniskosten")).toEqual(["begrafenis", "kosten"]);
  });

  it("leaves plain words and short words whole", () => {
    expect(compoundParts("automaat")).toEqual([]);
    expect(compoundParts("rente")).toEqual([]);
    expect(compoundParts("kb")).toEqual([]);
    expect(compoundParts("2025")).toEqual([]);
  });

  it("gives a text's terms once each: stems and the stems of compound parts", () => {
    const terms = textTerms("De basisrente en de rente", { stems: true, compounds: true }).split(" ");
    expect(terms).toContain(stem("rente"));
    expect(terms).toContain(stem("basisrente"));
    expect(new Set(terms).size).toBe(terms.length);
    expect(textTerms("Basisrente", { stems: false, compounds: true }).split(" ")).toEqual(["basisrente", "basis", "rente"]);
  });

  it("tokenizes letters and digits only", () => {
    expect(tokenize("Deposito- en Consignatiekas (DCK), 2025!")).toEqual(["deposito", "en", "consignatiekas", "dck", "2025"]);
    expect(tokenize("🏦 \u200f")).toEqual([]);
  });
});
