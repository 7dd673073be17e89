/**
 * The imports forms' intents, limits and choices, without zod: what a page's component needs in the browser
 * (decision 0076). The zod schemas that check the posted forms against them are in imports.ts.
 */

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
