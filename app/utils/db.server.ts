import { PrismaClient } from "@prisma/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { createClient as createLibsqlClient, type Client, type Config } from "@libsql/client";
import { getEnv } from "./env.server";
import { databaseProvider } from "./database-url";
import { createPostgresDatabase } from "./postgres.server";
import { withSessionReadInvalidation } from "./session-reads.server";
import { PatientClient } from "./sqlite-client.server";

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

function createDatabase(): { client: PrismaClient; quickRead: QuickRead } {
  const url = getEnv().DATABASE_URL;
  // PostgreSQL has its own generated client (a client is generated for one provider): docs/decisions/0054.
  if (databaseProvider(url) === "postgresql") {
    const { client, pool } = createPostgresDatabase(url);
    const wrapped = withSessionReadInvalidation(client);
    return {
      client: wrapped,
      // After $disconnect the pool is ended: Prisma, which opens a new one, reads instead.
      quickRead: async (sql, args) => (pool.ending ? wrapped.$queryRawUnsafe(sql, ...args) : (await pool.query(sql, args)).rows),
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

export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
