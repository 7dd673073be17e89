import { db } from "~/utils/db.server";

export async function listDepartments() {
  return db.department.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}
