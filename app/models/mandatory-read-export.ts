/**
 * The acknowledgement report as rows for the CSV download: one per person. The CSV itself is written by
 * the period reports' helper (toCsv), which also defuses cells a spreadsheet would run as a formula.
 */
import type { AssignmentStatus } from "./mandatory-read";
import type { MessageKey, Translate } from "~/utils/i18n";
import { isoDay } from "~/utils/dates";

type Day = Date | string;
export type AcknowledgementRow = {
  name: string;
  email: string;
  department: string | null;
  active: boolean;
  dueAt: Day;
  confirmedAt: Day | null;
  confirmedVersion: number | null;
  remindedAt: Day | null;
  status: AssignmentStatus;
};

/** A status in words, for the pages and the CSV. */
export const STATUS_KEY: Record<AssignmentStatus, MessageKey> = {
  CONFIRMED: "mandatory.status.confirmed",
  RECONFIRM: "mandatory.status.reconfirm",
  PENDING: "mandatory.status.pending",
  OVERDUE: "mandatory.status.overdue",
};

/** A moment as "yyyy-mm-dd hh:mm" UTC: unambiguous in any spreadsheet. */
function moment(value: Day | null): string {
  return value ? new Date(value).toISOString().slice(0, 16).replace("T", " ") : "";
}

export function acknowledgementRows(read: { entry: { title: string; version: number }; rows: readonly AcknowledgementRow[] }, t: Translate) {
  const header = [
    t("mandatory.col.entry"),
    t("mandatory.col.person"),
    t("mandatory.csv.email"),
    t("mandatory.col.department"),
    t("mandatory.col.status"),
    t("mandatory.col.due"),
    t("mandatory.col.confirmed"),
    t("mandatory.csv.confirmedVersion"),
    t("mandatory.csv.currentVersion"),
    t("mandatory.col.reminded"),
    t("mandatory.csv.active"),
  ];
  const rows = read.rows.map((row) => [
    read.entry.title,
    row.name,
    row.email,
    row.department ?? "",
    t(STATUS_KEY[row.status]),
    isoDay(new Date(row.dueAt)),
    moment(row.confirmedAt),
    row.confirmedVersion ?? "",
    read.entry.version,
    moment(row.remindedAt),
    row.active ? t("mandatory.csv.yes") : t("mandatory.csv.no"),
  ]);
  return { header, rows };
}
