import { createHash, randomBytes } from "node:crypto";
import { Prisma } from "@prisma/client";
import { db } from "~/utils/db.server";
import { API_TOKEN_PREFIX } from "~/schemas/api-token.shared";
import { chunks } from "~/utils/chunks";
import { keptReads } from "~/utils/kept-reads.server";
import { memberAndHeadOf } from "./session.server";

/** A new secret: the recognisable prefix and 32 random bytes. Only its hash is stored. */
export function newApiTokenSecret(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function hashApiToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** What a list shows to recognise a token: the prefix and four characters of the secret. */
export function apiTokenHint(secret: string): string {
  return secret.slice(0, API_TOKEN_PREFIX.length + 4);
}

export function splitScopes(scopes: string): string[] {
  return scopes.split(" ").filter(Boolean);
}

export type FoundApiToken = {
  id: string;
  userId: string;
  scopes: readonly string[];
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  user: { id: string; role: string; departmentId: string | null; disabledAt: Date | null; communityIds: readonly string[]; headOfDepartmentId: string | null };
};

/**
 * Token reads are kept in memory like session reads (app/models/session.server.ts): ApiToken is one of
 * SESSION_MODELS, so creating or revoking a token, and any change to its owner, drops them in every app
 * process and server; no kept read outlives SESSION_CACHE_MS. "Last used" is written by plain SQL and
 * is not part of what is kept (see recordApiTokenUse). Keyed by the secret's hash, never the secret.
 */
const tokens = keptReads(readApiToken);

/** The token for a presented secret with what the policies need of its owner. */
export function findApiTokenBySecret(secret: string): Promise<FoundApiToken | null> {
  return tokens.get(hashApiToken(secret));
}

/** Two plain SQL queries, portable to PostgreSQL, as for a session: Prisma's nested select costs more per request. */
async function readApiToken(hash: string): Promise<FoundApiToken | null> {
  type Row = { id: string; userId: string; scopes: string; expiresAt: Date | string; revokedAt: Date | string | null; lastUsedAt: Date | string | null; role: string; departmentId: string | null; disabledAt: Date | string | null };
  const rows = await db.$queryRaw<Row[]>`
    SELECT t."id", t."userId", t."scopes", t."expiresAt", t."revokedAt", t."lastUsedAt", u."role", u."departmentId", u."disabledAt"
    FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
    WHERE t."tokenHash" = ${hash}`;
  const row = rows[0];
  if (!row) return null;
  const { communityIds, headOfDepartmentId } = await memberAndHeadOf(row.userId);
  const date = (value: Date | string | null) => (value === null ? null : new Date(value));
  return Object.freeze({
    id: row.id,
    userId: row.userId,
    scopes: Object.freeze(splitScopes(row.scopes)),
    expiresAt: new Date(row.expiresAt),
    revokedAt: date(row.revokedAt),
    lastUsedAt: date(row.lastUsedAt),
    user: Object.freeze({
      id: row.userId,
      role: row.role,
      departmentId: row.departmentId,
      disabledAt: date(row.disabledAt),
      communityIds: Object.freeze(communityIds),
      headOfDepartmentId,
    }),
  });
}

/** A person's tokens for the settings page, newest first; revoked ones stay listed for the record. */
export async function listApiTokens(userId: string) {
  const rows = await db.apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { name: true } }, createdById: true },
  });
  return rows.map(({ createdBy, createdById, ...row }) => ({ ...row, scopes: splitScopes(row.scopes), createdByOther: createdById !== null && createdById !== userId ? (createdBy?.name ?? null) : null }));
}

/** Every token of every user, for the terminal's `list`. */
export async function listAllApiTokens(userId?: string) {
  return db.apiToken.findMany({
    where: userId ? { userId } : {},
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, scopes: true, expiresAt: true, lastUsedAt: true, revokedAt: true, user: { select: { email: true } } },
  });
}

const LAST_USED_RESOLUTION_MS = 60_000;

/** How long uses wait before they are written together. */
export const USE_FLUSH_MS = 500;

type Use = { tokenId: string; method: string; path: string; status: number; createdAt: Date };
let pendingUses: Use[] = [];
/** Per token, the first use since "last used" was written, if that is more than the resolution ago. */
const lastUsedDue = new Map<string, Date>();
/** Per token, the "last used" this process last wrote: a kept token read (findApiTokenBySecret) does not see it. */
const lastUsedWritten = new Map<string, number>();
let flushTimer: ReturnType<typeof setTimeout> | null = null;
let flushing: Promise<void> = Promise.resolve();

/**
 * One row per request (the audit of every use), and "last used" rewritten at most once a minute. The rows
 * wait in memory and are written together at most every USE_FLUSH_MS, in one transaction: a busy token
 * costs SQLite a couple of small write transactions a second instead of one per request, and no answer
 * waits for it. Uses not yet written when the process stops abruptly are lost (at most USE_FLUSH_MS).
 */
export function recordApiTokenUse(token: { id: string; lastUsedAt: Date | null }, use: { method: string; path: string; status: number }, now = new Date()): void {
  pendingUses.push({ tokenId: token.id, method: use.method, path: use.path.slice(0, 300), status: use.status, createdAt: now });
  const known = Math.max(token.lastUsedAt?.getTime() ?? -Infinity, lastUsedWritten.get(token.id) ?? -Infinity);
  if (now.getTime() - known >= LAST_USED_RESOLUTION_MS && !lastUsedDue.has(token.id)) lastUsedDue.set(token.id, now);
  flushTimer ??= setTimeout(() => void flushApiTokenUses(), USE_FLUSH_MS);
  flushTimer.unref?.();
}

/** Writes the waiting uses; resolves when written (a failure is logged, not thrown). */
export function flushApiTokenUses(): Promise<void> {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = null;
  flushing = flushing.then(async () => {
    const uses = pendingUses;
    const due = [...lastUsedDue];
    pendingUses = [];
    lastUsedDue.clear();
    if (uses.length === 0 && due.length === 0) return;
    try {
      await db.$transaction(async (tx) => {
        // Plain SQL here too: Prisma compiles a createMany anew for every number of rows (~10 ms for a few dozen).
        for (const part of chunks(uses, 200)) {
          const rows = part.map((u) => Prisma.sql`(${u.tokenId}, ${u.method}, ${u.path}, ${u.status}, ${u.createdAt})`);
          await tx.$executeRaw`INSERT INTO "ApiTokenUse" ("tokenId", "method", "path", "status", "createdAt") VALUES ${Prisma.join(rows)}`;
        }
        // Plain SQL, not a model write: "last used" is not part of a kept token read, so it must not drop them all.
        for (const [tokenId, at] of due) {
          await tx.$executeRaw`UPDATE "ApiToken" SET "lastUsedAt" = ${at}
            WHERE "id" = ${tokenId} AND ("lastUsedAt" IS NULL OR "lastUsedAt" < ${new Date(at.getTime() - LAST_USED_RESOLUTION_MS)})`;
        }
      });
      const stale = Date.now() - LAST_USED_RESOLUTION_MS;
      for (const [tokenId, at] of lastUsedWritten) if (at < stale) lastUsedWritten.delete(tokenId);
      for (const [tokenId, at] of due) lastUsedWritten.set(tokenId, at.getTime());
    } catch (error) {
      console.error(`[api] could not record ${uses.length} token uses`, error);
    }
  });
  return flushing;
}

export async function countApiTokenUses(tokenId: string) {
  return db.apiTokenUse.count({ where: { tokenId } });
}
