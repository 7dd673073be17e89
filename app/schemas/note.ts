import { z } from "zod";

export const LIMITS = {
  titleMax: 160,
  tagMax: 40,
  tagsMax: 8,
  reasonMax: 1000,
  queryMax: 200,
} as const;

const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} \-&]*$/u;

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

/** The author's note page: save the changed note, or withdraw it. */
export const OWN_NOTE_INTENT = { save: "save", withdraw: "withdraw" } as const;

export const OwnNoteIntentSchema = z.discriminatedUnion("intent", [
  NoteSchema.extend({ intent: z.literal(OWN_NOTE_INTENT.save) }),
  z.object({ intent: z.literal(OWN_NOTE_INTENT.withdraw) }),
]);

/** The three forms of the curation page, told apart by `intent`. */
export const CURATE_INTENT = { publish: "publish", merge: "merge", decline: "decline" } as const;

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

/** Results per page of the search page; Meilisearch counts and pages up to its maxTotalHits (1 000). */
export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_PAGES_MAX = 50;

/** The last page for this many results (1 when there are none). */
export function lastSearchPage(total: number): number {
  return Math.max(1, Math.min(Math.ceil(total / SEARCH_PAGE_SIZE), SEARCH_PAGES_MAX));
}

export const SearchParamsSchema = z.object({
  q: z.string().max(LIMITS.queryMax).catch("").default(""),
  // A page number from the address bar: anything else than 1..50 is the first page.
  page: z.coerce.number().int().min(1).max(SEARCH_PAGES_MAX).catch(1).default(1),
  tag: z.array(z.string().max(LIMITS.tagMax)).max(10).catch([]).default([]),
  community: z.array(z.string().max(40)).max(10).catch([]).default([]),
});
