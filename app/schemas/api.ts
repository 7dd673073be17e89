/**
 * The REST API's input and output (/api/v1). Inputs reuse the app's own field schemas (the note's
 * title and tags, the rich-text validator); the OpenAPI document is generated from these same
 * schemas (app/api/openapi.server.ts), so what is described is what is checked.
 */
import { z } from "zod";
import "zod-openapi";
import { COMMUNITY_VISIBILITIES, ENTRY_STATES, NOTE_KINDS, NOTE_STATES } from "./enums";
import { KB_IMPORT_LIMITS } from "./imports.shared";
import { NoteSchema, tagList } from "./note";
import { LIMITS } from "./note.shared";
import { parsePlainText, parseRichText } from "./rich-text";
import { RICH_TEXT_LIMITS } from "./rich-text.shared";

/** Bodies larger than this are refused before they are parsed. */
export const API_BODY_MAX_BYTES = 256 * 1024;
export const API_SEARCH_LIMIT = { default: 20, max: 50 } as const;

/** The app's tag rules (trimmed, lower-case, unique, at most 8) applied to a list or a comma-separated string. */
const tagsFromList = tagList as unknown as z.ZodType<string[], string[]>;
const tagsFromString = tagList as unknown as z.ZodType<string[], string | undefined>;

const Id = z.string().regex(/^[a-z0-9]{10,40}$/, "error.invalid").meta({ description: "A Gilde id.", example: "cmbx0k2a30000abcd1234efgh" });
const Timestamp = z.string().meta({ format: "date-time", description: "ISO 8601, UTC." });
const Tags = z.array(z.string()).meta({ description: "Tags (products, topics), lower-case." });

const RichBody = z
  .union([
    z.string().meta({ description: `Plain text (at most ${RICH_TEXT_LIMITS.maxPlainChars} characters); a blank line starts a new paragraph.` }),
    z
      .object({ root: z.object({ type: z.literal("root") }).loose() })
      .loose()
      .meta({ description: "A Lexical editor state using the nodes the app's editor allows (paragraphs, headings, lists, links, quotes)." }),
  ])
  .transform((value, ctx) => {
    const result = typeof value === "string" ? parsePlainText(value) : parseRichText(value);
    if (!result.ok) {
      ctx.addIssue({ code: "custom", message: `error.rich.${result.error}` });
      return z.NEVER;
    }
    return { json: result.json, text: result.text };
  });

export const ApiNoteInputSchema = z
  .strictObject({
    title: NoteSchema.shape.title.meta({ description: `The note's title (at most ${LIMITS.titleMax} characters).` }),
    body: RichBody,
    tags: z.array(z.string()).max(LIMITS.tagsMax).default([]).pipe(tagsFromList),
    communityId: Id.optional().meta({ description: "A community the token's owner belongs to; the note is filed under it." }),
  })
  .meta({ id: "NewNote" });

export const ApiSearchQuerySchema = z.strictObject({
  q: z.string().max(LIMITS.queryMax).default("").meta({ description: "The words to search for; typos are tolerated. Empty: the newest entries." }),
  tags: z.string().max(400).optional().pipe(tagsFromString).meta({ description: "Only entries with all these tags, comma-separated." }),
  community: Id.optional().meta({ description: "Only entries of this community." }),
  limit: z.coerce.number().int().min(1).max(API_SEARCH_LIMIT.max).default(API_SEARCH_LIMIT.default).meta({ description: "How many hits." }),
});

export const ApiIdParamSchema = z.object({ id: Id });

export const ApiNoteCreatedSchema = z
  .object({ id: Id, state: z.enum(NOTE_STATES), url: z.string().meta({ description: "The note's page in Gilde." }) })
  .meta({ id: "NoteCreated" });

export const ApiSearchHitSchema = z
  .object({
    id: Id,
    title: z.string(),
    snippet: z.string().meta({ description: "The part of the body around the matched words, as plain text." }),
    tags: Tags,
    url: z.string(),
  })
  .meta({ id: "SearchHit" });

export const ApiSearchResultSchema = z.object({ total: z.number().int(), hits: z.array(ApiSearchHitSchema) }).meta({ id: "SearchResult" });

const CommunityRefSchema = z.object({ id: Id, name: z.string() });

export const ApiEntrySchema = z
  .object({
    id: Id,
    title: z.string(),
    body: z.string().meta({ description: "Plain text." }),
    bodyLexical: z.record(z.string(), z.unknown()).meta({ description: "The rich text as a Lexical editor state." }),
    tags: Tags,
    state: z.enum(ENTRY_STATES),
    version: z.number().int(),
    community: CommunityRefSchema.nullable(),
    reviewBy: Timestamp.nullable(),
    updatedAt: Timestamp,
    url: z.string(),
  })
  .meta({ id: "Entry" });

export const ApiNoteSchema = z
  .object({
    id: Id,
    kind: z.enum(NOTE_KINDS),
    title: z.string(),
    body: z.string().meta({ description: "Plain text." }),
    tags: Tags,
    state: z.enum(NOTE_STATES),
    community: CommunityRefSchema.nullable(),
    createdAt: Timestamp,
    decidedAt: Timestamp.nullable(),
    decisionReason: z.string().nullable().meta({ description: "Why the knowledge manager declined it." }),
    entryId: Id.nullable().meta({ description: "The entry it became or was merged into." }),
    url: z.string(),
  })
  .meta({ id: "Note" });

export const ApiCommunitySchema = z
  .object({
    id: Id,
    slug: z.string(),
    name: z.string(),
    purpose: z.string(),
    visibility: z.enum(COMMUNITY_VISIBILITIES),
    member: z.boolean().meta({ description: "The token's owner belongs to it (notes can be filed under it)." }),
    url: z.string(),
  })
  .meta({ id: "Community" });

export const ApiCommunityListSchema = z.object({ communities: z.array(ApiCommunitySchema) }).meta({ id: "CommunityList" });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string().meta({ description: "Dotted path of the field; empty for the body as a whole." }), message: z.string() }))
      .optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details." });

export type Problem = z.infer<typeof ProblemSchema>;

// The knowledge base in and out (kb:import / kb:export over HTTP).

/** An import body may be a whole knowledge base: larger than other bodies, as large as the import page takes. */
export const API_IMPORT_MAX_BYTES = KB_IMPORT_LIMITS.maxBytes;

/** The media types of a JSON Lines body; a JSON array of the same objects is read as well. */
export const JSON_LINES_TYPES = ["application/x-ndjson", "application/jsonl", "application/x-jsonlines"] as const;

/**
 * One entry of the exchange format, as documented; each line is checked by the importer's own schema
 * (app/schemas/entry-import.ts: EntryLineSchema and the rich-text validator), which names what is wrong.
 */
export const ApiEntryLineSchema = z
  .object({
    externalId: z.string().meta({ description: "The entry's key in the other system (letters, digits, `._:/-`); a second import updates the entry imported under it." }),
    title: z.string(),
    body: z.union([z.string(), z.record(z.string(), z.unknown())]).meta({ description: "Plain text (a blank line starts a paragraph) or a Lexical editor state." }),
    tags: z.array(z.string()).optional(),
    community: z.string().nullable().optional().meta({ description: "The slug of an active community; none: visible to everyone." }),
  })
  .meta({ id: "EntryLine", description: "One entry: one JSON object per line of a JSON Lines body." });

export const ApiEntryImportQuerySchema = z.strictObject({
  dryRun: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true")
    .meta({ description: "`true`: check every line and count what would happen, write nothing." }),
});

const IMPORT_OUTCOMES = ["created", "updated", "unchanged", "archived"] as const;

export const ApiEntryImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    summary: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), archived: z.number().int().meta({ description: "Archived in Gilde: left alone." }) }),
    lines: z.array(
      z.object({
        line: z.number().int().meta({ description: "The line of the body (for a JSON array: the element's position), from 1." }),
        externalId: z.string(),
        outcome: z.enum(IMPORT_OUTCOMES),
        entryId: Id.nullable().meta({ description: "The entry written (or that would be); null when a dry run would create one." }),
      }),
    ),
  })
  .meta({ id: "EntryImportResult" });
