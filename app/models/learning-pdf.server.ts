/**
 * The social-balance figures as a PDF, drawn with the period reports' helpers: per department the
 * measures with their codes, then the definitions once.
 */
import type { DepartmentBalance } from "./learning.server";
import { BALANCE_MEASURES, departmentLabel, withTotal } from "./learning-export";
import { MUTED, heading, line, pdfDocument } from "./report-pdf.server";
import type { Translate } from "~/utils/i18n";

export function socialBalancePdf(year: number, departments: readonly DepartmentBalance[], t: Translate, format: (value: number) => string): Promise<Buffer> {
  const title = t("learning.balance.title", { year });
  const { doc, done } = pdfDocument({ Title: title, Subject: t("learning.balance.subject") });
  doc.font("Helvetica-Bold").fontSize(18).text(title);
  doc.font("Helvetica").fontSize(10).fillColor(MUTED).text(t("learning.balance.intro"));
  for (const b of withTotal(departments)) {
    heading(doc, departmentLabel(b, t));
    for (const m of BALANCE_MEASURES) {
      const value = m.value(b);
      line(doc, `${m.code ? `${m.code} · ` : ""}${t(m.label)}: ${value === "" ? t("learning.balance.notKnown") : format(value)}`);
    }
  }
  heading(doc, t("learning.balance.definitions"));
  for (const m of BALANCE_MEASURES) line(doc, `${t(m.label)}${m.code ? ` (${m.code})` : ""}: ${t(m.definition)}`);
  doc.end();
  return done;
}
