import { describe, expect, it } from "vitest";
import { translator } from "~/utils/i18n";
import { figures, meta } from "../../tests/support/report-fixture";
import { pdfText } from "../../tests/support/pdf-text";
import { reportPdf } from "./report-pdf.server";

describe("report PDF", () => {
  it("writes durations as hours and minutes in the reader's language", async () => {
    const dutch = pdfText(await reportPdf(meta, figures, translator("nl"), "Rapport"));
    expect(dutch).toContain("5 u gebruikt van 4 u");
    expect(dutch).toContain("Ann (2 u)");
    expect(dutch).toContain("3 u 20 min");
    expect(dutch).not.toMatch(/\b\d+:\d\d\b/);
    const english = pdfText(await reportPdf(meta, figures, translator("en"), "Report"));
    expect(english).toContain("5 h used of 4 h");
    expect(english).toContain("1 h 40 min");
  });
});
