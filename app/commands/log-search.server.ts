/**
 * The search log behind the knowledge manager's "searches that found nothing". The search page
 * calls recordSearch after its results are ready and does not wait for it: logging never slows a
 * search down and a failure is only written to the server log.
 *
 * Results follow the typing, so a burst of requests from one person is one search: a query that
 * extends or shortens the same user's previous one within SEARCH_LOG_REFINE_WINDOW_MS replaces that
 * row (query, result count and time) instead of adding one. Not an audited state change, so no
 * audit event.
 *
 * The typing is collapsed in memory (the last search per user, for the length of the window), and
 * what is new or changed is written together at most every FLUSH_MS: one multi-row insert and a few
 * updates in one transaction. A busy search page then costs SQLite a couple of small write
 * transactions a second instead of a read and a write per keystroke, and no search waits for another's
 * write. Searches still waiting when the process stops are lost (at most FLUSH_MS of them).
 */
import { randomUUID } from "node:crypto";
import { Prisma } from "@prisma/client";
import { chunks } from "~/utils/chunks";
import { db } from "~/utils/db.server";
import { isRefinement, normaliseQuery, SEARCH_LOG_REFINE_WINDOW_MS } from "~/schemas/search-log";

export type SearchLogOutcome = "inserted" | "updated" | "skipped";

/** How long searches wait before they are written together. */
export const FLUSH_MS = 500;

type Search = { id: string; userId: string | null; query: string; resultCount: number; at: Date; written: boolean };

const lastByUser = new Map<string, Search>();
let inserts: Search[] = [];
const updates = new Map<string, Search>();
let flushing: Promise<void> = Promise.resolve();
let timer: ReturnType<typeof setTimeout> | null = null;

/**
 * Takes a search into the log (written shortly, with others). Returns what it does to the log: a new
 * row, a refinement of the user's previous row, or nothing (an empty query). Never throws.
 */
export function recordSearch(userId: string | null, rawQuery: string, resultCount: number, now = new Date()): SearchLogOutcome {
  const query = normaliseQuery(rawQuery);
  if (!query || !Number.isInteger(resultCount) || resultCount < 0) return "skipped";
  const last = userId ? lastByUser.get(userId) : undefined;
  let outcome: SearchLogOutcome;
  if (last && now.getTime() - last.at.getTime() <= SEARCH_LOG_REFINE_WINDOW_MS && now >= last.at && isRefinement(last.query, query)) {
    Object.assign(last, { query, resultCount, at: now });
    // Not written yet: the queued insert carries the new values. Written: an update follows.
    if (last.written) updates.set(last.id, last);
    outcome = "updated";
  } else {
    const search: Search = { id: randomUUID(), userId, query, resultCount, at: now, written: false };
    inserts.push(search);
    if (userId) lastByUser.set(userId, search);
    outcome = "inserted";
  }
  timer ??= setTimeout(() => void flushSearchLog(), FLUSH_MS);
  timer.unref?.();
  return outcome;
}

/** Writes what is waiting, in one transaction; resolves when written (a failure is logged, not thrown). */
export function flushSearchLog(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  flushing = flushing.then(async () => {
    const batch = inserts;
    const changed = [...updates.values()].filter((u) => !batch.includes(u));
    inserts = [];
    updates.clear();
    if (batch.length === 0 && changed.length === 0) return;
    const row = (s: Search) => ({ id: s.id, userId: s.userId, query: s.query, resultCount: s.resultCount, createdAt: s.at });
    try {
      // Plain SQL, as for the API token uses (decision 0072): Prisma compiles a createMany anew for every number of rows.
      await db.$transaction(async (tx) => {
        for (const part of chunks(batch, 200)) {
          const rows = part.map((s) => Prisma.sql`(${s.id}, ${s.userId}, ${s.query}, ${s.resultCount}, ${s.at})`);
          await tx.$executeRaw`INSERT INTO "SearchLog" ("id", "userId", "query", "resultCount", "createdAt") VALUES ${Prisma.join(rows)}`;
        }
        for (const s of changed) {
          await tx.$executeRaw`UPDATE "SearchLog" SET "query" = ${s.query}, "resultCount" = ${s.resultCount}, "createdAt" = ${s.at} WHERE "id" = ${s.id}`;
        }
      });
    } catch {
      // One bad search (a user who no longer exists) must not take the others with it: one by one.
      for (const s of batch) {
        await db.searchLog.create({ data: row(s) }).catch((error: unknown) => {
          console.warn(`[search-log] not recorded: ${error instanceof Error ? error.message : String(error)}`);
        });
      }
    }
    for (const s of batch) s.written = true;
    forgetOld();
  });
  return flushing;
}

/** Users whose last search is older than the window can only start a new row: forget them. */
function forgetOld(now = Date.now()) {
  for (const [userId, s] of lastByUser) if (now - s.at.getTime() > SEARCH_LOG_REFINE_WINDOW_MS && s.written) lastByUser.delete(userId);
}

/** recordSearch, then written at once: for scripts and tests that need the row now. */
export async function logSearch(userId: string | null, rawQuery: string, resultCount: number, now = new Date()): Promise<SearchLogOutcome> {
  const outcome = recordSearch(userId, rawQuery, resultCount, now);
  await flushSearchLog();
  return outcome;
}
