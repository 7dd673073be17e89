import { db, quickSelect } from "~/utils/db.server";
import { communityRef } from "./selects";

/**
 * What the entry page says about flags: the viewer's own open flag, and whether a reader says it is wrong.
 * Every entry page reads it: two statements past Prisma's engine (docs/decisions/0077).
 */
export async function getEntryFlagSummary(entryId: string, viewerId: string) {
  const [rows, [counted]] = await Promise.all([
    quickSelect<{ id: string; reason: string; createdAt: string | Date }[]>`
      SELECT "id", "reason", "createdAt" FROM "Flag" WHERE "entryId" = ${entryId} AND "userId" = ${viewerId} AND "state" = 'OPEN' ORDER BY "createdAt" ASC LIMIT 1`,
    quickSelect<{ wrong: number | bigint }[]>`
      SELECT COUNT(*) AS "wrong" FROM "Flag" WHERE "entryId" = ${entryId} AND "state" = 'OPEN' AND "reason" = 'WRONG'`,
  ]);
  const own = rows[0] ? { id: rows[0].id, reason: rows[0].reason, createdAt: new Date(rows[0].createdAt) } : null;
  return { own, beingChecked: Number(counted?.wrong ?? 0) > 0 };
}

/** The open flags of an entry, for the knowledge manager's link on the entry page. */
export async function countOpenFlags(entryId: string) {
  const [row] = await quickSelect<{ open: number | bigint }[]>`SELECT COUNT(*) AS "open" FROM "Flag" WHERE "entryId" = ${entryId} AND "state" = 'OPEN'`;
  return Number(row?.open ?? 0);
}

/** The viewer's open flag on an entry, if any: one per person per entry. */
export async function getOpenFlag(entryId: string, userId: string) {
  return db.flag.findFirst({ where: { entryId, userId, state: "OPEN" }, select: { id: true, reason: true, comment: true, createdAt: true } });
}

const entrySide = { select: { id: true, title: true, state: true, community: communityRef } } as const;

/** "My flags": every flag the user gave, newest first, with what became of it. */
export async function listFlagsByUser(userId: string) {
  return db.flag.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      reason: true,
      comment: true,
      state: true,
      resolution: true,
      resolvedAt: true,
      resolvedVersion: true,
      createdAt: true,
      resolvedBy: { select: { name: true } },
      entry: { select: { ...entrySide.select, successor: entrySide } },
    },
  });
}

/** An entry's flags for the knowledge manager: open ones first (oldest first), then the resolved ones. */
export async function listEntryFlags(entryId: string) {
  const select = {
    id: true,
    reason: true,
    comment: true,
    state: true,
    resolution: true,
    resolvedAt: true,
    resolvedVersion: true,
    createdAt: true,
    user: { select: { name: true } },
    resolvedBy: { select: { name: true } },
  } as const;
  const [open, resolved] = await Promise.all([
    db.flag.findMany({ where: { entryId, state: "OPEN" }, orderBy: { createdAt: "asc" }, select }),
    db.flag.findMany({ where: { entryId, state: { not: "OPEN" } }, orderBy: { createdAt: "desc" }, take: 100, select }),
  ]);
  return { open, resolved };
}
