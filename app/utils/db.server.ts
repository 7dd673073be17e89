import { PrismaClient } from "@prisma/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { createClient as createLibsqlClient, type Client, type Config } from "@libsql/client";
import { getEnv } from "./env.server";
import { databaseProvider } from "./database-url";
import { createPostgresDatabase } from "./postgres.server";
import { withSessionReadInvalidation } from "./session-reads.server";
import { PatientClient } from "./sqlite-client.server";
import pg from "pg";
import { placeholder } from "./sql-dialect.server";

export { BUSY_TIMEOUT_MS, SQLITE_MMAP_BYTES } from "./sqlite-client.server";

declare global {
  // One client per process, shared by the Remix build and the server's own modules.
  var __gildeDb: { client: PrismaClient; quickRead: QuickRead } | undefined;
}

class PatientLibSQL extends PrismaLibSQL {
  createClient(config: Config) {
    return new PatientClient(() => super.createClient(config)) as unknown as Client;
  }
}

type QuickRead = (sql: string, args: (string | number)[]) => Promise<Record<string, unknown>[]>;

const TIMESTAMP_TYPE = 1114;
const INT8_TYPE = 20;

/**
 * How PostgreSQL's values reach a quick read, so that they look as SQLite's do: a `timestamp(3)` (UTC, as
 * Prisma writes it) as ISO text with its offset, never a Date in the server's own time zone (pg's default);
 * a bigint (COUNT(*)) as a number. Only for quick reads: Prisma's adapter gives each of its queries its own parsers.
 */
const QUICK_READ_TYPES = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === TIMESTAMP_TYPE) return (value: string) => `${value.replace(" ", "T")}+00:00`;
    if (oid === INT8_TYPE) return (value: string) => Number(value);
    return format === "binary" ? pg.types.getTypeParser(oid, "binary") : pg.types.getTypeParser(oid);
  }) as typeof pg.types.getTypeParser,
};

function createDatabase(): { client: PrismaClient; quickRead: QuickRead } {
  const url = getEnv().DATABASE_URL;
  // PostgreSQL has its own generated client (a client is generated for one provider): docs/decisions/0054.
  if (databaseProvider(url) === "postgresql") {
    const { client, pool } = createPostgresDatabase(url);
    const wrapped = withSessionReadInvalidation(client);
    return {
      client: wrapped,
      // After $disconnect the pool is ended: Prisma, which opens a new one, reads instead.
      quickRead: async (sql, args) => (pool.ending ? wrapped.$queryRawUnsafe(sql, ...args) : (await pool.query({ text: sql, values: args, types: QUICK_READ_TYPES })).rows),
    };
  }
  // Its own connection (SQLite readers do not wait for each other), with the same pragmas and recovery as Prisma's.
  let reader: PatientClient | undefined;
  return {
    client: withSessionReadInvalidation(new PrismaClient({ adapter: new PatientLibSQL({ url }) })),
    quickRead: async (sql, args) => {
      reader ??= new PatientClient(() => createLibsqlClient({ url }));
      return (await reader.execute({ sql, args })).rows as unknown as Record<string, unknown>[];
    },
  };
}

const database = globalThis.__gildeDb ?? (globalThis.__gildeDb = createDatabase());

export const db: PrismaClient = database.client;

/**
 * A read straight through the driver, past Prisma's query engine, whose ~0.5 ms of CPU is most of what a
 * one-row read costs: only for the few statements that run on every request or every poll (docs/decisions/0075).
 * Everything else goes through `db`. Portable SQL with `placeholder(n)` for the n-th argument (sql-dialect.server.ts); dates as sqlTimestamp.
 */
export function quickRead(sql: string, args: (string | number)[] = []): Promise<Record<string, unknown>[]> {
  return database.quickRead(sql, args);
}

type QuickValue = string | number;

/**
 * quickRead written as a tagged template, typed like Prisma's `$queryRaw` (the rows' array): each value becomes a parameter and an
 * array a list of them (for `IN (…)`, never empty). Values are strings and numbers; dates as sqlTimestamp.
 * Rows come as the driver gives them, the same on both engines: dates as ISO text, counts as numbers,
 * booleans as the engine keeps them (SQLite 0/1), so read them with `new Date(…)`, `Number(…)`, `Boolean(Number(…))`.
 */
export async function quickSelect<T = Record<string, unknown>[]>(strings: TemplateStringsArray, ...values: (QuickValue | readonly QuickValue[])[]): Promise<T> {
  const args: QuickValue[] = [];
  let sql = strings[0];
  values.forEach((value, i) => {
    const list = Array.isArray(value) ? value : [value as QuickValue];
    if (list.length === 0) throw new Error("quickSelect: an empty list has no SQL");
    sql += list.map((item) => (args.push(item), placeholder(args.length))).join(", ") + strings[i + 1];
  });
  return (await quickRead(sql, args)) as T;
}

export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
