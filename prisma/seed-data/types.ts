import type { EntryState } from "../../app/schemas/enums";
import type { Actor } from "../../app/policies/policies";
import type { CommunityKey, DepartmentKey, TagName, UserKey } from "./organisation";

/** A field note as an agent wrote it. Bodies use the markup of rich.ts. */
export type NoteSeed = {
  author: UserKey;
  /** Days before "now" the note was written (weekends move to the Friday before). */
  daysAgo: number;
  title: string;
  body: string;
  /** 1-4 tags; defaults to the entry's tags for notes that belong to an entry. */
  tags?: TagName[];
  community?: CommunityKey;
};

/** A note the knowledge manager merged into an existing entry; `add` is what it added to the article. */
export type MergedNoteSeed = NoteSeed & { add: string; reason?: string };

export type DeclinedNoteSeed = NoteSeed & { tags: TagName[]; reason: string };

export type SubmittedNoteSeed = NoteSeed & { tags: TagName[] };

/** A knowledge-base article, published from `source`, extended by `merged` (one version each). */
export type EntrySeed = {
  title: string;
  tags: TagName[];
  community?: CommunityKey;
  /** Defaults to PUBLISHED. */
  state?: EntryState;
  /** Months after publication the entry is due for review; defaults to 6-12. */
  reviewMonths?: number;
  helpful: number;
  reuse: number;
  /** The article as first published (markup). */
  body: string;
  source: NoteSeed;
  merged?: MergedNoteSeed[];
  /** For ARCHIVED entries: when, why, and the title of the entry that replaces it. */
  archived?: { daysAgo: number; reason: string; successor?: string };
};

/** What the builders of the newer demo data need from the seed: the clock, ids, and the rows made so far. */
export type SeedContext = {
  now: Date;
  newId: () => string;
  /** A moment during office hours `daysAgo` days before now (weekends move to the Friday before), never in the future. */
  officeTime: (daysAgo: number, seed: string) => Date;
  userId: (key: UserKey) => string;
  departmentId: (key: DepartmentKey) => string;
  communityId: (key: CommunityKey) => string;
};

/** The demo's people as the policies see them, for the builders to check their rows against the app's rules. */
export type SeedPeople = {
  actorOf: (key: UserKey) => Actor;
  departmentOf: (key: UserKey) => DepartmentKey;
  /** The departments of the communities the person leads. */
  leadDepartmentIds: (key: UserKey) => string[];
};
