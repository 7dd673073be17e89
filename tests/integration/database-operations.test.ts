/**
 * Running on a database server (docs/decisions/0054): a DATABASE_URL that cannot be used stops the boot
 * with one line; app servers starting together seed an empty database once; a connection lost at run
 * time is a 503 for that request, and the next one finds the database again; while the database is away
 * the background workers say so once, and once when it is back, instead of on every tick.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { isDatabaseBusy } from "~/entry.server";
import { startMailWorker, stopMailWorker } from "~/mail/worker.server";
import { db } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { startWebhookWorker, stopWebhookWorker } from "~/webhooks/worker.server";
import { startOutboxWorker, stopOutboxWorker } from "../../search/outbox.server";
import { runBackgroundRoles } from "../../server/background";
import { openDatabase } from "../../server/db-copy";
import { withBootLock } from "../../server/database";
import { seedDemoIfEmpty } from "../../prisma/seed";
import { uid } from "../support/factories";
import { onPostgresDatabase, testPostgresUrl, withAdmin } from "../support/postgres";

const run = promisify(execFile);

/** Starts the server as `npm start` does after its build, and returns what it said when it stopped. */
async function boot(databaseUrl: string) {
  try {
    await run(path.resolve("node_modules/.bin/tsx"), ["server/main.ts"], { env: { ...process.env, DATABASE_URL: databaseUrl, PORT: "1" }, timeout: 30_000 });
    return { code: 0, stderr: "" };
  } catch (error) {
    const e = error as { code?: number; stderr?: string };
    return { code: e.code, stderr: e.stderr ?? "" };
  }
}

describe("a DATABASE_URL that cannot be used", () => {
  it("stops the boot with one line naming the variable and the cause, without a stack trace", async () => {
    const { code, stderr } = await boot("postgresql://gilde:secret@127.0.0.1:1/gilde");
    expect(code).toBe(1);
    expect(stderr).toContain("DATABASE_URL: cannot use postgresql://gilde:***@127.0.0.1:1/gilde: nothing accepts connections at that host and port (connection refused).");
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stderr).not.toContain("secret");
  });

  it.skipIf(!testPostgresUrl())("says so when the server refuses the password", async () => {
    const url = new URL(testPostgresUrl()!);
    url.password = "not-the-password";
    const { code, stderr } = await boot(url.toString());
    expect(code).toBe(1);
    expect(stderr).toMatch(/DATABASE_URL: cannot use postgresql:\/\/[^ ]*:\*\*\*@[^ ]+: the server refused the login \(password authentication failed for user "[^"]+"\)\./);
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});

describe.skipIf(!onPostgresDatabase())("several app servers on one PostgreSQL database", () => {
  it("seed an empty database once when they start at the same moment", async () => {
    const url = process.env.DATABASE_URL!;
    const other = openDatabase(url);
    try {
      const results = await Promise.all([withBootLock(url, () => seedDemoIfEmpty(db)), withBootLock(url, () => seedDemoIfEmpty(other))]);
      const seeded = results.filter((r) => r !== null);
      expect(seeded).toHaveLength(1);
      expect(await db.user.count()).toBe(seeded[0]!.users);
    } finally {
      await other.$disconnect();
    }
  });

  it("answer 503 for a request whose connection was lost, and find the database again on the next", async () => {
    const name = new URL(process.env.DATABASE_URL!).pathname.slice(1);
    const sleeping = db.$queryRaw`SELECT pg_sleep(20)`.then(
      () => null,
      (error: unknown) => error,
    );
    await withAdmin(testPostgresUrl()!, async (admin) => {
      for (let i = 0; i < 100; i++) {
        const { rowCount } = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND query LIKE '%pg_sleep(20)%' AND pid <> pg_backend_pid()", [name]);
        if (rowCount) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error("the query never showed up");
    });
    const error = await sleeping;
    expect(error).toBeTruthy();
    expect(isDatabaseBusy(error)).toBe(true);
    expect(await db.user.count()).toBeGreaterThanOrEqual(0);
  });

  it("say once that the database went away and once that it is back, not on every tick of their workers", async () => {
    const name = new URL(process.env.DATABASE_URL!).pathname.slice(1);
    const workers = ["[mail] worker", "[webhooks] worker", "[search] outbox worker", "[jobs] leases"];
    const lines: string[] = [];
    const record = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
    const spies = [vi.spyOn(console, "warn").mockImplementation(record), vi.spyOn(console, "log").mockImplementation(record)];
    const said = (worker: string) => lines.filter((line) => line.startsWith(`${worker}: `));
    const setDatabaseOpen = (open: boolean) => withAdmin(testPostgresUrl()!, (admin) => admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS ${open}`));
    // The mail worker polling fast, so it ticks many times while the database is away.
    process.env.MAIL_POLL_MS = "100";
    resetEnvCache();
    startMailWorker();
    startWebhookWorker();
    startOutboxWorker();
    const roles = runBackgroundRoles([{ lease: uid("outage-"), start: () => undefined, stop: () => undefined }], { leaseMs: 1500, log: () => undefined });
    try {
      // The database goes away: closed to new connections, and this test's connections ended.
      await setDatabaseOpen(false);
      try {
        await withAdmin(testPostgresUrl()!, (admin) => admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]));
        await vi.waitFor(() => expect(workers.filter((w) => said(w).length === 0)).toEqual([]), { timeout: 10_000, interval: 50 });
        // Away long enough for several ticks of every worker (the webhook worker polls slowest).
        await new Promise((r) => setTimeout(r, 2500));
      } finally {
        await setDatabaseOpen(true);
      }
      await vi.waitFor(() => expect(workers.filter((w) => !said(w).some((line) => line.includes(": the database is back")))).toEqual([]), { timeout: 10_000, interval: 50 });
    } finally {
      await roles.stop();
      stopOutboxWorker();
      await Promise.all([stopMailWorker(), stopWebhookWorker()]);
      for (const spy of spies) spy.mockRestore();
      delete process.env.MAIL_POLL_MS;
      resetEnvCache();
    }
    for (const worker of workers) {
      expect(said(worker), worker).toEqual([
        `${worker}: the database is unavailable; retrying quietly until it is back`,
        expect.stringMatching(/: the database is back \(away for \d+\.\d s\)$/),
      ]);
    }
    expect(lines.filter((line) => /worker error|\[jobs\] lease /.test(line))).toEqual([]);
  });
});
