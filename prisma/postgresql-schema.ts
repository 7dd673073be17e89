/**
 * The PostgreSQL schema and migrations, kept in step with prisma/schema.prisma and prisma/migrations
 * (docs/decisions/0054). prisma/schema.prisma stays the one schema people edit; its PostgreSQL twin
 * differs only in the provider and the generated client's folder. Pure functions here, shared by the
 * script that writes the migrations (prisma/postgresql-migrations.ts) and the drift tests.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const SQLITE_MIGRATIONS = path.join("prisma", "migrations");
export const POSTGRES_FOLDER = path.join("prisma", "postgresql");
export const POSTGRES_SCHEMA = path.join(POSTGRES_FOLDER, "schema.prisma");
export const POSTGRES_MIGRATIONS = path.join(POSTGRES_FOLDER, "migrations");

const HEADER = `// GENERATED from prisma/schema.prisma by \`npm run db:postgres-migrations\`: edit that file, not this one.
// The same models for PostgreSQL (docs/decisions/0054); the client goes to node_modules/.prisma/postgresql.
`;

/** The PostgreSQL twin of the SQLite schema: the provider and the client's output change, nothing else. */
export function postgresSchemaFrom(sqliteSchema: string): string {
  const provider = /(datasource\s+db\s*\{[^}]*?provider\s*=\s*)"sqlite"/;
  if (!provider.test(sqliteSchema)) throw new Error(`${SQLITE_SCHEMA}: no datasource with provider "sqlite" found`);
  const generator = /(generator\s+client\s*\{\s*\n\s*provider\s*=\s*"prisma-client-js"\n)/;
  if (!generator.test(sqliteSchema)) throw new Error(`${SQLITE_SCHEMA}: no prisma-client-js generator found`);
  return (
    HEADER +
    sqliteSchema
      .replace(provider, '$1"postgresql"')
      .replace(generator, '$1  output          = "../../node_modules/.prisma/postgresql"\n')
  );
}

/** Migration folders (those holding a migration.sql), oldest first. */
export function migrationNames(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(folder, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

/**
 * SQLite migrations that no PostgreSQL migration covers yet. A PostgreSQL migration is named after the
 * last SQLite migration it covers (several merged at once give one), so every SQLite migration that
 * sorts after the newest PostgreSQL one is pending.
 */
export function pendingMigrations(sqlite: string[], postgres: string[]): string[] {
  const latest = postgres[postgres.length - 1];
  return latest ? sqlite.filter((name) => name > latest) : sqlite;
}

/**
 * Statements of a SQLite migration that a schema diff does not carry over: data changes (other than the
 * copy of a table SQLite redefines) and indexes with an expression or a WHERE. Their PostgreSQL form is
 * written by hand into the generated migration; the script lists them.
 */
export function handWrittenStatements(sql: string): string[] {
  const statements = sql
    .split(/;\s*\n/)
    .map((s) => s.replace(/^\s*(--.*\n\s*)*/g, "").trim())
    .filter(Boolean);
  return statements.filter((s) => {
    if (/^(INSERT|UPDATE|DELETE)\b/i.test(s)) return !/^INSERT INTO "new_\w+"/i.test(s);
    if (/^CREATE (UNIQUE )?INDEX/i.test(s)) return /\bWHERE\b/i.test(s) || /ON\s+"\w+"\s*\([^)]*\(/i.test(s);
    return false;
  });
}

export function readText(file: string): string | null {
  return existsSync(file) ? readFileSync(file, "utf8") : null;
}

/**
 * Indexes made by hand in the migrations because the schema cannot say them (a partial unique index, an
 * expression index): the drift check does not count them as drift.
 */
export const HAND_WRITTEN_INDEXES = ["Flag_open_entryId_userId_key", "Note_decisionMinutes_decidedAt_state_idx"];

/** A diff script without its comments, blank lines and the drops of HAND_WRITTEN_INDEXES: empty when there is no drift. */
export function driftStatements(script: string): string[] {
  return script
    .split(/;\s*\n/)
    .map((s) => s.replace(/^\s*(--.*(\n|$)\s*)*/g, "").trim())
    .filter(Boolean)
    .filter((s) => !HAND_WRITTEN_INDEXES.some((name) => new RegExp(`^DROP INDEX (IF EXISTS )?"${name}"$`).test(s.replace(/;$/, ""))));
}
