/**
 * Kept session reads (app/models/session.server.ts) hold what a signed-in user may do: the session,
 * the user, their memberships and headship. A committed write to one of the models below drops them
 * all; a rolled-back one does not (docs/decisions/0025). A new model that a session is read from
 * belongs in SESSION_MODELS.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Prisma, PrismaClient } from "@prisma/client";

/** The models a session's read comes from. Community is here because deleting one removes memberships by cascade. */
export const SESSION_MODELS = ["User", "Session", "Membership", "Department", "Community"] as const satisfies readonly Prisma.ModelName[];

const WRITES = new Set([
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
]);

declare global {
  // Shared by the Remix build and the server's own modules, which are separate copies of this file.
  var __gildeSessionReadsVersion: number | undefined;
}

/** Moves whenever kept session reads must be dropped; a kept read is valid while it stands still. */
export function sessionReadsVersion(): number {
  return globalThis.__gildeSessionReadsVersion ?? 0;
}

/** Drops every kept session read in this process. */
export function invalidateSessionReads(): void {
  globalThis.__gildeSessionReadsVersion = sessionReadsVersion() + 1;
}

/** The transaction a query runs in, if any: its writes count when it commits. */
type TransactionScope = { open: boolean; touchesSessions: boolean };
const transactions = new AsyncLocalStorage<TransactionScope>();

function afterWrite(model: string | undefined, operation: string) {
  if (!model || !(SESSION_MODELS as readonly string[]).includes(model) || !WRITES.has(operation)) return;
  const scope = transactions.getStore();
  // A write started from inside a transaction's callback but finishing after it (a timer) counts at once.
  if (scope?.open) scope.touchesSessions = true;
  else invalidateSessionReads();
}

/**
 * The client with the invalidation: writes to SESSION_MODELS outside a transaction invalidate once
 * they have run; inside one (interactive or batch) they invalidate when it commits, so no reader can
 * keep rows from before the commit past it. Raw SQL is not seen: none writes these tables.
 */
export function withSessionReadInvalidation(client: PrismaClient): PrismaClient {
  const watched = client.$extends({
    name: "session-read-invalidation",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const result = await query(args);
          afterWrite(model, operation);
          return result;
        },
      },
    },
  });
  const transaction = watched.$transaction.bind(watched) as (...args: unknown[]) => Promise<unknown>;
  const extended = watched.$extends({
    name: "session-read-transactions",
    client: {
      async $transaction(...args: unknown[]) {
        const scope: TransactionScope = { open: true, touchesSessions: false };
        try {
          const result = await transactions.run(scope, () => transaction(...args));
          if (scope.touchesSessions) invalidateSessionReads();
          return result;
        } finally {
          scope.open = false;
        }
      },
    },
  });
  // Query hooks and a wrapped $transaction change no types: the client keeps PrismaClient's.
  return extended as unknown as PrismaClient;
}
