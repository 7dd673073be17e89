import { canManageUsers, type Actor } from "~/policies/policies";
import type { Locale, Role } from "~/schemas/enums";
import { CommandError } from "./errors";
import { runCommand } from "./runner.server";
import { hashPassword } from "./log-in.server";

/**
 * The password hash of a person created without a password (the roll-out's import, single sign-on):
 * empty, which logIn compares as it does an unknown address (same time, always refused). They sign in
 * through single sign-on, which links the account by its verified address.
 */
export const NO_PASSWORD_HASH = "";

function assertAdmin(actor: Actor) {
  if (!canManageUsers(actor)) throw CommandError.forbidden();
}

export async function createUser(
  actor: Actor,
  input: { name: string; email: string; password: string; role: Role; departmentId: string | null; locale: Locale },
) {
  assertAdmin(actor);
  const passwordHash = await hashPassword(input.password);
  return runCommand(actor, async ({ tx, audit }) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw CommandError.invalid("error.emailTaken", "email");
    }
    if (input.departmentId && !(await tx.department.findUnique({ where: { id: input.departmentId }, select: { id: true } }))) {
      throw CommandError.invalid("error.invalid", "departmentId");
    }
    const user = await tx.user.create({
      data: { name: input.name, email: input.email, passwordHash, role: input.role, departmentId: input.departmentId, locale: input.locale },
      select: { id: true },
    });
    await audit({ action: "user.create", targetType: "user", targetId: user.id, details: { role: input.role } });
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
  await runCommand(actor, async ({ tx, audit }) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true, departmentId: true } });
    if (!before) throw CommandError.notFound();
    if (input.departmentId && !(await tx.department.findUnique({ where: { id: input.departmentId }, select: { id: true } }))) {
      throw CommandError.invalid("error.invalid", "departmentId");
    }
    if (headOfDepartment && !data.departmentId) throw CommandError.invalid("users.headNeedsDepartment", "headOfDepartment");
    await tx.user.update({ where: { id: userId }, data });
    // A user heads at most one department: their own. Unset elsewhere, set (replacing the old head) here.
    await tx.department.updateMany({
      where: headOfDepartment ? { headId: userId, id: { not: data.departmentId! } } : { headId: userId },
      data: { headId: null },
    });
    if (headOfDepartment) await tx.department.update({ where: { id: data.departmentId! }, data: { headId: userId } });
    // A new role is a new session: whatever was signed in under the old one ends, and the person signs
    // in again under a fresh session id (docs/decisions/0045).
    if (before.role !== data.role) await tx.session.deleteMany({ where: { userId } });
    await audit({
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
  if (disabled && userId === actor.id) throw CommandError.invalid("users.cannotDisableSelf");
  await runCommand(actor, async ({ tx, audit }) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw CommandError.notFound();
    await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } });
    if (disabled) await tx.session.deleteMany({ where: { userId } });
    await audit({ action: disabled ? "user.disable" : "user.enable", targetType: "user", targetId: userId });
  });
}

/** A user's own choice of language: the user is the actor. */
export async function setLocale(userId: string, locale: Locale) {
  await runCommand({ id: userId }, async ({ tx, audit }) => {
    await tx.user.update({ where: { id: userId }, data: { locale } });
    await audit({ action: "user.locale", targetType: "user", targetId: userId, details: { locale } });
  });
}
