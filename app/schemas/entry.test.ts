import { describe, expect, it } from "vitest";
import { isoDayFromToday } from "~/utils/dates";
import { ArchiveIntentSchema, EditEntrySchema, SuccessorQuerySchema } from "./entry";
import { ENTRY_LIMITS } from "./entry.shared";
import { parseForm } from "./form";
import { LIMITS } from "./note.shared";

function form(values: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) for (const item of [v].flat()) data.append(k, item);
  return data;
}

const OWNER = "cowner0000000000000001";
const FLAG_A = "cflaga0000000000000001";
const FLAG_B = "cflagb0000000000000001";
const valid = { version: "3", title: "Getrouwheidspremie", tags: "Sparen, premie", ownerId: OWNER, reviewBy: isoDayFromToday(30), changeNote: "Nieuwe rentevoet sinds maart." };

describe("EditEntrySchema", () => {
  it("reads a save: the version edited, normalised tags, the review date as a day, no flags", () => {
    const result = parseForm(EditEntrySchema, form(valid));
    expect(result).toMatchObject({ ok: true, data: { version: 3, title: "Getrouwheidspremie", tags: ["sparen", "premie"], ownerId: OWNER, resolveFlagIds: [] } });
    expect(result.ok && result.data.reviewBy.toISOString()).toBe(`${isoDayFromToday(30)}T00:00:00.000Z`);
  });
  it("reads one ticked flag or several, each once", () => {
    expect(parseForm(EditEntrySchema, form({ ...valid, resolveFlagIds: FLAG_A }))).toMatchObject({ ok: true, data: { resolveFlagIds: [FLAG_A] } });
    expect(parseForm(EditEntrySchema, form({ ...valid, resolveFlagIds: [FLAG_A, FLAG_B, FLAG_A] }))).toMatchObject({ ok: true, data: { resolveFlagIds: [FLAG_A, FLAG_B] } });
  });
  it("requires a title and a change note, within their limits", () => {
    const empty = parseForm(EditEntrySchema, form({ ...valid, title: "  ", changeNote: " " }));
    expect(!empty.ok && empty.errors).toMatchObject({ title: { key: "error.required" }, changeNote: { key: "error.entryLife.changeNote" } });
    const long = parseForm(EditEntrySchema, form({ ...valid, title: "x".repeat(LIMITS.titleMax + 1), changeNote: "x".repeat(ENTRY_LIMITS.changeNoteMax + 1) }));
    expect(!long.ok && long.errors).toMatchObject({
      title: { key: "error.tooLong", vars: { max: LIMITS.titleMax } },
      changeNote: { key: "error.tooLong", vars: { max: ENTRY_LIMITS.changeNoteMax } },
    });
    expect(parseForm(EditEntrySchema, form({ ...valid, changeNote: "x".repeat(ENTRY_LIMITS.changeNoteMax) })).ok).toBe(true);
  });
  it("takes a review date after today and within three years only", () => {
    const error = (reviewBy: string) => {
      const result = parseForm(EditEntrySchema, form({ ...valid, reviewBy }));
      return result.ok ? null : result.errors.reviewBy;
    };
    expect(error(isoDayFromToday(0))).toEqual({ key: "error.entryLife.reviewPast" });
    expect(error(isoDayFromToday(-10))).toEqual({ key: "error.entryLife.reviewPast" });
    expect(error(isoDayFromToday(1))).toBeNull();
    expect(error(isoDayFromToday(ENTRY_LIMITS.reviewDaysMax))).toBeNull();
    expect(error(isoDayFromToday(ENTRY_LIMITS.reviewDaysMax + 1))).toEqual({ key: "error.entryLife.reviewFar" });
    expect(error("2027-02-30")).toEqual({ key: "error.entryLife.reviewDate" });
    expect(error("morgen")).toEqual({ key: "error.entryLife.reviewDate" });
    expect(error("")).toEqual({ key: "error.required" });
  });
  it("refuses a missing or odd version, owner, community or flag id", () => {
    expect(parseForm(EditEntrySchema, form({ ...valid, version: "" })).ok).toBe(false);
    expect(parseForm(EditEntrySchema, form({ ...valid, version: "-1" })).ok).toBe(false);
    const owner = parseForm(EditEntrySchema, form({ ...valid, ownerId: "" }));
    expect(!owner.ok && owner.errors.ownerId).toBeTruthy();
    expect(parseForm(EditEntrySchema, form({ ...valid, communityId: "../x" })).ok).toBe(false);
    expect(parseForm(EditEntrySchema, form({ ...valid, resolveFlagIds: ["<script>"] })).ok).toBe(false);
    const many = Array.from({ length: ENTRY_LIMITS.flagsMax + 1 }, (_, i) => `cflag${String(i).padStart(17, "0")}`);
    expect(parseForm(EditEntrySchema, form({ ...valid, resolveFlagIds: many })).ok).toBe(false);
  });
  it("keeps what was typed after a refusal", () => {
    const result = parseForm(EditEntrySchema, form({ ...valid, title: "", changeNote: "<script>alert(1)</script>" }));
    expect(!result.ok && result.values).toMatchObject({ changeNote: "<script>alert(1)</script>", version: "3" });
  });
});

describe("ArchiveIntentSchema", () => {
  it("archives with a reason and an optional successor", () => {
    expect(parseForm(ArchiveIntentSchema, form({ intent: "archive", reason: " Product stopt ", successorId: "" }))).toEqual({
      ok: true,
      data: { intent: "archive", reason: "Product stopt", successorId: undefined },
    });
    expect(parseForm(ArchiveIntentSchema, form({ intent: "archive", reason: "Dubbel", successorId: OWNER }))).toMatchObject({ ok: true, data: { successorId: OWNER } });
  });
  it("requires the reason within its limit and a well-formed successor id", () => {
    const empty = parseForm(ArchiveIntentSchema, form({ intent: "archive", reason: "" }));
    expect(!empty.ok && empty.errors.reason).toEqual({ key: "error.entryLife.reason" });
    const long = parseForm(ArchiveIntentSchema, form({ intent: "archive", reason: "x".repeat(ENTRY_LIMITS.archiveReasonMax + 1) }));
    expect(!long.ok && long.errors.reason).toEqual({ key: "error.tooLong", vars: { max: ENTRY_LIMITS.archiveReasonMax } });
    const odd = parseForm(ArchiveIntentSchema, form({ intent: "archive", reason: "x", successorId: "' OR 1=1" }));
    expect(!odd.ok && odd.errors.successorId).toEqual({ key: "error.entryLife.successorMissing" });
  });
  it("restores with nothing else, and refuses an unknown intent", () => {
    expect(parseForm(ArchiveIntentSchema, form({ intent: "restore" }))).toEqual({ ok: true, data: { intent: "restore" } });
    expect(parseForm(ArchiveIntentSchema, form({ intent: "delete" })).ok).toBe(false);
  });
  it("reads the successor search box leniently", () => {
    expect(SuccessorQuerySchema.parse({ q: "premie" })).toEqual({ q: "premie" });
    expect(SuccessorQuerySchema.parse({ q: "x".repeat(LIMITS.queryMax + 1) })).toEqual({ q: "" });
    expect(SuccessorQuerySchema.parse({})).toEqual({ q: "" });
  });
});
