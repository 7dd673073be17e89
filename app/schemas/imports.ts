/**
 * The roll-out's import pages (users from a CSV, the knowledge base from JSON Lines): their limits and
 * their forms. Both check a file first and import on a confirmation that carries the checked content.
 */
import { z } from "zod";

export const USER_IMPORT_LIMITS = {
  /** Far above a roll-out's list (a few hundred people take a few dozen KB), far below what hurts a request. */
  maxBytes: 512 * 1024,
  maxRows: 5000,
  /** A cell longer than any address or name; longer ones are shown cut. */
  cellMax: 254,
} as const;

export const KB_IMPORT_LIMITS = {
  /** A knowledge base of a few thousand entries; the terminal (npm run kb:import) takes larger files. */
  maxBytes: 4 * 1024 * 1024,
} as const;

/** The intents of both import pages: check a file (nothing is written), or import what was checked. */
export const IMPORT_INTENT = { check: "check", import: "import" } as const;

function importSchema(maxBytes: number) {
  return z.discriminatedUnion("intent", [
    z.object({ intent: z.literal(IMPORT_INTENT.check) }),
    z.object({ intent: z.literal(IMPORT_INTENT.import), content: z.string().min(1).max(maxBytes) }),
  ]);
}

export const UserImportSchema = importSchema(USER_IMPORT_LIMITS.maxBytes);
export const KbImportSchema = importSchema(KB_IMPORT_LIMITS.maxBytes);
