/** Sessions on a real database: lifetime, disabled users, logout, and what the policies get with them. */
import { executeElsewhere } from "../support/postgres";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "~/utils/db.server";
import { runRequest, SESSION_READS_VERSION, sessionReadsVersion } from "~/utils/session-reads.server";
import { resetEnvCache } from "~/utils/env.server";
import { createSession, destroySession, getUser, SESSION_LIFETIME_MS } from "~/utils/session.server";
import { decideRequest, joinCommunity, leaveCommunity } from "~/commands/manage-community.server";
import { setUserDisabled, updateUser } from "~/commands/manage-user.server";
import { actorFor, makeCommunity, makeDepartment, makeUser, uid } from "../support/factories";

function requestWith(cookie?: string) {
  return new Request("http://localhost:3000/search", { headers: cookie ? { cookie } : {} });
}
const cookiePair = (setCookie: string) => setCookie.split(";")[0];

describe("sessions", () => {
  it("are a random id in a __Host- cookie (HttpOnly, SameSite=Lax, Secure) that lasts at most 12 hours", async () => {
    const user = await makeUser();
    const setCookie = await createSession(requestWith(), user.id);
    expect(setCookie).toMatch(/^__Host-gilde_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200; Secure$/);
    const row = await db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(SESSION_LIFETIME_MS + 1000);
    expect(await getUser(requestWith(cookiePair(setCookie)))).toMatchObject({ id: user.id, email: user.email });
  });

  it("carry the user's communities and the department they head", async () => {
    const department = await makeDepartment();
    const head = await makeUser({ role: "DEPARTMENT_HEAD", departmentId: department.id });
    await db.department.update({ where: { id: department.id }, data: { headId: head.id } });
    const community = await makeCommunity({ departmentId: department.id, visibility: "CLOSED", memberIds: [head.id] });
    const cookie = cookiePair(await createSession(requestWith(), head.id));
    expect(await getUser(requestWith(cookie))).toMatchObject({ communityIds: [community.id], headOfDepartmentId: department.id });
  });

  it("end when they expire, when the user is disabled, and on logout — on the server", async () => {
    const user = await makeUser();
    const expired = uid("e").padEnd(43, "x");
    await db.session.create({ data: { id: expired, userId: user.id, expiresAt: new Date(Date.now() - 1000) } });
    expect(await getUser(requestWith(`__Host-gilde_session=${expired}`))).toBeNull();
    expect(await db.session.findUnique({ where: { id: expired } })).toBeNull();

    const cookie = cookiePair(await createSession(requestWith(), user.id));
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await getUser(requestWith(cookie))).toBeNull();

    const other = await makeUser();
    const otherCookie = cookiePair(await createSession(requestWith(), other.id));
    const cleared = await destroySession(requestWith(otherCookie));
    expect(cleared).toContain("Max-Age=0");
    expect(await db.session.count({ where: { userId: other.id } })).toBe(0);
    expect(await getUser(requestWith(otherCookie))).toBeNull();
  });

  it("ignore malformed cookies", async () => {
    expect(await getUser(requestWith("__Host-gilde_session=' OR 1=1 --"))).toBeNull();
    expect(await getUser(requestWith("gilde_session=abc"))).toBeNull();
  });
});

/**
 * Session reads are kept in memory (docs/decisions/0025). Each case reads the session first, so it
 * is kept, then changes what it grants, and reads again at once: the change must show.
 */
describe("kept session reads", () => {
  afterEach(() => vi.useRealTimers());

  async function signedIn(role: "EMPLOYEE" | "ADMIN" | "DEPARTMENT_HEAD" = "EMPLOYEE", departmentId: string | null = null) {
    const user = await makeUser({ role, departmentId });
    const cookie = cookiePair(await createSession(requestWith(), user.id));
    const read = () => getUser(requestWith(cookie));
    expect(await read()).toMatchObject({ id: user.id });
    return { user, cookie, read };
  }

  it("are served from memory while nothing changes", async () => {
    const { user, read } = await signedIn();
    const first = await read();
    const before = sessionReadsVersion();
    // A write elsewhere in the database does not end them…
    await db.tag.create({ data: { name: uid("tag-") } });
    expect(sessionReadsVersion()).toBe(before);
    expect((await read())?.communityIds).toBe(first?.communityIds);
    // …a write to the user does.
    await db.user.update({ where: { id: user.id }, data: { name: "Nieuwe naam" } });
    expect(sessionReadsVersion()).toBeGreaterThan(before);
    expect(await read()).toMatchObject({ name: "Nieuwe naam" });
  });

  it("show a membership the moment it is committed: join, accept, leave", async () => {
    const department = await makeDepartment();
    const lead = await makeUser();
    const open = await makeCommunity({ departmentId: department.id, memberIds: [lead.id] });
    const closed = await makeCommunity({ departmentId: department.id, visibility: "CLOSED", memberIds: [lead.id] });
    await db.membership.updateMany({ where: { userId: lead.id }, data: { role: "LEAD" } });
    const { user, read } = await signedIn();
    const actor = await actorFor(user);

    await joinCommunity(actor, open.id);
    expect((await read())?.communityIds).toEqual([open.id]);
    await joinCommunity(actor, closed.id);
    expect((await read())?.communityIds).toEqual([open.id]);
    await decideRequest(await actorFor(lead), closed.id, user.id, true);
    expect([...((await read())?.communityIds ?? [])].sort()).toEqual([open.id, closed.id].sort());
    await leaveCommunity(await actorFor(user), closed.id);
    expect((await read())?.communityIds).toEqual([open.id]);
  });

  it("show a headship and a disabled account at once; a new role ends the session", async () => {
    const department = await makeDepartment();
    const admin = await makeUser({ role: "ADMIN" });
    const adminActor = await actorFor(admin);
    const { user, read } = await signedIn("DEPARTMENT_HEAD", department.id);

    await updateUser(adminActor, user.id, { name: user.name, role: "DEPARTMENT_HEAD", departmentId: department.id, locale: "nl", headOfDepartment: true });
    expect(await read()).toMatchObject({ role: "DEPARTMENT_HEAD", headOfDepartmentId: department.id });
    await setUserDisabled(adminActor, user.id, true);
    expect(await read()).toBeNull();

    const other = await signedIn("EMPLOYEE", department.id);
    await updateUser(adminActor, other.user.id, { name: other.user.name, role: "KNOWLEDGE_MANAGER", departmentId: department.id, locale: "nl" });
    expect(await other.read()).toBeNull();
  });

  it("end with logout and with a removed community", async () => {
    const department = await makeDepartment();
    const { user, cookie, read } = await signedIn();
    const community = await makeCommunity({ departmentId: department.id, memberIds: [user.id] });
    expect((await read())?.communityIds).toEqual([community.id]);
    // Deleting the community removes the membership by cascade, inside the database.
    await db.community.delete({ where: { id: community.id } });
    expect((await read())?.communityIds).toEqual([]);
    await destroySession(requestWith(cookie));
    expect(await read()).toBeNull();
  });

  it("see a change made inside a transaction only after it commits, and not at all after a rollback", async () => {
    const department = await makeDepartment();
    const { user, read } = await signedIn();
    const community = await makeCommunity({ departmentId: department.id });
    await expect(
      db.$transaction(async (tx) => {
        await tx.membership.create({ data: { userId: user.id, communityId: community.id } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect((await read())?.communityIds).toEqual([]);
    let during: ReturnType<typeof read> | undefined;
    await db.$transaction(async (tx) => {
      await tx.membership.create({ data: { userId: user.id, communityId: community.id } });
      // Not yet committed: a read asked for now reads the shared version beside the open transaction (on
      // SQLite through a connection of its own, db.server.ts quickRead), so it may end before or after the commit.
      during = read();
    });
    // Either state, never a mix; and whichever it saw is not kept past the commit (the next line).
    expect([[], [community.id]]).toContainEqual((await during)?.communityIds);
    expect((await read())?.communityIds).toEqual([community.id]);
  });

  it("last a few seconds at most when another process changes the database", async () => {
    const department = await makeDepartment();
    const community = await makeCommunity({ departmentId: department.id });
    const { user, read } = await signedIn();
    // Another process: its own connection, unseen by this process's database layer.
    await executeElsewhere('INSERT INTO "Membership" ("id", "userId", "communityId") VALUES (?, ?, ?)', [uid("m"), user.id, community.id]);
    expect((await read())?.communityIds).toEqual([]);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 6_000 });
    expect((await read())?.communityIds).toEqual([community.id]);
  });

  it("are dropped at the next read when another process's write bumps the shared version", async () => {
    const department = await makeDepartment();
    const community = await makeCommunity({ departmentId: department.id });
    const { user, read } = await signedIn();
    // Another app process: its own connection; its client bumps the shared version in the write's transaction.
    await executeElsewhere('INSERT INTO "Membership" ("id", "userId", "communityId") VALUES (?, ?, ?)', [uid("m"), user.id, community.id]);
    await executeElsewhere('UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = ?', [SESSION_READS_VERSION]);
    expect((await read())?.communityIds).toEqual([community.id]);
  });

  it("read the shared version once per request: a request shares its first read, the next request reads again", async () => {
    const department = await makeDepartment();
    const community = await makeCommunity({ departmentId: department.id });
    const { user, read } = await signedIn();
    await runRequest(async () => {
      expect((await read())?.communityIds).toEqual([]);
      // Another process writes after this request arrived: this request may go on with what it read at its start.
      await executeElsewhere('INSERT INTO "Membership" ("id", "userId", "communityId") VALUES (?, ?, ?)', [uid("m"), user.id, community.id]);
      await executeElsewhere('UPDATE "CacheVersion" SET "version" = "version" + 1 WHERE "name" = ?', [SESSION_READS_VERSION]);
      expect((await read())?.communityIds).toEqual([]);
    });
    // A request that arrives after the write sees it.
    await runRequest(async () => expect((await read())?.communityIds).toEqual([community.id]));
  });

  it("are not kept at all with SESSION_CACHE_MS=0", async () => {
    const department = await makeDepartment();
    const community = await makeCommunity({ departmentId: department.id });
    const { user, read } = await signedIn();
    process.env.SESSION_CACHE_MS = "0";
    resetEnvCache();
    try {
      await executeElsewhere('INSERT INTO "Membership" ("id", "userId", "communityId") VALUES (?, ?, ?)', [uid("m"), user.id, community.id]);
      expect((await read())?.communityIds).toEqual([community.id]);
    } finally {
      delete process.env.SESSION_CACHE_MS;
      resetEnvCache();
    }
  });
});

describe("invalidation of kept session reads", () => {
  const sharedVersion = async () => (await db.cacheVersion.findUnique({ where: { name: SESSION_READS_VERSION } }))?.version ?? 0;

  /** Runs `write` and says whether kept session reads were dropped by it, here and (the shared version) in other processes. */
  async function drops(write: () => Promise<unknown>) {
    const before = sessionReadsVersion();
    const sharedBefore = await sharedVersion();
    await write();
    const here = sessionReadsVersion() !== before;
    const elsewhere = (await sharedVersion()) !== sharedBefore;
    expect(elsewhere, "the shared version moves with this process's").toBe(here);
    return here;
  }

  it("follows every kind of write to the user, session, membership, department and community models", async () => {
    const department = await makeDepartment();
    const user = await makeUser({ departmentId: department.id });
    const community = await makeCommunity({ departmentId: department.id });
    expect(await drops(() => db.user.update({ where: { id: user.id }, data: { name: "Andere naam" } }))).toBe(true);
    expect(await drops(() => db.session.create({ data: { id: uid("s").padEnd(43, "x"), userId: user.id, expiresAt: new Date(Date.now() + 60_000) } }))).toBe(true);
    expect(await drops(() => db.session.deleteMany({ where: { userId: user.id } }))).toBe(true);
    expect(await drops(() => db.membership.upsert({ where: { userId_communityId: { userId: user.id, communityId: community.id } }, create: { userId: user.id, communityId: community.id }, update: {} }))).toBe(true);
    expect(await drops(() => db.membership.updateMany({ where: { userId: user.id }, data: { role: "LEAD" } }))).toBe(true);
    expect(await drops(() => db.department.update({ where: { id: department.id }, data: { headId: user.id } }))).toBe(true);
    expect(await drops(() => db.community.update({ where: { id: community.id }, data: { purpose: "Nieuw doel" } }))).toBe(true);
  });

  it("leaves them alone for reads and for writes to other models", async () => {
    const department = await makeDepartment();
    const user = await makeUser();
    const community = await makeCommunity({ departmentId: department.id });
    expect(await drops(() => db.user.findMany({ where: { id: user.id } }))).toBe(false);
    expect(await drops(() => db.membership.count({ where: { userId: user.id } }))).toBe(false);
    expect(await drops(() => db.membershipHistory.create({ data: { userId: user.id, communityId: community.id, joinedAt: new Date() } }))).toBe(false);
    expect(await drops(() => db.tag.create({ data: { name: uid("tag-") } }))).toBe(false);
  });

  it("drops them when a transaction commits, not before, and not after a rollback", async () => {
    const department = await makeDepartment();
    const user = await makeUser();
    const community = await makeCommunity({ departmentId: department.id });
    const before = sessionReadsVersion();
    const sharedBefore = await sharedVersion();
    await expect(
      db.$transaction(async (tx) => {
        await tx.membership.create({ data: { userId: user.id, communityId: community.id } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(sessionReadsVersion()).toBe(before);
    expect(await sharedVersion()).toBe(sharedBefore);
    await db.$transaction(async (tx) => {
      await tx.membership.create({ data: { userId: user.id, communityId: community.id } });
      expect(sessionReadsVersion()).toBe(before);
    });
    expect(sessionReadsVersion()).toBeGreaterThan(before);
    // Bumped by the transaction itself: committed with the write.
    expect(await sharedVersion()).toBe(sharedBefore + 1);
    // A batch transaction counts the same way.
    expect(await drops(() => db.$transaction([db.membership.deleteMany({ where: { userId: user.id } })]))).toBe(true);
  });
});
