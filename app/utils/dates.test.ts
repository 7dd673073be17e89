import { describe, expect, it } from "vitest";
import {
  addDays,
  dayDate,
  dayFromNumber,
  dayNumber,
  daysBetween,
  isCalendarDate,
  isoDay,
  isoDayFromToday,
  parseDay,
  startOfDay,
  today,
  zonedDay,
  zonedTime,
  zonedToUtc,
} from "./dates";

const day = (text: string) => parseDay(text)!;
const at = (iso: string) => new Date(iso);

describe("calendar days", () => {
  it("are midnight UTC, written yyyy-mm-dd, and only real dates parse", () => {
    expect(parseDay("2026-02-28")?.toISOString()).toBe("2026-02-28T00:00:00.000Z");
    expect(parseDay("2028-02-29")?.toISOString()).toBe("2028-02-29T00:00:00.000Z");
    for (const bad of ["2027-02-29", "2026-02-30", "2026-13-01", "2026-2-3", "", "28-02-2026", "2026-02-28T00:00", " 2026-02-28"]) {
      expect(parseDay(bad), bad).toBeNull();
      expect(isCalendarDate(bad), bad).toBe(false);
    }
    expect(isoDay(at("2026-12-31T23:59:59.999Z"))).toBe("2026-12-31");
    expect(dayDate("2027-01-01").toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(Number.isNaN(dayDate("2026-02-30").getTime())).toBe(true);
  });

  it("today is the UTC day, also when Brussels is already in the next one", () => {
    expect(today(at("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
    expect(today(at("2027-01-01T00:00:00Z"))).toBe("2027-01-01");
    expect(isoDayFromToday(1, at("2026-12-31T12:00:00Z"))).toBe("2027-01-01");
    expect(isoDayFromToday(-366, at("2027-01-01T12:00:00Z"))).toBe("2025-12-31");
  });

  it("count whole days across year ends and the days clocks change", () => {
    expect(addDays(day("2026-12-31"), 1)).toEqual(day("2027-01-01"));
    expect(addDays(day("2027-01-01"), -1)).toEqual(day("2026-12-31"));
    // The last Sundays of March and October 2026: a UTC day is 24 hours on both.
    expect(addDays(day("2026-03-28"), 1)).toEqual(day("2026-03-29"));
    expect(addDays(day("2026-03-29"), 1)).toEqual(day("2026-03-30"));
    expect(addDays(day("2026-10-25"), 1)).toEqual(day("2026-10-26"));
    expect(addDays(at("2026-03-28T13:00:00Z"), 2)).toEqual(at("2026-03-30T13:00:00Z"));
    expect(daysBetween(day("2026-03-28"), day("2026-03-30"))).toBe(2);
    expect(daysBetween(day("2026-10-24"), day("2026-10-26"))).toBe(2);
    expect(daysBetween(day("2026-12-25"), day("2027-01-07"))).toBe(13);
    expect(daysBetween(day("2027-01-07"), day("2026-12-25"))).toBe(-13);
    expect(daysBetween(day("2026-01-01"), day("2027-01-01"))).toBe(365);
    expect(daysBetween(day("2028-01-01"), day("2029-01-01"))).toBe(366);
  });

  it("give a moment's day, and number days for the budget arithmetic", () => {
    expect(startOfDay(at("2026-10-25T23:59:00Z"))).toEqual(day("2026-10-25"));
    expect(startOfDay(at("2027-01-01T00:00:00Z"))).toEqual(day("2027-01-01"));
    expect(dayNumber(day("1970-01-02"))).toBe(1);
    expect(dayNumber(at("2026-03-29T23:59:59Z"))).toBe(dayNumber(day("2026-03-29")));
    expect(dayFromNumber(dayNumber(day("2026-10-25")) + 1)).toEqual(day("2026-10-26"));
  });
});

describe("Brussels time", () => {
  it("turns a Belgian date and time into the right moment, in winter and in summer", () => {
    expect(zonedToUtc("2026-01-15", "14:00").toISOString()).toBe("2026-01-15T13:00:00.000Z");
    expect(zonedToUtc("2026-07-15", "14:00").toISOString()).toBe("2026-07-15T12:00:00.000Z");
    expect(zonedToUtc("2026-12-31", "23:30").toISOString()).toBe("2026-12-31T22:30:00.000Z");
    expect(zonedToUtc("2027-01-01", "00:30").toISOString()).toBe("2026-12-31T23:30:00.000Z");
  });

  it("on the last Sunday of March: before, across and after clocks go forward at 02:00", () => {
    expect(zonedToUtc("2026-03-29", "01:30").toISOString()).toBe("2026-03-29T00:30:00.000Z");
    expect(zonedToUtc("2026-03-29", "03:00").toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(zonedToUtc("2026-03-29", "12:00").toISOString()).toBe("2026-03-29T10:00:00.000Z");
    // 02:30 does not exist that night: it is read as 03:30 summer time.
    expect(zonedToUtc("2026-03-29", "02:30").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(zonedTime(at("2026-03-29T00:59:59Z"))).toBe("01:59");
    expect(zonedTime(at("2026-03-29T01:00:00Z"))).toBe("03:00");
    expect(zonedDay(at("2026-03-28T23:00:00Z"))).toBe("2026-03-29");
    expect(zonedDay(at("2026-03-28T22:59:00Z"))).toBe("2026-03-28");
  });

  it("on the last Sunday of October: clocks go back at 03:00, and 02:30 is the later one", () => {
    expect(zonedToUtc("2026-10-25", "01:30").toISOString()).toBe("2026-10-24T23:30:00.000Z");
    expect(zonedToUtc("2026-10-25", "02:30").toISOString()).toBe("2026-10-25T01:30:00.000Z");
    expect(zonedToUtc("2026-10-25", "03:00").toISOString()).toBe("2026-10-25T02:00:00.000Z");
    expect(zonedTime(at("2026-10-25T00:59:00Z"))).toBe("02:59");
    expect(zonedTime(at("2026-10-25T01:00:00Z"))).toBe("02:00");
    expect(zonedDay(at("2026-10-24T22:00:00Z"))).toBe("2026-10-25");
    expect(zonedDay(at("2026-10-24T21:59:00Z"))).toBe("2026-10-24");
  });

  it("gives the Belgian day and time of a moment, across the year end", () => {
    expect(zonedDay(at("2026-01-15T23:30:00Z"))).toBe("2026-01-16");
    expect(zonedTime(at("2026-07-15T12:05:00Z"))).toBe("14:05");
    expect(zonedDay(at("2026-12-31T22:59:00Z"))).toBe("2026-12-31");
    expect(zonedDay(at("2026-12-31T23:00:00Z"))).toBe("2027-01-01");
    expect(zonedTime(at("2026-12-31T23:00:00Z"))).toBe("00:00");
  });
});
