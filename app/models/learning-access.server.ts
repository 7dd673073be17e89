/**
 * Which department's learning a request is about: the one the actor heads, or for an admin the one
 * asked for (the first by default). 403 for everybody else.
 */
import { db } from "~/utils/db.server";
import { canViewDepartmentLearning, isAdmin, type Actor } from "~/policies/policies";
import { authorize } from "~/utils/http.server";
import { listDepartments } from "./department.server";

export async function requireLearningDepartment(actor: Actor, asked: string | null) {
  // A head asking for another department's figures is refused, not quietly shown their own.
  authorize(isAdmin(actor) || !asked || asked === actor.headOfDepartmentId);
  const departments = isAdmin(actor) ? await listDepartments() : [];
  const departmentId = isAdmin(actor) ? (asked && departments.some((d) => d.id === asked) ? asked : (departments[0]?.id ?? null)) : actor.headOfDepartmentId;
  authorize(departmentId !== null && canViewDepartmentLearning(actor, departmentId));
  const department = await db.department.findUnique({ where: { id: departmentId! }, select: { id: true, name: true } });
  authorize(department !== null);
  return { departments, department: department! };
}

/** The slugs of a department's communities, to link its rows. */
export async function communitySlugs(departmentId: string): Promise<Record<string, string>> {
  const rows = await db.community.findMany({ where: { departmentId }, select: { id: true, slug: true } });
  return Object.fromEntries(rows.map((c) => [c.id, c.slug]));
}
