/**
 * The PostgreSQL side of the database (docs/decisions/0054): the client generated from
 * prisma/postgresql/schema.prisma (into node_modules/.prisma/postgresql) on the `pg` driver through
 * Prisma's adapter. Loaded only when DATABASE_URL names PostgreSQL, so an SQLite installation never
 * loads it. The rest of the app types the client as the SQLite one: both are generated from the same
 * models, so their model APIs are the same.
 */
import { createRequire } from "node:module";
import type { PrismaClient } from "@prisma/client";
import type * as PostgresAdapter from "@prisma/adapter-pg";
import pg from "pg";
import { postgresPoolConfig } from "./postgres-pool";

const load = createRequire(import.meta.url);

/** Connections one app server keeps open at most; with N servers, N times this must fit in max_connections. */
export const POSTGRES_POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? 10);
/** How long a query waits for a connection (the database restarting, a full pool) before it fails with a clear error. */
export const POSTGRES_CONNECT_TIMEOUT_MS = 5_000;

export function createPostgresClient(url: string): PrismaClient {
  return createPostgresDatabase(url).client;
}

/**
 * The client and the `pg` pool under it: the pool is made here and handed to the adapter, so the few
 * reads that skip Prisma's query engine (db.server.ts quickRead) share its connections. `$disconnect`
 * ends the pool too; an idle pool does not keep a script from exiting.
 */
export function createPostgresDatabase(url: string): { client: PrismaClient; pool: pg.Pool } {
  const { PrismaClient: PostgresClient } = load(".prisma/postgresql") as { PrismaClient: new (options: unknown) => PrismaClient };
  const { PrismaPg } = load("@prisma/adapter-pg") as typeof PostgresAdapter;
  const pool = new pg.Pool(
    postgresPoolConfig(url, { max: POSTGRES_POOL_SIZE, connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS, idleTimeoutMillis: 60_000, allowExitOnIdle: true }),
  );
  const adapter = new PrismaPg(pool, {
    // A connection that breaks while idle (the database restarted, a backend was terminated) is dropped
    // from the pool and the next query opens a new one; without this handler the process would exit.
    onPoolError: (error: Error) => console.warn(`[database] connection lost: ${error.message}`),
    onConnectionError: (error: Error) => console.warn(`[database] connection lost: ${error.message}`),
    disposeExternalPool: true,
  });
  return { client: new PostgresClient({ adapter }), pool };
}
