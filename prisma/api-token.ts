/**
 * npm run token -- create --email EMAIL --name NAME [--scopes notes:write,search:read] [--days 90]
 * npm run token -- list [--email EMAIL]
 * npm run token -- revoke ID
 *
 * The operator's way to make service tokens (for a service user created under Gebruikers) and to
 * revoke any token. `create` prints the secret alone on its last line; it is never shown again.
 */
import { parseArgs } from "node:util";
import { EnvError, getEnv } from "~/utils/env.server";

const USAGE = [
  "Usage: npm run token -- create --email EMAIL --name NAME [--scopes notes:write,search:read] [--days 90]",
  "       npm run token -- list [--email EMAIL]",
  "       npm run token -- revoke TOKEN_ID",
].join("\n");

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { email: { type: "string" }, name: { type: "string" }, scopes: { type: "string" }, days: { type: "string" } },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
    return 2;
  }
  const [command, ...rest] = args.positionals;
  try {
    getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const { db } = await import("~/utils/db.server");
  const { createApiToken, revokeApiToken } = await import("~/commands/manage-api-token.server");
  const { listAllApiTokens } = await import("~/models/api-token.server");
  const { ApiTokenFieldsSchema } = await import("~/schemas/api-token");
  const { DEFAULT_API_SCOPES } = await import("~/schemas/api-token.shared");
  const { CommandError } = await import("~/commands/errors");
  try {
    switch (command) {
      case "create": {
        if (rest.length || !args.values.email || !args.values.name) break;
        const fields = ApiTokenFieldsSchema.safeParse({ name: args.values.name, scopes: args.values.scopes ?? DEFAULT_API_SCOPES.join(","), expiresInDays: args.values.days });
        if (!fields.success) {
          console.error(fields.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
          return 1;
        }
        const owner = await db.user.findUnique({ where: { email: args.values.email.trim().toLowerCase() }, select: { id: true } });
        if (!owner) {
          console.error(`No user with the email ${args.values.email}.`);
          return 1;
        }
        const token = await createApiToken(null, { ownerId: owner.id, ...fields.data });
        console.log(`Token ${token.id} for ${args.values.email}, scopes ${fields.data.scopes.join(",")}, expires ${token.expiresAt.toISOString()}. Keep it secret; it is not shown again:`);
        console.log(token.secret);
        return 0;
      }
      case "list": {
        if (rest.length) break;
        const owner = args.values.email ? await db.user.findUnique({ where: { email: args.values.email.trim().toLowerCase() }, select: { id: true } }) : null;
        if (args.values.email && !owner) {
          console.error(`No user with the email ${args.values.email}.`);
          return 1;
        }
        const now = Date.now();
        for (const t of await listAllApiTokens(owner?.id)) {
          const state = t.revokedAt ? "revoked" : t.expiresAt.getTime() <= now ? "expired" : "active";
          console.log([t.id, t.user.email, JSON.stringify(t.name), `${t.prefix}…`, t.scopes.replace(/ /g, ","), state, `expires ${t.expiresAt.toISOString()}`, `last used ${t.lastUsedAt?.toISOString() ?? "never"}`].join("\t"));
        }
        return 0;
      }
      case "revoke": {
        if (rest.length !== 1) break;
        await revokeApiToken(null, rest[0]);
        console.log(`Token ${rest[0]} revoked.`);
        return 0;
      }
    }
    console.error(USAGE);
    return 2;
  } catch (error) {
    if (error instanceof CommandError) {
      console.error(`Refused: ${error.messageKey}`);
      return 1;
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
