import { Prisma } from "@prisma/client";
import { canManageKnowledge, canViewEntry, canWithdrawFlag, isLive, type Actor } from "~/policies/policies";
import type { FlagReason } from "~/schemas/flag.shared";
import type { Tx } from "~/utils/db.server";
import { communityRef } from "~/models/selects";
import { CommandError } from "./errors";
import { runCommand } from "./runner.server";
import type { NotifyInput } from "~/models/notification.server";

async function findEntry(tx: Tx, entryId: string) {
  return tx.entry.findUnique({ where: { id: entryId }, select: { id: true, state: true, community: communityRef } });
}

/** The database's partial unique index said no: this person already has an open flag on the entry. */
function isOpenFlagTaken(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * A reader flags an entry they may see (KCS: flag it or fix it). One open flag per person per entry:
 * a second one is refused with a conflict, also when two arrive at once (the partial unique index
 * decides then). An archived entry takes no flags; its page says so.
 */
export async function flagEntry(actor: Actor, entryId: string, input: { reason: FlagReason; comment: string }) {
  try {
    return await runCommand(actor, async ({ tx, audit }) => {
      const entry = await findEntry(tx, entryId);
      if (!entry || !canViewEntry(actor, entry)) throw CommandError.notFound();
      if (!isLive(entry)) throw CommandError.conflict("error.flag.archived");
      const open = await tx.flag.findFirst({ where: { entryId, userId: actor.id, state: "OPEN" }, select: { id: true } });
      if (open) throw CommandError.conflict("error.flag.alreadyOpen");
      const flag = await tx.flag.create({ data: { entryId, userId: actor.id, reason: input.reason, comment: input.comment }, select: { id: true } });
      await audit({ action: "flag.create", targetType: "entry", targetId: entryId, details: { flagId: flag.id, reason: input.reason, comment: input.comment } });
      return flag;
    });
  } catch (error) {
    if (isOpenFlagTaken(error)) throw CommandError.conflict("error.flag.alreadyOpen");
    throw error;
  }
}

async function findOpenFlag(tx: Tx, flagId: string) {
  return tx.flag.findUnique({
    where: { id: flagId },
    select: { id: true, state: true, userId: true, entryId: true, entry: { select: { id: true, title: true, state: true, community: communityRef } } },
  });
}

/**
 * The knowledge manager (or an admin) closes a flag without changing the entry, saying why; the
 * flagger reads that reason on their list. Fixing and archiving resolve flags through the entry's own
 * commands. Who may not see the entry learns nothing; a flag decided meanwhile is a conflict.
 */
export async function resolveFlagNoChange(actor: Actor, flagId: string, resolution: string) {
  return runCommand(actor, async ({ tx, audit, notify }) => {
    const flag = await findOpenFlag(tx, flagId);
    if (!flag || !canViewEntry(actor, flag.entry)) throw CommandError.notFound();
    if (!canManageKnowledge(actor)) throw CommandError.forbidden();
    const reason = resolution.trim();
    if (!reason) throw CommandError.invalid("error.flag.resolutionRequired", "resolution");
    // Only an open flag changes: two knowledge managers deciding at once cannot both win.
    const { count } = await tx.flag.updateMany({
      where: { id: flagId, state: "OPEN" },
      data: { state: "NO_CHANGE", resolution: reason, resolvedById: actor.id, resolvedAt: new Date() },
    });
    if (count === 0) throw CommandError.conflict("error.flag.notOpen");
    await audit({ action: "flag.resolve", targetType: "entry", targetId: flag.entryId, details: { flagId, state: "NO_CHANGE", resolution: reason } });
    await notify(flagResolvedNotice([flag.userId], flag.entry, "NO_CHANGE", reason));
    return { entryId: flag.entryId };
  });
}

/**
 * What a flagger is told when their flag is resolved, whichever way: the entry fixed, no change needed,
 * or archived (by a knowledge manager, or with its retired product).
 */
export function flagResolvedNotice(
  flaggerIds: readonly string[],
  entry: { id: string; title: string; community: { id: string } | null },
  outcome: "FIXED" | "NO_CHANGE" | "ARCHIVED",
  resolution: string,
): NotifyInput {
  return {
    recipientIds: flaggerIds,
    type: "flag.resolved",
    subjectType: "entry",
    subjectId: entry.id,
    communityId: entry.community?.id ?? null,
    data: { title: entry.title, outcome, resolution },
  };
}

/**
 * The flagger takes back their own open flag (reported by mistake, or solved by a colleague's answer).
 * It stays on their list as withdrawn, and they may flag the entry again later.
 */
export async function withdrawFlag(actor: Actor, flagId: string) {
  return runCommand(actor, async ({ tx, audit }) => {
    const flag = await findOpenFlag(tx, flagId);
    // Someone else's flag does not exist for this person.
    if (!flag || flag.userId !== actor.id) throw CommandError.notFound();
    if (!canWithdrawFlag(actor, flag)) throw CommandError.conflict("error.flag.notOpen");
    const { count } = await tx.flag.updateMany({
      where: { id: flagId, state: "OPEN" },
      // Not a resolution: resolvedAt and resolvedBy stay the knowledge manager's, and the time-to-resolve figure ignores it.
      data: { state: "WITHDRAWN" },
    });
    if (count === 0) throw CommandError.conflict("error.flag.notOpen");
    await audit({ action: "flag.withdraw", targetType: "entry", targetId: flag.entryId, details: { flagId } });
    return { entryId: flag.entryId };
  });
}
