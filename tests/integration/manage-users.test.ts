/** Administration commands on a real database: who may run them, and what they change. */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createUser, setUserDisabled, updateUser } from "~/commands/manage-user.server";
import { CommandError } from "~/commands/errors";
import { actorFor, makeDepartment, makeUser, uid } from "../support/factories";

describe("user administration", () => {
  it("only an admin may create users; a duplicate email is a field error", async () => {
    const admin = await actorFor(await makeUser({ role: "ADMIN" }));
    const km = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
    const email = `${uid()}@test.gilde`;
    const input = { name: "Nieuwe Collega", email, password: "a-long-password", role: "EMPLOYEE" as const, departmentId: null, locale: "nl" as const };
    await expect(createUser(km, input)).rejects.toMatchObject({ status: 403 });
    const created = await createUser(admin, input);
    const row = await db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.passwordHash).toMatch(/^\$2[aby]\$10\$/);
    await expect(createUser(admin, input)).rejects.toMatchObject({ messageKey: "error.emailTaken", field: "email" });
    expect(await db.auditEvent.count({ where: { action: "user.create", targetId: created.id } })).toBe(1);
  });

  it("disabling a user ends all their sessions; an admin cannot disable themselves", async () => {
    const admin = await actorFor(await makeUser({ role: "ADMIN" }));
    const user = await makeUser();
    await db.session.create({ data: { id: uid("s"), userId: user.id, expiresAt: new Date(Date.now() + 3600_000) } });
    await setUserDisabled(admin, user.id, true);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).disabledAt).not.toBeNull();
    await expect(setUserDisabled(admin, admin.id, true)).rejects.toBeInstanceOf(CommandError);
  });

  it("sets roles, departments and who heads a department (one head per department)", async () => {
    const admin = await actorFor(await makeUser({ role: "ADMIN" }));
    const sales = await makeDepartment();
    const first = await makeUser();
    const second = await makeUser();
    await updateUser(admin, first.id, { name: first.name, role: "DEPARTMENT_HEAD", departmentId: sales.id, locale: "nl", headOfDepartment: true });
    expect((await db.department.findUniqueOrThrow({ where: { id: sales.id } })).headId).toBe(first.id);
    await updateUser(admin, second.id, { name: second.name, role: "DEPARTMENT_HEAD", departmentId: sales.id, locale: "en", headOfDepartment: true });
    expect((await db.department.findUniqueOrThrow({ where: { id: sales.id } })).headId).toBe(second.id);
    await updateUser(admin, second.id, { name: second.name, role: "EMPLOYEE", departmentId: sales.id, locale: "en", headOfDepartment: false });
    expect((await db.department.findUniqueOrThrow({ where: { id: sales.id } })).headId).toBeNull();
    await expect(
      updateUser(admin, second.id, { name: second.name, role: "EMPLOYEE", departmentId: null, locale: "en", headOfDepartment: true }),
    ).rejects.toMatchObject({ field: "headOfDepartment" });
  });
});
