import { describe, expect, it } from "vitest";
import { parseForm } from "./form";
import { isoDayFromToday, today } from "~/utils/dates";
import { ProductIntentSchema } from "./product";
import { PRODUCT_LIMITS } from "./product.shared";

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}
const TAG = "ctag000000000001";
const retire = { intent: "retire", tagId: TAG, retiresOn: isoDayFromToday(30), note: " Spaarrekening Plus stopt op 1 maart " };

describe("product schemas", () => {
  it("reads a retirement: the day at midnight UTC, the note trimmed, the checkbox", () => {
    expect(parseForm(ProductIntentSchema, form({ ...retire, archiveOnRetire: "on" }))).toEqual({
      ok: true,
      data: { intent: "retire", tagId: TAG, retiresOn: new Date(`${isoDayFromToday(30)}T00:00:00Z`), note: "Spaarrekening Plus stopt op 1 maart", archiveOnRetire: true },
    });
    expect(parseForm(ProductIntentSchema, form({ ...retire, retiresOn: today() }))).toMatchObject({ ok: true, data: { archiveOnRetire: false } });
  });

  it("refuses a past, impossible or far day, and an empty or oversized note", () => {
    const errorOf = (values: Record<string, string>) => {
      const result = parseForm(ProductIntentSchema, form({ ...retire, ...values }));
      return result.ok ? null : result.errors;
    };
    expect(errorOf({ retiresOn: isoDayFromToday(-1) })).toEqual({ retiresOn: { key: "error.product.retiresPast" } });
    expect(errorOf({ retiresOn: "2027-02-30" })).toEqual({ retiresOn: { key: "error.product.retiresOn" } });
    expect(errorOf({ retiresOn: isoDayFromToday(PRODUCT_LIMITS.retireDaysMax + 1) })).toEqual({ retiresOn: { key: "error.product.retiresFar" } });
    expect(errorOf({ note: "   " })).toEqual({ note: { key: "error.product.noteRequired" } });
    expect(errorOf({ note: "x".repeat(PRODUCT_LIMITS.noteMax + 1) })).toEqual({ note: { key: "error.tooLong", vars: { max: PRODUCT_LIMITS.noteMax } } });
  });

  it("reads a review interval: whole days within the limits, or empty for none", () => {
    const interval = (days: string) => parseForm(ProductIntentSchema, form({ intent: "interval", tagId: TAG, reviewIntervalDays: days }));
    expect(interval("90")).toEqual({ ok: true, data: { intent: "interval", tagId: TAG, reviewIntervalDays: 90 } });
    expect(interval("")).toEqual({ ok: true, data: { intent: "interval", tagId: TAG, reviewIntervalDays: null } });
    for (const bad of ["6", "1096", "30.5", "-7", "abc"]) {
      expect(interval(bad), bad).toMatchObject({ ok: false, errors: { reviewIntervalDays: { key: "error.product.interval", vars: { min: 7, max: 1095 } } } });
    }
  });
});
