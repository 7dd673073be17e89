/**
 * The social-balance figures Gilde can fill (Belgian "sociale balans", the training section): per year
 * and department, participants, hours and cost of formal and of informal training, each with the
 * definition it was counted by and the form's codes it belongs to. The CSV is written with the period
 * reports' helper (toCsv); the PDF with their drawing helpers.
 */
import type { DepartmentBalance } from "./learning.server";
import type { MessageKey, Translate } from "~/utils/i18n";

/** Hours to two decimals and euro to the cent, as numbers: the CSV writes them in the reader's decimal sign. */
export const toHours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
export const toEuro = (cents: number) => Math.round(cents) / 100;

export type BalanceMeasure = {
  /** The social-balance codes the figure belongs to (men + women: Gilde does not record gender). */
  code: string;
  label: MessageKey;
  definition: MessageKey;
  value: (b: DepartmentBalance) => number | "";
};

/** The measures in the form's order; the informal hours also by source, which the form does not ask. */
export const BALANCE_MEASURES: BalanceMeasure[] = [
  { code: "5801 + 5811", label: "learning.balance.formalParticipants", definition: "learning.balance.def.formalParticipants", value: (b) => b.formal.participants },
  { code: "5802 + 5812", label: "learning.balance.formalHours", definition: "learning.balance.def.formalHours", value: (b) => toHours(b.formal.minutes) },
  { code: "5803 + 5813", label: "learning.balance.formalCost", definition: "learning.balance.def.formalCost", value: (b) => toEuro(b.formal.costCents) },
  { code: "5821 + 5831", label: "learning.balance.informalParticipants", definition: "learning.balance.def.informalParticipants", value: (b) => b.informal.participants },
  { code: "5822 + 5832", label: "learning.balance.informalHours", definition: "learning.balance.def.informalHours", value: (b) => toHours(b.informal.minutes) },
  { code: "5823 + 5833", label: "learning.balance.informalCost", definition: "learning.balance.def.informalCost", value: () => "" },
  { code: "", label: "learning.balance.informalCommunity", definition: "learning.balance.def.informalCommunity", value: (b) => toHours(b.informal.communityMinutes) },
  { code: "", label: "learning.balance.informalActivities", definition: "learning.balance.def.informalActivities", value: (b) => toHours(b.informal.activityMinutes) },
  { code: "", label: "learning.balance.informalMentoring", definition: "learning.balance.def.informalMentoring", value: (b) => toHours(b.informal.mentoringMinutes) },
  { code: "", label: "learning.balance.headcount", definition: "learning.balance.def.headcount", value: (b) => b.headcount },
];

/** Several departments also get a line for all of them together. */
export function withTotal(departments: readonly DepartmentBalance[]): DepartmentBalance[] {
  if (departments.length < 2) return [...departments];
  const total: DepartmentBalance = {
    departmentId: "*",
    name: "*",
    headcount: 0,
    formal: { participants: 0, minutes: 0, costCents: 0 },
    informal: { participants: 0, minutes: 0, communityMinutes: 0, activityMinutes: 0, mentoringMinutes: 0 },
  };
  for (const d of departments) {
    total.headcount += d.headcount;
    for (const k of ["participants", "minutes", "costCents"] as const) total.formal[k] += d.formal[k];
    for (const k of ["participants", "minutes", "communityMinutes", "activityMinutes", "mentoringMinutes"] as const) total.informal[k] += d.informal[k];
  }
  return [...departments, total];
}

/** A department's name in the reader's language: people without one, and all departments together, have none. */
export function departmentLabel(b: DepartmentBalance, t: Translate): string {
  if (b.departmentId === "*") return t("learning.balance.allDepartments");
  return b.name ?? t("learning.balance.noDepartment");
}

/** The CSV: a row per department and measure, with its codes and definition beside it. */
export function socialBalanceRows(year: number, departments: readonly DepartmentBalance[], t: Translate) {
  const header = [t("learning.balance.col.year"), t("learning.balance.col.department"), t("learning.balance.col.code"), t("learning.balance.col.measure"), t("learning.balance.col.value"), t("learning.balance.col.definition")];
  const rows = withTotal(departments).flatMap((b) => BALANCE_MEASURES.map((m) => [year, departmentLabel(b, t), m.code, t(m.label), m.value(b), t(m.definition)]));
  return { header, rows };
}
