/** Leases on background roles (docs/decisions/0052): one holder at a time, renewed by it, taken over once expired. */
import { describe, expect, it } from "vitest";
import { acquireLease, listLeases, releaseLease } from "~/models/job-lease.server";
import { runBackgroundRoles } from "../../server/background";
import { db } from "~/utils/db.server";
import { uid } from "../support/factories";

const LEASE_MS = 10_000;
const at = (ms: number) => new Date(Date.now() + ms);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("job leases", () => {
  it("go to the first process that asks, are renewed only by it, and are taken over once expired", async () => {
    const name = uid("role-");
    expect(await acquireLease(name, "host:1:a", LEASE_MS, at(0))).toBe(true);
    expect(await acquireLease(name, "host:2:b", LEASE_MS, at(1000))).toBe(false);
    // The holder renews (its lease now runs until +15 s) …
    expect(await acquireLease(name, "host:1:a", LEASE_MS, at(5000))).toBe(true);
    // … so at +12 s it is still held, though the first lease would have run out.
    expect(await acquireLease(name, "host:2:b", LEASE_MS, at(12_000))).toBe(false);
    // Not renewed after that: expired at +15 s, another process takes it.
    expect(await acquireLease(name, "host:2:b", LEASE_MS, at(16_000))).toBe(true);
    expect(await acquireLease(name, "host:1:a", LEASE_MS, at(17_000))).toBe(false);
    const row = (await listLeases()).find((l) => l.name === name)!;
    expect(row).toMatchObject({ holder: "host:2:b" });
    expect(row.acquiredAt.getTime()).toBeGreaterThan(Date.now() + 15_000);
  });

  it("given up on shutdown, are free at once", async () => {
    const name = uid("role-");
    expect(await acquireLease(name, "host:1:a", LEASE_MS)).toBe(true);
    await releaseLease(name, "host:1:a");
    expect(await acquireLease(name, "host:2:b", LEASE_MS)).toBe(true);
    // Releasing someone else's lease does nothing.
    await releaseLease(name, "host:1:a");
    expect(await acquireLease(name, "host:3:c", LEASE_MS)).toBe(false);
  });

  it("go to exactly one of many processes asking at the same moment", async () => {
    const name = uid("role-");
    const holders = Array.from({ length: 8 }, (_, i) => `host:${i}:x`);
    const won = await Promise.all(holders.map((holder) => acquireLease(name, holder, LEASE_MS)));
    expect(won.filter(Boolean)).toHaveLength(1);
    // Again once it has expired: one winner among the others.
    const later = at(LEASE_MS + 1000);
    const again = await Promise.all(holders.map((holder) => acquireLease(name, holder, LEASE_MS, later)));
    expect(again.filter(Boolean)).toHaveLength(1);
    expect(await db.jobLease.count({ where: { name } })).toBe(1);
  });
});

describe("background roles", () => {
  it("run in one of two processes; when it stops cleanly the other starts the role at once", async () => {
    const lease = uid("role-");
    const events: string[] = [];
    const role = (who: string) => ({ lease, start: () => void events.push(`${who} start`), stop: () => void events.push(`${who} stop`) });
    const quiet = { leaseMs: 1200, log: () => undefined };
    const first = runBackgroundRoles([role("first")], quiet);
    await sleep(200);
    const second = runBackgroundRoles([role("second")], quiet);
    // Several renewals later: still only the first.
    await sleep(2000);
    expect(events).toEqual(["first start"]);
    expect(first.held()).toEqual([lease]);
    expect(second.held()).toEqual([]);
    const stopped = Date.now();
    await first.stop();
    // The lease was given up: the second takes it at its next check (a third of the lease), not after it expires.
    for (let i = 0; i < 40 && !events.includes("second start"); i++) await sleep(50);
    expect(events).toEqual(["first start", "first stop", "second start"]);
    expect(Date.now() - stopped).toBeLessThan(1000);
    await second.stop();
    expect(events.at(-1)).toBe("second stop");
  });
});
