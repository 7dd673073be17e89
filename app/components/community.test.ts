import { describe, expect, it } from "vitest";
import { translator } from "~/utils/i18n";
import { budgetText } from "./community";

describe("budgetText", () => {
  const nl = translator("nl");
  it("says the presets the way people say them", () => {
    expect(budgetText(nl, 120, 14)).toBe("2 u per 14 dagen per lid");
    expect(budgetText(nl, 240, 7)).toBe("½ dag per week per lid");
    expect(budgetText(nl, 90, 1)).toBe("1 u 30 min per dag per lid");
    expect(budgetText(nl, 45, 30)).toBe("45 min per 30 dagen per lid");
    expect(budgetText(translator("en"), 120, 14)).toBe("2 h per 14 days per member");
  });
});
