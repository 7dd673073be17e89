/**
 * Where a person stands with a mandatory read, computed from their assignment and the entry as it is now:
 * a confirmation counts only for the version that was confirmed, so a new version asks again without
 * rewriting any row. Shared by the start page, the entry page and the acknowledgement report.
 */
import { DAY_MS, isoDay, today } from "~/utils/dates";

export type AssignmentStatus = "CONFIRMED" | "RECONFIRM" | "PENDING" | "OVERDUE";
export const ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = ["OVERDUE", "PENDING", "RECONFIRM", "CONFIRMED"];

type ReadTimes = { dueAt: Date; createdAt: Date };
type AssignmentTimes = { assignedAt: Date; confirmedVersion: number | null };

/**
 * The person's due day. Who was assigned with the read has its due date; who joined the audience later
 * gets as many days as the others had, counted from when they were assigned, never less than the read's.
 */
export function personalDueAt(read: ReadTimes, assignment: Pick<AssignmentTimes, "assignedAt">): Date {
  const lead = Math.max(0, read.dueAt.getTime() - startOfUtcDay(read.createdAt));
  const late = startOfUtcDay(assignment.assignedAt) - startOfUtcDay(read.createdAt);
  return late > 0 ? new Date(Math.max(read.dueAt.getTime(), startOfUtcDay(assignment.assignedAt) + lead)) : read.dueAt;
}

function startOfUtcDay(moment: Date): number {
  return Math.floor(moment.getTime() / DAY_MS) * DAY_MS;
}

/**
 * Confirmed (this version), asked again (an earlier version was confirmed: not overdue, the new version
 * came after the person did what was asked), pending, or overdue (never confirmed and past the due day).
 */
export function assignmentStatus(read: ReadTimes, assignment: AssignmentTimes, entryVersion: number, now = new Date()): AssignmentStatus {
  if (assignment.confirmedVersion === entryVersion) return "CONFIRMED";
  if (assignment.confirmedVersion !== null) return "RECONFIRM";
  return isoDay(personalDueAt(read, assignment)) < today(now) ? "OVERDUE" : "PENDING";
}

/** Whether the person still has something to do. */
export const isOpen = (status: AssignmentStatus) => status !== "CONFIRMED";

/**
 * Open while it is not withdrawn and its entry is live; an archived entry's mandatory reads are closed
 * (shown as such, no longer asked of anyone) and open again if the entry is restored.
 */
export function readIsOpen(read: { withdrawnAt: Date | string | null }, entry: { state: string }): boolean {
  return read.withdrawnAt === null && entry.state !== "ARCHIVED";
}

export type StatusCounts = Record<AssignmentStatus, number> & { total: number };

export function countStatuses(statuses: readonly AssignmentStatus[]): StatusCounts {
  const counts: StatusCounts = { CONFIRMED: 0, RECONFIRM: 0, PENDING: 0, OVERDUE: 0, total: statuses.length };
  for (const status of statuses) counts[status] += 1;
  return counts;
}

/** One reminder a day: who was reminded less than a day ago is not reminded again. */
export const REMINDER_INTERVAL_MS = DAY_MS;

export function canBeReminded(assignment: { remindedAt: Date | null }, now = new Date()): boolean {
  return assignment.remindedAt === null || now.getTime() - assignment.remindedAt.getTime() >= REMINDER_INTERVAL_MS;
}
