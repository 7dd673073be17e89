/**
 * Rich text is stored as Lexical's serialized editor state (JSON). This module is what the browser
 * needs of it (the renderer on every page that shows an entry, the editor) and holds no zod
 * (decision 0076): the tree's types and limits, text formats, which link URLs are safe, and the
 * conversions between plain text and that JSON. Validating posted JSON is in rich-text.ts.
 */

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

export const MAX_TEXT_FORMAT = (1 << 11) - 1;

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

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

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
// Which node may appear where (the renderer follows it; rich-text.ts validates against it)
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

export function tooManyBytes(s: string): boolean {
  // Every UTF-16 unit is at least one byte, at most three.
  if (s.length > RICH_TEXT_LIMITS.maxBytes) return true;
  if (s.length * 3 <= RICH_TEXT_LIMITS.maxBytes) return false;
  return utf8Length(s) > RICH_TEXT_LIMITS.maxBytes;
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
