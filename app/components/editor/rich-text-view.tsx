/**
 * Read-only renderer for stored rich text (Lexical JSON).
 *
 * Walks the JSON into React elements: no HTML strings, no dangerouslySetInnerHTML, so text is
 * always escaped by React. Only allowlisted node types in allowed positions are rendered; anything
 * unknown or malformed renders nothing. Links are rendered only for http(s)/mailto URLs.
 * Never throws, whatever it is given.
 */
import { Fragment, type ReactNode } from "react";
import { RICH_TEXT_LIMITS, TEXT_FORMAT, isAllowedChild, normalizeSafeUrl, type SerializedRoot } from "../../schemas/rich-text.shared";

type Raw = Record<string, unknown>;

const isRecord = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);

// Generous bounds: stored documents were validated on the way in; these only protect the page.
const MAX_DEPTH = RICH_TEXT_LIMITS.maxDepth * 2;
const MAX_NODES = RICH_TEXT_LIMITS.maxNodes * 2;

type Budget = { nodes: number };

function toRoot(json: string | SerializedRoot): Raw | null {
  let doc: unknown = json;
  if (typeof json === "string") {
    if (json.length > RICH_TEXT_LIMITS.maxBytes * 10) return null;
    try {
      doc = JSON.parse(json);
    } catch {
      return null;
    }
  }
  if (!isRecord(doc) || !isRecord(doc.root) || doc.root.type !== "root") return null;
  return doc.root;
}

function renderText(text: string, format: number): ReactNode {
  let out: ReactNode = text;
  if (format & TEXT_FORMAT.code) out = <code>{out}</code>;
  if (format & TEXT_FORMAT.subscript) out = <sub>{out}</sub>;
  else if (format & TEXT_FORMAT.superscript) out = <sup>{out}</sup>;
  if (format & TEXT_FORMAT.highlight) out = <mark>{out}</mark>;
  if (format & TEXT_FORMAT.strikethrough) out = <s>{out}</s>;
  if (format & TEXT_FORMAT.underline) out = <u>{out}</u>;
  if (format & TEXT_FORMAT.italic) out = <em>{out}</em>;
  if (format & TEXT_FORMAT.bold) out = <strong>{out}</strong>;
  return out;
}

function renderChildren(parent: Raw, depth: number, budget: Budget): ReactNode[] {
  const children = Array.isArray(parent.children) ? parent.children : [];
  const parentType = String(parent.type);
  const out: ReactNode[] = [];
  children.forEach((child, i) => {
    if (!isRecord(child) || typeof child.type !== "string" || !isAllowedChild(parentType, child.type)) return;
    const el = renderNode(child, depth + 1, budget);
    if (el !== null) out.push(<Fragment key={i}>{el}</Fragment>);
  });
  return out;
}

function renderNode(node: Raw, depth: number, budget: Budget): ReactNode {
  if (depth > MAX_DEPTH || --budget.nodes < 0) return null;
  switch (node.type) {
    case "text": {
      if (typeof node.text !== "string") return null;
      const format = typeof node.format === "number" && Number.isInteger(node.format) ? node.format : 0;
      return renderText(node.text, format);
    }
    case "tab":
      return "\t";
    case "linebreak":
      return <br />;
    case "paragraph": {
      const children = renderChildren(node, depth, budget);
      return <p>{children.length > 0 ? children : <br />}</p>;
    }
    case "list": {
      const children = renderChildren(node, depth, budget);
      if (node.listType === "number") {
        const start = typeof node.start === "number" && Number.isInteger(node.start) && node.start !== 1 ? node.start : undefined;
        return <ol start={start}>{children}</ol>;
      }
      if (node.listType === "bullet") return <ul>{children}</ul>;
      return null;
    }
    case "listitem": {
      const kids = Array.isArray(node.children) ? node.children : [];
      // Lexical nests a list in a list item of its own; that item should not show a marker.
      const onlyLists = kids.length > 0 && kids.every((c) => isRecord(c) && c.type === "list");
      return <li className={onlyLists ? "rt-nested-listitem" : undefined}>{renderChildren(node, depth, budget)}</li>;
    }
    case "link":
    case "autolink": {
      const children = renderChildren(node, depth, budget);
      const href = node.isUnlinked === true ? null : normalizeSafeUrl(node.url);
      if (href === null) return <>{children}</>;
      return (
        <a href={href} rel="noopener noreferrer nofollow">
          {children}
        </a>
      );
    }
    default:
      return null;
  }
}

export function RichTextView({ json }: { json: string | SerializedRoot }) {
  let content: ReactNode = null;
  try {
    const root = toRoot(json);
    if (root) content = renderChildren(root, 0, { nodes: MAX_NODES });
  } catch {
    content = null;
  }
  return <div className="rich-text">{content}</div>;
}
