/**
 * SQLite shared with another process (reindex CLI, a backup, a second app process): the app waits for
 * the other writer instead of failing, and is not left locked afterwards.
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db, SQLITE_MMAP_BYTES } from "~/utils/db.server";
import { makeUser, uid } from "../support/factories";
import { onPostgresDatabase } from "../support/postgres";

/** Another process takes the write lock, says so, holds it for `holdMs`, then commits. */
function holdWriteLock(holdMs: number): Promise<{ done: Promise<number> }> {
  const file = process.env.DATABASE_URL!.replace(/^file:/, "");
  const script = `
    const Database = require("libsql");
    const db = new Database(${JSON.stringify(file)});
    db.exec("BEGIN IMMEDIATE");
    db.prepare("INSERT INTO Tag (id, name) VALUES (?, ?)").run(${JSON.stringify(uid("t"))}, ${JSON.stringify(uid("other-"))});
    process.stdout.write("locked\\n");
    setTimeout(() => { db.exec("COMMIT"); db.close(); }, ${holdMs});
  `;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const done = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("locked") && resolve({ done }));
    child.on("error", reject);
  });
}

describe.skipIf(onPostgresDatabase())("SQLite with a second process", () => {
  it("uses WAL so readers and writers do not block each other", async () => {
    const rows = (await db.$queryRawUnsafe("PRAGMA journal_mode")) as { journal_mode: string }[];
    expect(rows[0].journal_mode.toLowerCase()).toBe("wal");
  });

  it("reads through memory-mapped I/O, also on the fresh connection after a transaction", async () => {
    const mmapSize = async () => Number(((await db.$queryRawUnsafe("PRAGMA mmap_size")) as { mmap_size: unknown }[])[0].mmap_size);
    expect(await mmapSize()).toBe(SQLITE_MMAP_BYTES);
    await db.$transaction(async (tx) => tx.tag.create({ data: { name: uid("mmap-") } }));
    expect(await mmapSize()).toBe(SQLITE_MMAP_BYTES);
  });

  it("waits for another process's write lock instead of failing, and keeps working afterwards", async () => {
    await makeUser();
    const other = await holdWriteLock(700);
    const started = Date.now();
    const created = await db.$transaction(async (tx) => tx.tag.create({ data: { name: uid("app-") } }));
    expect(created.id).toBeTruthy();
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(await other.done).toBe(0);
    // Nothing is left locked: plain writes and transactions go on.
    const user = await makeUser();
    await db.$transaction(async (tx) => tx.user.update({ where: { id: user.id }, data: { name: "Na de wachttijd" } }));
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Na de wachttijd");
  });

  it("plain writes wait too", async () => {
    const other = await holdWriteLock(500);
    const user = await makeUser();
    expect(user.id).toBeTruthy();
    expect(await other.done).toBe(0);
  });
});
