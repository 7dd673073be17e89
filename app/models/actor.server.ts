import { db } from "~/utils/db.server";
import type { Actor } from "~/policies/policies";
import type { SessionUser } from "~/utils/session.server";

/** The signed-in user as the policies see them (memberships and headship come with the session). */
export function actorFromSession(user: SessionUser): Actor {
  return {
    id: user.id,
    role: user.role,
    departmentId: user.departmentId,
    communityIds: user.communityIds,
    headOfDepartmentId: user.headOfDepartmentId,
  };
}

/** The same for a user without a session (tests, scripts). */
export async function loadActor(user: Pick<SessionUser, "id" | "role" | "departmentId">): Promise<Actor> {
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
