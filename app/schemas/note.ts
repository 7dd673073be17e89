import { z } from "zod";
import { LIMITS, TAG_PATTERN, OWN_NOTE_INTENT, CURATE_INTENT, SEARCH_PAGES_MAX } from "./note.shared";

/** "Spaarrekening, itsme ,  app" -> ["spaarrekening", "itsme", "app"]: trimmed, lower-case, unique. */
export const tagList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => {
    const parts = (Array.isArray(value) ? value : [value ?? ""]).flatMap((v) => v.split(","));
    const tags = parts.map((t) => t.trim().replace(/\s+/g, " ").toLowerCase()).filter(Boolean);
    return [...new Set(tags)];
  })
  .pipe(
    z
      .array(z.string().max(LIMITS.tagMax, "error.tag").regex(TAG_PATTERN, "error.tag"))
      .max(LIMITS.tagsMax),
  );

const trimmed = (max: number) => z.string().trim().min(1).max(max);

const optionalId = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.string().regex(/^[a-z0-9]{10,40}$/, "error.invalid").optional());

/** Field note capture. The body is read separately (rich text, see rich-text.ts). */
export const NoteSchema = z.object({
  title: trimmed(LIMITS.titleMax),
  tags: tagList,
  communityId: optionalId,
});

export const OwnNoteIntentSchema = z.discriminatedUnion("intent", [
  NoteSchema.extend({ intent: z.literal(OWN_NOTE_INTENT.save) }),
  z.object({ intent: z.literal(OWN_NOTE_INTENT.withdraw) }),
]);

/** Publishing a note as a new entry: the knowledge manager's edited title and tags (the body is read beside it). */
export const PublishSchema = z.object({
  intent: z.literal(CURATE_INTENT.publish),
  title: trimmed(LIMITS.titleMax),
  tags: tagList,
});

export const MergeSchema = z.object({
  intent: z.literal(CURATE_INTENT.merge),
  entryId: z.string().regex(/^[a-z0-9]{10,40}$/, "error.entryNotFound"),
  title: trimmed(LIMITS.titleMax),
  tags: tagList,
});

export const DeclineSchema = z.object({
  intent: z.literal(CURATE_INTENT.decline),
  reason: trimmed(LIMITS.reasonMax),
});

export const CurateIntentSchema = z.discriminatedUnion("intent", [PublishSchema, MergeSchema, DeclineSchema]);

export const SearchParamsSchema = z.object({
  q: z.string().max(LIMITS.queryMax).catch("").default(""),
  // A page number from the address bar: anything else than 1..50 is the first page.
  page: z.coerce.number().int().min(1).max(SEARCH_PAGES_MAX).catch(1).default(1),
  tag: z.array(z.string().max(LIMITS.tagMax)).max(10).catch([]).default([]),
  community: z.array(z.string().max(40)).max(10).catch([]).default([]),
});
