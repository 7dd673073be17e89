import { db } from "~/utils/db.server";

export async function findUserForLogin(email: string) {
  return db.user.findUnique({
    where: { email },
    select: { id: true, email: true, role: true, passwordHash: true, disabledAt: true },
  });
}

export async function listUsers() {
  return db.user.findMany({
    orderBy: [{ disabledAt: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      locale: true,
      disabledAt: true,
      department: { select: { id: true, name: true } },
    },
  });
}

export async function getUserForAdmin(id: string) {
  return db.user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, role: true, locale: true, disabledAt: true, departmentId: true, headOf: { select: { id: true } } },
  });
}

/** Active users to choose from, e.g. as the leads of a new community. */
export async function listActiveUserChoices() {
  return db.user.findMany({ where: { disabledAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } });
}
