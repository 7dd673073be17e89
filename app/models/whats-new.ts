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

/** The window's entries, indexed by community and by tag, the most recent first in each list. */
export type ChangedIndex = { entries: ChangedEntry[]; lastMs: Float64Array; byCommunity: Map<string, number[]>; byTag: Map<string, number[]>; stamp: Int32Array; round: number };

export function indexChanged(entries: ChangedEntry[]): ChangedIndex {
  const sorted = [...entries].sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime());
  const byCommunity = new Map<string, number[]>();
  const byTag = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  sorted.forEach((entry, i) => {
    if (entry.community) push(byCommunity, entry.community.id, i);
    for (const tagId of entry.tagIds) push(byTag, tagId, i);
  });
  return { entries: sorted, lastMs: Float64Array.from(sorted, (e) => e.lastAt.getTime()), byCommunity, byTag, stamp: new Int32Array(sorted.length), round: 0 };
}

export type Reader = { actor: Actor; tagIds: readonly string[]; since: Date };

/** The reader's items after `since`, the most recent first: `limit` of them and how many there are. */
export function whatsNewFor(index: ChangedIndex, reader: Reader, limit: number): { items: WhatsNewItem[]; total: number } {
  // A stamp per entry instead of a Set: a person's lists overlap (community and tags) and are long in the digest.
  index.round += 1;
  const round = index.round;
  const since = reader.since.getTime();
  // The policy's answer per community, asked once per reader: a digest reader's lists run to many thousands.
  const seen = new Map<string, boolean>();
  const mayView = (community: ChangedEntry["community"]) => {
    const key = community?.id ?? "";
    let answer = seen.get(key);
    if (answer === undefined) {
      answer = canViewEntry(reader.actor, { state: "PUBLISHED", community });
      seen.set(key, answer);
    }
    return answer;
  };
  // Only the `limit` newest are kept (the smallest indexes, the lists being newest first); the rest is counted.
  const newest: number[] = [];
  let total = 0;
  const keep = (i: number) => {
    total += 1;
    if (newest.length === limit && i > newest[limit - 1]) return;
    let at = newest.length;
    while (at > 0 && newest[at - 1] > i) at -= 1;
    newest.splice(at, 0, i);
    if (newest.length > limit) newest.pop();
  };
  const visit = (list: number[] | undefined) => {
    if (!list) return;
    for (const i of list) {
      if (index.lastMs[i] <= since) break;
      if (index.stamp[i] === round) continue;
      index.stamp[i] = round;
      if (mayView(index.entries[i].community)) keep(i);
    }
  };
  for (const id of reader.actor.communityIds) visit(index.byCommunity.get(id));
  for (const id of reader.tagIds) visit(index.byTag.get(id));
  const items = newest.map((i) => {
    const entry = index.entries[i];
    const isNew = entry.publishedAt !== null && entry.publishedAt.getTime() > since;
    return { id: entry.id, title: entry.title, communityName: entry.community?.name ?? null, change: isNew ? ("new" as const) : ("changed" as const), at: entry.lastAt };
  });
  return { items, total };
}
