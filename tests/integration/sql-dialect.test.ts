/**
 * The provider-specific SQL of app/utils/sql-dialect.server.ts, run on the engine of this run (the
 * integration suite runs once on SQLite and once on PostgreSQL): each fragment on stored rows gives the
 * same answer on both.
 */
import { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { db, quickRead, quickSelect } from "~/utils/db.server";
import { joinedText, minutesBetween, placeholder, timestampValue, weekSince, withoutIndex } from "~/utils/sql-dialect.server";
import { claimDueRows, enqueueDocument } from "../../search/outbox.server";
import { sqlTimestamp } from "~/utils/knowledge-figures";
import { makeUser, uid } from "../support/factories";

async function sessionAt(createdAt: string, expiresAt: string) {
  const user = await makeUser();
  return db.session.create({ data: { id: uid("s"), userId: user.id, createdAt: new Date(createdAt), expiresAt: new Date(expiresAt) }, select: { id: true } });
}

const one = async <T>(query: Prisma.Sql) => (await db.$queryRaw<T[]>(query))[0];

describe("the SQL that differs per engine", () => {
  it("minutesBetween rounds to whole minutes", async () => {
    const s = await sessionAt("2026-03-01T10:00:00.000Z", "2026-03-02T11:30:29.000Z");
    const row = await one<{ m: unknown }>(Prisma.sql`SELECT ${minutesBetween(Prisma.sql`s."createdAt"`, Prisma.sql`s."expiresAt"`)} AS "m" FROM "Session" s WHERE s."id" = ${s.id}`);
    expect(Number(row.m)).toBe(24 * 60 + 90);
  });

  it("weekSince counts calendar weeks from a day, whatever the hour", async () => {
    for (const [at, week] of [["2026-03-01T23:59:00.000Z", 0], ["2026-03-07T23:59:00.000Z", 0], ["2026-03-08T00:00:00.000Z", 1], ["2026-03-29T12:00:00.000Z", 4]] as const) {
      const s = await sessionAt(at, at);
      const row = await one<{ w: unknown }>(Prisma.sql`SELECT ${weekSince(Prisma.sql`s."createdAt"`, "2026-03-01")} AS "w" FROM "Session" s WHERE s."id" = ${s.id}`);
      expect(Number(row.w), at).toBe(week);
    }
  });

  it("joinedText joins a group's values with the unit separator or a comma", async () => {
    const names = [uid("a, b "), uid("c ")];
    const tags = await Promise.all(names.map((name) => db.tag.create({ data: { name }, select: { id: true } })));
    const ids = Prisma.join(tags.map((t) => t.id));
    const unit = await one<{ v: string }>(Prisma.sql`SELECT ${joinedText(Prisma.sql`t."name"`, "unit")} AS "v" FROM "Tag" t WHERE t."id" IN (${ids})`);
    expect(unit.v.split("\u001f").sort()).toEqual([...names].sort());
    const comma = await one<{ v: string }>(Prisma.sql`SELECT ${joinedText(Prisma.sql`t."id"`, "comma")} AS "v" FROM "Tag" t WHERE t."id" IN (${ids})`);
    expect(comma.v.split(",").sort()).toEqual(tags.map((t) => t.id).sort());
  });

  it("timestampValue compares with stored moments inside a VALUES list", async () => {
    const s = await sessionAt("2026-04-01T12:00:00.000Z", "2026-04-02T12:00:00.000Z");
    const row = await one<{ n: unknown }>(Prisma.sql`
      WITH p("from", "until") AS (VALUES (${timestampValue(new Date("2026-04-01T11:00:00.000Z"))}, ${timestampValue(new Date("2026-04-01T13:00:00.000Z"))}))
      SELECT COUNT(*) AS "n" FROM "Session" s JOIN p ON s."createdAt" >= p."from" AND s."createdAt" < p."until" WHERE s."id" = ${s.id}`);
    expect(Number(row.n)).toBe(1);
  });

  it("withoutIndex and placeholder leave the meaning alone", async () => {
    const s = await sessionAt("2026-05-01T00:00:00.000Z", "2026-05-01T00:00:00.000Z");
    const row = await one<{ n: unknown }>(Prisma.sql`SELECT COUNT(*) AS "n" FROM "Session" s WHERE ${withoutIndex(Prisma.sql`s."id"`)} = ${s.id}`);
    expect(Number(row.n)).toBe(1);
    const rows = await db.$queryRawUnsafe<{ id: string }[]>(`SELECT "id" FROM "Session" WHERE "id" = ${placeholder(1)} OR "id" = ${placeholder(2)}`, s.id, "none");
    expect(rows.map((r) => r.id)).toEqual([s.id]);
  });

  it("quickRead reads past Prisma with the same arguments and dates on both engines", async () => {
    const s = await sessionAt("2026-06-01T10:00:00.000Z", "2026-06-02T10:00:00.000Z");
    const sql = `SELECT "id", "userId" FROM "Session" WHERE "id" = ${placeholder(1)} AND "createdAt" <= ${placeholder(2)}`;
    expect(await quickRead(sql, [s.id, sqlTimestamp(new Date("2026-06-01T10:00:00.000Z"))])).toEqual([{ id: s.id, userId: expect.any(String) }]);
    expect(await quickRead(sql, [s.id, sqlTimestamp(new Date("2026-06-01T09:59:59.999Z"))])).toEqual([]);
    // A write through Prisma is seen by the next quick read at once (its own connection on SQLite).
    await db.session.update({ where: { id: s.id }, data: { createdAt: new Date("2026-06-01T09:00:00.000Z") } });
    expect(await quickRead(sql, [s.id, sqlTimestamp(new Date("2026-06-01T09:59:59.999Z"))])).toHaveLength(1);
  });

  it("quickSelect gives parameters, lists, dates and counts the same on both engines", async () => {
    const a = await sessionAt("2026-06-01T10:00:00.000Z", "2026-06-02T10:30:00.000Z");
    const b = await sessionAt("2026-06-01T11:00:00.000Z", "2026-06-02T11:00:00.000Z");
    const rows = await quickSelect<{ id: string; expiresAt: string }[]>`
      SELECT "id", "expiresAt" FROM "Session" WHERE "id" IN (${[a.id, b.id, "none"]}) AND "createdAt" >= ${sqlTimestamp(new Date("2026-06-01T10:00:00.000Z"))} ORDER BY "createdAt" ASC`;
    expect(rows.map((r) => r.id)).toEqual([a.id, b.id]);
    // A date comes as ISO text with its offset (never a Date in the server's time zone): the same instant on both.
    expect(typeof rows[0].expiresAt).toBe("string");
    expect(new Date(rows[0].expiresAt).toISOString()).toBe("2026-06-02T10:30:00.000Z");
    const [counted] = await quickSelect<{ n: unknown }[]>`SELECT COUNT(*) AS "n" FROM "Session" WHERE "id" IN (${[a.id, b.id]}) AND ${1} = 1`;
    expect(counted.n).toBe(2);
    await expect(quickSelect`SELECT 1 WHERE "x" IN (${[]})`).rejects.toThrow(/empty list/);
  });

  it("two claims of the search outbox at the same moment take disjoint rows", async () => {
    await db.searchOutbox.updateMany({ where: { processedAt: null }, data: { processedAt: new Date() } });
    const ids = Array.from({ length: 30 }, () => uid("doc"));
    for (const id of ids) await enqueueDocument(db, "entries", id);
    const [a, b] = await Promise.all([claimDueRows(20), claimDueRows(20)]);
    const claimed = [...a, ...b].map((r) => r.documentId);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.sort()).toEqual([...ids].sort());
    // Claimed rows are leased: a third claim finds nothing due.
    expect(await claimDueRows(20)).toEqual([]);
  });
});
