/**
 * The search log behind the knowledge manager's "searches that found nothing". The search page
 * calls recordSearch after its results are ready and does not wait for it: logging never slows a
 * search down and a failure is only written to the server log.
 *
 * Results follow the typing, so a burst of requests from one person is one search: a query that
 * extends or shortens the same user's previous one within SEARCH_LOG_REFINE_WINDOW_MS replaces that
 * row (query, result count and time) instead of adding one. Not an audited state change, so no
 * audit event.
 */
import { db } from "~/utils/db.server";
import { isRefinement, normaliseQuery, SEARCH_LOG_REFINE_WINDOW_MS } from "~/schemas/search-log";

export type SearchLogOutcome = "inserted" | "updated" | "skipped";

export async function logSearch(userId: string | null, rawQuery: string, resultCount: number, now = new Date()): Promise<SearchLogOutcome> {
  const query = normaliseQuery(rawQuery);
  if (!query || !Number.isInteger(resultCount) || resultCount < 0) return "skipped";
  return db.$transaction(async (tx) => {
    if (userId) {
      const previous = await tx.searchLog.findFirst({
        where: { userId, createdAt: { gte: new Date(now.getTime() - SEARCH_LOG_REFINE_WINDOW_MS), lte: now } },
        orderBy: { createdAt: "desc" },
        select: { id: true, query: true },
      });
      if (previous && isRefinement(previous.query, query)) {
        await tx.searchLog.update({ where: { id: previous.id }, data: { query, resultCount, createdAt: now } });
        return "updated";
      }
    }
    await tx.searchLog.create({ data: { userId, query, resultCount, createdAt: now } });
    return "inserted";
  });
}

/** Fire and forget: the caller's response does not wait, and an error never reaches the user. */
export function recordSearch(userId: string | null, rawQuery: string, resultCount: number): void {
  logSearch(userId, rawQuery, resultCount).catch((error: unknown) => {
    console.warn(`[search-log] not recorded: ${error instanceof Error ? error.message : String(error)}`);
  });
}
