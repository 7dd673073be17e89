import { z } from "zod";
import { addDays, dayDate, isCalendarDate, isoDay, today } from "~/utils/dates";
import { LIMITS, tagList } from "./note";

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

const ID = /^[a-z0-9]{10,40}$/;
const id = (message = "error.invalid") => z.string().regex(ID, message);
const optionalId = (message = "error.invalid") =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(id(message).optional());

/** The latest review date a form may choose today ("yyyy-mm-dd"). */
export function latestReviewDay(now = new Date()): string {
  return isoDay(addDays(now, ENTRY_LIMITS.reviewDaysMax));
}

/** A review date: a real calendar day after today and at most about three years away. */
const reviewBy = z
  .string("error.required")
  .trim()
  .min(1, "error.required")
  .refine(isCalendarDate, "error.entryLife.reviewDate")
  .refine((d) => d > today(), "error.entryLife.reviewPast")
  .refine((d) => d <= latestReviewDay(), "error.entryLife.reviewFar")
  .transform(dayDate);

/** Checkboxes of one name: none, one (a string) or several (a list). */
const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => [...new Set((Array.isArray(value) ? value : value ? [value] : []).filter(Boolean))])
  .pipe(z.array(id()).max(ENTRY_LIMITS.flagsMax));

/**
 * A save of the edit form. `version` is the version the form was opened on: a save against a newer
 * one is refused (someone else saved meanwhile), so nobody overwrites a change they never saw.
 */
export const EditEntrySchema = z.object({
  version: z
    .string("error.invalid")
    .regex(/^\d{1,7}$/, "error.invalid")
    .transform(Number),
  title: z.string().trim().min(1).max(LIMITS.titleMax),
  tags: tagList,
  communityId: optionalId(),
  ownerId: id("error.entryLife.owner"),
  reviewBy,
  changeNote: z.string().trim().min(1, "error.entryLife.changeNote").max(ENTRY_LIMITS.changeNoteMax),
  resolveFlagIds: idList,
});
export type EditEntryFields = z.output<typeof EditEntrySchema>;

/** The archive page's two buttons: archive a live entry, restore an archived one. */
export const ARCHIVE_INTENT = { archive: "archive", restore: "restore" } as const;

export const ArchiveEntrySchema = z.object({
  intent: z.literal(ARCHIVE_INTENT.archive),
  reason: z.string().trim().min(1, "error.entryLife.reason").max(ENTRY_LIMITS.archiveReasonMax),
  successorId: optionalId("error.entryLife.successorMissing"),
});

export const ArchiveIntentSchema = z.discriminatedUnion("intent", [ArchiveEntrySchema, z.object({ intent: z.literal(ARCHIVE_INTENT.restore) })]);

/** The successor search box of the archive page (a GET form): anything odd is no query. */
export const SuccessorQuerySchema = z.object({ q: z.string().max(LIMITS.queryMax).catch("").default("") });
