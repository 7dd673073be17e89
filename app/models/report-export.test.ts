import { describe, expect, it } from "vitest";
import { translator } from "~/utils/i18n";
import { meta, figures } from "../../tests/support/report-fixture";
import { csvField, csvSeparatorFor, reportRows, toCsv } from "./report-export";

describe("report export", () => {
  it("quotes what needs quoting and defuses spreadsheet formulas", () => {
    expect(csvField(12, ",")).toBe("12");
    expect(csvField("plain", ",")).toBe("plain");
    expect(csvField('a "b", c', ",")).toBe('"a ""b"", c"');
    expect(csvField("two\nlines", ",")).toBe('"two\nlines"');
    for (const formula of ["=1+1", "+31", "-2", "@SUM(A1)"]) expect(csvField(formula, ",")).toBe(`'${formula}`);
  });

  it("has every figure as a row, in the reader's language", () => {
    const rows = reportRows(meta, figures, translator("nl"));
    const find = (section: string, measure: string, item = "") => rows.find((r) => r[0] === section && r[1] === item && r[2] === measure)?.[3];
    expect(find("Leden", "Leden")).toBe(3);
    expect(find("Tijd", "Gebruikt")).toBe(300);
    expect(find("Tijd", "Budget", "Ann")).toBe(120);
    expect(find("Tijd", "Gebruikt", "2026-03-01 – 2026-03-14")).toBe(300);
    expect(find("Leden", "Actieve leden")).toBe(2);
    expect(find("Doelen", "Afgesproken")).toBe(1);
    expect(find("Doelen", "%", "Twintig artikels")).toBe(40);
    expect(find("Activiteiten", "Aanwezigen", "2026-03-04 Overleg")).toBe(2);
    expect(find("Bijdragen", "Antwoorden")).toBe(3);
    expect(find("Bijdragen", "Vragen", "Week van 2026-03-01")).toBe(2);
    expect(find("Kennisartikels", "Keer geholpen", "Nieuw artikel")).toBe(2);
    const english = reportRows(meta, figures, translator("en"));
    expect(english.find((r) => r[2] === "Active members")?.[3]).toBe(2);
  });

  it("makes a CSV file with a byte-order mark and CRLF lines; a formula in a highlight stays text", () => {
    const csv = toCsv(["a", "b"], [["x", 1], ["=cmd", "y"]], ",");
    expect(csv).toBe("\uFEFFa,b\r\nx,1\r\n'=cmd,y\r\n");
    const full = toCsv(["s", "i", "m", "v"], reportRows(meta, figures, translator("nl")), ",");
    expect(full).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(full).toContain('"Goed bezig,\nmet ""quotes""."');
  });

  it("splits into columns in Dutch and Belgian Excel: semicolons, decimal commas and a byte-order mark", () => {
    expect(csvSeparatorFor("nl")).toBe(";");
    expect(csvSeparatorFor("en")).toBe(",");
    expect(csvSeparatorFor("nl", "comma")).toBe(",");
    expect(csvSeparatorFor("en", "semicolon")).toBe(";");
    expect(toCsv(["Onderdeel", "Waarde"], [["Tijd; gebruikt", 2.5], ["a, b", 3]], ";")).toBe('\uFEFFOnderdeel;Waarde\r\n"Tijd; gebruikt";2,5\r\na, b;3\r\n');
    expect(toCsv(["Part", "Value"], [["Time", 2.5]], ",")).toBe("\uFEFFPart,Value\r\nTime,2.5\r\n");
    const dutch = toCsv(["Onderdeel", "Item", "Maat", "Waarde"], reportRows(meta, figures, translator("nl")), csvSeparatorFor("nl"));
    expect(dutch.startsWith("\uFEFFOnderdeel;Item;Maat;Waarde\r\n")).toBe(true);
    expect(dutch).toContain("\r\nLeden;;Actieve leden;2\r\n");
  });
});
