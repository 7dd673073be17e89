/**
 * A report as a PDF (pdfkit, standard fonts): the heading, the figures with simple bar charts drawn as
 * vectors, the narrative, highlights and the head's comment. The numbers are the same rows as the CSV.
 */
import PDFDocument from "pdfkit";
import type { ReportFigures } from "./report.server";
import type { ReportMeta } from "./report-export";
import { formatDuration, type MessageKey, type Translate } from "~/utils/i18n";

export const INK = "#1f2a33";
export const MUTED = "#5b6770";
const BAR = "#2f6f9f";

type Bar = { label: string; value: number };

/** Horizontal bars with their value written beside them: a chart that stays readable in print. */
export function bars(doc: PDFKit.PDFDocument, title: string, data: Bar[], format: (value: number) => string = String) {
  const left = doc.page.margins.left;
  const labelWidth = 170;
  const maxWidth = doc.page.width - left - doc.page.margins.right - labelWidth - 50;
  const max = Math.max(1, ...data.map((d) => d.value));
  doc.moveDown(0.4).font("Helvetica-Bold").fontSize(10).fillColor(INK).text(title);
  for (const d of data) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
    const y = doc.y + 3;
    doc.font("Helvetica").fontSize(9).fillColor(INK).text(d.label, left, y, { width: labelWidth - 8, lineBreak: false, ellipsis: true });
    const width = Math.max(d.value > 0 ? 2 : 0, (d.value / max) * maxWidth);
    if (width > 0) doc.rect(left + labelWidth, y, width, 9).fill(BAR);
    doc.fillColor(INK).text(format(d.value), left + labelWidth + width + 5, y, { lineBreak: false });
    doc.x = left;
    doc.y = y + 14;
  }
}

export function heading(doc: PDFKit.PDFDocument, text: string) {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
  doc.moveDown(0.8).font("Helvetica-Bold").fontSize(13).fillColor(INK).text(text);
}

export function line(doc: PDFKit.PDFDocument, text: string) {
  doc.font("Helvetica").fontSize(10).fillColor(INK).text(text);
}

/** An A4 document in the reports' style, and the promise of its bytes once `doc.end()` is called. */
export function pdfDocument(info: PDFKit.DocumentInfo) {
  const doc = new PDFDocument({ size: "A4", margin: 50, info });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, done };
}

export function reportPdf(meta: ReportMeta, figures: Omit<ReportFigures, "period">, t: Translate, title: string): Promise<Buffer> {
  const { doc, done } = pdfDocument({ Title: title, Author: meta.authorName, Subject: meta.communityName });

  doc.font("Helvetica-Bold").fontSize(18).fillColor(INK).text(title);
  doc.font("Helvetica").fontSize(10).fillColor(MUTED).text(`${meta.communityName} · ${meta.departmentName} · ${t("reports.by", { name: meta.authorName })}`);
  doc.text(`${t("reports.m.state")}: ${t(`reports.state.${meta.state}` as MessageKey)}${meta.submittedAt ? ` · ${t("reports.m.submittedAt")} ${meta.submittedAt}` : ""}${meta.acknowledgedAt ? ` · ${t("reports.m.acknowledgedAt")} ${meta.acknowledgedAt}` : ""}`);

  heading(doc, t("reports.time"));
  const duration = (minutes: number) => formatDuration(t, minutes);
  line(doc, t("reports.timeValue", { used: duration(figures.time.used), budget: duration(figures.time.budget) }));
  // Empty when the reader may not see time per person: no heading over nothing.
  if (figures.time.members.length) {
    bars(
      doc,
      `${t("reports.timeMembersChart")} (${t("time.used")} / ${t("time.budget")})`,
      figures.time.members.map((m) => ({ label: `${m.name} (${duration(m.budget)})`, value: m.used })),
      duration,
    );
  }
  for (const p of figures.time.periods) line(doc, `• ${p.start} – ${p.end}: ${duration(p.used)} / ${duration(p.budget)}`);

  heading(doc, t("reports.members"));
  line(doc, t("reports.membersValue", { count: figures.members.total, active: figures.members.active }));
  line(doc, t("reports.membersChange", { joined: figures.members.joined, left: figures.members.left }));

  heading(doc, t("reports.goals"));
  bars(doc, t("reports.goals"), Object.entries(figures.goals.byStatus).map(([status, value]) => ({ label: t(`goals.status.${status}` as MessageKey), value })));
  for (const g of figures.goals.items) line(doc, `• ${g.title} — ${t(`goals.status.${g.status}` as MessageKey)}${g.progress === null ? "" : ` · ${g.progress}%`}`);

  heading(doc, t("reports.activities"));
  line(doc, t("reports.activitiesValue", { held: figures.activities.held, count: figures.activities.attendances }));
  for (const a of figures.activities.items) line(doc, `• ${a.startsAt.slice(0, 10)} ${a.title} · ${a.attendees}`);

  heading(doc, t("reports.contributions"));
  const c = figures.contributions;
  bars(doc, t("reports.contributions"), [
    { label: t("reports.notes"), value: c.notes },
    { label: t("reports.questions"), value: c.questions },
    { label: t("reports.answers"), value: c.answers },
    { label: t("reports.questionsAnswered"), value: c.questionsAnswered },
    { label: t("reports.questionsAccepted"), value: c.questionsAccepted },
  ]);
  line(doc, `${t("reports.contributors")}: ${c.contributors}`);

  heading(doc, t("reports.entries"));
  line(doc, t("reports.entriesValue", { published: figures.entries.published, count: figures.entries.helped }));
  for (const e of figures.entries.mostHelpful) line(doc, `• ${e.title} · ${t("reports.timesHelped", { count: e.helped })}`);

  heading(doc, t("reports.narrative"));
  line(doc, meta.narrativeText || "—");
  if (meta.highlights.length) {
    heading(doc, t("reports.highlights"));
    for (const h of meta.highlights) line(doc, `• ${h}`);
  }
  if (meta.headComment) {
    heading(doc, t("reports.headComment"));
    line(doc, meta.headComment);
  }
  doc.end();
  return done;
}
