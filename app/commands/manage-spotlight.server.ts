/**
 * The weekly skill spotlight (issue 17): a community's lead pins an entry or a topic with a short note for
 * a week, changes it (a new pin ends the current one) or removes it. Each change is audited.
 */
import { findCommunityRef } from "~/models/community-ref.server";
import { addDays } from "~/utils/dates";
import { canPinSpotlight, canSeeCommunityContent, canSpotlightEntry, isActive, type Actor } from "~/policies/policies";
import { CommandError } from "./errors";
import { runCommand } from "./runner.server";
import type { Tx } from "~/utils/db.server";

/** A spotlight lasts a week from the moment it is pinned. */
export const SPOTLIGHT_DAYS = 7;

export type PinSpotlightInput = { entryId?: string; tag?: string; note: string };

async function communityToLead(tx: Tx, actor: Actor, communityId: string) {
  const community = await findCommunityRef(tx, communityId);
  if (!canSeeCommunityContent(actor, community)) throw CommandError.notFound();
  if (!canPinSpotlight(actor, community)) throw CommandError.forbidden(isActive(community) ? "error.recognition.spotlightLeadsOnly" : "error.community.archived");
  return community;
}

/** Ends the spotlight that is current now, if any; returns how many were ended. */
async function endCurrent(tx: Tx, communityId: string, now: Date) {
  const { count } = await tx.spotlight.updateMany({ where: { communityId, removedAt: null, endsAt: { gt: now } }, data: { removedAt: now } });
  return count;
}

export async function pinSpotlight(actor: Actor, communityId: string, input: PinSpotlightInput) {
  return runCommand(actor, async ({ tx, audit }) => {
    const community = await communityToLead(tx, actor, communityId);
    let entryId: string | null = null;
    let tagId: string | null = null;
    if (input.entryId) {
      const entry = await tx.entry.findUnique({ where: { id: input.entryId }, select: { id: true, state: true, community: { select: { id: true, visibility: true, departmentId: true } } } });
      if (!entry || !canSpotlightEntry(community, entry)) throw CommandError.invalid("error.recognition.spotlightEntry", "entryId");
      entryId = entry.id;
    } else if (input.tag) {
      const tag = await tx.tag.findUnique({ where: { name: input.tag.trim().replace(/\s+/g, " ").toLowerCase() }, select: { id: true } });
      if (!tag) throw CommandError.invalid("error.recognition.spotlightTag", "tag");
      tagId = tag.id;
    } else {
      throw CommandError.invalid("error.recognition.spotlightChoose", "entryId");
    }
    const now = new Date();
    const replaced = await endCurrent(tx, communityId, now);
    const spotlight = await tx.spotlight.create({
      data: { communityId, entryId, tagId, note: input.note, pinnedById: actor.id, startsAt: now, endsAt: addDays(now, SPOTLIGHT_DAYS) },
      select: { id: true, endsAt: true },
    });
    await audit({ action: "spotlight.pin", targetType: "community", targetId: communityId, details: { spotlightId: spotlight.id, entryId, tag: input.tag ?? null, replaced } });
    return spotlight;
  });
}

export async function removeSpotlight(actor: Actor, communityId: string) {
  await runCommand(actor, async ({ tx, audit }) => {
    await communityToLead(tx, actor, communityId);
    const ended = await endCurrent(tx, communityId, new Date());
    if (ended === 0) throw CommandError.conflict("error.recognition.spotlightNone");
    await audit({ action: "spotlight.remove", targetType: "community", targetId: communityId });
  });
}
