/**
 * Issue 13: a session also ends after SESSION_IDLE_MINUTES without a request, its last request is
 * written at most once a minute, and a new role means a new session (docs/decisions/0045).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { createSession, getUser, LAST_SEEN_EVERY_MS } from "~/utils/session.server";
import { updateUser } from "~/commands/manage-user.server";
import { actorFor, makeUser } from "../support/factories";

function requestWith(cookie: string) {
  return new Request("http://localhost:3000/search", { headers: { cookie } });
}

async function signedIn(role: "EMPLOYEE" | "ADMIN" = "EMPLOYEE") {
  const user = await makeUser({ role });
  const cookie = (await createSession(new Request("http://localhost:3000/login"), user.id)).split(";")[0];
  const sessionId = cookie.split("=")[1];
  return { user, cookie, sessionId, read: () => getUser(requestWith(cookie)) };
}

const lastSeen = async (id: string) => (await db.session.findUnique({ where: { id }, select: { lastSeenAt: true } }))?.lastSeenAt?.getTime();

describe("idle sessions", () => {
  afterEach(() => {
    vi.useRealTimers();
    delete process.env.SESSION_IDLE_MINUTES;
    resetEnvCache();
  });

  it("end after SESSION_IDLE_MINUTES without a request (60 by default), and the row is gone", async () => {
    const { sessionId, cookie } = await signedIn();
    expect(await getUser(requestWith(cookie))).not.toBeNull();
    // 59 minutes of quiet: still signed in.
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(Date.now() - 59 * 60_000) } });
    expect(await getUser(requestWith(cookie))).not.toBeNull();
    // 61 minutes: signed out, on the server.
    const again = await signedIn();
    await db.session.update({ where: { id: again.sessionId }, data: { lastSeenAt: new Date(Date.now() - 61 * 60_000) } });
    expect(await again.read()).toBeNull();
    expect(await db.session.count({ where: { id: again.sessionId } })).toBe(0);
  });

  it("follow the configured SESSION_IDLE_MINUTES", async () => {
    process.env.SESSION_IDLE_MINUTES = "5";
    resetEnvCache();
    const { sessionId, read } = await signedIn();
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(Date.now() - 6 * 60_000) } });
    expect(await read()).toBeNull();
  });

  it("write their last request at most once a minute, and stay alive while used", async () => {
    const start = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    const { sessionId, read } = await signedIn();
    const signIn = await lastSeen(sessionId);
    expect(signIn).toBe(start);
    // Requests within the minute write nothing.
    vi.setSystemTime(start + 30_000);
    await read();
    expect(await lastSeen(sessionId)).toBe(signIn);
    // The first request after a minute writes it.
    vi.setSystemTime(start + LAST_SEEN_EVERY_MS + 1_000);
    await read();
    expect(await lastSeen(sessionId)).toBe(start + LAST_SEEN_EVERY_MS + 1_000);
    // Used every 50 minutes for 3 hours: never idle for 60.
    for (let minutes = 50; minutes <= 180; minutes += 50) {
      vi.setSystemTime(start + minutes * 60_000);
      expect(await read(), `after ${minutes} minutes`).not.toBeNull();
    }
  });
});

describe("a new role", () => {
  it("ends every session of that person; other changes do not", async () => {
    const admin = await actorFor(await makeUser({ role: "ADMIN" }));
    const { user, read } = await signedIn();
    const second = (await createSession(new Request("http://localhost:3000/login"), user.id)).split(";")[0];

    await updateUser(admin, user.id, { name: "Andere naam", role: "EMPLOYEE", departmentId: null, locale: "en" });
    expect(await read()).toMatchObject({ name: "Andere naam", role: "EMPLOYEE" });

    await updateUser(admin, user.id, { name: "Andere naam", role: "ADMIN", departmentId: null, locale: "en" });
    expect(await read()).toBeNull();
    expect(await getUser(requestWith(second))).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    // Signing in again gives a new session id, with the new role.
    const fresh = await signedIn();
    expect(fresh.sessionId).not.toBe(second.split("=")[1]);
  });
});
