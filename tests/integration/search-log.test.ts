/** The search log: one row per search, not per keystroke; normalised; never an error for the searcher. */
import { describe, expect, it, vi } from "vitest";
import { db } from "~/utils/db.server";
import { flushSearchLog, logSearch, recordSearch } from "~/commands/log-search.server";
import { knowledgeGaps } from "~/models/knowledge-figures.server";
import { periodEndingAt } from "~/utils/knowledge-figures";
import { makeUser } from "../support/factories";

const at = (t0: number, seconds: number) => new Date(t0 + seconds * 1000);
const rows = (userId: string) =>
  db.searchLog.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { query: true, resultCount: true, createdAt: true } });

describe("logSearch", () => {
  it("collapses a query typed on or shortened within 10 s into the same row, with the last query, count and time", async () => {
    const user = await makeUser();
    const t0 = Date.UTC(2030, 0, 15, 9, 0, 0);
    expect(await logSearch(user.id, "sp", 40, at(t0, 0))).toBe("inserted");
    expect(await logSearch(user.id, "spaar", 12, at(t0, 1))).toBe("updated");
    expect(await logSearch(user.id, "  Spaarrekening   MINDERJARIGE ", 0, at(t0, 2))).toBe("updated");
    expect(await logSearch(user.id, "spaarrekening", 9, at(t0, 3))).toBe("updated"); // backspace
    expect(await logSearch(user.id, "spaarrekening minderjarige opheffen", 0, at(t0, 4))).toBe("updated");
    expect(await rows(user.id)).toEqual([{ query: "spaarrekening minderjarige opheffen", resultCount: 0, createdAt: at(t0, 4) }]);

    // Another query is another search; the same query after the window is a new search too.
    expect(await logSearch(user.id, "termijnrekening", 5, at(t0, 6))).toBe("inserted");
    expect(await logSearch(user.id, "termijnrekening", 5, at(t0, 17))).toBe("inserted");
    // Each refinement moves the window on: typing slowly is still one search.
    expect(await logSearch(user.id, "vol", 30, at(t0, 100))).toBe("inserted");
    expect(await logSearch(user.id, "volm", 20, at(t0, 108))).toBe("updated");
    expect(await logSearch(user.id, "volmacht", 8, at(t0, 116))).toBe("updated");
    expect((await rows(user.id)).map((r) => [r.query, r.resultCount])).toEqual([
      ["spaarrekening minderjarige opheffen", 0],
      ["termijnrekening", 5],
      ["termijnrekening", 5],
      ["volmacht", 8],
    ]);
  });

  it("keeps users apart, skips empty queries and caps long ones", async () => {
    const [a, b] = [await makeUser(), await makeUser()];
    const t0 = Date.UTC(2030, 0, 16, 9, 0, 0);
    await logSearch(a.id, "volmacht", 3, at(t0, 0));
    expect(await logSearch(b.id, "volmacht notaris", 0, at(t0, 1))).toBe("inserted");
    expect(await logSearch(a.id, "   ", 0, at(t0, 2))).toBe("skipped");
    expect(await logSearch(a.id, "x".repeat(5000), 0, at(t0, 30))).toBe("inserted");
    expect((await rows(a.id)).map((r) => r.query.length)).toEqual([8, 200]);
    expect(await rows(b.id)).toHaveLength(1);
  });

  it("recordSearch queues searches and writes them together, collapsing the typing as logSearch does", async () => {
    const [a, b] = [await makeUser(), await makeUser()];
    const t0 = Date.now();
    for (const [user, q, n, ms] of [[a, "spaar", 9, 0], [b, "volmacht", 2, 50], [a, "spaarrek", 4, 300], [a, "spaarrekening kind", 0, 900]] as const) {
      recordSearch(user.id, q, n, new Date(t0 + ms));
    }
    // Nothing is written per search: it waits in the queue until the flush.
    expect(await db.searchLog.count({ where: { userId: { in: [a.id, b.id] } } })).toBe(0);
    await flushSearchLog();
    expect((await rows(a.id)).map((r) => [r.query, r.resultCount])).toEqual([["spaarrekening kind", 0]]);
    expect((await rows(b.id)).map((r) => r.query)).toEqual(["volmacht"]);
  });

  it("writes the moment as the dashboard compares it: a search at the very end of a period is in it", async () => {
    const user = await makeUser();
    const end = new Date(Date.UTC(2031, 2, 1, 9, 0, 0, 123));
    const query = `gat ${user.id}`;
    recordSearch(user.id, query, 0, end);
    await flushSearchLog();
    const gaps = await knowledgeGaps({ ...periodEndingAt(end, 30), from: new Date(end.getTime() - 1000) });
    expect(gaps).toEqual([{ query, count: 1, lastSeen: end }]);
  });

  it("recordSearch does not throw when the write fails; it only warns", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const user = await makeUser();
      expect(() => recordSearch("no-such-user", "spaarrekening", 0)).not.toThrow();
      recordSearch(user.id, "volmacht", 3);
      await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringContaining("[search-log] not recorded")));
      expect(await db.searchLog.count({ where: { userId: "no-such-user" } })).toBe(0);
      // The bad search did not take the good one of the same batch with it.
      await vi.waitFor(async () => expect(await db.searchLog.count({ where: { userId: user.id } })).toBe(1));
    } finally {
      warn.mockRestore();
    }
  });
});
