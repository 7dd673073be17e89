import { PrismaClient } from "@prisma/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import type { Client, Config, InStatement, Transaction, TransactionMode } from "@libsql/client";
import { getEnv } from "./env.server";
import { databaseProvider } from "./database-url";
import { createPostgresClient } from "./postgres.server";
import { withSessionReadInvalidation } from "./session-reads.server";

declare global {
  // One client per process, shared by the Remix build and the server's own modules.
  var __gildeDb: PrismaClient | undefined;
}

/** How long a connection waits for another process's write lock before it gives up. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * How much of the database file a connection reads through memory-mapped I/O instead of read() calls
 * (SQLite's mmap_size). libSQL opens a fresh connection after every transaction, each with a cold page
 * cache of its own; mapped pages are the operating system's cache, shared by every connection and app
 * process. A year of the knowledge dashboard on 200 000 notes: ~400 → ~300 ms (npm run bench:reports).
 */
export const SQLITE_MMAP_BYTES = 1024 ** 3;

/**
 * SQLite may be written by more than one process (the app, `search:reindex`, a backup, tests).
 * libSQL opens a fresh connection after every transaction and offers no busy-timeout option, so
 * this wrapper sets WAL, busy_timeout and memory-mapped reads on each new connection before it is used, starts
 * transactions as IMMEDIATE (they take the write lock up front, waiting instead of failing
 * half-way), and rolls back a transaction whose COMMIT failed so its connection cannot keep a lock.
 * (docs/decisions/0008)
 */
export class PatientClient {
  #fresh = true;
  constructor(private readonly inner: Client) {}

  async #prepare() {
    if (!this.#fresh) return;
    this.#fresh = false;
    await this.inner.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (this.inner.protocol === "file") {
      await this.inner.execute("PRAGMA journal_mode = WAL");
      await this.inner.execute(`PRAGMA mmap_size = ${SQLITE_MMAP_BYTES}`);
    }
  }

  async execute(stmt: InStatement) {
    await this.#prepare();
    return this.inner.execute(stmt);
  }
  async batch(stmts: InStatement[], mode?: TransactionMode) {
    await this.#prepare();
    return this.inner.batch(stmts, mode);
  }
  async executeMultiple(sql: string) {
    await this.#prepare();
    return this.inner.executeMultiple(sql);
  }
  async transaction(_mode?: TransactionMode): Promise<Transaction> {
    await this.#prepare();
    const tx = await this.inner.transaction("write");
    // The connection now belongs to the transaction; the next statement opens a new one.
    this.#fresh = true;
    return new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop === "commit") {
          return async () => {
            try {
              await target.commit();
            } catch (error) {
              await target.rollback().catch(() => undefined);
              throw error;
            }
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }
  sync() {
    return this.inner.sync();
  }
  close() {
    this.inner.close();
  }
  get closed() {
    return this.inner.closed;
  }
  get protocol() {
    return this.inner.protocol;
  }
}

class PatientLibSQL extends PrismaLibSQL {
  createClient(config: Config) {
    return new PatientClient(super.createClient(config)) as unknown as Client;
  }
}

function createClient(): PrismaClient {
  const url = getEnv().DATABASE_URL;
  // PostgreSQL has its own generated client (a client is generated for one provider): docs/decisions/0054.
  if (databaseProvider(url) === "postgresql") return withSessionReadInvalidation(createPostgresClient(url));
  return withSessionReadInvalidation(new PrismaClient({ adapter: new PatientLibSQL({ url }) }));
}

export const db: PrismaClient = globalThis.__gildeDb ?? (globalThis.__gildeDb = createClient());

export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
