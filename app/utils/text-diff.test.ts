import { describe, expect, it } from "vitest";
import { diffTags, diffText, hasChanges } from "./text-diff";

describe("diffText", () => {
  it("marks replaced, added and removed words and keeps the rest", () => {
    expect(diffText("De klant belt het kantoor.", "De klant mailt het kantoor vandaag.")).toEqual([
      { kind: "same", text: "De klant " },
      { kind: "removed", text: "belt" },
      { kind: "added", text: "mailt" },
      { kind: "same", text: " het kantoor" },
      { kind: "added", text: " vandaag" },
      { kind: "same", text: "." },
    ]);
  });

  it("keeps line breaks as they are, so paragraphs stay paragraphs", () => {
    const parts = diffText("Eerste alinea.\n\nTweede alinea.", "Eerste alinea.\n\nTweede alinea.\n\nDerde alinea.");
    expect(parts.map((p) => p.text).join("")).toBe("Eerste alinea.\n\nTweede alinea.\n\nDerde alinea.");
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text).join("")).toBe("\n\nDerde alinea.");
    expect(parts.filter((p) => p.kind === "removed")).toEqual([]);
  });

  it("rebuilds both versions from its parts", () => {
    const before = "Getrouwheidspremie: 12 maanden op de rekening laten staan.";
    const after = "Getrouwheidspremie: twaalf maanden laten staan, ook na een overschrijving.";
    const parts = diffText(before, after);
    expect(parts.filter((p) => p.kind !== "added").map((p) => p.text).join("")).toBe(before);
    expect(parts.filter((p) => p.kind !== "removed").map((p) => p.text).join("")).toBe(after);
    expect(hasChanges(parts)).toBe(true);
  });

  it("reports no change for equal texts", () => {
    expect(diffText("Zelfde tekst", "Zelfde tekst")).toEqual([{ kind: "same", text: "Zelfde tekst" }]);
    expect(hasChanges(diffText("Zelfde tekst", "Zelfde tekst"))).toBe(false);
    expect(diffText("", "")).toEqual([]);
  });
});

describe("diffTags", () => {
  it("tells added, removed and kept tags apart", () => {
    expect(diffTags(["sparen", "premie"], ["premie", "termijnrekening"])).toEqual({ added: ["termijnrekening"], removed: ["sparen"], kept: ["premie"] });
    expect(diffTags([], ["a"])).toEqual({ added: ["a"], removed: [], kept: [] });
  });
});
