/**
 * The drift check on a real database (docs/decisions/0054): the PostgreSQL migrations, as applied to this
 * run's database, build exactly what prisma/postgresql/schema.prisma describes — the same tables, columns,
 * defaults, indexes and constraints as a database made straight from the schema. Fails when a PostgreSQL
 * migration was not regenerated (`npm run db:postgres-migrations`) or was edited wrongly. (On SQLite the
 * migrations are written from the schema by hand, as before; the unit test prisma/postgresql-schema.test.ts
 * checks that the PostgreSQL side follows them.)
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { HAND_WRITTEN_INDEXES, POSTGRES_SCHEMA } from "../../prisma/postgresql-schema";
import { uid } from "../support/factories";
import { createDatabase, onPostgresDatabase, testPostgresUrl, withAdmin } from "../support/postgres";

const run = promisify(execFile);

/** What a database holds, as comparable lines. */
async function catalog(url: string): Promise<string[]> {
  return withAdmin(url, async (c) => {
    const lines: string[] = [];
    const columns = await c.query<Record<string, string>>(
      `SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, '') AS d FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    for (const r of columns.rows) lines.push(`column ${r.table_name}.${r.column_name} ${r.data_type} nullable=${r.is_nullable} default=${r.d}`);
    const indexes = await c.query<Record<string, string>>(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
    for (const r of indexes.rows) lines.push(`index ${r.indexdef}`);
    const constraints = await c.query<Record<string, string>>(
      `SELECT conrelid::regclass::text AS t, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"')`,
    );
    for (const r of constraints.rows) lines.push(`constraint ${r.t}.${r.conname} ${r.def}`);
    return lines.sort();
  });
}

describe.skipIf(!onPostgresDatabase())("the PostgreSQL migrations", () => {
  it("build exactly the schema", async () => {
    const { stdout: script } = await run(path.resolve("node_modules/.bin/prisma"), ["migrate", "diff", "--from-empty", "--to-schema-datamodel", POSTGRES_SCHEMA, "--script"], { env: process.env });
    const fromSchema = await createDatabase(testPostgresUrl()!, `${process.env.GILDE_TEST_PG_PREFIX}schema_${uid()}`);
    await withAdmin(fromSchema, (c) => c.query(script));
    const handWritten = (line: string) => HAND_WRITTEN_INDEXES.some((name) => line.includes(`INDEX "${name}"`));
    const migrated = (await catalog(process.env.DATABASE_URL!)).filter((line) => !handWritten(line));
    expect(migrated, "the PostgreSQL migrations and prisma/postgresql/schema.prisma differ: run npm run db:postgres-migrations").toEqual(await catalog(fromSchema));
  });
});
