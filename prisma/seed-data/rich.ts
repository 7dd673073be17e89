/**
 * A tiny markup for the seed texts, turned into Lexical 0.38 serialized JSON.
 *
 * - A blank line separates blocks.
 * - Lines starting with "- " form a bullet list; lines starting with "1. ", "2. " ... a numbered list
 *   (the first number becomes the list's start, so a list interrupted by a paragraph can continue).
 * - Other consecutive lines form one paragraph; a single newline inside it is a line break.
 * - **bold** inside a line becomes bold text.
 *
 * Only node types the app accepts are produced: root, paragraph, list, listitem, text, linebreak.
 */
import { richTextToPlainText } from "../../app/schemas/rich-text.shared";

type LexicalText = { type: "text"; text: string; format: number; detail: 0; mode: "normal"; style: ""; version: 1 };
type LexicalLinebreak = { type: "linebreak"; version: 1 };
type LexicalInline = LexicalText | LexicalLinebreak;
type LexicalElementBase = { direction: "ltr"; format: ""; indent: 0; version: 1 };
type LexicalParagraph = LexicalElementBase & { type: "paragraph"; children: LexicalInline[]; textFormat: 0; textStyle: "" };
type LexicalListItem = LexicalElementBase & { type: "listitem"; value: number; children: LexicalInline[] };
type LexicalList = LexicalElementBase & {
  type: "list";
  listType: "bullet" | "number";
  start: number;
  tag: "ul" | "ol";
  children: LexicalListItem[];
};
type LexicalRoot = { root: LexicalElementBase & { type: "root"; children: (LexicalParagraph | LexicalList)[] } };

const BASE: LexicalElementBase = { direction: "ltr", format: "", indent: 0, version: 1 };

function text(value: string, bold: boolean): LexicalText {
  return { type: "text", text: value, format: bold ? 1 : 0, detail: 0, mode: "normal", style: "", version: 1 };
}

/** "Zie **dit** eerst" -> [text "Zie ", bold "dit", text " eerst"] */
function inline(line: string): LexicalText[] {
  const out: LexicalText[] = [];
  const re = /\*\*(.+?)\*\*/g;
  let last = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m.index > last) out.push(text(line.slice(last, m.index), false));
    out.push(text(m[1], true));
    last = m.index + m[0].length;
  }
  if (last < line.length) out.push(text(line.slice(last), false));
  return out;
}

const BULLET = /^- (.*)$/;
const NUMBERED = /^(\d+)\. (.*)$/;

/** Trims the indentation that template literals bring along and drops leading/trailing blank lines. */
export function clean(source: string): string {
  return source
    .split("\n")
    .map((l) => l.trim())
    .join("\n")
    .replace(/^\n+|\n+$/g, "");
}

export function markupToLexical(source: string): LexicalRoot {
  const children: (LexicalParagraph | LexicalList)[] = [];
  let paragraph: LexicalInline[] | null = null;
  let list: LexicalList | null = null;

  const close = () => {
    if (paragraph && paragraph.length) children.push({ ...BASE, type: "paragraph", children: paragraph, textFormat: 0, textStyle: "" });
    if (list) children.push(list);
    paragraph = null;
    list = null;
  };

  for (const line of clean(source).split("\n")) {
    if (line === "") {
      close();
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const listType = bullet ? "bullet" : "number";
      if (!list || list.listType !== listType) {
        close();
        const start = numbered ? Number(numbered[1]) : 1;
        list = { ...BASE, type: "list", listType, start, tag: bullet ? "ul" : "ol", children: [] };
      }
      const value = list.start + list.children.length;
      const content = bullet ? bullet[1] : numbered![2];
      list.children.push({ ...BASE, type: "listitem", value, children: inline(content) });
      continue;
    }
    if (list) close();
    if (paragraph) paragraph.push({ type: "linebreak", version: 1 });
    else paragraph = [];
    paragraph.push(...inline(line));
  }
  close();
  return { root: { ...BASE, type: "root", children } };
}

export type RichBody = { json: string; text: string };

/** Markup -> { json: Lexical JSON string, text: its plain text as the app computes it }. */
export function rich(source: string): RichBody {
  const state = markupToLexical(source);
  return {
    json: JSON.stringify(state),
    text: richTextToPlainText(state as unknown as Parameters<typeof richTextToPlainText>[0]),
  };
}
