import { describe, expect, it } from "vitest";
import { digestMoment, digestPeriodStart, previousDigestMoment } from "./send-digests.server";

describe("digest schedule (Europe/Brussels, working days)", () => {
  it("is due from the digest time on working days only", () => {
    // Friday 4 December 2026, winter time (UTC+1): 08:00 is 07:00 UTC.
    expect(digestMoment(new Date("2026-12-04T06:59:00Z"), "08:00")?.at).toEqual(new Date("2026-12-04T07:00:00Z"));
    expect(digestPeriodStart(new Date("2026-12-04T06:59:00Z"), null)).toBeNull();
    expect(digestPeriodStart(new Date("2026-12-04T07:00:00Z"), null)?.day).toBe("2026-12-04");
    // Saturday and Sunday: no digest.
    expect(digestMoment(new Date("2026-12-05T10:00:00Z"), "08:00")).toBeNull();
    expect(digestMoment(new Date("2026-12-06T10:00:00Z"), "08:00")).toBeNull();
  });

  it("follows daylight saving time: 08:00 is 07:00 UTC in winter and 06:00 UTC in summer", () => {
    // Clocks go forward on Sunday 29 March 2026: Friday before at UTC+1, Monday after at UTC+2.
    expect(digestMoment(new Date("2026-03-27T12:00:00Z"), "08:00")?.at).toEqual(new Date("2026-03-27T07:00:00Z"));
    expect(digestMoment(new Date("2026-03-30T12:00:00Z"), "08:00")?.at).toEqual(new Date("2026-03-30T06:00:00Z"));
    expect(digestPeriodStart(new Date("2026-03-30T06:30:00Z"), null)).toEqual({ day: "2026-03-30", start: new Date("2026-03-27T07:00:00Z") });
    // And back on Sunday 25 October 2026.
    expect(digestMoment(new Date("2026-10-23T12:00:00Z"), "08:00")?.at).toEqual(new Date("2026-10-23T06:00:00Z"));
    expect(digestMoment(new Date("2026-10-26T12:00:00Z"), "08:00")?.at).toEqual(new Date("2026-10-26T07:00:00Z"));
  });

  it("uses the day in Brussels, not in UTC, near midnight", () => {
    // 23:30 UTC on Sunday 6 December is 00:30 on Monday 7 December in Brussels: Monday's digest at 00:15 is due.
    expect(digestPeriodStart(new Date("2026-12-06T23:30:00Z"), { digestTime: "00:15", lastDigestAt: null })?.day).toBe("2026-12-07");
  });

  it("starts the period at the last digest, once per day, never more than a week back", () => {
    const monday = new Date("2026-12-07T07:05:00Z");
    const friday = new Date("2026-12-04T07:03:00Z");
    expect(digestPeriodStart(monday, { digestTime: "08:00", lastDigestAt: friday })).toEqual({ day: "2026-12-07", start: friday });
    expect(digestPeriodStart(monday, { digestTime: "08:00", lastDigestAt: new Date("2026-12-07T07:01:00Z") })).toBeNull();
    expect(digestPeriodStart(monday, { digestTime: "17:30", lastDigestAt: null })).toBeNull();
    expect(digestPeriodStart(monday, { digestTime: "08:00", lastDigestAt: new Date("2026-10-01T07:00:00Z") })?.start).toEqual(new Date("2026-11-30T07:00:00Z"));
    // A first digest on Monday covers the weekend: from Friday's digest time.
    expect(previousDigestMoment("2026-12-07", "08:00")).toEqual(new Date("2026-12-04T07:00:00Z"));
  });

  it("reads a malformed stored time as the default", () => {
    expect(digestMoment(new Date("2026-12-04T12:00:00Z"), "25:99")?.at).toEqual(new Date("2026-12-04T07:00:00Z"));
  });
});
