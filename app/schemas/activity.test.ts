import { describe, expect, it } from "vitest";
import { isoDayFromToday as iso, zonedDay, zonedTime } from "~/utils/dates";
import { ActivityIntentSchema, ScheduleActivitySchema, toScheduleInput } from "./activity";
const schedule = (over: Record<string, unknown> = {}) =>
  ScheduleActivitySchema.safeParse({ intent: "activity-schedule", kind: "INTERVISION", title: "Intervisie volmachten", agenda: "1. Casus\n2. Afspraken", date: iso(7), time: "14:00", durationMinutes: "60", ...over });
const firstMessage = (over: Record<string, unknown>) => {
  const r = schedule(over);
  return r.success ? undefined : `${String(r.error.issues[0].path[0])}:${r.error.issues[0].message}`;
};

describe("ScheduleActivitySchema", () => {
  it("accepts a full activity and turns date and time into startsAt", () => {
    const r = schedule({ durationMinutes: "1u30" });
    expect(r.success).toBe(true);
    if (!r.success) return;
    const input = toScheduleInput(r.data);
    expect(input).toMatchObject({ kind: "INTERVISION", title: "Intervisie volmachten", durationMinutes: 90 });
    expect(zonedDay(input.startsAt)).toBe(iso(7));
    expect(zonedTime(input.startsAt)).toBe("14:00");
  });
  it("refuses unknown kinds, bad dates and times, and durations outside 1 minute to 24 hours", () => {
    expect(firstMessage({ kind: "PARTY" })).toBe("kind:error.activity.kind");
    expect(firstMessage({ date: "2026-13-01" })).toBe("date:error.activity.date");
    expect(firstMessage({ date: iso(400) })).toBe("date:error.activity.dateRange");
    expect(firstMessage({ time: "25:00" })).toBe("time:error.activity.time");
    expect(firstMessage({ durationMinutes: "-15" })).toBe("durationMinutes:error.activity.duration");
    expect(firstMessage({ durationMinutes: "1500" })).toBe("durationMinutes:error.activity.duration");
    expect(firstMessage({ title: " " })?.startsWith("title:")).toBe(true);
    expect(schedule({ agenda: "x".repeat(2001) }).success).toBe(false);
    expect(schedule({ agenda: undefined }).success).toBe(true);
  });
  it("the other buttons carry only an activity id", () => {
    for (const intent of ["activity-cancel", "activity-attend", "activity-unattend"]) {
      expect(ActivityIntentSchema.safeParse({ intent, activityId: "cabc1234567890" }).success).toBe(true);
      expect(ActivityIntentSchema.safeParse({ intent, activityId: "<script>" }).success).toBe(false);
    }
    expect(ActivityIntentSchema.safeParse({ intent: "activity-delete", activityId: "cabc1234567890" }).success).toBe(false);
  });
});
