/**
 * What goes into the search log (SearchLog): the normalised query, and when a new query only
 * continues the one before it. Pure, shared by the command and its tests.
 */

/** Longest query kept in the log (the search box allows 200 characters). */
export const SEARCH_LOG_QUERY_MAX = 200;

/**
 * Results follow the typing, so one search arrives as a burst of requests ("spa", "spaar", "spaarrek…").
 * A query from the same user within this many milliseconds of their previous one that extends or
 * shortens it replaces that row instead of adding one.
 */
export const SEARCH_LOG_REFINE_WINDOW_MS = 10_000;

/** Trimmed, lower-case, inner whitespace collapsed to one space, capped; "" means: do not log. */
export function normaliseQuery(raw: string): string {
  return raw.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim().slice(0, SEARCH_LOG_QUERY_MAX).trim();
}

/** True when `next` continues `previous`: the same, typed further, or shortened with backspace. */
export function isRefinement(previous: string, next: string): boolean {
  return next.startsWith(previous) || previous.startsWith(next);
}
