/**
 * The SQL that differs between SQLite and PostgreSQL, in one place (docs/decisions/0055). Everything
 * else in the hand-written queries is written to run on both: quoted identifiers, TRUE/FALSE, CAST,
 * COALESCE, derived tables with an alias, GROUP BY a primary key. Each fragment here is run on both
 * engines by tests/integration/sql-dialect.test.ts; the queries that use them by the rest of the
 * integration suite, which runs once per engine.
 *
 * Dates: SQLite keeps them as ISO text ("2026-12-06T10:00:00.000+00:00", see sqlTimestamp) and compares
 * them as text; PostgreSQL keeps `timestamp(3)` in UTC and reads the same text as a timestamp. So a
 * parameter written with sqlTimestamp compares correctly on both.
 */
import { Prisma } from "@prisma/client";
import { databaseProvider, type DatabaseProvider } from "./database-url";
import { getEnv } from "./env.server";

export function sqlProvider(): DatabaseProvider {
  return databaseProvider(getEnv().DATABASE_URL);
}

export const onPostgres = () => sqlProvider() === "postgresql";

const int = (n: number) => Prisma.raw(String(Math.trunc(n)));

/** Whole minutes from `from` to `to` (two timestamp expressions), rounded to the nearest minute. */
export function minutesBetween(from: Prisma.Sql, to: Prisma.Sql): Prisma.Sql {
  return onPostgres()
    ? Prisma.sql`CAST(ROUND(EXTRACT(EPOCH FROM (${to} - ${from})) / 60) AS INTEGER)`
    : Prisma.sql`CAST(ROUND((julianday(${to}) - julianday(${from})) * 1440) AS INTEGER)`;
}

/** The 0-based week (seven calendar days, UTC) of a moment, counted from the calendar day `firstDay` (YYYY-MM-DD). */
export function weekSince(column: Prisma.Sql, firstDay: string): Prisma.Sql {
  return onPostgres()
    ? Prisma.sql`((CAST(${column} AS date) - CAST(${firstDay} AS date)) / 7)`
    : Prisma.sql`CAST((julianday(substr(${column}, 1, 10)) - julianday(${firstDay})) / 7 AS INTEGER)`;
}

/** The values of a group joined into one text: with the unit separator (for names that may hold commas) or a comma (for ids). */
export function joinedText(expression: Prisma.Sql, separator: "unit" | "comma"): Prisma.Sql {
  if (onPostgres()) return separator === "unit" ? Prisma.sql`string_agg(${expression}, chr(31))` : Prisma.sql`string_agg(${expression}, ',')`;
  return separator === "unit" ? Prisma.sql`group_concat(${expression}, char(31))` : Prisma.sql`group_concat(${expression}, ',')`;
}

/** A moment given as a parameter where nothing tells PostgreSQL its type (a VALUES list). */
export function timestampValue(value: Date): Prisma.Sql {
  return onPostgres() ? Prisma.sql`CAST(${value.toISOString()} AS timestamp)` : Prisma.sql`${value}`;
}

/**
 * Read this index for the query (SQLite's `INDEXED BY`, for plans its planner would not choose);
 * PostgreSQL's planner is left to choose.
 */
export function indexedBy(index: string): Prisma.Sql {
  return onPostgres() ? Prisma.empty : Prisma.raw(`INDEXED BY "${index.replace(/"/g, "")}"`);
}

/**
 * The nearest-rank percentile num/den of `expression` over a statement's rows, as an ordered-set aggregate:
 * PostgreSQL's `percentile_disc` (the statement's percentiles share one sort). SQLite has none: null, and the
 * caller walks an index instead.
 */
export function percentileAggregate([num, den]: readonly [number, number], expression: Prisma.Sql): Prisma.Sql | null {
  return onPostgres() ? Prisma.sql`percentile_disc(${Prisma.raw(`${int(num).sql}::float8 / ${int(den).sql}`)}) WITHIN GROUP (ORDER BY ${expression})` : null;
}

/** A column that SQLite must not use an index for (its unary `+` idiom); plain on PostgreSQL. */
export function withoutIndex(column: Prisma.Sql): Prisma.Sql {
  return onPostgres() ? column : Prisma.sql`+${column}`;
}

/**
 * The row lock of a claim: with several app servers each takes rows no other has locked, without
 * waiting (PostgreSQL's FOR UPDATE SKIP LOCKED). SQLite has one writer at a time, so the claim's
 * single UPDATE statement is already exclusive.
 */
export function skipLocked(): Prisma.Sql {
  return onPostgres() ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
}

/** The n-th (1-based) positional parameter of a statement built as text ($executeRawUnsafe). */
export function placeholder(n: number): string {
  return onPostgres() ? `$${n}` : "?";
}

/**
 * A Prisma filter on text containing `value`, ignoring case for the ASCII letters on both engines
 * (SQLite's LIKE does; PostgreSQL needs mode: insensitive, which the SQLite client's types do not know).
 */
export function containsText(value: string): { contains: string } {
  return onPostgres() ? ({ contains: value, mode: "insensitive" } as { contains: string }) : { contains: value };
}

/**
 * A transaction-scoped lock on a name, held until the transaction ends: PostgreSQL's advisory lock.
 * SQLite's transactions already hold the one write lock (they start IMMEDIATE, app/utils/db.server.ts).
 */
export function transactionLock(name: string): Prisma.Sql | null {
  return onPostgres() ? Prisma.sql`SELECT pg_advisory_xact_lock(hashtext(${name}))` : null;
}
