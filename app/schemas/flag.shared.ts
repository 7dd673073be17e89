/**
 * The flag forms' intents, limits and choices, without zod: what a page's component needs in the browser
 * (decision 0076). The zod schemas that check the posted forms against them are in flag.ts.
 */

/** Why a reader flags an entry. WRONG and OTHER need a comment: the knowledge manager must know what to check. */
export const FLAG_REASONS = ["OUTDATED", "WRONG", "UNCLEAR", "DUPLICATE", "OTHER"] as const;

export type FlagReason = (typeof FLAG_REASONS)[number];

export const REASONS_NEEDING_COMMENT: readonly FlagReason[] = ["WRONG", "OTHER"];

/**
 * A flag is OPEN until the knowledge manager fixes the entry (FIXED, by an edit), decides that no change is
 * needed (NO_CHANGE, with the reason) or archives the entry (ARCHIVED); or until its flagger takes it back
 * (WITHDRAWN). Only an open flag counts for the one-open-flag-per-person rule.
 */
export const FLAG_STATES = ["OPEN", "FIXED", "NO_CHANGE", "ARCHIVED", "WITHDRAWN"] as const;

export type FlagState = (typeof FLAG_STATES)[number];

export const FLAG_LIMITS = { commentMax: 2000, resolutionMax: 1000 } as const;

export const ID = /^[a-z0-9]{10,40}$/;

/** The knowledge manager's page of an entry's flags: close one with the reason no change is needed. */
export const FLAG_INTENT = { noChange: "flag-no-change" } as const;

/** The flagger's own list: take back an open flag. */
export const MY_FLAG_INTENT = { withdraw: "flag-withdraw" } as const;
