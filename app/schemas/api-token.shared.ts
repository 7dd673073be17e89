/**
 * The api-token forms' intents, limits and choices, without zod: what a page's component needs in the browser
 * (decision 0076). The zod schemas that check the posted forms against them are in api-token.ts.
 */

/** What a token may be used for; each endpoint of /api/v1 needs one of these. */
export const API_SCOPES = ["notes:write", "notes:read", "search:read", "entries:read", "communities:read", "kb:read", "kb:write"] as const;

export type ApiScope = (typeof API_SCOPES)[number];

/** Without --scopes the terminal gives what a call-centre tool needs: write notes, search. */
export const DEFAULT_API_SCOPES: readonly ApiScope[] = ["notes:write", "search:read"];

export const API_TOKEN_LIMITS = {
  nameMax: 80,
  defaultDays: 90,
  maxDays: 365,
  /** Tokens a person holds at once that are neither revoked nor expired. */
  activeMax: 20,
} as const;

/** The choices of the settings page; the terminal accepts any number of days up to the maximum. */
export const API_TOKEN_DAY_CHOICES = [30, 90, 180, 365] as const;

/** Every secret starts with this, so secret scanners and people recognise one. */
export const API_TOKEN_PREFIX = "gilde_";

export const API_TOKEN_INTENT = { create: "create", revoke: "revoke" } as const;
