import { describe, expect, it } from "vitest";
import { NOTIFICATION_TYPES } from "~/models/notification.server";
import { parseForm } from "./form";
import { NotificationIntentSchema, NotificationPreferencesSchema } from "./notification";
import { ALWAYS_ON_NOTIFICATION_TYPES, MUTABLE_NOTIFICATION_TYPES, NOTIFICATION_INTENT } from "./notification.shared";

function form(values: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

describe("notification type groups", () => {
  it("name every type exactly once, mutable or always on", () => {
    expect([...MUTABLE_NOTIFICATION_TYPES, ...ALWAYS_ON_NOTIFICATION_TYPES].sort()).toEqual([...NOTIFICATION_TYPES].sort());
  });
});

describe("NotificationPreferencesSchema", () => {
  it("reads the checked types, the checkboxes and a time of day", () => {
    expect(parseForm(NotificationPreferencesSchema, form({ receive: ["note.published", "flag.resolved"], email: "on", digestTime: " 07:30 " }))).toEqual({
      ok: true,
      data: { receive: ["note.published", "flag.resolved"], email: true, digest: false, digestTime: "07:30" },
    });
    expect(parseForm(NotificationPreferencesSchema, form({ receive: "goal.proposed", digest: "on", digestTime: "23:59" }))).toEqual({
      ok: true,
      data: { receive: ["goal.proposed"], email: false, digest: true, digestTime: "23:59" },
    });
    expect(parseForm(NotificationPreferencesSchema, form({ digestTime: "00:00" }))).toMatchObject({ ok: true, data: { receive: [] } });
  });

  it("refuses a time that is not HH:mm on a 24-hour clock, and keeps what was typed", () => {
    for (const digestTime of ["25:00", "8", "8:00", "abc", "12:60", "", "08:00<script>", "24:00", "08:00:00"]) {
      expect(parseForm(NotificationPreferencesSchema, form({ digestTime })), digestTime).toMatchObject({
        ok: false,
        errors: { digestTime: { key: "error.notify.digestTime" } },
        values: digestTime ? { digestTime } : {},
      });
    }
    expect(parseForm(NotificationPreferencesSchema, form({}))).toMatchObject({ ok: false, errors: { digestTime: { key: "error.notify.digestTime" } } });
  });

  it("refuses a type that does not exist or may not be muted", () => {
    for (const receive of ["note.deleted", "mandatoryRead.assigned"]) {
      expect(parseForm(NotificationPreferencesSchema, form({ receive, digestTime: "08:00" })).ok, receive).toBe(false);
    }
  });
});

describe("NotificationIntentSchema", () => {
  it("marks one (by a well-formed id) or all as read", () => {
    expect(parseForm(NotificationIntentSchema, form({ intent: NOTIFICATION_INTENT.readAll })).ok).toBe(true);
    expect(parseForm(NotificationIntentSchema, form({ intent: NOTIFICATION_INTENT.read, notificationId: "cmabc1234567890" })).ok).toBe(true);
    expect(parseForm(NotificationIntentSchema, form({ intent: NOTIFICATION_INTENT.read, notificationId: "../x" })).ok).toBe(false);
    expect(parseForm(NotificationIntentSchema, form({ intent: "delete" })).ok).toBe(false);
  });
});
