/**
 * The SQLite connection behind Prisma's libSQL adapter, made fit for a file that more than one process
 * writes (the app's processes, `search:reindex`, a backup, tests). docs/decisions/0008 and 0074.
 */
import { performance } from "node:perf_hooks";
import type { Client, InStatement, Transaction, TransactionMode } from "@libsql/client";

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
 * libSQL opens a fresh connection after every transaction and offers no busy-timeout option, so this
 * wrapper sets busy_timeout, WAL and memory-mapped reads on each new connection before it is used,
 * starts transactions as IMMEDIATE (they take the write lock up front, waiting instead of failing
 * half-way), and rolls back a transaction whose COMMIT failed so its connection cannot keep a lock.
 *
 * A statement that fails leaves its connection behind: the client opens a new one. libSQL leaves a
 * statement that failed with SQLITE_BUSY in progress (it could be stepped again) and never resets it,
 * and a connection with a statement in progress keeps the snapshot of its first read after it: every
 * later read on it misses what other processes commit, and every later transaction fails with
 * SQLITE_BUSY_SNAPSHOT, until the garbage collector happens to finalize the statement. One write that
 * waited out the busy timeout can thus leave an app process showing old data (decision 0074).
 */
/** A transaction that waited for or held the write lock this long is named in the server log. */
export const SLOW_LOCK_MS = 1000;

/**
 * While a process waits for the write lock its event loop waits too (libSQL is synchronous), and every
 * other process's writes wait while one holds it: either, past SLOW_LOCK_MS, is worth a line in the log.
 */
function reportSlowLock(slowMs: number, waitedMs: number, heldMs: number, firstStatement: string | undefined) {
  if (waitedMs < slowMs && heldMs < slowMs) return;
  console.warn(
    `[db] slow write lock: waited ${Math.round(waitedMs)} ms, held ${Math.round(heldMs)} ms (first statement: ${firstStatement ?? "none"})`,
  );
}

export class PatientClient {
  #inner: Client;
  #fresh = true;

  /** `open` makes a new libSQL client for the same database; each holds one connection at a time. */
  constructor(
    private readonly open: () => Client,
    private readonly busyTimeoutMs = BUSY_TIMEOUT_MS,
    private readonly slowLockMs = SLOW_LOCK_MS,
  ) {
    this.#inner = open();
  }

  async #prepare(inner: Client) {
    if (!this.#fresh) return;
    this.#fresh = false;
    // Issued together: each runs at once on the connection, before any caller's statement can.
    const pragmas = [`PRAGMA busy_timeout = ${this.busyTimeoutMs}`];
    if (inner.protocol === "file") pragmas.push("PRAGMA journal_mode = WAL", `PRAGMA mmap_size = ${SQLITE_MMAP_BYTES}`);
    await Promise.all(pragmas.map((pragma) => inner.execute(pragma)));
  }

  /** Runs `run` on the current connection; if it fails, the next statement gets a new connection. */
  async #use<T>(run: (inner: Client) => Promise<T>): Promise<T> {
    const inner = this.#inner;
    try {
      await this.#prepare(inner);
      return await run(inner);
    } catch (error) {
      this.#replace(inner);
      throw error;
    }
  }

  #replace(failed: Client) {
    if (this.#inner !== failed) return;
    this.#inner = this.open();
    this.#fresh = true;
    try {
      failed.close();
    } catch {
      // Its statement is finalized by the garbage collector; the connection is no longer used.
    }
  }

  execute(stmt: InStatement) {
    return this.#use((inner) => inner.execute(stmt));
  }
  batch(stmts: InStatement[], mode?: TransactionMode) {
    return this.#use((inner) => inner.batch(stmts, mode));
  }
  executeMultiple(sql: string) {
    return this.#use((inner) => inner.executeMultiple(sql));
  }
  async transaction(_mode?: TransactionMode): Promise<Transaction> {
    const asked = performance.now();
    const tx = await this.#use((inner) => inner.transaction("write")).catch((error: unknown) => {
      reportSlowLock(this.slowLockMs, performance.now() - asked, 0, "none: BEGIN IMMEDIATE failed");
      throw error;
    });
    const locked = performance.now();
    // The connection now belongs to the transaction; the next statement opens a new one.
    this.#fresh = true;
    let first: string | undefined;
    const ended = () => reportSlowLock(this.slowLockMs, locked - asked, performance.now() - locked, first);
    return new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop === "execute" && first === undefined) {
          return (stmt: InStatement) => {
            first = (typeof stmt === "string" ? stmt : stmt.sql).slice(0, 60);
            return target.execute(stmt);
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
              ended();
            }
          };
        }
        if (prop === "rollback") {
          return () => target.rollback().finally(ended);
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }
  sync() {
    return this.#inner.sync();
  }
  close() {
    this.#inner.close();
  }
  get closed() {
    return this.#inner.closed;
  }
  get protocol() {
    return this.#inner.protocol;
  }
}
