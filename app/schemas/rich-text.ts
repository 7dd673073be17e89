/**
 * Validates rich text posted by a form (Lexical's serialized editor state, JSON) against an
 * allowlist of node types and size limits, returning a cleaned copy that keeps only known
 * properties. The tree's types, limits, safe links and plain-text conversions are in
 * rich-text.shared.ts, which pages use without loading zod (decision 0076).
 *
 * Form contract (see readRichTextField): with JavaScript the editor posts `<name>` (Lexical JSON);
 * without JavaScript a textarea posts `<name>Plain` (plain text).
 */
import { z } from "zod";
import { type SerializedNode, type SerializedRoot, RICH_TEXT_LIMITS, type RichTextErrorCode, type RichTextResult, type RichTextFieldResult, TEXT_FORMAT, MAX_TEXT_FORMAT, normalizeSafeUrl, plainTextToRichText, richTextToPlainText, RICH_TEXT_NODE_TYPES, isAllowedChild, isRecord, tooManyBytes } from "./rich-text.shared";

const cleanElement = (v: { direction?: "ltr" | "rtl" | null; format?: string; indent?: number }) => ({
  direction: v.direction ?? null,
  format: v.format ?? "",
  indent: v.indent ?? 0,
});

const ELEMENT_TYPES = new Set(["root", "paragraph", "list", "listitem", "link", "autolink"]);

class Reject extends Error {
  constructor(readonly code: RichTextErrorCode) {
    super(code);
  }
}

function finish(value: SerializedRoot, checkBytes: boolean): RichTextResult {
  const json = JSON.stringify(value);
  if (checkBytes && tooManyBytes(json)) return { ok: false, error: "too_large" };
  const text = richTextToPlainText(value);
  if (text.trim() === "") return { ok: false, error: "empty" };
  return { ok: true, value, text, json };
}

function getField(form: FormData | Record<string, unknown>, key: string): string {
  const value =
    typeof (form as FormData).get === "function" && typeof (form as FormData).has === "function"
      ? (form as FormData).get(key)
      : (form as Record<string, unknown>)[key];
  return typeof value === "string" ? value : "";
}

const int = (min: number, max: number) => z.number().int().min(min).max(max);

const elementBase = {
  direction: z.enum(["ltr", "rtl"]).nullable().optional().catch(null),
  format: z.enum(["", "left", "start", "center", "right", "end", "justify"]).optional(),
  indent: int(0, 20).optional(),
};

/** One schema per node type, for the node's own properties (children are walked separately). */
const nodeSchemas = {
  root: z.object({ type: z.literal("root"), ...elementBase }).transform((v) => ({ ...cleanElement(v), type: "root", version: 1 })),
  paragraph: z
    .object({ type: z.literal("paragraph"), ...elementBase, textFormat: int(0, MAX_TEXT_FORMAT).optional() })
    .transform((v) => ({ ...cleanElement(v), type: "paragraph", version: 1, textFormat: v.textFormat ?? 0, textStyle: "" })),
  list: z
    .object({ type: z.literal("list"), ...elementBase, listType: z.enum(["bullet", "number"]), start: int(1, 1_000_000).optional() })
    .transform((v) => ({
      ...cleanElement(v),
      type: "list",
      version: 1,
      listType: v.listType,
      start: v.start ?? 1,
      tag: v.listType === "number" ? "ol" : "ul",
    })),
  listitem: z
    .object({ type: z.literal("listitem"), ...elementBase, value: int(-1_000_000, 1_000_000).optional() })
    .transform((v) => ({ ...cleanElement(v), type: "listitem", version: 1, value: v.value ?? 1 })),
  text: z
    .object({
      type: z.literal("text"),
      text: z.string(),
      format: int(0, MAX_TEXT_FORMAT).optional(),
      detail: int(0, 3).optional(),
      mode: z.enum(["normal", "token", "segmented"]).optional(),
    })
    .transform((v) => ({ detail: v.detail ?? 0, format: v.format ?? 0, mode: "normal", style: "", text: v.text, type: "text", version: 1 })),
  tab: z
    .object({ type: z.literal("tab"), text: z.literal("\t").optional(), format: int(0, MAX_TEXT_FORMAT).optional() })
    .transform((v) => ({ detail: 2, format: v.format ?? 0, mode: "normal", style: "", text: "\t", type: "tab", version: 1 })),
  linebreak: z.object({ type: z.literal("linebreak") }).transform(() => ({ type: "linebreak", version: 1 })),
  link: z
    .object({ type: z.literal("link"), ...elementBase, url: z.string(), title: z.string().max(500).nullable().optional() })
    .transform((v) => ({
      ...cleanElement(v),
      type: "link",
      version: 1,
      rel: "noopener noreferrer nofollow",
      target: null,
      title: v.title || null,
      url: v.url,
    })),
  autolink: z
    .object({
      type: z.literal("autolink"),
      ...elementBase,
      url: z.string(),
      title: z.string().max(500).nullable().optional(),
      isUnlinked: z.boolean().optional(),
    })
    .transform((v) => ({
      ...cleanElement(v),
      type: "autolink",
      version: 1,
      rel: "noopener noreferrer nofollow",
      target: null,
      title: v.title || null,
      url: v.url,
      isUnlinked: v.isUnlinked ?? false,
    })),
} as const;

/**
 * Walks the tree depth-first with bounded recursion (depth is checked before descending),
 * validates each node against its schema and the allowlist, and returns a clean copy.
 */
function cleanTree(input: unknown): SerializedRoot {
  if (!isRecord(input)) throw new Reject("invalid");
  const counter = { nodes: 0 };

  const visit = (raw: unknown, parentType: string | null, depth: number, listItemDepth: number): SerializedNode => {
    if (depth > RICH_TEXT_LIMITS.maxDepth) throw new Reject("too_deep");
    if (++counter.nodes > RICH_TEXT_LIMITS.maxNodes) throw new Reject("too_large");
    if (!isRecord(raw) || typeof raw.type !== "string") throw new Reject("invalid");
    const type = raw.type;
    if (!RICH_TEXT_NODE_TYPES.has(type)) throw new Reject("unknown_node");
    if (parentType === null ? type !== "root" : !isAllowedChild(parentType, type)) throw new Reject("invalid");

    const parsed = nodeSchemas[type as keyof typeof nodeSchemas].safeParse(raw);
    if (!parsed.success) throw new Reject("invalid");
    const node: SerializedNode = { ...parsed.data };

    if (type === "link" || type === "autolink") {
      const safe = normalizeSafeUrl(node.url);
      if (safe === null) throw new Reject("unsafe_link");
      node.url = safe;
    }
    if (type === "listitem") node.indent = listItemDepth; // Lexical derives a list item's indent from its nesting

    if (ELEMENT_TYPES.has(type)) {
      const rawChildren = raw.children ?? [];
      if (!Array.isArray(rawChildren)) throw new Reject("invalid");
      const nextListItemDepth = type === "listitem" ? listItemDepth + 1 : listItemDepth;
      const children: SerializedNode[] = [];
      for (const child of rawChildren) children.push(visit(child, type, depth + 1, nextListItemDepth));
      // Lexical's order: children first.
      return { children, ...node };
    }
    return node;
  };

  if (!("root" in input)) throw new Reject("invalid");
  const root = visit(input.root, null, 0, 0) as SerializedRoot["root"];
  return { root };
}

function validateObject(input: unknown, checkBytes: boolean): RichTextResult {
  try {
    return finish(cleanTree(input), checkBytes);
  } catch (e) {
    if (e instanceof Reject) return { ok: false, error: e.code };
    // e.g. a RangeError from a pathological object; treat as invalid rather than crash the action
    return { ok: false, error: "invalid" };
  }
}

/**
 * Validates rich text posted by a form (the Lexical JSON string; an already parsed object is accepted too).
 * Checks size before parsing, then JSON syntax, depth, node count, node types and link URLs.
 * On success `value` holds only known properties, `json` is its serialization (store this)
 * and `text` its plain text (for search).
 */
export function parseRichText(input: unknown): RichTextResult {
  if (input === undefined || input === null) return { ok: false, error: "empty" };
  if (typeof input === "string") {
    if (tooManyBytes(input)) return { ok: false, error: "too_large" };
    if (input.trim() === "") return { ok: false, error: "empty" };
    let parsed: unknown;
    try {
      parsed = JSON.parse(input);
    } catch {
      return { ok: false, error: "invalid_json" };
    }
    return validateObject(parsed, true);
  }
  if (typeof input === "object") return validateObject(input, true);
  return { ok: false, error: "invalid" };
}

/** Validates a document built on the server from plain text (the byte limit applies to posted JSON only). */
export function parsePlainText(plain: string): RichTextResult {
  if (plain.length > RICH_TEXT_LIMITS.maxPlainChars) return { ok: false, error: "too_large" };
  if (plain.trim() === "") return { ok: false, error: "empty" };
  return validateObject(plainTextToRichText(plain), false);
}

/**
 * Reads a rich-text form field. The editor (JavaScript) posts `<name>` with Lexical JSON;
 * without JavaScript the textarea posts `<name>Plain`. A non-empty `<name>` wins.
 */
export function readRichTextField(form: FormData | Record<string, unknown>, name: string): RichTextFieldResult {
  const json = getField(form, name);
  const plain = getField(form, `${name}Plain`);
  const result = json.trim() !== "" ? parseRichText(json) : parsePlainText(plain);
  return { ...result, raw: { json, plain } };
}

/**
 * Best-effort initial content for an editor or textarea: the clean document when `json` is valid,
 * otherwise null. Never throws.
 */
export function tryParseRichText(json: string | undefined | null): SerializedRoot | null {
  if (!json) return null;
  const r = parseRichText(json);
  return r.ok ? r.value : null;
}

/** The entry's body with the note's paragraphs appended: the starting point of a merge. */
export function appendBodies(entryJson: string, noteJson: string): string {
  const entry = tryParseRichText(entryJson);
  const note = tryParseRichText(noteJson);
  if (!entry) return noteJson;
  if (!note) return entryJson;
  return JSON.stringify({ root: { ...entry.root, children: [...(entry.root.children ?? []), ...(note.root.children ?? [])] } });
}

/**
 * The starting body of an entry made from a question: the question's paragraphs, a bold heading line
 * (e.g. "Antwoord"), then the accepted answer's paragraphs. Unreadable parts are left out.
 */
export function composeQuestionAndAnswer(questionJson: string, answerJson: string | null, heading: string): string {
  const question = tryParseRichText(questionJson);
  const answer = answerJson ? tryParseRichText(answerJson) : null;
  const label = plainTextToRichText(heading);
  for (const block of label.root.children ?? []) for (const child of block.children ?? []) if (child.type === "text") child.format = TEXT_FORMAT.bold;
  const children = [...(question?.root.children ?? []), ...(answer ? [...(label.root.children ?? []), ...(answer.root.children ?? [])] : [])];
  return JSON.stringify({ root: { ...plainTextToRichText("").root, children } });
}
