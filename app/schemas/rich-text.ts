/**
 * Rich text is stored as Lexical's serialized editor state (JSON).
 *
 * This module is shared by the browser (editor, renderer) and the server (actions):
 * - converts between plain text and that JSON,
 * - validates JSON posted by a form against an allowlist of node types and size limits,
 *   returning a cleaned copy that keeps only known properties,
 * - decides which link URLs are safe.
 *
 * Form contract (see readRichTextField): with JavaScript the editor posts `<name>` (Lexical JSON);
 * without JavaScript a textarea posts `<name>Plain` (plain text).
 */
import { z } from "zod";

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

export type SerializedText = {
  type: "text";
  text: string;
  format: number; // bit flags: 1 bold, 2 italic, 4 strikethrough, 8 underline, 16 code, ...
  detail: 0;
  mode: "normal";
  style: "";
  version: 1;
};

export type SerializedNode = { type: string; children?: SerializedNode[]; [key: string]: unknown };
export type SerializedRoot = { root: SerializedNode & { type: "root" } };

export const RICH_TEXT_LIMITS = {
  /** UTF-8 bytes of the posted JSON, checked before JSON.parse. */
  maxBytes: 100_000,
  /** Nesting below the root (root = 0). Five levels of nested lists with links fit in 12. */
  maxDepth: 12,
  /** All nodes, the root included. */
  maxNodes: 5000,
  /** Characters of the no-JavaScript textarea. */
  maxPlainChars: 20_000,
  /** Characters of one link URL. */
  maxUrlLength: 2048,
} as const;

export type RichTextErrorCode =
  | "too_large"
  | "too_deep"
  | "invalid_json"
  | "invalid" // well-formed JSON but not a valid document (wrong shape or property value)
  | "unknown_node"
  | "unsafe_link"
  | "empty";

export type RichTextResult =
  | { ok: true; value: SerializedRoot; text: string; json: string }
  | { ok: false; error: RichTextErrorCode };

export type RichTextFieldResult = RichTextResult & {
  /** What the form posted, to re-fill the field after a validation error. */
  raw: { json: string; plain: string };
};

/** Text format bit flags as Lexical defines them. */
export const TEXT_FORMAT = {
  bold: 1,
  italic: 1 << 1,
  strikethrough: 1 << 2,
  underline: 1 << 3,
  code: 1 << 4,
  subscript: 1 << 5,
  superscript: 1 << 6,
  highlight: 1 << 7,
  lowercase: 1 << 8,
  uppercase: 1 << 9,
  capitalize: 1 << 10,
} as const;
const MAX_TEXT_FORMAT = (1 << 11) - 1;

// ---------------------------------------------------------------------------------------------
// URLs
// ---------------------------------------------------------------------------------------------

const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);
// C0 controls, DEL, C1 controls: never legitimate inside a URL typed or pasted by a person.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The normalized absolute URL when it is http:, https: or mailto:, otherwise null.
 * Relative and protocol-relative URLs are rejected; so is anything with control characters
 * (which browsers strip, turning `java\tscript:` into `javascript:`).
 */
export function normalizeSafeUrl(url: unknown): string | null {
  if (typeof url !== "string") return null;
  const trimmed = url.trim();
  if (trimmed === "" || trimmed.length > RICH_TEXT_LIMITS.maxUrlLength) return null;
  if (CONTROL_CHARS.test(trimmed)) return null;
  // The scheme must be spelled out literally at the start, so what we check is what the browser sees.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed);
  if (!scheme || !SAFE_PROTOCOLS.has(scheme[1].toLowerCase() + ":")) return null;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return null;
  }
  if (!SAFE_PROTOCOLS.has(parsed.protocol)) return null;
  if ((parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.hostname === "") return null;
  if (parsed.protocol === "mailto:" && parsed.pathname.replace(/^\/+/, "") === "" && parsed.search === "") return null;
  return parsed.href;
}

/** Only absolute http:, https: and mailto: URLs are allowed in links. */
export function isSafeUrl(url: string): boolean {
  return normalizeSafeUrl(url) !== null;
}

// ---------------------------------------------------------------------------------------------
// Plain text <-> Lexical JSON
// ---------------------------------------------------------------------------------------------

function textNode(text: string): SerializedText {
  return { type: "text", text, format: 0, detail: 0, mode: "normal", style: "", version: 1 };
}

function paragraph(children: SerializedNode[]): SerializedNode {
  return { type: "paragraph", children, direction: "ltr", format: "", indent: 0, textFormat: 0, textStyle: "", version: 1 };
}

/** Plain text (the no-JavaScript textarea) to Lexical JSON: blank lines split paragraphs, newlines become line breaks. */
export function plainTextToRichText(text: string): SerializedRoot {
  const blocks = String(text ?? "")
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((b) => b.replace(/^\n+|\s+$/g, ""))
    .filter((b) => b.trim() !== "");
  const children = blocks.map((block) => {
    const lines = block.split("\n");
    const inline: SerializedNode[] = [];
    lines.forEach((line, i) => {
      if (i > 0) inline.push({ type: "linebreak", version: 1 });
      if (line) inline.push(textNode(line));
    });
    return paragraph(inline);
  });
  return { root: { type: "root", children, direction: "ltr", format: "", indent: 0, version: 1 } };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const childrenOf = (node: unknown): unknown[] => (isRecord(node) && Array.isArray(node.children) ? node.children : []);

/**
 * Lexical JSON to plain text (for search, previews and the no-JavaScript textarea).
 * Blocks are separated by a blank line, list items are one per line with "- " or "1. ",
 * so plainTextToRichText(richTextToPlainText(x)) keeps the paragraphs. Never throws.
 */
export function richTextToPlainText(state: SerializedRoot): string {
  const budget = { nodes: RICH_TEXT_LIMITS.maxNodes * 4 };
  const maxDepth = RICH_TEXT_LIMITS.maxDepth * 4;

  const inline = (node: unknown, depth: number): string => {
    if (!isRecord(node) || depth > maxDepth || --budget.nodes < 0) return "";
    switch (node.type) {
      case "text":
        return typeof node.text === "string" ? node.text : "";
      case "tab":
        return "\t";
      case "linebreak":
        return "\n";
      default:
        return childrenOf(node)
          .filter((c) => !(isRecord(c) && c.type === "list"))
          .map((c) => inline(c, depth + 1))
          .join("");
    }
  };

  const list = (node: Record<string, unknown>, level: number, depth: number): string[] => {
    const lines: string[] = [];
    const start = typeof node.start === "number" && Number.isFinite(node.start) ? node.start : 1;
    let n = start;
    for (const item of childrenOf(node)) {
      if (!isRecord(item) || depth > maxDepth) continue;
      const nested = childrenOf(item).filter((c): c is Record<string, unknown> => isRecord(c) && c.type === "list");
      const own = inline(item, depth + 1);
      if (own !== "" || nested.length === 0) {
        const marker = node.listType === "number" ? `${n}. ` : "- ";
        lines.push("  ".repeat(level) + marker + own.replace(/\n/g, "\n" + "  ".repeat(level + 1)));
        n++;
      }
      for (const sub of nested) lines.push(...list(sub, level + 1, depth + 2));
    }
    return lines;
  };

  const block = (node: unknown, depth: number): string => {
    if (!isRecord(node) || depth > maxDepth) return "";
    if (node.type === "list") return list(node, 0, depth + 1).join("\n");
    return inline(node, depth);
  };

  try {
    const root = isRecord(state) ? state.root : undefined;
    return childrenOf(root)
      .map((b) => block(b, 1))
      .filter((b) => b.trim() !== "")
      .join("\n\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
  } catch {
    return "";
  }
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

const INLINE_TYPES = ["text", "tab", "linebreak", "link", "autolink"] as const;
const LINK_CONTENT_TYPES = ["text", "tab", "linebreak"] as const;

/** Which node types may appear under which parent: the allowlist. Unknown types are rejected. */
export const RICH_TEXT_CHILDREN: Readonly<Record<string, readonly string[]>> = {
  root: ["paragraph", "list"],
  paragraph: INLINE_TYPES,
  list: ["listitem"],
  listitem: [...INLINE_TYPES, "list"],
  link: LINK_CONTENT_TYPES,
  autolink: LINK_CONTENT_TYPES,
};
export const RICH_TEXT_NODE_TYPES: ReadonlySet<string> = new Set([
  "root",
  "paragraph",
  "list",
  "listitem",
  "text",
  "tab",
  "linebreak",
  "link",
  "autolink",
]);

export function isAllowedChild(parentType: string, childType: string): boolean {
  return RICH_TEXT_CHILDREN[parentType]?.includes(childType) ?? false;
}

const int = (min: number, max: number) => z.number().int().min(min).max(max);

const elementBase = {
  direction: z.enum(["ltr", "rtl"]).nullable().optional().catch(null),
  format: z.enum(["", "left", "start", "center", "right", "end", "justify"]).optional(),
  indent: int(0, 20).optional(),
};

const cleanElement = (v: { direction?: "ltr" | "rtl" | null; format?: string; indent?: number }) => ({
  direction: v.direction ?? null,
  format: v.format ?? "",
  indent: v.indent ?? 0,
});

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

const ELEMENT_TYPES = new Set(["root", "paragraph", "list", "listitem", "link", "autolink"]);

class Reject extends Error {
  constructor(readonly code: RichTextErrorCode) {
    super(code);
  }
}

/** Bytes of a string in UTF-8, without allocating. */
function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function tooManyBytes(s: string): boolean {
  // Every UTF-16 unit is at least one byte, at most three.
  if (s.length > RICH_TEXT_LIMITS.maxBytes) return true;
  if (s.length * 3 <= RICH_TEXT_LIMITS.maxBytes) return false;
  return utf8Length(s) > RICH_TEXT_LIMITS.maxBytes;
}

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

function finish(value: SerializedRoot, checkBytes: boolean): RichTextResult {
  const json = JSON.stringify(value);
  if (checkBytes && tooManyBytes(json)) return { ok: false, error: "too_large" };
  const text = richTextToPlainText(value);
  if (text.trim() === "") return { ok: false, error: "empty" };
  return { ok: true, value, text, json };
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

function getField(form: FormData | Record<string, unknown>, key: string): string {
  const value =
    typeof (form as FormData).get === "function" && typeof (form as FormData).has === "function"
      ? (form as FormData).get(key)
      : (form as Record<string, unknown>)[key];
  return typeof value === "string" ? value : "";
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

/** Plain text of possibly invalid JSON (to re-fill a textarea after an error). Never throws. */
export function plainTextFromJson(json: string | undefined | null): string {
  if (!json || tooManyBytes(json)) return "";
  try {
    return richTextToPlainText(JSON.parse(json) as SerializedRoot);
  } catch {
    return "";
  }
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
