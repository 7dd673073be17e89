import { createHash, randomBytes } from "node:crypto";
import { db } from "~/utils/db.server";
import { API_TOKEN_PREFIX } from "~/schemas/api-token";
import { chunks } from "~/utils/chunks";

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

/** The token for a presented secret with what the policies need of its owner, in one query. */
export async function findApiTokenBySecret(secret: string) {
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(secret) },
    select: {
      id: true,
      userId: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: {
        select: {
          id: true,
          role: true,
          departmentId: true,
          disabledAt: true,
          memberships: { select: { communityId: true } },
          headOf: { select: { id: true } },
        },
      },
    },
  });
  return row ? { ...row, scopes: splitScopes(row.scopes) } : null;
}

export type FoundApiToken = NonNullable<Awaited<ReturnType<typeof findApiTokenBySecret>>>;

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
  if ((!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) && !lastUsedDue.has(token.id)) lastUsedDue.set(token.id, now);
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
        for (const part of chunks(uses)) await tx.apiTokenUse.createMany({ data: part });
        for (const [tokenId, at] of due) {
          await tx.apiToken.updateMany({
            where: { id: tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(at.getTime() - LAST_USED_RESOLUTION_MS) } }] },
            data: { lastUsedAt: at },
          });
        }
      });
    } catch (error) {
      console.error(`[api] could not record ${uses.length} token uses`, error);
    }
  });
  return flushing;
}

export async function countApiTokenUses(tokenId: string) {
  return db.apiTokenUse.count({ where: { tokenId } });
}
