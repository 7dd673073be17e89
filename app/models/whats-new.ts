/**
 * "What is new" for one reader, from the entries published or changed in a window: those in the reader's
 * communities or carrying one of the reader's topics (the tags of their own notes), that they may see,
 * published or changed after the reader's own start. Pure, so the page and the digest of thousands of
 * people share it: the digest loads the window once and asks this for each person.
 */
import { canViewEntry, type Actor, type CommunityRef } from "~/policies/policies";

/** Without an earlier visit, the what's-new page shows this many days back. */
export const FIRST_VISIT_DAYS = 14;

export type ChangedEntry = {
  id: string;
  title: string;
  community: (CommunityRef & { name: string }) | null;
  tagIds: readonly string[];
  /** The last version in the window. */
  lastAt: Date;
  /** When version 1 was made, if that is in the window: then the entry is new, else changed. */
  publishedAt: Date | null;
};

export type WhatsNewItem = { id: string; title: string; communityName: string | null; change: "new" | "changed"; at: Date };

/**
 * Entries with the same community and the same tags are chosen or left out together, for every reader:
 * the window's entries are grouped so, each group's list newest first. A reader then looks at groups, not
 * at entries (a few thousand groups against a hundred thousand entries in a large digest).
 */
type Group = { community: ChangedEntry["community"]; communityNo: number; tagNos: number[]; entries: number[] };

/** Communities and tags are numbered within the index, so a reader's choices are flags in small arrays. */
export type ChangedIndex = { entries: ChangedEntry[]; lastMs: Float64Array; groups: Group[]; communityNos: Map<string, number>; tagNos: Map<string, number> };

export function indexChanged(entries: ChangedEntry[]): ChangedIndex {
  const sorted = [...entries].sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime());
  const communityNos = new Map<string, number>();
  const tagNos = new Map<string, number>();
  const number = (map: Map<string, number>, id: string) => {
    let no = map.get(id);
    if (no === undefined) map.set(id, (no = map.size));
    return no;
  };
  const groups = new Map<string, Group>();
  sorted.forEach((entry, i) => {
    const tagIds = [...entry.tagIds].sort();
    const key = `${entry.community?.id ?? ""}|${tagIds.join(",")}`;
    const group = groups.get(key);
    if (group) group.entries.push(i);
    else
      groups.set(key, {
        community: entry.community,
        communityNo: entry.community ? number(communityNos, entry.community.id) : -1,
        tagNos: tagIds.map((id) => number(tagNos, id)),
        entries: [i],
      });
  });
  return { entries: sorted, lastMs: Float64Array.from(sorted, (e) => e.lastAt.getTime()), groups: [...groups.values()], communityNos, tagNos };
}

export type Reader = { actor: Actor; tagIds: readonly string[]; since: Date };

/** How many of a group's entries (newest first) are after `since`. */
function countAfter(lastMs: Float64Array, list: number[], since: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lastMs[list[mid]] > since) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The reader's items after `since`, the most recent first: `limit` of them and how many there are. */
export function whatsNewFor(index: ChangedIndex, reader: Reader, limit: number): { items: WhatsNewItem[]; total: number } {
  const since = reader.since.getTime();
  const communities = new Uint8Array(index.communityNos.size);
  for (const id of reader.actor.communityIds) {
    const no = index.communityNos.get(id);
    if (no !== undefined) communities[no] = 1;
  }
  const topics = new Uint8Array(index.tagNos.size);
  for (const id of reader.tagIds) {
    const no = index.tagNos.get(id);
    if (no !== undefined) topics[no] = 1;
  }
  // The policy's answer per community (the last slot: no community), asked once per reader: 0 unknown, 1 yes, 2 no.
  const views = new Uint8Array(index.communityNos.size + 1);
  const mayView = (group: Group) => {
    const slot = group.communityNo < 0 ? views.length - 1 : group.communityNo;
    if (views[slot] === 0) views[slot] = canViewEntry(reader.actor, { state: "PUBLISHED", community: group.community }) ? 1 : 2;
    return views[slot] === 1;
  };
  let total = 0;
  // The `limit` newest so far (smallest indexes), ascending; a group's list is ascending too, so it stops at the first loser.
  const newest: number[] = [];
  for (const group of index.groups) {
    let mine = group.communityNo >= 0 && communities[group.communityNo] === 1;
    for (let k = 0; !mine && k < group.tagNos.length; k++) mine = topics[group.tagNos[k]] === 1;
    if (!mine || !mayView(group)) continue;
    const count = countAfter(index.lastMs, group.entries, since);
    total += count;
    for (let k = 0; k < count; k++) {
      const i = group.entries[k];
      if (newest.length === limit && i > newest[limit - 1]) break;
      let at = newest.length;
      while (at > 0 && newest[at - 1] > i) at -= 1;
      newest.splice(at, 0, i);
      if (newest.length > limit) newest.pop();
    }
  }
  const items = newest.map((i) => {
    const entry = index.entries[i];
    const isNew = entry.publishedAt !== null && entry.publishedAt.getTime() > since;
    return { id: entry.id, title: entry.title, communityName: entry.community?.name ?? null, change: isNew ? ("new" as const) : ("changed" as const), at: entry.lastAt };
  });
  return { items, total };
}
