/**
 * The recognition forms' intents, limits and choices, without zod: what a page's component needs in the browser
 * (decision 0076). The zod schemas that check the posted forms against them are in recognition.ts.
 */

export const RECOGNITION_LIMITS = { thanksMax: 280, spotlightNoteMax: 280 } as const;

/** Line breaks are kept; other control characters (a pasted NUL, a bidi override) never reach a page or a mail. */
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

export const SPOTLIGHT_INTENT = { pin: "spotlight-pin", remove: "spotlight-remove" } as const;
