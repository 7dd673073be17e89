import bcrypt from "bcryptjs";
import { db } from "~/utils/db.server";
import { findUserForLogin } from "~/models/user.server";

export const LOGIN_WINDOW_MS = 60_000;
export const LOGIN_MAX_FAILURES = 10;
export const BCRYPT_COST = 10;

// Compared against when the email is unknown, so timing does not reveal which accounts exist.
const DUMMY_HASH = bcrypt.hashSync("gilde-dummy-password", BCRYPT_COST);

export type LogInResult = { status: "ok"; userId: string } | { status: "invalid" } | { status: "rate_limited" };

/** Checks a password; after 10 failures for one account within a minute, further attempts are refused. */
export async function logIn(email: string, password: string): Promise<LogInResult> {
  const since = new Date(Date.now() - LOGIN_WINDOW_MS);
  const failures = await db.loginAttempt.count({ where: { email, succeeded: false, createdAt: { gte: since } } });
  if (failures >= LOGIN_MAX_FAILURES) return { status: "rate_limited" };

  const user = await findUserForLogin(email);
  const valid = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  const ok = Boolean(user && valid && !user.disabledAt);
  await db.loginAttempt.create({ data: { email, succeeded: ok } });
  // Old attempts are of no use: keep the table small.
  await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - 24 * 3600_000) } } });
  return ok && user ? { status: "ok", userId: user.id } : { status: "invalid" };
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}
