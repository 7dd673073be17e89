import { db } from "~/utils/db.server";
import { communityRef } from "./selects";

/** What the entry page says about flags: the viewer's own open flag, and whether a reader says it is wrong. */
export async function getEntryFlagSummary(entryId: string, viewerId: string) {
  const [own, wrong] = await Promise.all([
    db.flag.findFirst({ where: { entryId, userId: viewerId, state: "OPEN" }, select: { id: true, reason: true, createdAt: true } }),
    db.flag.count({ where: { entryId, state: "OPEN", reason: "WRONG" } }),
  ]);
  return { own, beingChecked: wrong > 0 };
}

/** The open flags of an entry, for the knowledge manager's link on the entry page. */
export async function countOpenFlags(entryId: string) {
  return db.flag.count({ where: { entryId, state: "OPEN" } });
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
