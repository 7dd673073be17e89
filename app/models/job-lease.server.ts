import { Prisma } from "@prisma/client";
import { db } from "~/utils/db.server";

/**
 * Leases on background roles (docs/decisions/0052). Plain conditional writes through Prisma's model API, so the
 * same statements hold on SQLite and PostgreSQL: one row per role, taken when it is free or expired, renewed
 * only by its holder. Times are the app servers' clocks: they must agree to well within a lease's length.
 */

/**
 * Takes or renews the lease `name` for `holder` until now + `leaseMs`. True when `holder` has it afterwards.
 * Each update only matches a row that is ours (renewal) or expired (take-over), so two processes racing for
 * an expired lease cannot both win: the database applies one update after the other, and the second no
 * longer matches.
 */
export async function acquireLease(name: string, holder: string, leaseMs: number, now = new Date()): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + leaseMs);
  if ((await db.jobLease.updateMany({ where: { name, holder }, data: { expiresAt } })).count === 1) return true;
  if ((await db.jobLease.updateMany({ where: { name, expiresAt: { lt: now } }, data: { holder, expiresAt, acquiredAt: now } })).count === 1) return true;
  if (await db.jobLease.findUnique({ where: { name }, select: { name: true } })) return false;
  try {
    await db.jobLease.create({ data: { name, holder, expiresAt, acquiredAt: now } });
    return true;
  } catch (error) {
    // Another process made the row first: theirs.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

/** Gives the lease up at once (a clean shutdown), so another process need not wait for it to expire. */
export async function releaseLease(name: string, holder: string): Promise<void> {
  await db.jobLease.updateMany({ where: { name, holder }, data: { expiresAt: new Date(0) } });
}

export type LeaseRow = { name: string; holder: string; expiresAt: Date; acquiredAt: Date };

export async function listLeases(): Promise<LeaseRow[]> {
  return db.jobLease.findMany({ select: { name: true, holder: true, expiresAt: true, acquiredAt: true }, orderBy: { name: "asc" } });
}

declare global {
  // The leases this process holds now, kept by the server's background roles (server/background.ts).
  var __gildeLeasesHeld: Set<string> | undefined;
}

/** The background roles this process runs now (for /healthz). */
export function leasesHeldHere(): string[] {
  return [...(globalThis.__gildeLeasesHeld ?? [])].sort();
}
