import { addDays } from "~/utils/dates";
import { apiTokenHint, hashApiToken, newApiTokenSecret } from "~/models/api-token.server";
import { canCreateApiTokenFor, canRevokeApiToken, type Actor } from "~/policies/policies";
import { API_TOKEN_LIMITS, type ApiScope } from "~/schemas/api-token.shared";
import { CommandError } from "./errors";
import { runCommand } from "./runner.server";

/** Who makes the token: a signed-in person, or null for the operator at the terminal (`npm run token`). */
type TokenActor = Pick<Actor, "id" | "role"> | null;

export type CreateApiTokenInput = { ownerId: string; name: string; scopes: ApiScope[]; expiresInDays: number };

/**
 * A new token for its owner. The secret is returned once and never stored: only its SHA-256.
 * When an admin (or the terminal) makes it for someone else it is a service token, and
 * createdById says who made it.
 */
export async function createApiToken(actor: TokenActor, input: CreateApiTokenInput, now = new Date()) {
  return runCommand(actor, async ({ tx, audit }) => {
    const owner = await tx.user.findUnique({ where: { id: input.ownerId }, select: { id: true, disabledAt: true } });
    if (!owner) throw CommandError.notFound();
    if (actor && !canCreateApiTokenFor(actor, owner)) throw CommandError.forbidden();
    if (owner.disabledAt) throw CommandError.invalid("error.apiToken.disabled");
    if (input.expiresInDays < 1 || input.expiresInDays > API_TOKEN_LIMITS.maxDays) throw CommandError.invalid("error.apiToken.days", "expiresInDays");
    const active = await tx.apiToken.count({ where: { userId: owner.id, revokedAt: null, expiresAt: { gt: now } } });
    if (active >= API_TOKEN_LIMITS.activeMax) throw CommandError.conflict("error.apiToken.tooMany");
    const secret = newApiTokenSecret();
    const token = await tx.apiToken.create({
      data: {
        userId: owner.id,
        createdById: actor?.id ?? null,
        name: input.name,
        tokenHash: hashApiToken(secret),
        prefix: apiTokenHint(secret),
        scopes: input.scopes.join(" "),
        createdAt: now,
        expiresAt: addDays(now, input.expiresInDays),
      },
      select: { id: true, expiresAt: true },
    });
    await audit({ action: "apiToken.create", targetType: "apiToken", targetId: token.id, details: { ownerId: owner.id, name: input.name, scopes: input.scopes, expiresAt: token.expiresAt.toISOString() } });
    return { id: token.id, secret, expiresAt: token.expiresAt };
  });
}

/** Revoked at once: the next request with it answers 401. */
export async function revokeApiToken(actor: TokenActor, tokenId: string, now = new Date()) {
  return runCommand(actor, async ({ tx, audit }) => {
    const token = await tx.apiToken.findUnique({ where: { id: tokenId }, select: { id: true, userId: true, revokedAt: true } });
    if (!token || (actor && !canRevokeApiToken(actor, token))) throw CommandError.notFound();
    if (token.revokedAt) throw CommandError.conflict("error.apiToken.revoked");
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: now } });
    await audit({ action: "apiToken.revoke", targetType: "apiToken", targetId: token.id, details: { ownerId: token.userId } });
  });
}
