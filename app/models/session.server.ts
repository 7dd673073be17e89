import { db, quickSelect } from "~/utils/db.server";
import { keptReads } from "~/utils/kept-reads.server";

export type SessionRow = {
  expiresAt: Date;
  /** The last request seen with this session (the sign-in, for a session older than the column). */
  lastSeenAt: Date;
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
 * Session reads are kept in memory (keptReads) while nothing they come from has changed: every committed
 * write to SESSION_MODELS (User, Session, Membership, Department, Community, ApiToken) drops them all at once — in this
 * process through sessionReadsVersion, in every other app process and server through the shared
 * version in the database, which each request reads (shared between concurrent requests) before it
 * trusts a kept read (app/utils/session-reads.server.ts, docs/decisions/0025 and 0052). An entry never
 * outlives SESSION_CACHE_MS (5 s), which bounds what a write the app does not see (raw SQL from
 * another tool) can leave stale; 0 turns keeping off. Expiry is checked on every request by the
 * caller, so a kept read never stretches a session's lifetime.
 */
const sessions = keptReads(async (sessionId) => {
  const row = await readSessionUser(sessionId);
  if (row) Object.freeze(row.communityIds);
  return row ? Object.freeze(row) : null;
});

export function findSessionUser(sessionId: string): Promise<SessionRow | null> {
  return sessions.get(sessionId);
}

/**
 * The session with its user, memberships and headship: read on every request, so two plain SQL
 * queries (portable to PostgreSQL: quoted identifiers, no dialect functions) instead of Prisma's
 * nested select, which costs ~1 ms more per request (docs/benchmarks.md); past Prisma's engine (docs/decisions/0077).
 */
async function readSessionUser(sessionId: string): Promise<SessionRow | null> {
  const rows = await quickSelect<Omit<SessionRow, "communityIds" | "headOfDepartmentId">[]>`
    SELECT s."expiresAt", coalesce(s."lastSeenAt", s."createdAt") AS "lastSeenAt", u."id", u."email", u."name", u."role", u."locale", u."departmentId", u."disabledAt"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${sessionId}`;
  const row = rows[0];
  if (!row) return null;
  return {
    ...row,
    expiresAt: new Date(row.expiresAt),
    lastSeenAt: new Date(row.lastSeenAt),
    disabledAt: row.disabledAt ? new Date(row.disabledAt) : null,
    ...(await memberAndHeadOf(row.id)),
  };
}

/** The communities a user belongs to and the department they head, in one plain query (a session's or a token's actor). */
export async function memberAndHeadOf(userId: string): Promise<{ communityIds: string[]; headOfDepartmentId: string | null }> {
  const refs = await quickSelect<{ kind: string; ref: string }[]>`
    SELECT 'm' AS "kind", "communityId" AS "ref" FROM "Membership" WHERE "userId" = ${userId}
    UNION ALL
    SELECT 'h' AS "kind", "id" AS "ref" FROM "Department" WHERE "headId" = ${userId}`;
  return { communityIds: refs.filter((r) => r.kind === "m").map((r) => r.ref), headOfDepartmentId: refs.find((r) => r.kind === "h")?.ref ?? null };
}

/**
 * Records that a session is in use. A plain statement, not a model write: when a session was last seen
 * is not part of what a kept read holds, so it must not drop every kept read (docs/decisions/0025).
 */
export async function touchSession(sessionId: string, at: Date): Promise<void> {
  await db.$executeRaw`UPDATE "Session" SET "lastSeenAt" = ${at} WHERE "id" = ${sessionId}`;
}

export async function deleteSession(sessionId: string): Promise<void> {
  sessions.drop(sessionId);
  await db.session.deleteMany({ where: { id: sessionId } });
}
