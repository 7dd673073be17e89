/**
 * The user forms' intents, limits and choices, without zod: what a page's component needs in the browser
 * (decision 0076). The zod schemas that check the posted forms against them are in user.ts.
 */

export const EMAIL_MAX = 254;

export const PASSWORD_MIN = 10;

export const PASSWORD_MAX = 200;

/** The forms of a user's admin page, told apart by `intent`. */
export const USER_INTENT = { update: "update", disable: "disable", enable: "enable" } as const;
