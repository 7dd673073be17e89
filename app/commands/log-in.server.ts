import bcrypt from "bcryptjs";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { findUserForLogin } from "~/models/user.server";
import { runCommand } from "./runner.server";

export const LOGIN_WINDOW_MS = 60_000;
export const LOGIN_MAX_FAILURES = 10;
export const BCRYPT_COST = 10;

// Compared against when the email is unknown, so timing does not reveal which accounts exist.
const DUMMY_HASH = bcrypt.hashSync("gilde-dummy-password", BCRYPT_COST);

export type LogInResult = { status: "ok"; userId: string } | { status: "invalid" } | { status: "rate_limited" } | { status: "password_off" };

/**
 * Checks a password; after 10 failures for one account within a minute, further attempts are refused.
 * With PASSWORD_LOGIN=off only the break-glass admin (BREAK_GLASS_EMAIL, an enabled ADMIN) gets in
 * this way, and every other outcome, a wrong password of that account too, gets the same answer: the
 * answer never tells which address is the break-glass one (docs/decisions/0058).
 */
export async function logIn(email: string, password: string): Promise<LogInResult> {
  const since = new Date(Date.now() - LOGIN_WINDOW_MS);
  const failures = await db.loginAttempt.count({ where: { email, succeeded: false, createdAt: { gte: since } } });
  if (failures >= LOGIN_MAX_FAILURES) return { status: "rate_limited" };

  const env = getEnv();
  const user = await findUserForLogin(email);
  // An account made by single sign-on has no password hash: it compares as the dummy does, and fails.
  const hash = user?.passwordHash || DUMMY_HASH;
  const valid = (await bcrypt.compare(password, hash)) && hash !== DUMMY_HASH;
  const passwordOff = env.PASSWORD_LOGIN === "off";
  const allowed = !passwordOff || (user?.email === env.BREAK_GLASS_EMAIL && user?.role === "ADMIN");
  const ok = Boolean(user && valid && !user.disabledAt && allowed);
  await db.loginAttempt.create({ data: { email, succeeded: ok } });
  // Old attempts are of no use: keep the table small.
  await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - 24 * 3600_000) } } });
  if (!ok || !user) return { status: passwordOff ? "password_off" : "invalid" };
  await runCommand({ id: user.id }, ({ audit }) => audit({ action: "user.signIn", targetType: "user", targetId: user.id, details: { method: "password" } }));
  return { status: "ok", userId: user.id };
}

/** The end of a session at logout, in the audit log beside its start. */
export async function recordSignOut(userId: string, method: "password" | "sso") {
  await runCommand({ id: userId }, ({ audit }) => audit({ action: "user.signOut", targetType: "user", targetId: userId, details: { method } }));
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}
