import { describe, expect, it } from "vitest";
import { parseForm } from "./form";
import { CommunityIntentSchema, CreateCommunitySchema } from "./community";
import { slugify } from "./community.shared";

function form(values: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) for (const one of [v].flat()) data.append(k, one);
  return data;
}
const DEPT = "cdepartment0000001";
const LEAD = "cleaduser000000001";
const valid = { name: "  Sparen aan de lijn ", purpose: "Samen leren", departmentId: DEPT, visibility: "OPEN", leadIds: LEAD };

describe("community schemas", () => {
  it("reads a preset budget and trims the name", () => {
    expect(parseForm(CreateCommunitySchema, form({ ...valid, budgetPreset: "240/7" }))).toEqual({
      ok: true,
      data: { name: "Sparen aan de lijn", purpose: "Samen leren", departmentId: DEPT, visibility: "OPEN", leadIds: [LEAD], budgetMinutes: 240, budgetPeriodDays: 7 },
    });
    const dflt = parseForm(CreateCommunitySchema, form(valid));
    expect(dflt.ok && [dflt.data.budgetMinutes, dflt.data.budgetPeriodDays]).toEqual([120, 14]);
  });
  it("reads a custom budget and several leads (duplicates once)", () => {
    const r = parseForm(CreateCommunitySchema, form({ ...valid, budgetPreset: "custom", budgetMinutes: "90", budgetPeriodDays: "30", leadIds: [LEAD, LEAD, "cleaduser000000002"] }));
    expect(r.ok && r.data).toMatchObject({ budgetMinutes: 90, budgetPeriodDays: 30, leadIds: [LEAD, "cleaduser000000002"] });
  });
  it("rejects an empty or too long name, a missing lead, a bad department", () => {
    const r = parseForm(CreateCommunitySchema, form({ ...valid, name: "  ", leadIds: "", departmentId: "../x" }));
    expect(!r.ok && r.errors).toMatchObject({
      name: { key: "error.required" },
      leadIds: { key: "error.community.leadRequired" },
      departmentId: { key: "error.community.department" },
    });
    const long = parseForm(CreateCommunitySchema, form({ ...valid, name: "x".repeat(81) }));
    expect(!long.ok && long.errors.name).toEqual({ key: "error.tooLong", vars: { max: 80 } });
  });
  it.each([
    ["0", "14"],
    ["-5", "14"],
    ["10081", "14"],
    ["abc", "14"],
    ["120", "0"],
    ["120", "-1"],
    ["120", "366"],
    ["", ""],
  ])("rejects the custom budget %s minutes per %s days", (minutes, days) => {
    const r = parseForm(CreateCommunitySchema, form({ ...valid, budgetPreset: "custom", budgetMinutes: minutes, budgetPeriodDays: days }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).every((k) => k === "budgetMinutes" || k === "budgetPeriodDays")).toBe(true);
  });
  it("knows only its intents, with an id for the ones that act on a user", () => {
    expect(parseForm(CommunityIntentSchema, form({ intent: "join" })).ok).toBe(true);
    expect(parseForm(CommunityIntentSchema, form({ intent: "accept", userId: LEAD })).ok).toBe(true);
    expect(parseForm(CommunityIntentSchema, form({ intent: "accept" })).ok).toBe(false);
    expect(parseForm(CommunityIntentSchema, form({ intent: "delete" })).ok).toBe(false);
  });
  it("makes slugs without accents or punctuation", () => {
    expect(slugify("Sparen aan de lijn!")).toBe("sparen-aan-de-lijn");
    expect(slugify("Crème brûlée & co")).toBe("creme-brulee-co");
    expect(slugify("???")).toBe("community");
  });
});
