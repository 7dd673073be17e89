/**
 * The drift check without a database: the PostgreSQL schema is the one generated from prisma/schema.prisma,
 * and every SQLite migration has its PostgreSQL counterpart. Both fail with the command that fixes them.
 * (That the PostgreSQL migrations build exactly that schema is checked on a real database by
 * tests/integration/migrations.test.ts.)
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  driftStatements,
  handWrittenStatements,
  migrationNames,
  pendingMigrations,
  POSTGRES_MIGRATIONS,
  POSTGRES_SCHEMA,
  postgresSchemaFrom,
  SQLITE_MIGRATIONS,
  SQLITE_SCHEMA,
} from "./postgresql-schema";

const FIX = "run `npm run db:postgres-migrations` and commit prisma/postgresql";

describe("the PostgreSQL schema and migrations", () => {
  it("are generated from the current prisma/schema.prisma", () => {
    const expected = postgresSchemaFrom(readFileSync(SQLITE_SCHEMA, "utf8"));
    expect(readFileSync(POSTGRES_SCHEMA, "utf8") === expected, `prisma/postgresql/schema.prisma is stale: ${FIX}`).toBe(true);
  });

  it("cover every SQLite migration", () => {
    const pending = pendingMigrations(migrationNames(SQLITE_MIGRATIONS), migrationNames(POSTGRES_MIGRATIONS));
    expect(pending, `SQLite migrations without a PostgreSQL counterpart: ${FIX}`).toEqual([]);
  });
});

describe("postgresSchemaFrom", () => {
  it("changes the provider and the client's folder, nothing else", () => {
    const sqlite = 'generator client {\n  provider        = "prisma-client-js"\n  engineType      = "client"\n}\n\ndatasource db {\n  provider = "sqlite"\n  url      = env("DATABASE_URL")\n}\n\nmodel A {\n  id String @id\n}\n';
    const postgres = postgresSchemaFrom(sqlite);
    expect(postgres).toContain('provider = "postgresql"');
    expect(postgres).toContain('output          = "../../node_modules/.prisma/postgresql"');
    expect(postgres.replace(/^\/\/.*\n/gm, "").replace('  output          = "../../node_modules/.prisma/postgresql"\n', "").replace('"postgresql"', '"sqlite"')).toBe(sqlite);
  });
});

describe("pendingMigrations", () => {
  it("is every SQLite migration after the newest PostgreSQL one (several merged at once make one)", () => {
    expect(pendingMigrations(["1_a", "2_b", "3_c", "4_d"], ["2_b"])).toEqual(["3_c", "4_d"]);
    expect(pendingMigrations(["1_a"], [])).toEqual(["1_a"]);
    expect(pendingMigrations(["1_a", "2_b"], ["2_b"])).toEqual([]);
  });
});

describe("handWrittenStatements", () => {
  it("lists data changes and expression or partial indexes, not the copy of a redefined table", () => {
    const sql = [
      'CREATE TABLE "new_Note" ("id" TEXT NOT NULL PRIMARY KEY);',
      'INSERT INTO "new_Note" ("id") SELECT "id" FROM "Note";',
      'UPDATE "Entry" SET "lastReviewedAt" = "createdAt" WHERE "lastReviewedAt" IS NULL;',
      'CREATE INDEX "Note_state_idx" ON "Note"("state");',
      'CREATE UNIQUE INDEX "Flag_open_key" ON "Flag"("entryId", "userId") WHERE "state" = \'OPEN\';',
      'CREATE INDEX "Note_minutes_idx" ON "Note"(CAST(ROUND(julianday("decidedAt")) AS INTEGER), "state");',
    ].join("\n");
    expect(handWrittenStatements(sql).map((s) => s.slice(0, 30))).toEqual([
      'UPDATE "Entry" SET "lastReview',
      'CREATE UNIQUE INDEX "Flag_open',
      'CREATE INDEX "Note_minutes_idx',
    ]);
  });
});

describe("driftStatements", () => {
  it("is empty for an empty diff and for the drop of an index made by hand", () => {
    expect(driftStatements("-- This is an empty migration.\n")).toEqual([]);
    expect(driftStatements('-- DropIndex\nDROP INDEX "Flag_open_entryId_userId_key";\n')).toEqual([]);
  });

  it("keeps every other statement", () => {
    expect(driftStatements('-- AlterTable\nALTER TABLE "Entry" ADD COLUMN "x" TEXT;\n\n-- DropIndex\nDROP INDEX "Entry_x_idx";\n')).toEqual(['ALTER TABLE "Entry" ADD COLUMN "x" TEXT', 'DROP INDEX "Entry_x_idx"']);
  });
});
