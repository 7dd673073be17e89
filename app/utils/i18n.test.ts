import { describe, expect, it } from "vitest";
import { formatDuration, pluralForm, translator } from "./i18n";

describe("plural messages", () => {
  it("pick the Dutch form by Intl.PluralRules", () => {
    const t = translator("nl");
    expect(t("entry.helpedCount", { count: 1 })).toBe("1 collega zei dat dit hielp");
    expect(t("entry.helpedCount", { count: 2 })).toBe("2 collega's zeiden dat dit hielp");
    expect(t("entry.helpedCount", { count: 0 })).toBe("0 collega's zeiden dat dit hielp");
    expect(t("search.results", { count: 1 })).toBe("1 resultaat");
    expect(t("search.results", { count: 12 })).toBe("12 resultaten");
    expect(t("communities.days", { count: 1 })).toBe("dag");
    expect(t("communities.days", { count: 14 })).toBe("14 dagen");
    expect(t("reports.membersValue", { count: 1, active: 1 })).toBe("1 lid, waarvan 1 actief");
  });

  it("pick the English form by Intl.PluralRules", () => {
    const t = translator("en");
    expect(t("entry.helpedCount", { count: 1 })).toBe("1 colleague said this helped");
    expect(t("entry.helpedCount", { count: 3 })).toBe("3 colleagues said this helped");
    expect(t("reports.timesHelped", { count: 1 })).toBe("1 time");
    expect(t("reports.timesHelped", { count: 2 })).toBe("2 times");
    expect(t("km.hours", { count: 1.5, value: "1.5" })).toBe("1.5 hours");
    expect(t("km.days", { count: 1, value: "1" })).toBe("1 day");
  });

  it("fall back to the other form when a category has no form of its own", () => {
    expect(pluralForm("nl", { other: "{count} keer" }, 1)).toBe("{count} keer");
    expect(pluralForm("en", { one: "one", other: "many" }, Number.NaN)).toBe("many");
  });
});

describe("durations", () => {
  it("read as hours and minutes, never as a time of day", () => {
    const nl = translator("nl");
    const en = translator("en");
    expect(formatDuration(nl, 18 * 60 + 15)).toBe("18 u 15 min");
    expect(formatDuration(en, 18 * 60 + 15)).toBe("18 h 15 min");
    expect(formatDuration(nl, 22 * 60)).toBe("22 u");
    expect(formatDuration(nl, 45)).toBe("45 min");
    expect(formatDuration(en, 0)).toBe("0 min");
    expect(formatDuration(nl, -90)).toBe("-1 u 30 min");
  });
});
