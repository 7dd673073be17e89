/**
 * A report as a table of figures, the source of the CSV download and of the PDF's numbers:
 * rows of section, item, measure, value in the reader's language.
 */
import type { ReportFigures } from "./report.server";
import type { MessageKey, Translate } from "~/utils/i18n";
import type { Locale } from "~/schemas/enums";

export type ReportMeta = {
  communityName: string;
  departmentName: string;
  authorName: string;
  state: string;
  periodStart: string;
  periodEnd: string;
  submittedAt: string | null;
  acknowledgedAt: string | null;
  highlights: string[];
  narrativeText: string;
  headComment: string;
};

export type ReportRow = [section: string, item: string, measure: string, value: string | number];

export function reportRows(meta: ReportMeta, figures: Omit<ReportFigures, "period">, t: Translate): ReportRow[] {
  const rows: ReportRow[] = [];
  const report = t("reports.link");
  rows.push(
    [report, meta.communityName, t("communities.department"), meta.departmentName],
    [report, meta.communityName, t("reports.field.periodStart"), meta.periodStart],
    [report, meta.communityName, t("reports.field.periodEnd"), meta.periodEnd],
    [report, meta.communityName, t("reports.m.state"), t(`reports.state.${meta.state}` as MessageKey)],
    [report, meta.communityName, t("reports.m.author"), meta.authorName],
  );
  if (meta.submittedAt) rows.push([report, meta.communityName, t("reports.m.submittedAt"), meta.submittedAt]);
  if (meta.acknowledgedAt) rows.push([report, meta.communityName, t("reports.m.acknowledgedAt"), meta.acknowledgedAt]);

  const time = t("reports.time");
  rows.push([time, "", t("time.used"), figures.time.used], [time, "", t("time.budget"), figures.time.budget]);
  for (const p of figures.time.periods) rows.push([time, `${p.start} – ${p.end}`, t("time.used"), p.used], [time, `${p.start} – ${p.end}`, t("time.budget"), p.budget]);
  for (const m of figures.time.members) rows.push([time, m.name, t("time.used"), m.used], [time, m.name, t("time.budget"), m.budget]);

  const members = t("reports.members");
  rows.push(
    [members, "", t("reports.m.total"), figures.members.total],
    [members, "", t("reports.m.active"), figures.members.active],
    [members, "", t("reports.m.joined"), figures.members.joined],
    [members, "", t("reports.m.left"), figures.members.left],
  );

  const goals = t("reports.goals");
  for (const [status, n] of Object.entries(figures.goals.byStatus)) rows.push([goals, "", t(`goals.status.${status}` as MessageKey), n]);
  for (const g of figures.goals.items) {
    rows.push([goals, g.title, t("reports.status"), t(`goals.status.${g.status}` as MessageKey)]);
    rows.push([goals, g.title, "%", g.progress ?? ""]);
  }

  const activities = t("reports.activities");
  rows.push([activities, "", t("reports.m.held"), figures.activities.held], [activities, "", t("reports.m.attendances"), figures.activities.attendances]);
  for (const a of figures.activities.items) rows.push([activities, `${a.startsAt.slice(0, 10)} ${a.title}`, t("reports.m.attendees"), a.attendees]);

  const contributions = t("reports.contributions");
  const c = figures.contributions;
  rows.push(
    [contributions, "", t("reports.notes"), c.notes],
    [contributions, "", t("reports.questions"), c.questions],
    [contributions, "", t("reports.answers"), c.answers],
    [contributions, "", t("reports.questionsAnswered"), c.questionsAnswered],
    [contributions, "", t("reports.questionsAccepted"), c.questionsAccepted],
    [contributions, "", t("reports.contributors"), c.contributors],
  );
  for (const w of c.weeks) {
    const week = t("reports.weekOf", { date: w.start });
    rows.push([contributions, week, t("reports.notes"), w.notes], [contributions, week, t("reports.questions"), w.questions], [contributions, week, t("reports.answers"), w.answers]);
  }

  const entries = t("reports.entries");
  rows.push([entries, "", t("reports.m.published"), figures.entries.published], [entries, "", t("reports.m.helped"), figures.entries.helped]);
  for (const e of figures.entries.mostHelpful) rows.push([entries, e.title, t("reports.m.helped"), e.helped]);

  meta.highlights.forEach((h, i) => rows.push([t("reports.highlights"), String(i + 1), "", h]));
  if (meta.narrativeText) rows.push([t("reports.narrative"), "", "", meta.narrativeText]);
  if (meta.headComment) rows.push([t("reports.headComment"), "", "", meta.headComment]);
  return rows;
}

/**
 * The field separator. Excel takes it from the system's list separator: Dutch and Belgian Windows use ";"
 * (the comma is their decimal sign), English Windows ",". So Dutch readers get semicolons, English readers
 * commas, and `?sep=` lets anyone choose.
 */
export type CsvSeparator = "," | ";";
export const CSV_SEPARATORS = { comma: ",", semicolon: ";" } as const satisfies Record<string, CsvSeparator>;

export function csvSeparatorFor(locale: Locale, choice?: keyof typeof CSV_SEPARATORS): CsvSeparator {
  if (choice) return CSV_SEPARATORS[choice];
  return locale === "nl" ? ";" : ",";
}

/**
 * One CSV field (RFC 4180): quoted when it holds the separator, a quote or a line break. A text that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe. With ";" as
 * separator a decimal number is written with a decimal comma, as the same spreadsheets expect.
 */
export function csvField(value: string | number, separator: CsvSeparator): string {
  if (typeof value === "number") return separator === ";" ? String(value).replace(".", ",") : String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return new RegExp(`["${separator}\\r\\n]`).test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV file: a header row, then the rows; UTF-8 with a byte-order mark so spreadsheets read accents right. */
export function toCsv(header: string[], rows: (string | number)[][], separator: CsvSeparator): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map((v) => csvField(v, separator)).join(separator)).join("\r\n")}\r\n`;
}
