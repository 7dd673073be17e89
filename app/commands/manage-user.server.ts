import { db } from "~/utils/db.server";
import { writeAudit } from "~/models/audit.server";
import { canManageUsers, type Actor } from "~/policies/policies";
import type { Locale, Role } from "~/schemas/enums";
import { CommandError } from "./errors";
import { hashPassword } from "./log-in.server";

function assertAdmin(actor: Actor) {
  if (!canManageUsers(actor)) throw new CommandError("error.forbidden.body", "_form", 403);
}

export async function createUser(
  actor: Actor,
  input: { name: string; email: string; password: string; role: Role; departmentId: string | null; locale: Locale },
) {
  assertAdmin(actor);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new CommandError("error.emailTaken", "email");
    }
    if (input.departmentId && !(await tx.department.findUnique({ where: { id: input.departmentId }, select: { id: true } }))) {
      throw new CommandError("error.invalid", "departmentId");
    }
    const user = await tx.user.create({
      data: { name: input.name, email: input.email, passwordHash, role: input.role, departmentId: input.departmentId, locale: input.locale },
      select: { id: true },
    });
    await writeAudit(tx, { actorId: actor.id, action: "user.create", targetType: "user", targetId: user.id, details: { role: input.role } });
    return user;
  });
}

export async function updateUser(
  actor: Actor,
  userId: string,
  input: { name: string; role: Role; departmentId: string | null; locale: Locale; headOfDepartment?: boolean },
) {
  assertAdmin(actor);
  const { headOfDepartment = false, ...data } = input;
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true, departmentId: true } });
    if (!before) throw new CommandError("error.notFound.body", "_form", 404);
    if (input.departmentId && !(await tx.department.findUnique({ where: { id: input.departmentId }, select: { id: true } }))) {
      throw new CommandError("error.invalid", "departmentId");
    }
    if (headOfDepartment && !data.departmentId) throw new CommandError("users.headNeedsDepartment", "headOfDepartment");
    await tx.user.update({ where: { id: userId }, data });
    // A user heads at most one department: their own. Unset elsewhere, set (replacing the old head) here.
    await tx.department.updateMany({
      where: headOfDepartment ? { headId: userId, id: { not: data.departmentId! } } : { headId: userId },
      data: { headId: null },
    });
    if (headOfDepartment) await tx.department.update({ where: { id: data.departmentId! }, data: { headId: userId } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "user.update",
      targetType: "user",
      targetId: userId,
      details: { from: before, to: { role: data.role, departmentId: data.departmentId, headOfDepartment } },
    });
  });
}

/** Disabling a user ends all their sessions at once. */
export async function setUserDisabled(actor: Actor, userId: string, disabled: boolean) {
  assertAdmin(actor);
  if (disabled && userId === actor.id) throw new CommandError("users.cannotDisableSelf");
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw new CommandError("error.notFound.body", "_form", 404);
    await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } });
    if (disabled) await tx.session.deleteMany({ where: { userId } });
    await writeAudit(tx, { actorId: actor.id, action: disabled ? "user.disable" : "user.enable", targetType: "user", targetId: userId });
  });
}

export async function setLocale(userId: string, locale: Locale) {
  await db.user.update({ where: { id: userId }, data: { locale } });
}
