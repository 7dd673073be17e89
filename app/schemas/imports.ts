/**
 * The roll-out's import pages (users from a CSV, the knowledge base from JSON Lines): their limits and
 * their forms. Both check a file first and import on a confirmation that carries the checked content.
 */
import { z } from "zod";
import { USER_IMPORT_LIMITS, KB_IMPORT_LIMITS, IMPORT_INTENT } from "./imports.shared";

function importSchema(maxBytes: number) {
  return z.discriminatedUnion("intent", [
    z.object({ intent: z.literal(IMPORT_INTENT.check) }),
    z.object({ intent: z.literal(IMPORT_INTENT.import), content: z.string().min(1).max(maxBytes) }),
  ]);
}

export const UserImportSchema = importSchema(USER_IMPORT_LIMITS.maxBytes);

export const KbImportSchema = importSchema(KB_IMPORT_LIMITS.maxBytes);
