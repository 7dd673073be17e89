/**
 * Background roles: work that must run in exactly one process at a time across every app process and every
 * server on the database — the search outbox worker, and the scheduler (knowledge sweep with the digest, mail
 * queue, search reconciliation). Every app process runs this; each role goes to whichever process holds its
 * lease in the database, renewed every third of JOB_LEASE_MS and taken over by another process once it
 * expires (its holder died or froze). A clean shutdown stops the role and gives the lease up at once
 * (docs/decisions/0052).
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { acquireLease, releaseLease } from "~/models/job-lease.server";
import { databaseOutageLog } from "~/utils/database-outage";

export type BackgroundRole = {
  /** The lease's name, one row in JobLease. */
  lease: string;
  start: () => void;
  /** Stops the role; resolves when what it was doing is recorded. */
  stop: () => Promise<void> | void;
};

export type BackgroundRoles = { holder: string; held: () => string[]; stop: () => Promise<void> };

/** Who holds a lease: readable in the table (host and process) and unique per process start. */
export function leaseHolder(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

export function runBackgroundRoles(roles: BackgroundRole[], options: { leaseMs: number; log?: (line: string) => void }): BackgroundRoles {
  const holder = leaseHolder();
  const log = options.log ?? ((line: string) => console.log(`[jobs] ${line}`));
  const held = new Set<string>();
  // What /healthz reports: the roles of this process's (one) runner.
  globalThis.__gildeLeasesHeld = held;
  /** Until when each held lease is certainly ours: the start of the attempt that renewed it, plus the lease. */
  const ours = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let tick: Promise<void> = Promise.resolve();
  // A database that is away fails every attempt of every role: said once when it goes and once when it is back.
  const outage = databaseOutageLog("[jobs] leases");

  const check = async () => {
    for (const role of roles) {
      if (stopped) return;
      const attempt = Date.now();
      let have: boolean;
      try {
        have = await acquireLease(role.lease, holder, options.leaseMs, new Date(attempt));
        outage.succeeded();
        if (have) ours.set(role.lease, attempt + options.leaseMs);
      } catch (error) {
        // The database did not answer: keep the role only while the lease last confirmed is certainly still ours.
        have = (ours.get(role.lease) ?? 0) - options.leaseMs / 3 > Date.now();
        if (!outage.failed(error)) console.warn(`[jobs] lease ${role.lease}: ${error instanceof Error ? error.message : error}`);
      }
      if (have && !held.has(role.lease)) {
        held.add(role.lease);
        log(`this process (${process.pid}) now runs ${role.lease}`);
        role.start();
      } else if (!have && held.has(role.lease)) {
        held.delete(role.lease);
        ours.delete(role.lease);
        log(`this process (${process.pid}) no longer holds ${role.lease}; stopping it`);
        await role.stop();
      }
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      tick = check().finally(schedule);
    }, Math.max(100, Math.floor(options.leaseMs / 3)));
  };
  tick = check().finally(schedule);

  return {
    holder,
    held: () => roles.map((r) => r.lease).filter((name) => held.has(name)),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await tick.catch(() => undefined);
      for (const role of roles) {
        if (!held.has(role.lease)) continue;
        held.delete(role.lease);
        await role.stop();
        await releaseLease(role.lease, holder).catch((error) => console.warn(`[jobs] release ${role.lease}: ${error instanceof Error ? error.message : error}`));
      }
    },
  };
}
