import { describe, expect, it } from "vitest";
import { parseDay } from "~/utils/dates";
import { period } from "./report-period";

const d = (s: string) => parseDay(s)!;

describe("report periods", () => {
  it("parses real calendar days only", () => {
    expect(parseDay("2026-02-28")?.toISOString()).toBe("2026-02-28T00:00:00.000Z");
    for (const bad of ["2026-02-30", "2026-2-3", "", "28-02-2026", "2026-02-28T00:00"]) expect(parseDay(bad)).toBeNull();
    expect(period(d("2026-03-01"), d("2026-03-14")).days).toBe(14);
  });
});
