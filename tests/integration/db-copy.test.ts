/**
 * npm run db:copy: the demo organisation moved from this run's database to the other engine (SQLite to
 * PostgreSQL when TEST_POSTGRES_URL is set, PostgreSQL to SQLite on the PostgreSQL run, another SQLite
 * file otherwise): every row, the counts checked, the search index rebuilt from the target.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { openDatabase } from "../../server/db-copy";
import { seedDemoIfEmpty } from "../../prisma/seed";
import { adminClient, entriesIndexUid } from "../../search/client.server";
import { uid } from "../support/factories";
import { createDatabase, dropDatabases, onPostgresDatabase, testPostgresUrl } from "../support/postgres";

const run = promisify(execFile);
const prefix = `gilde_copy_${process.pid}_`;

afterAll(async () => {
  const postgres = testPostgresUrl();
  if (postgres && !onPostgresDatabase()) await dropDatabases(postgres, prefix);
});

async function targetUrl(): Promise<string> {
  const postgres = testPostgresUrl();
  if (postgres && !onPostgresDatabase()) return createDatabase(postgres, `${prefix}${uid()}`);
  return `file:${path.resolve(process.env.GILDE_TEST_TMP ?? "tests/.tmp", "integration", `copy-${uid()}.db`)}`;
}

describe("npm run db:copy", () => {
  it("copies every row to an empty database of the other engine, checks the counts, rebuilds the search index, and refuses a target with data", async () => {
    const counts = await seedDemoIfEmpty(db);
    expect(counts).not.toBeNull();
    const to = await targetUrl();
    const { stdout } = await run(path.resolve("node_modules/.bin/tsx"), ["server/db-copy.ts", "--from", process.env.DATABASE_URL!, "--to", to], { env: process.env, timeout: 120_000 });
    expect(stdout).toMatch(/Copied \d+ rows of \d+ models in [\d.]+ s; the counts match\./);

    const target = openDatabase(to);
    try {
      expect(await target.user.count()).toBe(await db.user.count());
      expect(await target.note.count()).toBe(await db.note.count());
      // References that point ahead (a question's accepted answer) are filled in after their rows exist.
      const accepted = await db.note.findMany({ where: { acceptedAnswerId: { not: null } }, select: { id: true, acceptedAnswerId: true }, orderBy: { id: "asc" } });
      expect(await target.note.findMany({ where: { acceptedAnswerId: { not: null } }, select: { id: true, acceptedAnswerId: true }, orderBy: { id: "asc" } })).toEqual(accepted);
      // The copied ids of autoincrement columns do not collide with the next insert.
      const row = await target.searchOutbox.create({ data: { indexName: "entries", documentId: "after-copy", operation: "UPSERT" }, select: { id: true } });
      expect(row.id).toBeGreaterThan((await db.searchOutbox.aggregate({ _max: { id: true } }))._max.id ?? 0);
      // The index was rebuilt from the target: every entry is in it (what a reader may see is filtered in the query).
      const stats = await adminClient().index(entriesIndexUid()).getStats();
      expect(stats.numberOfDocuments).toBe(await target.entry.count());
    } finally {
      await target.$disconnect();
    }
    // A target that holds data is refused, before anything is written.
    const again = await run(path.resolve("node_modules/.bin/tsx"), ["server/db-copy.ts", "--from", process.env.DATABASE_URL!, "--to", to, "--no-reindex"], { env: process.env, timeout: 120_000 }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("The target is not empty");
  }, 240_000);
});
