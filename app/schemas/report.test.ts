import { describe, expect, it } from "vitest";
import { parseForm } from "./form";
import { StartReportSchema } from "./report";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

describe("StartReportSchema", () => {
  it("takes a real period", () => {
    const result = parseForm(StartReportSchema, form({ periodStart: "2026-01-01", periodEnd: "2026-03-31" }));
    expect(result.ok).toBe(true);
  });

  it.each([
    [{ periodStart: "", periodEnd: "2026-03-31" }, "periodStart"],
    [{ periodStart: "2026-01-01", periodEnd: "2026-11-31" }, "periodEnd"],
    [{ periodStart: "2026-02-30", periodEnd: "2026-11-31" }, "periodStart"],
    [{ periodStart: "gisteren", periodEnd: "" }, "periodStart"],
    [{ periodEnd: "2026-03-31" }, "periodStart"],
  ])("an empty or impossible day is the field's error, never a crash: %j", (fields, field) => {
    const result = parseForm(StartReportSchema, form(fields));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors)).toContain(field);
  });
});
