/**
 * Backup and restore: `npm run backup` copies the database while it is in use; after more changes,
 * `npm run restore` brings the old state back and rebuilds search, so no hit leads to an entry the
 * restored database does not have. A restore refuses while a server runs on the database.
 * The reconciliation finds and repairs an index that drifted from the database.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { PrismaClient } from "@prisma/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { describe, expect, it } from "vitest";
import { archiveEntry } from "~/commands/manage-entry.server";
import { publishNote } from "~/commands/curate-note.server";
import { submitNote } from "~/commands/submit-note.server";
import { db } from "~/utils/db.server";
import { adminClient, entriesIndexUid } from "../../search/client.server";
import { ensureEntriesIndex, ensureQuestionsIndex } from "../../search/index.server";
import { indexIds, reconcileSearchIndexes } from "../../search/reconcile.server";
import { searchEntries } from "../../search/search.server";
import { drainOutbox } from "../support/outbox";
import { actorFor, body, makeUser, uid } from "../support/factories";
import { onPostgresDatabase } from "../support/postgres";

const run = promisify(execFile);
const databaseFile = process.env.DATABASE_URL!.slice("file:".length);
const tsx = path.resolve("node_modules/.bin/tsx");

async function script(name: string, args: string[]) {
  try {
    const { stdout } = await run(tsx, [`server/${name}.ts`, ...args], { env: process.env, timeout: 120_000 });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: `${failed.stdout}${failed.stderr}` };
  }
}

async function publishOne(title: string) {
  const km = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
  const author = await actorFor(await makeUser());
  const note = await submitNote(author, { title, body: body(`${title}. Wat werkte: de klant opnieuw laten inloggen.`), tags: ["herstel"] });
  return { km, ...(await publishNote(km, note.id, { title, body: body(`${title}: stappen.`), tags: ["herstel"] })) };
}

describe("reconciliation", () => {
  it("finds ids missing from the index and ids that should not be there, queues them, and the worker repairs both", async () => {
    await ensureEntriesIndex();
    await ensureQuestionsIndex();
    const kept = await publishOne(`Verzoening blijft ${uid()}`);
    const lost = await publishOne(`Verzoening kwijt ${uid()}`);
    await drainOutbox();
    await reconcileSearchIndexes();
    await drainOutbox();
    // Drift by hand: a document the index lost, and one it has that the database never had.
    await adminClient().index(entriesIndexUid()).deleteDocument(lost.entryId).waitTask();
    await adminClient().index(entriesIndexUid()).addDocuments([{ id: "spookdocument", title: "Spook", state: "PUBLISHED", visibility: ["public"] }]).waitTask();

    const result = await reconcileSearchIndexes();
    expect(result.entries).toEqual({ missing: 1, extra: 1, queued: 2 });
    await drainOutbox();
    const ids = await indexIds(entriesIndexUid());
    expect(ids).toContain(lost.entryId);
    expect(ids).toContain(kept.entryId);
    expect(ids).not.toContain("spookdocument");
    expect((await reconcileSearchIndexes()).entries).toEqual({ missing: 0, extra: 0, queued: 0 });
  });
});

// The backup and restore scripts copy an SQLite file; PostgreSQL is backed up with pg_dump (README "Production").
describe.skipIf(onPostgresDatabase())("npm run backup / npm run restore", () => {
  it("restores the state of the backup, and search has no hit the restored database does not know", async () => {
    await ensureEntriesIndex();
    await ensureQuestionsIndex();
    const marker = uid("herstel");
    const before = await publishOne(`Voor de back-up ${marker}`);
    await drainOutbox();

    const backupFile = path.join(path.dirname(databaseFile), `${uid("backup-")}.db`);
    // Online: this process keeps the database open (and writes) while the copy is made.
    const writing = publishOne(`Tijdens de back-up ${uid()}`);
    const backup = await script("backup", [backupFile]);
    await writing;
    expect(backup.output).toContain("integrity ok");
    expect(backup.code).toBe(0);

    // After the backup: five new entries (the phantom hits of an in-place restore) and an archived one.
    const after: string[] = [];
    for (let i = 0; i < 5; i++) after.push((await publishOne(`Na de back-up ${marker} ${i}`)).entryId);
    await archiveEntry(before.km, before.entryId, { reason: "Vervangen" });
    await drainOutbox();

    // A server runs on the database: the restore refuses and changes nothing.
    const runFile = `${databaseFile}.running`;
    writeFileSync(runFile, JSON.stringify({ pid: process.pid, port: 3000 }));
    const refused = await script("restore", [backupFile]);
    expect(refused.code).toBe(2);
    expect(refused.output).toContain("Stop it");
    expect(await db.entry.count({ where: { id: { in: after } } })).toBe(5);
    // A run file left by a killed server names a process that is gone: no reason to refuse.
    writeFileSync(runFile, JSON.stringify({ pid: 2 ** 22 + 17, port: 3000 }));

    await db.$disconnect();
    const restored = await script("restore", [backupFile]);
    expect(restored.output).toContain("Search rebuilt");
    expect(restored.code).toBe(0);
    rmSync(runFile, { force: true });

    const fresh = new PrismaClient({ adapter: new PrismaLibSQL({ url: `file:${databaseFile}` }) });
    try {
      const ids = new Set((await fresh.entry.findMany({ select: { id: true } })).map((e) => e.id));
      for (const id of after) expect(ids.has(id)).toBe(false);
      expect((await fresh.entry.findUniqueOrThrow({ where: { id: before.entryId } })).state).toBe("PUBLISHED");
      // The index holds exactly the restored database's entries.
      expect(await indexIds(entriesIndexUid())).toEqual(ids);
      const agent = await actorFor(await makeUser());
      const found = await searchEntries(agent, { q: marker, limit: 50 });
      expect(found.status).toBe("ok");
      const hits = found.status === "ok" ? found.hits.map((h) => h.id) : [];
      expect(hits).toContain(before.entryId);
      expect(hits.filter((id) => !ids.has(id))).toEqual([]);
      expect((await fresh.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check"))[0].integrity_check).toBe("ok");
    } finally {
      await fresh.$disconnect();
    }
    // The replaced database is kept beside it.
    const dir = path.dirname(databaseFile);
    expect(readdirSync(dir).some((f) => f.startsWith(`${path.basename(databaseFile)}.before-restore-`))).toBe(true);
    expect(existsSync(backupFile)).toBe(true);
  });
});
