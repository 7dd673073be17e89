import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PatientClient, SQLITE_MMAP_BYTES } from "./sqlite-client.server";

let dir: string;
let clients: PatientClient[];

/** A client as the app makes it, on the test's own database file; a short busy timeout keeps the test quick. */
function client(busyTimeoutMs = 100, slowLockMs?: number) {
  const made = new PatientClient(() => createClient({ url: `file:${path.join(dir, "test.db")}` }), busyTimeoutMs, slowLockMs);
  clients.push(made);
  return made;
}

async function count(c: PatientClient) {
  return Number((await c.execute("SELECT count(*) AS n FROM t")).rows[0].n);
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "gilde-sqlite-"));
  clients = [];
  await client().execute("CREATE TABLE t (v INTEGER)");
});

afterEach(() => {
  for (const c of clients) c.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("PatientClient", () => {
  it("sets WAL, the busy timeout and memory-mapped reads on every connection, also the one after a transaction", async () => {
    const c = client(1234);
    const pragma = async (name: string) => Object.values((await c.execute(`PRAGMA ${name}`)).rows[0])[0];
    expect(await pragma("journal_mode")).toBe("wal");
    expect(Number(await pragma("busy_timeout"))).toBe(1234);
    const tx = await c.transaction("write");
    await tx.execute("INSERT INTO t VALUES (1)");
    await tx.commit();
    expect(Number(await pragma("busy_timeout"))).toBe(1234);
    expect(Number(await pragma("mmap_size"))).toBe(SQLITE_MMAP_BYTES);
  });

  for (const [what, write] of [
    ["a transaction", async (c: PatientClient) => (await c.transaction("write")).execute("INSERT INTO t VALUES (9)")],
    ["a plain write", (c: PatientClient) => c.execute("INSERT INTO t VALUES (9)")],
  ] as const) {
    it(`after ${what} gave up waiting for another writer, it sees what others commit and writes again`, async () => {
      const other = client();
      const patient = client();
      await other.execute("INSERT INTO t VALUES (1)");
      expect(await count(patient)).toBe(1);

      const holding = await other.transaction("write");
      await holding.execute("INSERT INTO t VALUES (2)");
      await expect(write(patient)).rejects.toMatchObject({ code: expect.stringMatching(/^SQLITE_BUSY/) });
      await holding.commit();
      await other.execute("INSERT INTO t VALUES (3)");

      // libSQL leaves the failed statement in progress: on that connection these would stay at 2, and the write would fail.
      expect(await count(patient)).toBe(3);
      const tx = await patient.transaction("write");
      await tx.execute("INSERT INTO t VALUES (4)");
      await tx.commit();
      expect(await count(other)).toBe(4);
    });
  }

  it("names a transaction that waited for or held the write lock too long in the log, and not a quick one", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const c = client(300, 200);
      const quick = await c.transaction("write");
      await quick.execute("INSERT INTO t VALUES (1)");
      await quick.commit();
      expect(warn).not.toHaveBeenCalled();

      const slow = await c.transaction("write");
      await slow.execute({ sql: "INSERT INTO t VALUES (?)", args: [2] });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await slow.rollback();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0][0]).toMatch(/^\[db\] slow write lock: waited \d+ ms, held \d{3,} ms \(first statement: INSERT INTO t VALUES \(\?\)\)$/);

      const holding = await client().transaction("write");
      await expect(c.transaction("write")).rejects.toMatchObject({ code: expect.stringMatching(/^SQLITE_BUSY/) });
      await holding.rollback();
      expect(warn).toHaveBeenCalledTimes(2);
      expect(warn.mock.calls[1][0]).toMatch(/waited \d{3,} ms, held 0 ms \(first statement: none: BEGIN IMMEDIATE failed\)$/);
    } finally {
      warn.mockRestore();
    }
  });
});
