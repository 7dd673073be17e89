/**
 * Mandatory reads: who is in an audience, and what the start page, the entry page and the knowledge
 * manager's pages read. Statuses are computed (app/models/mandatory-read.ts), never stored.
 */
import { randomBytes } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { db, quickSelect, type Tx } from "~/utils/db.server";
import { placeholder } from "~/utils/sql-dialect.server";
import { canViewEntry, type Actor, type CommunityRef } from "~/policies/policies";
import { ROLES } from "~/schemas/enums";
import type { Audience, AudienceType } from "~/schemas/mandatory-read.shared";
import { ASSIGNMENT_STATUSES, assignmentStatus, canBeReminded, countStatuses, isOpen, personalDueAt, readIsOpen } from "./mandatory-read";
import { communityRef } from "./selects";

/**
 * The people who may see an entry of this community: everyone for an open community (or none); for a
 * closed one its members, the head of its department, knowledge managers and admins (app/policies/visibility.ts).
 */
function mayReadWhere(community: CommunityRef | null): Prisma.UserWhereInput {
  if (!community || community.visibility !== "CLOSED") return {};
  return {
    OR: [{ memberships: { some: { communityId: community.id } } }, { headOf: { id: community.departmentId } }, { role: { in: ["KNOWLEDGE_MANAGER", "ADMIN"] } }],
  };
}

function audienceWhere(audience: Audience): Prisma.UserWhereInput {
  switch (audience.type) {
    case "DEPARTMENT":
      return { departmentId: audience.id };
    case "COMMUNITY":
      return { memberships: { some: { communityId: audience.id } } };
    case "ROLE":
      return { role: audience.id };
  }
}

/** The active people of the audience who may read the entry: one assignment each. */
export async function audienceUserIds(tx: Tx, audience: Audience, community: CommunityRef | null): Promise<string[]> {
  const rows = await tx.user.findMany({ where: { AND: [{ disabledAt: null }, audienceWhere(audience), mayReadWhere(community)] }, select: { id: true } });
  return rows.map((row) => row.id);
}

/** Of these people, the active ones who may still read the entry (it may have moved since they were assigned). */
export async function stillReaders(tx: Tx, userIds: readonly string[], community: CommunityRef | null): Promise<string[]> {
  const readers: string[] = [];
  // A chunk at a time: a department of thousands would pass SQLite's limit on bound values.
  for (let i = 0; i < userIds.length; i += INSERT_CHUNK) {
    const rows = await tx.user.findMany({ where: { AND: [{ id: { in: userIds.slice(i, i + INSERT_CHUNK) } }, { disabledAt: null }, mayReadWhere(community)] }, select: { id: true } });
    readers.push(...rows.map((row) => row.id));
  }
  return readers;
}

const ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/** An id of the shape Prisma's cuid() gives (lower-case letters and digits, starting with "c"), which the schemas accept. */
function newId(): string {
  return `c${Date.now().toString(36)}${Array.from(randomBytes(16), (b) => ID_ALPHABET[b % 36]).join("")}`;
}

/** Rows per insert: well under SQLite's limit on bound values. */
const INSERT_CHUNK = 500;

/**
 * One assignment per person, inserted with multi-row INSERTs: for a department of thousands, Prisma's
 * createMany spends several times longer building the rows than SQLite takes to store them, and the
 * fan-out has to stay within seconds. A person already assigned is skipped (the unique key), so the
 * sweep may run it again safely. Dates are written as Prisma writes them.
 */
export async function insertAssignments(tx: Tx, readId: string, userIds: readonly string[], at = new Date()): Promise<void> {
  const assignedAt = at.toISOString().replace("Z", "+00:00");
  for (let i = 0; i < userIds.length; i += INSERT_CHUNK) {
    const part = userIds.slice(i, i + INSERT_CHUNK);
    await tx.$executeRawUnsafe(
      `INSERT INTO "MandatoryReadAssignment" ("id", "mandatoryReadId", "userId", "assignedAt") VALUES ${part.map((_, row) => `(${[1, 2, 3, 4].map((col) => placeholder(row * 4 + col)).join(", ")})`).join(", ")} ON CONFLICT ("mandatoryReadId", "userId") DO NOTHING`,
      ...part.flatMap((userId) => [newId(), readId, userId, assignedAt]),
    );
  }
}

/** The people of the read's audience who may see the entry and have no assignment yet: who joined later. */
export async function unassignedAudienceIds(tx: Tx, readId: string, audience: Audience, community: CommunityRef | null): Promise<string[]> {
  const rows = await tx.user.findMany({
    where: { AND: [{ disabledAt: null }, audienceWhere(audience), mayReadWhere(community), { mandatoryReadAssignments: { none: { mandatoryReadId: readId } } }] },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** Whether the audience names a department or an active community that exists (a role always does). */
export async function audienceExists(tx: Tx, audience: Audience): Promise<boolean> {
  switch (audience.type) {
    case "DEPARTMENT":
      return (await tx.department.count({ where: { id: audience.id } })) === 1;
    case "COMMUNITY":
      return (await tx.community.count({ where: { id: audience.id, status: "ACTIVE" } })) === 1;
    case "ROLE":
      return (ROLES as readonly string[]).includes(audience.id);
  }
}

/** What the assign form offers: departments, active communities and roles. */
export async function audienceOptions() {
  const [departments, communities] = await Promise.all([
    db.department.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.community.findMany({ where: { status: "ACTIVE" }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { departments, communities, roles: [...ROLES] };
}

export type AudienceName = { type: AudienceType; id: string; name: string | null };

/** The names of the departments and communities these reads are for (roles are translated by the page). */
async function audienceNames(reads: readonly { audienceType: string; audienceId: string }[]): Promise<(read: { audienceType: string; audienceId: string }) => AudienceName> {
  const ids = (type: string) => [...new Set(reads.filter((r) => r.audienceType === type).map((r) => r.audienceId))];
  const [departments, communities] = await Promise.all([
    db.department.findMany({ where: { id: { in: ids("DEPARTMENT") } }, select: { id: true, name: true } }),
    db.community.findMany({ where: { id: { in: ids("COMMUNITY") } }, select: { id: true, name: true } }),
  ]);
  const names = new Map([...departments, ...communities].map((row) => [row.id, row.name]));
  return (read) => ({ type: read.audienceType as AudienceType, id: read.audienceId, name: read.audienceType === "ROLE" ? null : (names.get(read.audienceId) ?? null) });
}

const readSelect = {
  id: true,
  audienceType: true,
  audienceId: true,
  dueAt: true,
  createdAt: true,
  withdrawnAt: true,
  createdBy: { select: { name: true } },
  entry: { select: { id: true, title: true, state: true, version: true } },
} as const;

/** The knowledge manager's overview: the newest reads, with how many confirmed, are pending or overdue. */
export async function listMandatoryReads(now = new Date()) {
  return listMandatoryReadsWhere({}, now, 200);
}

/** One read's acknowledgement report: per person, their status, when they confirmed which version, and reminders. */
export async function getMandatoryReadReport(readId: string, now = new Date()) {
  const read = await db.mandatoryRead.findUnique({
    where: { id: readId },
    select: {
      ...readSelect,
      assignments: {
        select: {
          id: true,
          assignedAt: true,
          confirmedAt: true,
          confirmedVersion: true,
          remindedAt: true,
          user: { select: { id: true, name: true, email: true, disabledAt: true, department: { select: { name: true } } } },
        },
        orderBy: { user: { name: "asc" } },
      },
    },
  });
  if (!read) return null;
  const { assignments, ...rest } = read;
  const rows = assignments.map((a) => ({
    id: a.id,
    name: a.user.name,
    email: a.user.email,
    department: a.user.department?.name ?? null,
    active: a.user.disabledAt === null,
    assignedAt: a.assignedAt,
    dueAt: personalDueAt(read, a),
    confirmedAt: a.confirmedAt,
    confirmedVersion: a.confirmedVersion,
    remindedAt: a.remindedAt,
    status: assignmentStatus(read, a, read.entry.version, now),
  }));
  // Who is overdue first, then who has still to read, to confirm again, and who confirmed; by name within each.
  rows.sort((a, b) => ASSIGNMENT_STATUSES.indexOf(a.status) - ASSIGNMENT_STATUSES.indexOf(b.status));
  const nameOf = await audienceNames([read]);
  // How many a reminder would reach now (the reminder's own rule: open, active, not reminded in the last day).
  const remindable = rows.filter((r) => isOpen(r.status) && r.active && canBeReminded(r, now)).length;
  return { ...rest, audience: nameOf(read), open: readIsOpen(read, read.entry), rows, counts: countStatuses(rows.map((r) => r.status)), remindable };
}
export type MandatoryReadReport = NonNullable<Awaited<ReturnType<typeof getMandatoryReadReport>>>;

/** The reads of an open read's people that still ask something of them, for reminders. */
export async function openAssignmentsOf(tx: Tx, readId: string) {
  return tx.mandatoryRead.findUnique({
    where: { id: readId },
    select: {
      id: true,
      dueAt: true,
      createdAt: true,
      withdrawnAt: true,
      entry: { select: { id: true, title: true, state: true, version: true, communityId: true, community: communityRef } },
      assignments: { select: { id: true, userId: true, assignedAt: true, confirmedVersion: true, remindedAt: true } },
    },
  });
}

/**
 * The actor's open mandatory reads for the start page, soonest due first: not confirmed for the entry's
 * current version, of reads that are open, of entries they may still see.
 */
export async function listOpenMandatoryReadsFor(actor: Actor, now = new Date()) {
  const assignments = await db.mandatoryReadAssignment.findMany({
    where: { userId: actor.id, mandatoryRead: { withdrawnAt: null, entry: { state: { not: "ARCHIVED" } } } },
    select: {
      assignedAt: true,
      confirmedVersion: true,
      mandatoryRead: { select: { id: true, dueAt: true, createdAt: true, entry: { select: { id: true, title: true, state: true, version: true, community: communityRef } } } },
    },
  });
  const byEntry = new Map<string, { entryId: string; title: string; dueAt: Date; status: ReturnType<typeof assignmentStatus> }>();
  for (const a of assignments) {
    const read = a.mandatoryRead;
    const status = assignmentStatus(read, a, read.entry.version, now);
    if (!isOpen(status) || !canViewEntry(actor, read.entry)) continue;
    const dueAt = personalDueAt(read, a);
    const known = byEntry.get(read.entry.id);
    // Two reads of one entry (a department and a role) ask one thing: the earliest due date counts.
    if (!known || dueAt < known.dueAt) byEntry.set(read.entry.id, { entryId: read.entry.id, title: read.entry.title, dueAt, status });
  }
  return [...byEntry.values()].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/**
 * What the entry page shows about mandatory reading: the reader's own open request (with the version to
 * confirm), and for knowledge managers how many open reads the entry has.
 */
export async function entryMandatoryPanel(actor: Actor, entry: { id: string; state: string; version: number }, canManage: boolean, now = new Date()) {
  // Every entry page asks: past Prisma's engine (docs/decisions/0077).
  const [rows, openReads] = await Promise.all([
    quickSelect<{ assignedAt: string | Date; confirmedAt: string | Date | null; confirmedVersion: number | bigint | null; dueAt: string | Date; createdAt: string | Date }[]>`
      SELECT a."assignedAt", a."confirmedAt", a."confirmedVersion", r."dueAt", r."createdAt"
      FROM "MandatoryReadAssignment" a JOIN "MandatoryRead" r ON r."id" = a."mandatoryReadId"
      WHERE a."userId" = ${actor.id} AND r."entryId" = ${entry.id} AND r."withdrawnAt" IS NULL`,
    canManage
      ? quickSelect<{ open: number | bigint }[]>`SELECT COUNT(*) AS "open" FROM "MandatoryRead" WHERE "entryId" = ${entry.id} AND "withdrawnAt" IS NULL`.then(([row]) => Number(row?.open ?? 0))
      : Promise.resolve(0),
  ]);
  const mine = rows.map((row) => ({
    assignedAt: new Date(row.assignedAt),
    confirmedAt: row.confirmedAt === null ? null : new Date(row.confirmedAt),
    confirmedVersion: row.confirmedVersion === null ? null : Number(row.confirmedVersion),
    mandatoryRead: { dueAt: new Date(row.dueAt), createdAt: new Date(row.createdAt) },
  }));
  const live = entry.state !== "ARCHIVED";
  const own = live
    ? mine
        .map((a) => ({ dueAt: personalDueAt(a.mandatoryRead, a), status: assignmentStatus(a.mandatoryRead, a, entry.version, now), confirmedAt: a.confirmedAt }))
        .sort((a, b) => Number(isOpen(b.status)) - Number(isOpen(a.status)) || a.dueAt.getTime() - b.dueAt.getTime())[0] ?? null
    : null;
  return { own, version: entry.version, manage: canManage, openReads };
}
export type EntryMandatoryPanel = Awaited<ReturnType<typeof entryMandatoryPanel>>;

/** The entry's reads for its assign page, newest first. */
export async function listMandatoryReadsOfEntry(entryId: string, now = new Date()) {
  return listMandatoryReadsWhere({ entryId }, now);
}

async function listMandatoryReadsWhere(where: Prisma.MandatoryReadWhereInput, now: Date, take?: number) {
  const reads = await db.mandatoryRead.findMany({
    where,
    select: { ...readSelect, assignments: { select: { assignedAt: true, confirmedVersion: true } } },
    orderBy: { createdAt: "desc" },
    take,
  });
  const nameOf = await audienceNames(reads);
  return reads.map(({ assignments, ...read }) => ({
    ...read,
    audience: nameOf(read),
    open: readIsOpen(read, read.entry),
    counts: countStatuses(assignments.map((a) => assignmentStatus(read, a, read.entry.version, now))),
  }));
}
