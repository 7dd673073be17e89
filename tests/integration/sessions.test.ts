/** Sessions on a real database: lifetime, disabled users, logout, and what the policies get with them. */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createSession, destroySession, getUser, SESSION_LIFETIME_MS } from "~/utils/session.server";
import { makeCommunity, makeDepartment, makeUser, uid } from "../support/factories";

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
