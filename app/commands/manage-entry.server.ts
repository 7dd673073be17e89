/**
 * Keeping an entry true after publication: fix it (a new version with a change note, the flags it
 * answers resolved), retire it (archived with a reason and perhaps a successor) and bring it back.
 * Each runs in one transaction with its audit event and the entry's search outbox row: archiving
 * takes the entry out of search, restoring puts it back.
 */
import type { Tx } from "~/utils/db.server";
import {
  canEditEntry,
  canManageKnowledge,
  canReassignEntry,
  canResolveFlagsByEdit,
  canSeeCommunityContent,
  canViewEntry,
  isLive,
  type Actor,
} from "~/policies/policies";
import type { Role } from "~/schemas/enums";
import { saveVersion } from "./curate-note.server";
import { CommandError } from "./errors";
import { runCommand } from "./runner.server";
import { flagResolvedNotice } from "./manage-flag.server";
import { queueEntryWebhooks } from "~/models/webhook.server";

const communitySelect = { select: { id: true, visibility: true, departmentId: true, status: true } } as const;

async function loadEntry(tx: Tx, actor: Actor, entryId: string) {
  const entry = await tx.entry.findUnique({
    where: { id: entryId },
    select: {
      id: true,
      title: true,
      bodyText: true,
      state: true,
      version: true,
      ownerId: true,
      communityId: true,
      reviewBy: true,
      archiveReason: true,
      successorId: true,
      community: communitySelect,
      tags: { select: { tag: { select: { name: true } } } },
    },
  });
  // Who may not read the entry learns nothing about it.
  if (!entry || !canViewEntry(actor, entry)) throw CommandError.notFound();
  return entry;
}

/** Open "did not help" answers are seen to once the entry is fixed or retired. */
async function handleNegativeFeedback(tx: Tx, entryId: string, now: Date) {
  const { count } = await tx.feedback.updateMany({ where: { entryId, helpful: false, handledAt: null }, data: { handledAt: now } });
  return count;
}

export type EditEntryInput = {
  /** The version the editor started from. */
  version: number;
  title: string;
  body: { json: string; text: string };
  tags: string[];
  communityId: string | null;
  ownerId: string;
  reviewBy: Date;
  changeNote: string;
  /** Open flags of this entry the change answers: they become FIXED with the change note. */
  resolveFlagIds: string[];
};

/** An owner must be an active user who can read the entry where it lives. */
async function requireOwner(tx: Tx, ownerId: string, community: { id: string; visibility: string; departmentId: string } | null) {
  const user = await tx.user.findUnique({
    where: { id: ownerId },
    select: { id: true, role: true, departmentId: true, disabledAt: true, memberships: { select: { communityId: true } }, headOf: { select: { id: true } } },
  });
  if (!user || user.disabledAt) throw CommandError.invalid("error.entryLife.owner", "ownerId");
  const owner: Actor = {
    id: user.id,
    role: user.role as Role,
    departmentId: user.departmentId,
    communityIds: user.memberships.map((m) => m.communityId),
    headOfDepartmentId: user.headOf?.id ?? null,
  };
  if (!canSeeCommunityContent(owner, community)) throw CommandError.invalid("error.entryLife.ownerCannotSee", "ownerId");
}

export async function editEntry(actor: Actor, entryId: string, input: EditEntryInput) {
  return runCommand(actor, async ({ tx, audit, enqueue, notify }) => {
    const entry = await loadEntry(tx, actor, entryId);
    if (!canEditEntry(actor, entry)) throw CommandError.forbidden();
    if (entry.version !== input.version) throw CommandError.conflict("error.entryLife.staleVersion");

    const reassigning = input.ownerId !== entry.ownerId || input.communityId !== entry.communityId;
    if (reassigning && !canReassignEntry(actor, entry)) throw CommandError.forbidden("error.entryLife.reassign", input.ownerId !== entry.ownerId ? "ownerId" : "communityId");
    let community = entry.community;
    if (input.communityId !== entry.communityId) {
      community = input.communityId ? await tx.community.findUnique({ where: { id: input.communityId }, ...communitySelect }) : null;
      if (input.communityId && (!community || community.status !== "ACTIVE" || !canSeeCommunityContent(actor, community))) {
        throw CommandError.invalid("error.entryLife.community", "communityId");
      }
    }
    // The owner must still be able to read the entry, also when only its community changes.
    if (reassigning) await requireOwner(tx, input.ownerId, community);

    if (input.resolveFlagIds.length) {
      if (!canResolveFlagsByEdit(actor, entry)) throw CommandError.forbidden();
      const open = await tx.flag.count({ where: { id: { in: input.resolveFlagIds }, entryId, state: "OPEN" } });
      // A flag answered meanwhile (or not this entry's) would be resolved twice: say so, save nothing.
      if (open !== input.resolveFlagIds.length) throw CommandError.conflict("error.entryLife.flagNotOpen", "resolveFlagIds");
    }

    const now = new Date();
    const version = entry.version + 1;
    const content = { title: input.title, body: input.body, tags: input.tags };
    await tx.entry.update({
      where: { id: entryId },
      data: {
        title: input.title,
        bodyJson: input.body.json,
        bodyText: input.body.text,
        version,
        communityId: input.communityId,
        ownerId: input.ownerId,
        reviewBy: input.reviewBy,
        lastReviewedAt: now,
        // A fix is a review: an entry waiting for one is current again.
        state: "PUBLISHED",
      },
    });
    await saveVersion(tx, entryId, version, actor.id, content, `edit:${input.changeNote}`);
    await tx.entryReview.create({ data: { entryId, reviewerId: actor.id, basis: "EDIT", nextReviewBy: input.reviewBy } });
    if (input.resolveFlagIds.length) {
      const flaggers = await tx.flag.findMany({ where: { id: { in: input.resolveFlagIds } }, select: { userId: true } });
      await tx.flag.updateMany({
        where: { id: { in: input.resolveFlagIds } },
        data: { state: "FIXED", resolution: input.changeNote, resolvedVersion: version, resolvedById: actor.id, resolvedAt: now },
      });
      // Told after the change: the entry's new title and community are what they will open.
      await notify(flagResolvedNotice(flaggers.map((f) => f.userId), { id: entryId, title: input.title, community }, "FIXED", input.changeNote));
    }
    const feedbackHandled = await handleNegativeFeedback(tx, entryId, now);

    const tagsBefore = entry.tags.map((t) => t.tag.name).sort();
    const changed = {
      title: entry.title !== input.title,
      body: entry.bodyText !== input.body.text,
      tags: tagsBefore.join(",") !== [...input.tags].sort().join(","),
      community: entry.communityId !== input.communityId,
      owner: entry.ownerId !== input.ownerId,
      reviewBy: entry.reviewBy?.getTime() !== input.reviewBy.getTime(),
      state: entry.state !== "PUBLISHED",
    };
    await audit({
      action: "entry.edit",
      targetType: "entry",
      targetId: entryId,
      details: {
        version,
        changeNote: input.changeNote,
        changed: Object.keys(changed).filter((k) => changed[k as keyof typeof changed]),
        ...(changed.title ? { previousTitle: entry.title } : {}),
        ...(changed.owner ? { previousOwnerId: entry.ownerId, ownerId: input.ownerId } : {}),
        ...(changed.community ? { previousCommunityId: entry.communityId, communityId: input.communityId } : {}),
        reviewBy: input.reviewBy.toISOString(),
        resolvedFlagIds: input.resolveFlagIds,
        feedbackHandled,
      },
    });
    await enqueue("entries", entryId);
    await queueEntryWebhooks(tx, "entry.changed", entryId);
    return { entryId, version };
  });
}

export type ArchiveEntryInput = { reason: string; successorId?: string };

export async function archiveEntry(actor: Actor, entryId: string, input: ArchiveEntryInput) {
  return runCommand(actor, async ({ tx, audit, enqueue, notify }) => {
    const entry = await loadEntry(tx, actor, entryId);
    if (!canManageKnowledge(actor)) throw CommandError.forbidden();
    if (!isLive(entry)) throw CommandError.conflict("error.entryLife.alreadyArchived");
    if (input.successorId) {
      if (input.successorId === entryId) throw CommandError.invalid("error.entryLife.successorSelf", "successorId");
      const successor = await tx.entry.findUnique({ where: { id: input.successorId }, select: { state: true, community: communitySelect } });
      // An entry the actor cannot read is, for them, one that does not exist.
      if (!successor || !canViewEntry(actor, successor)) throw CommandError.invalid("error.entryLife.successorMissing", "successorId");
      if (!isLive(successor)) throw CommandError.invalid("error.entryLife.successorArchived", "successorId");
    }
    const now = new Date();
    await tx.entry.update({
      where: { id: entryId },
      data: { state: "ARCHIVED", archivedAt: now, archiveReason: input.reason, successorId: input.successorId ?? null },
    });
    // Open flags are answered by the archiving: the reason is what their authors read.
    const flaggers = await tx.flag.findMany({ where: { entryId, state: "OPEN" }, select: { userId: true } });
    await notify(flagResolvedNotice(flaggers.map((f) => f.userId), entry, "ARCHIVED", input.reason));
    const flags = await tx.flag.updateMany({
      where: { entryId, state: "OPEN" },
      data: { state: "ARCHIVED", resolution: input.reason, resolvedById: actor.id, resolvedAt: now },
    });
    const feedbackHandled = await handleNegativeFeedback(tx, entryId, now);
    await audit({
      action: "entry.archive",
      targetType: "entry",
      targetId: entryId,
      details: { reason: input.reason, successorId: input.successorId ?? null, previousState: entry.state, flagsClosed: flags.count, feedbackHandled },
    });
    await enqueue("entries", entryId);
    await queueEntryWebhooks(tx, "entry.archived", entryId);
    return { entryId };
  });
}

export async function restoreEntry(actor: Actor, entryId: string) {
  return runCommand(actor, async ({ tx, audit, enqueue }) => {
    const entry = await loadEntry(tx, actor, entryId);
    if (!canManageKnowledge(actor)) throw CommandError.forbidden();
    if (isLive(entry)) throw CommandError.conflict("error.entryLife.notArchived");
    await tx.entry.update({ where: { id: entryId }, data: { state: "PUBLISHED", archivedAt: null, archiveReason: null, successorId: null } });
    await audit({
      action: "entry.restore",
      targetType: "entry",
      targetId: entryId,
      details: { previousReason: entry.archiveReason, previousSuccessorId: entry.successorId },
    });
    await enqueue("entries", entryId);
    await queueEntryWebhooks(tx, "entry.published", entryId);
    return { entryId };
  });
}
