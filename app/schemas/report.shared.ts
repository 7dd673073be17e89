/**
 * The report forms' intents, limits and choices, without zod: what a page's component needs in the browser
 * (decision 0076). The zod schemas that check the posted forms against them are in report.ts.
 */

export const REPORT_LIMITS = { highlightsMax: 5, highlightMax: 200, commentMax: 2000, periodDaysMax: 366 } as const;

/** The forms of a report's page, told apart by `intent` (draft: save or submit; review: comment or acknowledge). */
export const REPORT_INTENT = { save: "save", submit: "submit", discard: "discard", comment: "comment", acknowledge: "acknowledge" } as const;

export const REPORT_STATES = ["DRAFT", "SUBMITTED", "ACKNOWLEDGED"] as const;

export type ReportState = (typeof REPORT_STATES)[number];
