import { db } from "~/utils/db.server";

export type SessionRow = {
  expiresAt: Date;
  id: string;
  email: string;
  name: string;
  role: string;
  locale: string;
  departmentId: string | null;
  disabledAt: Date | null;
  communityIds: string[];
  headOfDepartmentId: string | null;
};

/**
 * The session with its user, memberships and headship: read on every request, so two plain SQL
 * queries (portable to PostgreSQL: quoted identifiers, no dialect functions) instead of Prisma's
 * nested select, which costs ~1 ms more per request (docs/benchmarks.md).
 */
export async function findSessionUser(sessionId: string): Promise<SessionRow | null> {
  const rows = await db.$queryRaw<Omit<SessionRow, "communityIds" | "headOfDepartmentId">[]>`
    SELECT s."expiresAt", u."id", u."email", u."name", u."role", u."locale", u."departmentId", u."disabledAt"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${sessionId}`;
  const row = rows[0];
  if (!row) return null;
  const refs = await db.$queryRaw<{ kind: string; ref: string }[]>`
    SELECT 'm' AS "kind", "communityId" AS "ref" FROM "Membership" WHERE "userId" = ${row.id}
    UNION ALL
    SELECT 'h' AS "kind", "id" AS "ref" FROM "Department" WHERE "headId" = ${row.id}`;
  return {
    ...row,
    expiresAt: new Date(row.expiresAt),
    disabledAt: row.disabledAt ? new Date(row.disabledAt) : null,
    communityIds: refs.filter((r) => r.kind === "m").map((r) => r.ref),
    headOfDepartmentId: refs.find((r) => r.kind === "h")?.ref ?? null,
  };
}

export async function deleteSession(sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}
