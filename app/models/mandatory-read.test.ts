import { describe, expect, it } from "vitest";
import { assignmentStatus, canBeReminded, countStatuses, personalDueAt, readIsOpen } from "./mandatory-read";
import { acknowledgementRows } from "./mandatory-read-export";
import { csvSeparatorFor, toCsv } from "./report-export";
import { translator } from "~/utils/i18n";

const day = (text: string) => new Date(`${text}T00:00:00Z`);
const at = (text: string) => new Date(text);
// Assigned on 1 December, due on 10 December: nine days.
const read = { createdAt: at("2026-12-01T09:30:00Z"), dueAt: day("2026-12-10") };
const assigned = { assignedAt: at("2026-12-01T09:30:01Z"), confirmedVersion: null };

describe("a person's mandatory read", () => {
  it("is pending until the end of the due day, overdue after it", () => {
    expect(assignmentStatus(read, assigned, 1, at("2026-12-10T22:59:00Z"))).toBe("PENDING");
    expect(assignmentStatus(read, assigned, 1, at("2026-12-11T00:00:01Z"))).toBe("OVERDUE");
  });

  it("counts as confirmed only for the entry's current version; an older confirmation asks again without being overdue", () => {
    expect(assignmentStatus(read, { ...assigned, confirmedVersion: 2 }, 2, at("2026-12-20T10:00:00Z"))).toBe("CONFIRMED");
    expect(assignmentStatus(read, { ...assigned, confirmedVersion: 2 }, 3, at("2026-12-20T10:00:00Z"))).toBe("RECONFIRM");
  });

  it("gives who joined the audience later as many days as the others had", () => {
    expect(personalDueAt(read, assigned)).toEqual(day("2026-12-10"));
    expect(personalDueAt(read, { assignedAt: at("2026-12-15T08:00:00Z") })).toEqual(day("2026-12-24"));
    // Joined early on: never less than the read's own date.
    expect(personalDueAt(read, { assignedAt: at("2026-12-02T08:00:00Z") })).toEqual(day("2026-12-11"));
    expect(assignmentStatus(read, { assignedAt: at("2026-12-15T08:00:00Z"), confirmedVersion: null }, 1, at("2026-12-20T10:00:00Z"))).toBe("PENDING");
  });

  it("is open while not withdrawn and its entry is live", () => {
    expect(readIsOpen({ withdrawnAt: null }, { state: "NEEDS_REVIEW" })).toBe(true);
    expect(readIsOpen({ withdrawnAt: new Date() }, { state: "PUBLISHED" })).toBe(false);
    expect(readIsOpen({ withdrawnAt: null }, { state: "ARCHIVED" })).toBe(false);
  });

  it("is reminded at most once a day", () => {
    const now = at("2026-12-05T10:00:00Z");
    expect(canBeReminded({ remindedAt: null }, now)).toBe(true);
    expect(canBeReminded({ remindedAt: at("2026-12-05T08:00:00Z") }, now)).toBe(false);
    expect(canBeReminded({ remindedAt: at("2026-12-04T10:00:00Z") }, now)).toBe(true);
  });

  it("counts statuses", () => {
    expect(countStatuses(["CONFIRMED", "OVERDUE", "OVERDUE", "PENDING"])).toEqual({ CONFIRMED: 1, RECONFIRM: 0, PENDING: 1, OVERDUE: 2, total: 4 });
  });
});

describe("the acknowledgement report as CSV", () => {
  const report = {
    entry: { title: "Phishing; wat nu?", version: 3 },
    rows: [
      { name: "=HYPERLINK(\"http://evil\")", email: "a@x.test", department: "+Sparen", active: true, dueAt: day("2026-12-10"), confirmedAt: at("2026-12-03T14:05:00Z"), confirmedVersion: 3, remindedAt: null, status: "CONFIRMED" as const },
      { name: "@Bram", email: "b@x.test", department: null, active: false, dueAt: day("2026-12-10"), confirmedAt: null, confirmedVersion: null, remindedAt: at("2026-12-09T08:00:00Z"), status: "OVERDUE" as const },
    ],
  };

  it("has one row per person in the reader's language, with dates a spreadsheet reads", () => {
    const { header, rows } = acknowledgementRows(report, translator("en"));
    expect(header).toEqual(["Entry", "Name", "Email", "Department", "Read?", "Due", "Confirmed on", "Confirmed version", "Current version", "Last reminder", "Active"]);
    expect(rows[1]).toEqual(["Phishing; wat nu?", "@Bram", "b@x.test", "", "Overdue", "2026-12-10", "", "", 3, "2026-12-09 08:00", "no"]);
  });

  it("defuses cells a spreadsheet would run as a formula, and quotes the separator", () => {
    const { header, rows } = acknowledgementRows(report, translator("nl"));
    const csv = toCsv(header, rows, csvSeparatorFor("nl"));
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Artikel;Naam;E-mail;Afdeling;Gelezen?;Uiterlijk;Bevestigd op;Bevestigde versie;Huidige versie;Laatste herinnering;Actief");
    expect(lines[1]).toBe(`"Phishing; wat nu?";"'=HYPERLINK(""http://evil"")";a@x.test;'+Sparen;Bevestigd;2026-12-10;2026-12-03 14:05;3;3;;ja`);
    expect(lines[2].startsWith(`"Phishing; wat nu?";'@Bram;`)).toBe(true);
  });
});
