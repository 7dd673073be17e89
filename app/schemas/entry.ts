import { z } from "zod";
import { dayDate, isCalendarDate, today } from "~/utils/dates";
import { tagList } from "./note";
import { LIMITS } from "./note.shared";
import { ENTRY_LIMITS, ID, latestReviewDay, ARCHIVE_INTENT } from "./entry.shared";

const id = (message = "error.invalid") => z.string().regex(ID, message);

const optionalId = (message = "error.invalid") =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(id(message).optional());

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

export const ArchiveEntrySchema = z.object({
  intent: z.literal(ARCHIVE_INTENT.archive),
  reason: z.string().trim().min(1, "error.entryLife.reason").max(ENTRY_LIMITS.archiveReasonMax),
  successorId: optionalId("error.entryLife.successorMissing"),
});

export const ArchiveIntentSchema = z.discriminatedUnion("intent", [ArchiveEntrySchema, z.object({ intent: z.literal(ARCHIVE_INTENT.restore) })]);

/** The successor search box of the archive page (a GET form): anything odd is no query. */
export const SuccessorQuerySchema = z.object({ q: z.string().max(LIMITS.queryMax).catch("").default("") });
