/**
 * Mandatory reads (issue 12): a knowledge manager makes a live entry required reading for a department,
 * a community or a role; every active person of that audience who may see the entry gets an assignment
 * and a notification; they confirm "read and understood" for the entry's current version. A new version
 * asks again (computed, see app/models/mandatory-read.ts); who joins the audience later is assigned by
 * the knowledge sweep (docs/decisions/0042).
 */
import type { Tx } from "~/utils/db.server";
import { db } from "~/utils/db.server";
import { isoDay } from "~/utils/dates";
import { writeNotifications } from "~/models/notification.server";
import { assignmentStatus, canBeReminded, isOpen, readIsOpen } from "~/models/mandatory-read";
import { audienceExists, audienceUserIds, insertAssignments, openAssignmentsOf, stillReaders, unassignedAudienceIds } from "~/models/mandatory-read.server";
import { communityRef } from "~/models/selects";
import { canAssignMandatoryRead, canConfirmMandatoryRead, canManageMandatoryReads, canViewEntry, type Actor } from "~/policies/policies";
import type { Audience, AssignMandatoryReadInput } from "~/schemas/mandatory-read.shared";
import { chunks } from "~/utils/chunks";
import { CommandError } from "./errors";
import { runCommand, type CommandContext } from "./runner.server";

const entrySelect = { select: { id: true, title: true, state: true, version: true, communityId: true, community: communityRef } } as const;

/** One assignment per person and the notification that tells them. */
async function assignPeople(
  { tx, notify }: Pick<CommandContext, "tx" | "notify">,
  read: { id: string; dueAt: Date; entry: { id: string; title: string; communityId: string | null } },
  userIds: readonly string[],
): Promise<void> {
  if (userIds.length === 0) return;
  await insertAssignments(tx, read.id, userIds);
  await notify({
    recipientIds: userIds,
    type: "mandatoryRead.assigned",
    subjectType: "mandatoryRead",
    subjectId: read.id,
    communityId: read.entry.communityId,
    data: { entryId: read.entry.id, title: read.entry.title, dueAt: isoDay(read.dueAt) },
  });
}

/** Makes a live entry required reading for an audience, by a due day; fans out to everyone in it at once. */
export async function assignMandatoryRead(actor: Actor, entryId: string, input: AssignMandatoryReadInput) {
  return runCommand(actor, async (context) => {
    const { tx, audit } = context;
    if (!canManageMandatoryReads(actor)) throw CommandError.forbidden();
    const entry = await tx.entry.findUnique({ where: { id: entryId }, ...entrySelect });
    if (!entry || !canViewEntry(actor, entry)) throw CommandError.notFound();
    if (!canAssignMandatoryRead(actor, entry)) throw CommandError.conflict("error.mandatory.entryArchived");
    if (!(await audienceExists(tx, input.audience))) throw CommandError.invalid("error.mandatory.audienceMissing", "audience");
    const twice = await tx.mandatoryRead.count({ where: { entryId, audienceType: input.audience.type, audienceId: input.audience.id, withdrawnAt: null } });
    if (twice > 0) throw CommandError.invalid("error.mandatory.duplicate", "audience");
    const userIds = await audienceUserIds(tx, input.audience, entry.community);
    if (userIds.length === 0) throw CommandError.invalid("error.mandatory.audienceEmpty", "audience");

    const read = await tx.mandatoryRead.create({
      data: { entryId, audienceType: input.audience.type, audienceId: input.audience.id, dueAt: input.dueDate, createdById: actor.id },
      select: { id: true, dueAt: true },
    });
    await assignPeople(context, { ...read, entry }, userIds);
    await audit({
      action: "mandatoryRead.assign",
      targetType: "mandatoryRead",
      targetId: read.id,
      details: { entryId, audienceType: input.audience.type, audienceId: input.audience.id, dueAt: isoDay(read.dueAt), assigned: userIds.length },
    });
    return { readId: read.id, assigned: userIds.length };
  });
}

/**
 * The reader's "read and understood" for the version they read: every open read of this entry asking
 * it of them is confirmed. A version that changed while they read is refused, so they read the new one.
 */
export async function confirmMandatoryRead(actor: Actor, entryId: string, version: number) {
  return runCommand(actor, async ({ tx, audit }) => {
    const entry = await tx.entry.findUnique({ where: { id: entryId }, ...entrySelect });
    if (!entry || !canViewEntry(actor, entry)) throw CommandError.notFound();
    const mine = await tx.mandatoryReadAssignment.findMany({
      where: { userId: actor.id, mandatoryRead: { entryId, withdrawnAt: null } },
      select: { id: true, mandatoryReadId: true, confirmedVersion: true },
    });
    if (!canConfirmMandatoryRead(actor, entry, mine.length ? { userId: actor.id, withdrawn: false } : null)) throw CommandError.forbidden();
    if (version !== entry.version) throw CommandError.conflict("error.mandatory.staleVersion");
    const open = mine.filter((a) => a.confirmedVersion !== entry.version);
    if (open.length === 0) return { confirmed: 0 };
    const now = new Date();
    await tx.mandatoryReadAssignment.updateMany({ where: { id: { in: open.map((a) => a.id) } }, data: { confirmedAt: now, confirmedVersion: entry.version } });
    await audit({ action: "mandatoryRead.confirm", targetType: "entry", targetId: entryId, details: { version: entry.version, readIds: open.map((a) => a.mandatoryReadId) } });
    return { confirmed: open.length };
  });
}

/**
 * A reminder to everyone of an open read who has not confirmed the current version, at most once a day
 * per person (a second click the same day reminds nobody and says so).
 */
export async function remindMandatoryRead(actor: Actor, readId: string, now = new Date()) {
  return runCommand(actor, async ({ tx, audit, notify }) => {
    if (!canManageMandatoryReads(actor)) throw CommandError.forbidden();
    const read = await openAssignmentsOf(tx, readId);
    if (!read) throw CommandError.notFound();
    if (!readIsOpen(read, read.entry)) throw CommandError.conflict("error.mandatory.closed");
    const waiting = read.assignments.filter((a) => isOpen(assignmentStatus(read, a, read.entry.version, now)));
    if (waiting.length === 0) throw CommandError.conflict("error.mandatory.allConfirmed");
    const due = waiting.filter((a) => canBeReminded(a, now));
    const reachable = new Set(await stillReaders(tx, due.map((a) => a.userId), read.entry.community));
    // A knowledge manager in the audience does not remind themself.
    const reminded = due.filter((a) => reachable.has(a.userId) && a.userId !== actor.id);
    if (reminded.length === 0) throw CommandError.conflict("error.mandatory.remindedToday");
    for (const part of chunks(reminded)) await tx.mandatoryReadAssignment.updateMany({ where: { id: { in: part.map((a) => a.id) } }, data: { remindedAt: now } });
    await notify({
      recipientIds: reminded.map((a) => a.userId),
      type: "mandatoryRead.reminder",
      subjectType: "mandatoryRead",
      subjectId: read.id,
      communityId: read.entry.communityId,
      data: { entryId: read.entry.id, title: read.entry.title, dueAt: isoDay(read.dueAt) },
    });
    await audit({ action: "mandatoryRead.remind", targetType: "mandatoryRead", targetId: read.id, details: { reminded: reminded.length } });
    return { reminded: reminded.length };
  });
}

/** Nobody is asked any more; the report stays, marked withdrawn. */
export async function withdrawMandatoryRead(actor: Actor, readId: string) {
  return runCommand(actor, async ({ tx, audit }) => {
    if (!canManageMandatoryReads(actor)) throw CommandError.forbidden();
    const read = await tx.mandatoryRead.findUnique({ where: { id: readId }, select: { id: true, withdrawnAt: true, entryId: true } });
    if (!read) throw CommandError.notFound();
    if (read.withdrawnAt) throw CommandError.conflict("error.mandatory.withdrawn");
    await tx.mandatoryRead.update({ where: { id: readId }, data: { withdrawnAt: new Date() } });
    await audit({ action: "mandatoryRead.withdraw", targetType: "mandatoryRead", targetId: readId, details: { entryId: read.entryId } });
  });
}

/**
 * Part of saving a new version of an entry (saveVersion), so every way to publish one (edit, merge,
 * import) asks again: who confirmed an earlier version of an open read is told it changed. Nothing is
 * rewritten: their confirmation simply no longer matches the entry's version.
 */
export async function askMandatoryReadersAgain(tx: Tx, entryId: string, version: number, editorId: string): Promise<number> {
  const reads = await tx.mandatoryRead.findMany({
    where: { entryId, withdrawnAt: null, entry: { state: { not: "ARCHIVED" } } },
    select: { id: true, dueAt: true, assignments: { where: { confirmedVersion: { not: null } }, select: { userId: true } } },
  });
  if (reads.length === 0) return 0;
  const entry = await tx.entry.findUniqueOrThrow({ where: { id: entryId }, ...entrySelect });
  const told = new Set<string>();
  for (const read of reads) {
    const readers = await stillReaders(tx, read.assignments.map((a) => a.userId).filter((id) => !told.has(id)), entry.community);
    readers.forEach((id) => told.add(id));
    await writeNotifications(tx, editorId, {
      recipientIds: readers,
      type: "mandatoryRead.changed",
      subjectType: "mandatoryRead",
      subjectId: read.id,
      communityId: entry.communityId,
      data: { entryId, title: entry.title, version, dueAt: isoDay(read.dueAt) },
    });
  }
  return told.size;
}

/** The audience of a read as the sweep rebuilds it. */
function audienceOf(read: { audienceType: string; audienceId: string }): Audience {
  return { type: read.audienceType as Audience["type"], id: read.audienceId };
}

/**
 * Sweep job: who joined a read's audience after it was assigned (a new colleague in the department, a
 * new member of the community) is assigned and told, with as many days as the others had. Idempotent:
 * a second run finds nobody new.
 */
export async function assignLateJoiners(): Promise<number> {
  const reads = await db.mandatoryRead.findMany({
    where: { withdrawnAt: null, entry: { state: { not: "ARCHIVED" } } },
    select: { id: true, audienceType: true, audienceId: true, dueAt: true },
  });
  let added = 0;
  for (const candidate of reads) {
    added += await runCommand(null, async (context) => {
      const read = await context.tx.mandatoryRead.findUnique({ where: { id: candidate.id }, select: { id: true, dueAt: true, withdrawnAt: true, entry: entrySelect } });
      if (!read || !readIsOpen(read, read.entry)) return 0;
      const fresh = await unassignedAudienceIds(context.tx, read.id, audienceOf(candidate), read.entry.community);
      await assignPeople(context, read, fresh);
      if (fresh.length) await context.audit({ action: "mandatoryRead.assignLate", targetType: "mandatoryRead", targetId: read.id, details: { assigned: fresh.length } });
      return fresh.length;
    });
  }
  return added;
}

export const assignLateJoinersJob = { name: "assignLateJoiners", run: () => assignLateJoiners() };
