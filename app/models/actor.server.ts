import { db } from "~/utils/db.server";
import type { Actor } from "~/policies/policies";
import type { SessionUser } from "~/utils/session.server";

/** The signed-in user with what the policies need: community memberships and the department they head. */
export async function loadActor(user: SessionUser): Promise<Actor> {
  const row = await db.user.findUnique({
    where: { id: user.id },
    select: { memberships: { select: { communityId: true } }, headOf: { select: { id: true } } },
  });
  return {
    id: user.id,
    role: user.role,
    departmentId: user.departmentId,
    communityIds: row?.memberships.map((m) => m.communityId) ?? [],
    headOfDepartmentId: row?.headOf?.id ?? null,
  };
}
