import { describe, expect, it } from "vitest";
import { LogTimeSchema, TimeIntentSchema } from "./time";
import { earliestLogDay, parseMinutes } from "./time.shared";
import { isoDayFromToday as iso, today } from "~/utils/dates";

const log = (over: Record<string, unknown> = {}) => LogTimeSchema.safeParse({ intent: "time-log", date: today(), minutes: "45", what: "Notities nalezen", ...over });
const firstMessage = (over: Record<string, unknown>) => {
  const r = log(over);
  return r.success ? undefined : r.error.issues[0].message;
};

describe("parseMinutes", () => {
  it("reads minutes and hours with minutes", () => {
    expect(parseMinutes("45")).toBe(45);
    expect(parseMinutes(" 90 ")).toBe(90);
    expect(parseMinutes("1:30")).toBe(90);
    expect(parseMinutes("1u30")).toBe(90);
    expect(parseMinutes("1h30")).toBe(90);
    expect(parseMinutes("2u")).toBe(120);
    expect(parseMinutes("0:05")).toBe(5);
    expect(parseMinutes("1u 5m")).toBe(65);
  });
  it("refuses what is not a duration", () => {
    for (const bad of ["", "-30", "1.5", "1,5", "abc", "1:75", "<script>", "1:3", "999999"]) expect(parseMinutes(bad), bad).toBeNull();
  });
});

describe("LogTimeSchema", () => {
  it("accepts a day, minutes and what; the day becomes midnight UTC", () => {
    const r = log({ minutes: "1:30", what: "  Intervisie voorbereiden  " });
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.minutes).toBe(90);
    expect(r.data.what).toBe("Intervisie voorbereiden");
    expect(r.data.date.toISOString()).toBe(`${today()}T00:00:00.000Z`);
    expect(r.data.activityId).toBeUndefined();
  });
  it("gives each kind of bad minutes its own message", () => {
    expect(firstMessage({ minutes: "-30" })).toBe("error.time.negative");
    expect(firstMessage({ minutes: "0" })).toBe("error.time.minutes");
    expect(firstMessage({ minutes: "veel" })).toBe("error.time.minutes");
    expect(firstMessage({ minutes: "1441" })).toBe("error.time.dayLimit");
    expect(firstMessage({ minutes: "25:00" })).toBe("error.time.dayLimit");
    expect(firstMessage({ minutes: undefined })).toBe("error.time.minutes");
    expect(log({ minutes: "1440" }).success).toBe(true);
  });
  it("refuses days that do not exist, lie in the future or more than a year back", () => {
    expect(firstMessage({ date: "2026-02-30" })).toBe("error.time.date");
    expect(firstMessage({ date: "gisteren" })).toBe("error.time.date");
    expect(firstMessage({ date: iso(1) })).toBe("error.time.future");
    expect(firstMessage({ date: iso(-400) })).toBe("error.time.tooOld");
    expect(log({ date: earliestLogDay() }).success).toBe(true);
  });
  it("requires what, within its length", () => {
    expect(firstMessage({ what: "   " })).toBe("error.time.whatRequired");
    expect(log({ what: "x".repeat(201) }).success).toBe(false);
  });
  it("takes an optional activity id; an empty one is none, a malformed one is refused", () => {
    const r = log({ activityId: "" });
    expect(r.success && r.data.activityId).toBeUndefined();
    expect(firstMessage({ activityId: "'; drop table" })).toBe("error.time.activity");
  });
  it("tells the delete button apart by its intent", () => {
    expect(TimeIntentSchema.safeParse({ intent: "time-delete", entryId: "cabc1234567890" }).success).toBe(true);
    expect(TimeIntentSchema.safeParse({ intent: "time-delete", entryId: "../x" }).success).toBe(false);
  });
});

describe("TimeIntentSchema: correcting an entry", () => {
  const edit = (over: Record<string, unknown> = {}) =>
    TimeIntentSchema.safeParse({ intent: "time-edit", entryId: "cmabcdefghij", date: today(), minutes: "1u30", what: "Intervisie", ...over });
  it("takes the same fields as logging, and the entry", () => {
    const r = edit();
    expect(r.success && r.data).toMatchObject({ intent: "time-edit", entryId: "cmabcdefghij", minutes: 90, what: "Intervisie" });
  });
  it("refuses what logging refuses, and a malformed entry id", () => {
    const first = (over: Record<string, unknown>) => {
      const r = edit(over);
      return r.success ? undefined : r.error.issues[0].message;
    };
    expect(first({ minutes: "-5" })).toBe("error.time.negative");
    expect(first({ date: iso(2) })).toBe("error.time.future");
    expect(first({ what: "" })).toBe("error.time.whatRequired");
    expect(first({ entryId: "../../x" })).toBe("error.notFound.body");
  });
});

