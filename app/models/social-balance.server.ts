/**
 * The social-balance export's request: who may have which department's figures for which year. A head
 * gets their department; an admin one department or, without `department`, all of them with a total.
 */
import { isAdmin, type Actor } from "~/policies/policies";
import { authorize } from "~/utils/http.server";
import { SocialBalanceQuerySchema } from "~/schemas/learning";
import { learningYear } from "~/schemas/learning.shared";
import { learningFigures } from "./learning.server";
import { requireLearningDepartment } from "./learning-access.server";

export async function socialBalanceFor(actor: Actor, url: URL) {
  // Who may have no department's figures at all is refused before the query is even read.
  authorize(isAdmin(actor) || actor.headOfDepartmentId !== null);
  const query = SocialBalanceQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) throw new Response("Bad Request", { status: 400 });
  const year = learningYear(query.data.year ?? null);
  const everyDepartment = isAdmin(actor) && !query.data.department;
  const departmentId = everyDepartment ? null : (await requireLearningDepartment(actor, query.data.department ?? null)).department.id;
  const figures = await learningFigures({ year, departmentId });
  return { year, sep: query.data.sep, departments: figures.departments, slug: departmentId ?? "all" };
}
