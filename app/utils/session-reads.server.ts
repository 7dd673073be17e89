/**
 * Kept session reads (app/models/session.server.ts) hold what a signed-in user may do: the session,
 * the user, their memberships and headship. A committed write to one of the models below drops them
 * all; a rolled-back one does not (docs/decisions/0025). A new model that a session is read from
 * belongs in SESSION_MODELS.
 *
 * Other app processes and servers learn of it through the database: the write also bumps the
 * "session-reads" row of CacheVersion, which every process reads before it trusts a kept read
 * (docs/decisions/0052).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { performance } from "node:perf_hooks";
import type { Prisma, PrismaClient } from "@prisma/client";
import { placeholder } from "./sql-dialect.server";

/**
 * The models a session's or an API token's read comes from (app/models/session.server.ts, api-token.server.ts).
 * Community is here because deleting one removes memberships by cascade.
 */
export const SESSION_MODELS = ["User", "Session", "Membership", "Department", "Community", "ApiToken"] as const satisfies readonly Prisma.ModelName[];

const WRITES = new Set([
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
]);

declare global {
  // Shared by the Remix build and the server's own modules, which are separate copies of this file.
  var __gildeSessionReadsVersion: number | undefined;
  var __gildeSharedVersionReads: SharedReads | undefined;
  var __gildeRequestScope: AsyncLocalStorage<{ arrivedAt: number }> | undefined;
}

/** Moves whenever kept session reads must be dropped; a kept read is valid while it stands still. */
export function sessionReadsVersion(): number {
  return globalThis.__gildeSessionReadsVersion ?? 0;
}

/** The row of CacheVersion that every write to SESSION_MODELS bumps. */
export const SESSION_READS_VERSION = "session-reads";

type RawClient = Pick<PrismaClient, "$executeRaw">;

/** Bumps the shared version; portable SQL (SQLite and PostgreSQL both have this upsert). */
function bumpSharedVersion(client: RawClient) {
  return client.$executeRaw`INSERT INTO "CacheVersion" ("name", "version") VALUES (${SESSION_READS_VERSION}, 1)
    ON CONFLICT ("name") DO UPDATE SET "version" = "CacheVersion"."version" + 1`;
}

/** Reads a statement straight through the driver (db.server.ts quickRead; a parameter, as db.server.ts imports this file). */
export type DriverRead = (sql: string, args: string[]) => Promise<Record<string, unknown>[]>;

async function readSharedVersion(read: DriverRead): Promise<number> {
  // Read on every request that uses a kept read, so past Prisma's query engine (docs/decisions/0075).
  const rows = await read(`SELECT "version" FROM "CacheVersion" WHERE "name" = ${placeholder(1)}`, [SESSION_READS_VERSION]);
  return Number(rows[0]?.version ?? 0);
}

/**
 * The shared version as the database has it now, as far as a request can tell: any read that started after
 * the request arrived sees every write committed before it, so the callers of one request (the rate limits,
 * then the loader) and concurrent requests share reads. A caller outside a request (a script, a job) needs
 * a read that starts after it asks. A busy process thus reads the version far less often than once per request.
 */
export function sharedSessionReadsVersion(driverRead: DriverRead): Promise<number> {
  const since = requestScope.getStore()?.arrivedAt ?? performance.now();
  const state = (globalThis.__gildeSharedVersionReads ??= {});
  if (state.last && state.last.startedAt >= since) return Promise.resolve(state.last.version);
  if (state.current && state.current.startedAt >= since) return state.current.promise;
  if (!state.current) return startRead(state, driverRead).promise;
  // The read in flight started too early for this caller: the next one starts when it ends.
  state.next ??= state.current.promise.then(
    () => startRead(state, driverRead).promise,
    () => startRead(state, driverRead).promise,
  );
  return state.next;
}

type Read = { startedAt: number; promise: Promise<number> };
type SharedReads = { current?: Read; next?: Promise<number>; last?: { startedAt: number; version: number } };

function startRead(state: SharedReads, driverRead: DriverRead): Read {
  state.next = undefined;
  const read: Read = { startedAt: performance.now(), promise: Promise.resolve(0) };
  read.promise = readSharedVersion(driverRead).then(
    (version) => {
      if (!state.last || state.last.startedAt < read.startedAt) state.last = { startedAt: read.startedAt, version };
      return version;
    },
  ).finally(() => {
    if (state.current === read) state.current = undefined;
  });
  state.current = read;
  return read;
}

/** When the request being answered arrived; set by the server for each request (server/app.ts). */
type RequestScope = { arrivedAt: number };
const requestScope: AsyncLocalStorage<RequestScope> = (globalThis.__gildeRequestScope ??= new AsyncLocalStorage<RequestScope>());

/** Runs a request's handling with its arrival time, so its reads of the shared version can be shared. */
export function runRequest<T>(handle: () => T): T {
  return requestScope.run({ arrivedAt: performance.now() }, handle);
}

/** Drops every kept session read in this process. */
export function invalidateSessionReads(): void {
  globalThis.__gildeSessionReadsVersion = sessionReadsVersion() + 1;
}

/** The transaction a query runs in, if any: its writes count when it commits. */
type TransactionScope = { open: boolean; touchesSessions: boolean; bumped: boolean };
const transactions = new AsyncLocalStorage<TransactionScope>();

function touchesSessions(model: string | undefined, operation: string): boolean {
  return Boolean(model && (SESSION_MODELS as readonly string[]).includes(model) && WRITES.has(operation));
}

/**
 * The client with the invalidation: writes to SESSION_MODELS outside a transaction invalidate once
 * they have run; inside one (interactive or batch) they invalidate when it commits, so no reader can
 * keep rows from before the commit past it. Raw SQL is not seen: none writes these tables.
 *
 * The shared version is bumped inside an interactive transaction (every command: runCommand), so it
 * commits with the write; after a single write or a batch transaction it is bumped right after, before
 * the caller goes on — before the answer leaves, which is all "the next request" needs. A process that
 * dies between the two leaves the others to SESSION_CACHE_MS.
 */
export function withSessionReadInvalidation(client: PrismaClient): PrismaClient {
  const watched = client.$extends({
    name: "session-read-invalidation",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const result = await query(args);
          if (!touchesSessions(model, operation)) return result;
          const scope = transactions.getStore();
          // A write started from inside a transaction's callback but finishing after it (a timer) counts at once.
          if (scope?.open) {
            scope.touchesSessions = true;
          } else {
            await bumpSharedVersion(client);
            invalidateSessionReads();
          }
          return result;
        },
      },
    },
  });
  const transaction = watched.$transaction.bind(watched) as (...args: unknown[]) => Promise<unknown>;
  const extended = watched.$extends({
    name: "session-read-transactions",
    client: {
      async $transaction(...args: unknown[]) {
        const scope: TransactionScope = { open: true, touchesSessions: false, bumped: false };
        const [first, ...rest] = args;
        // An interactive transaction bumps the shared version as its last statement, so it commits with the writes.
        const run =
          typeof first === "function"
            ? () =>
                transaction(async (tx: RawClient) => {
                  const result = await (first as (tx: RawClient) => Promise<unknown>)(tx);
                  if (scope.touchesSessions) {
                    await bumpSharedVersion(tx);
                    scope.bumped = true;
                  }
                  return result;
                }, ...rest)
            : () => transaction(...args);
        try {
          const result = await transactions.run(scope, run);
          scope.open = false;
          if (scope.touchesSessions) {
            if (!scope.bumped) await bumpSharedVersion(client);
            invalidateSessionReads();
          }
          return result;
        } finally {
          scope.open = false;
        }
      },
    },
  });
  // Query hooks and a wrapped $transaction change no types: the client keeps PrismaClient's.
  return extended as unknown as PrismaClient;
}
