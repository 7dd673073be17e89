/**
 * The knowledge base's exchange format (npm run kb:import / kb:export): JSON Lines, one entry a line,
 * `{"externalId", "title", "body", "tags", "community"}`. The body is plain text (paragraphs split by a
 * blank line, as the note form's textarea) or Lexical JSON; either way it passes the same allowlist
 * validator as a form. Every line is checked before anything is written, so a bad file imports nothing.
 */
import { z } from "zod";
import { translator, type Message, type Vars } from "~/utils/i18n";
import { issueToMessage } from "./form";
import { tagList } from "./note";
import { LIMITS } from "./note.shared";
import { parsePlainText, parseRichText } from "./rich-text";
import { type RichTextErrorCode } from "./rich-text.shared";

export const EXTERNAL_ID_MAX = 100;

/** Keys from another system: letters, digits and a few separators, so they survive a shell and a URL. */
const EXTERNAL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/;

const COMMUNITY_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export const EntryLineSchema = z.object({
  externalId: z.string().trim().min(1).max(EXTERNAL_ID_MAX).regex(EXTERNAL_ID_PATTERN, "error.invalid"),
  title: z.string().trim().min(1).max(LIMITS.titleMax),
  // Plain text or a Lexical document; read by the rich-text validator below.
  body: z.union([z.string(), z.record(z.string(), z.unknown())]),
  tags: tagList.default([]),
  community: z
    .string()
    .trim()
    .max(60)
    .regex(COMMUNITY_SLUG_PATTERN, "error.invalid")
    .nullish()
    .transform((v) => v || null),
});

/** One valid line: the entry's content as the commands take it, and where it came from. */
export type ImportedEntry = {
  line: number;
  externalId: string;
  title: string;
  body: { json: string; text: string };
  tags: string[];
  community: string | null;
};

export type LineError = { line: number; messages: string[] };

export type ParsedImport = { ok: true; entries: ImportedEntry[] } | { ok: false; errors: LineError[]; valid: number };

const english = translator("en");
// Error messages here are never plural ones, so the typed translator's count argument is not needed.
const say = (message: Message) => (english as (key: string, vars?: Vars) => string)(message.key, message.vars);

const RICH_TEXT_MESSAGES: Record<RichTextErrorCode, string> = {
  too_large: english("error.rich.too_large"),
  too_deep: english("error.rich.too_deep"),
  invalid_json: english("error.rich.invalid_json"),
  invalid: english("error.rich.invalid"),
  unknown_node: english("error.rich.unknown_node"),
  unsafe_link: english("error.rich.unsafe_link"),
  empty: english("error.rich.empty"),
};

function parseBody(body: string | Record<string, unknown>) {
  return typeof body === "string" ? parsePlainText(body) : parseRichText(body);
}

/** One line of the file (1-based number), validated: the entry, or what is wrong with it in words. */
export function parseEntryLine(source: string, line: number): { ok: true; entry: ImportedEntry } | { ok: false; messages: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch {
    return { ok: false, messages: ["not valid JSON"] };
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { ok: false, messages: ["not a JSON object"] };
  const parsed = EntryLineSchema.safeParse(raw);
  const messages: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      messages.push(`${issue.path.join(".") || "line"}: ${say(issueToMessage(issue))}`);
    }
  }
  // The body is checked even when other fields failed, so one run reports everything wrong with the line.
  const rawBody = (raw as { body?: unknown }).body;
  const body = typeof rawBody === "string" || (typeof rawBody === "object" && rawBody !== null && !Array.isArray(rawBody)) ? parseBody(rawBody as string) : null;
  if (body && !body.ok) messages.push(`body: ${RICH_TEXT_MESSAGES[body.error]}`);
  if (!parsed.success || !body || !body.ok) return { ok: false, messages };
  const { externalId, title, tags, community } = parsed.data;
  return { ok: true, entry: { line, externalId, title, body: { json: body.json, text: body.text }, tags, community } };
}

/**
 * The whole file: every line checked (blank lines skipped), an externalId used twice is an error on
 * its second line. Either all entries or all errors, so nothing is ever half-imported.
 */
export function parseEntryLines(text: string): ParsedImport {
  const entries: ImportedEntry[] = [];
  const errors: LineError[] = [];
  const seen = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((source, index) => {
    const line = index + 1;
    if (source.trim() === "") return;
    const result = parseEntryLine(source, line);
    if (!result.ok) {
      errors.push({ line, messages: result.messages });
      return;
    }
    const first = seen.get(result.entry.externalId);
    if (first !== undefined) {
      errors.push({ line, messages: [`externalId: "${result.entry.externalId}" is already on line ${first}`] });
      return;
    }
    seen.set(result.entry.externalId, line);
    entries.push(result.entry);
  });
  if (errors.length) return { ok: false, errors, valid: entries.length };
  if (entries.length === 0) return { ok: false, errors: [{ line: 1, messages: ["the file holds no entries"] }], valid: 0 };
  return { ok: true, entries };
}

/** One line of an export: the same shape the import reads, the body as its Lexical document. */
export function exportLine(entry: { externalId: string; title: string; bodyJson: string; tags: string[]; community: string | null }): string {
  const line: Record<string, unknown> = { externalId: entry.externalId, title: entry.title, body: JSON.parse(entry.bodyJson) as unknown, tags: entry.tags };
  if (entry.community) line.community = entry.community;
  return JSON.stringify(line);
}

/** A whole export: one line per entry, each ending in a newline (what kb:export writes, the page and the API serve). */
export function exportJsonLines(entries: Parameters<typeof exportLine>[0][]): string {
  return entries.map((entry) => exportLine(entry) + "\n").join("");
}
