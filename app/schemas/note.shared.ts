/**
 * The note forms' intents, limits and choices, without zod: what a page's component needs in the browser
 * (decision 0076). The zod schemas that check the posted forms against them are in note.ts.
 */

export const LIMITS = {
  titleMax: 160,
  tagMax: 40,
  tagsMax: 8,
  reasonMax: 1000,
  queryMax: 200,
} as const;

export const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} \-&]*$/u;

/** The author's note page: save the changed note, or withdraw it. */
export const OWN_NOTE_INTENT = { save: "save", withdraw: "withdraw" } as const;

/** The three forms of the curation page, told apart by `intent`. */
export const CURATE_INTENT = { publish: "publish", merge: "merge", decline: "decline" } as const;

/** Results per page of the search page; Meilisearch counts and pages up to its maxTotalHits (1 000). */
export const SEARCH_PAGE_SIZE = 20;

export const SEARCH_PAGES_MAX = 50;

/** The last page for this many results (1 when there are none). */
export function lastSearchPage(total: number): number {
  return Math.max(1, Math.min(Math.ceil(total / SEARCH_PAGE_SIZE), SEARCH_PAGES_MAX));
}
