/**
 * The entry forms' intents, limits and choices, without zod: what a page's component needs in the browser
 * (decision 0076). The zod schemas that check the posted forms against them are in entry.ts.
 */
import { addDays, isoDay } from "~/utils/dates";

/**
 * Fixing and retiring an entry. The title and tags follow the note's limits (an entry starts as a
 * note); the body is rich text read beside the schema (rich-text-form.ts), as for notes.
 */
export const ENTRY_LIMITS = {
  changeNoteMax: 300,
  archiveReasonMax: 500,
  /** A review date further away than this is no review date: nobody checks an entry in ten years. */
  reviewDaysMax: 3 * 366,
  /** Open flags one save can resolve; an entry with more has bigger problems than this form. */
  flagsMax: 100,
} as const;

export const ID = /^[a-z0-9]{10,40}$/;

/** The latest review date a form may choose today ("yyyy-mm-dd"). */
export function latestReviewDay(now = new Date()): string {
  return isoDay(addDays(now, ENTRY_LIMITS.reviewDaysMax));
}

/** The archive page's two buttons: archive a live entry, restore an archived one. */
export const ARCHIVE_INTENT = { archive: "archive", restore: "restore" } as const;
