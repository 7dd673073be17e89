import { PrismaClient } from "@prisma/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import type { Client, Config, InStatement, Transaction, TransactionMode } from "@libsql/client";
import { getEnv } from "./env.server";

declare global {
  // One client per process, shared by the Remix build and the server's own modules.
  var __gildeDb: PrismaClient | undefined;
  // Shared the same way: the build and the server's modules are separate copies of this file.
  var __gildeAccessWrites: number | undefined;
}

/**
 * The tables a signed-in user's access is read from (the session, the user, their memberships and
 * headship, and communities, whose deletion removes memberships). app/models/session.server.ts keeps
 * session reads in memory only while none of these has changed since (docs/decisions/0016).
 */
const ACCESS_TABLES = /[`"[](?:User|Session|Membership|Department|Community)[`"\]]/;
const WRITE = /\b(?:INSERT|UPDATE|DELETE|REPLACE)\b/i;

function sqlOf(stmt: InStatement): string {
  return typeof stmt === "string" ? stmt : stmt.sql;
}

/** Whether a statement may change what a session grants (a false "yes" only costs a re-read). */
export function changesAccess(stmt: InStatement): boolean {
  const sql = sqlOf(stmt);
  return WRITE.test(sql) && ACCESS_TABLES.test(sql);
}

/** Counts committed writes to the access tables in this process; a cached session read is valid while it stands still. */
export function accessWrites(): number {
  return globalThis.__gildeAccessWrites ?? 0;
}

function accessChanged() {
  globalThis.__gildeAccessWrites = accessWrites() + 1;
}

/** How long a connection waits for another process's write lock before it gives up. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * SQLite may be written by more than one process (the app, `search:reindex`, a backup, tests).
 * libSQL opens a fresh connection after every transaction and offers no busy-timeout option, so
 * this wrapper sets WAL and busy_timeout on each new connection before it is used, starts
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
    if (this.inner.protocol === "file") await this.inner.execute("PRAGMA journal_mode = WAL");
  }

  // Outside a transaction a statement commits by itself: count the change once it has.
  async execute(stmt: InStatement) {
    await this.#prepare();
    const result = await this.inner.execute(stmt);
    if (changesAccess(stmt)) accessChanged();
    return result;
  }
  async batch(stmts: InStatement[], mode?: TransactionMode) {
    await this.#prepare();
    const result = await this.inner.batch(stmts, mode);
    if (stmts.some(changesAccess)) accessChanged();
    return result;
  }
  async executeMultiple(sql: string) {
    await this.#prepare();
    const result = await this.inner.executeMultiple(sql);
    if (changesAccess(sql)) accessChanged();
    return result;
  }
  async transaction(_mode?: TransactionMode): Promise<Transaction> {
    await this.#prepare();
    const tx = await this.inner.transaction("write");
    // The connection now belongs to the transaction; the next statement opens a new one.
    this.#fresh = true;
    // A change inside a transaction counts at its commit: a reader before that still sees the old rows.
    let touchesAccess = false;
    return new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop === "execute") {
          return (stmt: InStatement) => {
            if (changesAccess(stmt)) touchesAccess = true;
            return target.execute(stmt);
          };
        }
        if (prop === "batch") {
          return (stmts: InStatement[]) => {
            if (stmts.some(changesAccess)) touchesAccess = true;
            return target.batch(stmts);
          };
        }
        if (prop === "executeMultiple") {
          return (sql: string) => {
            if (changesAccess(sql)) touchesAccess = true;
            return target.executeMultiple(sql);
          };
        }
        if (prop === "commit") {
          return async () => {
            try {
              await target.commit();
            } catch (error) {
              await target.rollback().catch(() => undefined);
              throw error;
            } finally {
              // Also after a failed commit: the rows may or may not have changed, so re-read.
              if (touchesAccess) accessChanged();
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
  const adapter = new PatientLibSQL({ url: getEnv().DATABASE_URL });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = globalThis.__gildeDb ?? (globalThis.__gildeDb = createClient());

export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
