/**
 * A community's skill spotlight (issue 17): the entry or topic a lead pinned for the week. The current one is
 * the newest pin that is neither removed nor past its end, so it expires by itself (docs/decisions/0065).
 */
import { db } from "~/utils/db.server";
import { canViewEntry, isLive, type Actor } from "~/policies/policies";
import { communityRef } from "./selects";

const spotlightSelect = {
  id: true,
  communityId: true,
  note: true,
  startsAt: true,
  endsAt: true,
  pinnedBy: { select: { name: true } },
  entry: { select: { id: true, title: true, state: true, community: communityRef } },
  tag: { select: { name: true } },
} as const;

type SpotlightRow = {
  id: string;
  communityId: string;
  note: string;
  startsAt: Date;
  endsAt: Date;
  pinnedBy: { name: string };
  entry: { id: string; title: string; state: string; community: { id: string; name: string; visibility: string; departmentId: string } | null } | null;
  tag: { name: string } | null;
};

/**
 * The spotlight as this reader sees it: an entry they may no longer read (archived since, moved to a closed
 * community) leaves nothing to show.
 */
function toView(actor: Actor, row: SpotlightRow) {
  const entry = row.entry && isLive(row.entry) && canViewEntry(actor, row.entry) ? { id: row.entry.id, title: row.entry.title } : null;
  const tag = row.tag?.name ?? null;
  if (!entry && !tag) return null;
  return { id: row.id, note: row.note, startsAt: row.startsAt, endsAt: row.endsAt, pinnedBy: row.pinnedBy.name, entry, tag };
}
export type SpotlightView = NonNullable<ReturnType<typeof toView>>;

const currentWhere = (now: Date) => ({ removedAt: null, startsAt: { lte: now }, endsAt: { gt: now } });

/** The community's spotlight now, for this reader (the route checks who may see the community). */
export async function currentSpotlight(actor: Actor, community: { id: string }, now = new Date()) {
  const row = await db.spotlight.findFirst({ where: { communityId: community.id, ...currentWhere(now) }, orderBy: { startsAt: "desc" }, select: spotlightSelect });
  return row ? toView(actor, row) : null;
}

export type SpotlightOfCommunity = SpotlightRow & { community: { name: string; slug: string } };

/** The current spotlights of these communities, one per community, for the digest of a reader. */
export async function currentSpotlights(communityIds: readonly string[], now = new Date()): Promise<Map<string, SpotlightOfCommunity>> {
  if (communityIds.length === 0) return new Map();
  const rows = await db.spotlight.findMany({
    where: { communityId: { in: [...communityIds] }, ...currentWhere(now) },
    orderBy: { startsAt: "desc" },
    select: { ...spotlightSelect, community: { select: { name: true, slug: true } } },
  });
  const byCommunity = new Map<string, SpotlightOfCommunity>();
  for (const row of rows) if (!byCommunity.has(row.communityId)) byCommunity.set(row.communityId, row);
  return byCommunity;
}

/** A digest line's view of a spotlight for this reader. */
export function spotlightForReader(actor: Actor, row: SpotlightRow) {
  return toView(actor, row);
}

/** How many entries the lead's list offers. */
export const SPOTLIGHT_ENTRY_OPTIONS = 300;

/** The live entries a lead may pin: the community's own and those of no community, by title. */
export async function listSpotlightEntryOptions(communityId: string) {
  return db.entry.findMany({
    where: { state: { not: "ARCHIVED" }, OR: [{ communityId }, { communityId: null }] },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    take: SPOTLIGHT_ENTRY_OPTIONS,
    select: { id: true, title: true },
  });
}
