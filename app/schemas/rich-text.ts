/**
 * Rich text is stored as Lexical's serialized editor state (JSON).
 * This module converts between plain text and that JSON.
 * (Validation with an allowlist of node types lives here too.)
 */

export type SerializedText = {
  type: "text";
  text: string;
  format: number; // bit flags: 1 bold, 2 italic
  detail: 0;
  mode: "normal";
  style: "";
  version: 1;
};

export type SerializedNode = { type: string; children?: SerializedNode[]; [key: string]: unknown };
export type SerializedRoot = { root: SerializedNode & { type: "root" } };

function textNode(text: string): SerializedText {
  return { type: "text", text, format: 0, detail: 0, mode: "normal", style: "", version: 1 };
}

function paragraph(children: SerializedNode[]): SerializedNode {
  return { type: "paragraph", children, direction: "ltr", format: "", indent: 0, textFormat: 0, textStyle: "", version: 1 };
}

/** Plain text (the no-JavaScript textarea) to Lexical JSON: blank lines split paragraphs, newlines become line breaks. */
export function plainTextToRichText(text: string): SerializedRoot {
  const blocks = text.replace(/\r\n?/g, "\n").split(/\n{2,}/).map((b) => b.trim()).filter(Boolean);
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

const BLOCK_TYPES = new Set(["paragraph", "list", "listitem", "heading", "quote", "root"]);

/** Lexical JSON to plain text (for search and previews): blocks separated by newlines. */
export function richTextToPlainText(state: SerializedRoot): string {
  const out: string[] = [];
  const walk = (node: SerializedNode) => {
    if (node.type === "text" && typeof node.text === "string") out.push(node.text);
    else if (node.type === "linebreak") out.push("\n");
    for (const child of node.children ?? []) walk(child);
    if (BLOCK_TYPES.has(node.type) && node.type !== "root") out.push("\n");
  };
  walk(state.root);
  return out.join("").replace(/\n{3,}/g, "\n\n").trim();
}
