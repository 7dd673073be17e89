import { describe, expect, it } from "vitest";
import { createEditor } from "lexical";
import { ListItemNode, ListNode } from "@lexical/list";
import { AutoLinkNode, LinkNode } from "@lexical/link";
import { parseRichText, readRichTextField } from "./rich-text";
import { RICH_TEXT_LIMITS, isSafeUrl, normalizeSafeUrl, plainTextToRichText, richTextToPlainText, type SerializedNode, type SerializedRoot } from "./rich-text.shared";

// --- builders ------------------------------------------------------------------------------

const text = (t: string, format = 0): SerializedNode => ({ type: "text", text: t, format, detail: 0, mode: "normal", style: "", version: 1 });
const p = (...children: SerializedNode[]): SerializedNode => ({ type: "paragraph", children, direction: "ltr", format: "", indent: 0, version: 1 });
const link = (url: string, ...children: SerializedNode[]): SerializedNode => ({ type: "link", url, children, version: 1 });
const list = (listType: string, ...children: SerializedNode[]): SerializedNode => ({ type: "list", listType, start: 1, children, version: 1 });
const li = (...children: SerializedNode[]): SerializedNode => ({ type: "listitem", value: 1, children, version: 1 });
const doc = (...children: SerializedNode[]): SerializedRoot => ({ root: { type: "root", children, direction: "ltr", format: "", indent: 0, version: 1 } });
const json = (d: unknown) => JSON.stringify(d);

const errorOf = (input: unknown) => {
  const r = parseRichText(input);
  return r.ok ? "ok" : r.error;
};

/** The same document as the Lexical editor exports it (all the properties it writes). */
const lexicalExport = {
  root: {
    children: [
      {
        children: [
          { detail: 0, format: 1, mode: "normal", style: "", text: "Vet", type: "text", version: 1 },
          { detail: 0, format: 0, mode: "normal", style: "", text: " en ", type: "text", version: 1 },
          {
            children: [{ detail: 0, format: 2, mode: "normal", style: "", text: "een link", type: "text", version: 1 }],
            direction: "ltr",
            format: "",
            indent: 0,
            type: "link",
            version: 1,
            rel: "noopener",
            target: null,
            title: null,
            url: "https://example.nl/pagina?q=1",
          },
          { type: "linebreak", version: 1 },
          { detail: 0, format: 0, mode: "normal", style: "", text: "tweede regel", type: "text", version: 1 },
        ],
        direction: "ltr",
        format: "",
        indent: 0,
        type: "paragraph",
        version: 1,
        textFormat: 1,
        textStyle: "",
      },
      {
        children: [
          {
            children: [{ detail: 0, format: 0, mode: "normal", style: "", text: "een", type: "text", version: 1 }],
            direction: "ltr",
            format: "",
            indent: 0,
            type: "listitem",
            version: 1,
            value: 1,
          },
          {
            children: [
              {
                children: [
                  {
                    children: [{ detail: 0, format: 0, mode: "normal", style: "", text: "genest", type: "text", version: 1 }],
                    direction: "ltr",
                    format: "",
                    indent: 1,
                    type: "listitem",
                    version: 1,
                    value: 1,
                  },
                ],
                direction: "ltr",
                format: "",
                indent: 0,
                type: "list",
                version: 1,
                listType: "bullet",
                start: 1,
                tag: "ul",
              },
            ],
            direction: "ltr",
            format: "",
            indent: 0,
            type: "listitem",
            version: 1,
            value: 2,
          },
        ],
        direction: "ltr",
        format: "",
        indent: 0,
        type: "list",
        version: 1,
        listType: "number",
        start: 1,
        tag: "ol",
      },
    ],
    direction: "ltr",
    format: "",
    indent: 0,
    type: "root",
    version: 1,
  },
};

// --- tests ---------------------------------------------------------------------------------

describe("RICH_TEXT_LIMITS", () => {
  it("has sane bounds", () => {
    expect(RICH_TEXT_LIMITS.maxBytes).toBeLessThan(1_000_000);
    expect(RICH_TEXT_LIMITS.maxDepth).toBeLessThan(100);
    expect(RICH_TEXT_LIMITS.maxNodes).toBeGreaterThan(100);
  });
});

describe("parseRichText: valid documents", () => {
  it("accepts what the Lexical editor exports and keeps its content", () => {
    const r = parseRichText(json(lexicalExport));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.root.type).toBe("root");
    expect(r.text).toBe("Vet en een link\ntweede regel\n\n1. een\n  - genest");
    expect(JSON.parse(r.json)).toEqual(r.value);
  });

  it("round-trips: a cleaned document validates to itself", () => {
    const first = parseRichText(json(lexicalExport));
    if (!first.ok) throw new Error(first.error);
    const second = parseRichText(first.json);
    if (!second.ok) throw new Error(second.error);
    expect(second.value).toEqual(first.value);
    expect(second.json).toBe(first.json);
  });

  it.each([
    ["editor export", lexicalExport],
    ["plain text", plainTextToRichText("a\nb\n\nc")],
    [
      "tabs, autolinks, empty paragraphs, numbered list with start",
      doc(
        p(text("a"), { type: "tab", text: "\t" }, text("b"), { type: "autolink", url: "https://x.nl", children: [text("x")] }),
        p(),
        { ...list("number", li(text("drie")), li(text("vier"))), start: 3 },
      ),
    ],
  ])("produces JSON that Lexical itself loads and exports unchanged: %s", (_name, input) => {
    const r = parseRichText(json(input));
    if (!r.ok) throw new Error(r.error);
    const editor = createEditor({
      nodes: [ListNode, ListItemNode, LinkNode, AutoLinkNode],
      onError: (e) => {
        throw e;
      },
    });
    const state = editor.parseEditorState(r.json);
    const again = parseRichText(json(state.toJSON()));
    if (!again.ok) throw new Error(again.error);
    expect(again.value).toEqual(r.value);
  });

  it("accepts an already parsed object", () => {
    expect(errorOf(doc(p(text("hallo"))))).toBe("ok");
  });

  it("strips unknown properties and inline styles", () => {
    const input = doc({ ...p({ ...text("x"), style: "background:url(https://evil.example/t.png)", onclick: "alert(1)" }), evil: true });
    const r = parseRichText(json(input));
    if (!r.ok) throw new Error(r.error);
    const para = r.value.root.children![0];
    expect(para).not.toHaveProperty("evil");
    expect(para.children![0]).not.toHaveProperty("onclick");
    expect(para.children![0].style).toBe("");
  });

  it("normalizes link attributes and URL", () => {
    const r = parseRichText(json(doc(p({ ...link("  https://Example.NL ", text("x")), target: "_top", rel: "opener" }))));
    if (!r.ok) throw new Error(r.error);
    const a = r.value.root.children![0].children![0];
    expect(a.url).toBe("https://example.nl/");
    expect(a.target).toBeNull();
    expect(a.rel).toBe("noopener noreferrer nofollow");
  });

  it("accepts mailto links and numbered lists with a start", () => {
    const d = doc(p(link("mailto:kennis@example.nl", text("mail"))), { ...list("number", li(text("a"))), start: 3 });
    expect(errorOf(json(d))).toBe("ok");
  });

  it("keeps script tags in text as text", () => {
    const r = parseRichText(json(doc(p(text("<script>alert(1)</script>")))));
    if (!r.ok) throw new Error(r.error);
    expect(r.text).toBe("<script>alert(1)</script>");
  });

  it("accepts text format bitmasks and rejects non-integers", () => {
    expect(errorOf(json(doc(p(text("x", 1 | 2 | 8 | 16)))))).toBe("ok");
    expect(errorOf(json(doc(p(text("x", 1.5)))))).toBe("invalid");
    expect(errorOf(json(doc(p(text("x", -1)))))).toBe("invalid");
    expect(errorOf(json(doc(p({ ...text("x"), format: "bold" }))))).toBe("invalid");
    expect(errorOf(json(doc(p({ ...text("x"), text: 42 }))))).toBe("invalid");
  });
});

describe("parseRichText: rejections", () => {
  it("rejects invalid JSON", () => {
    expect(errorOf("{not json")).toBe("invalid_json");
    expect(errorOf('{"root":')).toBe("invalid_json");
  });

  it("rejects JSON that is not a document", () => {
    expect(errorOf("42")).toBe("invalid");
    expect(errorOf("[]")).toBe("invalid");
    expect(errorOf(json({ root: { type: "paragraph", children: [] } }))).toBe("invalid");
    expect(errorOf(json({ root: { type: "root", children: "nope" } }))).toBe("invalid");
    expect(errorOf(json(doc(text("text directly under root"))))).toBe("invalid");
    expect(errorOf(json(doc(list("bullet", p(text("paragraph in a list"))))))).toBe("invalid");
    expect(errorOf(json(doc(list("check", li(text("x"))))))).toBe("invalid");
  });

  it("rejects unknown node types instead of dropping them", () => {
    expect(errorOf(json(doc(p(text("a")), { type: "image", src: "x.png", version: 1 })))).toBe("unknown_node");
    expect(errorOf(json(doc(p({ type: "html", html: "<img src=x onerror=alert(1)>" }))))).toBe("unknown_node");
    expect(errorOf(json(doc({ type: "heading", tag: "h1", children: [text("x")] })))).toBe("unknown_node");
  });

  it("rejects an empty document", () => {
    expect(errorOf("")).toBe("empty");
    expect(errorOf("   ")).toBe("empty");
    expect(errorOf(json(doc()))).toBe("empty");
    expect(errorOf(json(doc(p())))).toBe("empty");
    expect(errorOf(json(doc(p(text("   ")), p({ type: "linebreak", version: 1 }))))).toBe("empty");
  });

  it("rejects a 1 MB body before parsing", () => {
    const big = json(doc(p(text("a".repeat(1_000_000)))));
    expect(errorOf(big)).toBe("too_large");
    // garbage of that size is too large, not invalid JSON: size is checked first
    expect(errorOf("x".repeat(1_000_000))).toBe("too_large");
  });

  it("counts bytes, not characters", () => {
    const chars = Math.ceil(RICH_TEXT_LIMITS.maxBytes / 3) + 10; // under maxBytes in UTF-16 units, over in UTF-8
    expect(errorOf(json(doc(p(text("€".repeat(chars))))))).toBe("too_large");
  });

  it("rejects 100-level nesting", () => {
    let node: SerializedNode = li(text("deep"));
    for (let i = 0; i < 100; i++) node = li(list("bullet", node));
    expect(errorOf(json(doc(list("bullet", node))))).toBe("too_deep");
  });

  it("rejects very deep raw JSON without blowing the stack", () => {
    const deep = '{"root":{"type":"root","children":[' + '{"type":"list","listType":"bullet","children":[{"type":"listitem","children":['.repeat(1000) + "]}]}".repeat(1000) + "]}}";
    expect(errorOf(deep)).toBe("too_deep");
  });

  it("allows reasonable nesting", () => {
    let node: SerializedNode = li(link("https://example.nl", text("deep")));
    for (let i = 0; i < 4; i++) node = li(list("bullet", node));
    expect(errorOf(json(doc(list("bullet", node))))).toBe("ok");
  });

  it("rejects too many nodes", () => {
    const paragraphs = Array.from({ length: RICH_TEXT_LIMITS.maxNodes }, (_, i) => p(text(String(i % 10))));
    expect(errorOf(doc(...paragraphs))).toBe("too_large");
  });

  it("rejects non-string, non-object input", () => {
    expect(errorOf(42)).toBe("invalid");
    expect(errorOf(undefined)).toBe("empty");
  });
});

const UNSAFE_URLS = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "JAVASCRIPT:alert(1)",
  "  javascript:alert(1)",
  "\tjavascript:alert(1)",
  "java\tscript:alert(1)",
  "java\nscript:alert(1)",
  "java\rscript:alert(1)",
  "\u0000javascript:alert(1)",
  "\u0001javascript:alert(1)",
  "javascript\u0000:alert(1)",
  "\u200bjavascript:alert(1)",
  "&#106;avascript:alert(1)",
  "&#x6A;avascript:alert(1)",
  "javascript&colon;alert(1)",
  "javascript%3Aalert(1)",
  "jav&#x09;ascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "DATA:text/html,x",
  "vbscript:msgbox(1)",
  "VBScript:msgbox(1)",
  "file:///etc/passwd",
  "ftp://example.nl",
  "tel:+31201234567",
  "//evil.example",
  "\\\\evil.example",
  "/relative/path",
  "relative/path",
  "#anchor",
  "?q=1",
  "example.nl",
  "http://",
  "https://",
  "mailto:",
  "",
  "   ",
  "https://exa mple.nl",
  "https://example.nl/\u0000",
  "https://example.nl/" + "a".repeat(3000),
];
const UNSAFE_CASES = UNSAFE_URLS.map((url) => [JSON.stringify(url).slice(0, 60), url] as const);

describe("isSafeUrl", () => {
  it.each(UNSAFE_CASES)("rejects %s", (_label, url) => {
    expect(isSafeUrl(url)).toBe(false);
  });

  it.each([
    "https://example.nl",
    "http://example.nl/pad?x=1#y",
    "HTTPS://EXAMPLE.NL",
    "  https://example.nl  ",
    "mailto:kennis@example.nl",
    "https://intranet.bank.local/kb/123",
  ])("accepts %j", (url) => {
    expect(isSafeUrl(url)).toBe(true);
  });

  it("normalizes", () => {
    expect(normalizeSafeUrl(" HTTPS://Example.NL/a ")).toBe("https://example.nl/a");
    expect(normalizeSafeUrl(42)).toBeNull();
  });
});

describe("parseRichText: unsafe links", () => {
  it.each(UNSAFE_CASES)("rejects a link to %s", (_label, url) => {
    expect(errorOf(json(doc(p(link(url, text("klik"))))))).toBe("unsafe_link");
  });

  it("rejects unsafe autolinks and links without a URL", () => {
    expect(errorOf(json(doc(p({ type: "autolink", url: "javascript:alert(1)", children: [text("x")] }))))).toBe("unsafe_link");
    expect(errorOf(json(doc(p({ type: "link", children: [text("x")] }))))).toBe("invalid");
  });
});

describe("plain text conversion", () => {
  it("splits paragraphs on blank lines and keeps line breaks", () => {
    const d = plainTextToRichText("Eerste regel\ntweede regel\n\n\nNieuwe alinea\r\nmet CRLF\n   \nDerde");
    const blocks = d.root.children!;
    expect(blocks).toHaveLength(3);
    expect(blocks.every((b) => b.type === "paragraph")).toBe(true);
    expect(blocks[0].children!.map((c) => c.type)).toEqual(["text", "linebreak", "text"]);
    expect(blocks[0].children![0].text).toBe("Eerste regel");
    expect(blocks[1].children![2].text).toBe("met CRLF");
  });

  it("gives no paragraphs for blank input", () => {
    expect(plainTextToRichText("  \n\n  ").root.children).toEqual([]);
  });

  it("survives plain -> rich -> plain", () => {
    const plain = "Alinea een\nmet twee regels\n\nAlinea twee";
    expect(richTextToPlainText(plainTextToRichText(plain))).toBe(plain);
  });

  it("converted plain text is a valid document", () => {
    const r = parseRichText(json(plainTextToRichText("a\nb\n\nc")));
    expect(r.ok).toBe(true);
  });

  it("richTextToPlainText never throws on malformed trees", () => {
    expect(richTextToPlainText({ root: { type: "root", children: "x" as unknown as SerializedNode[] } })).toBe("");
    expect(richTextToPlainText(null as unknown as SerializedRoot)).toBe("");
    expect(richTextToPlainText({ root: { type: "root", children: [null, 1, p(text("ok"))] as unknown as SerializedNode[] } })).toBe("ok");
  });
});

describe("readRichTextField", () => {
  const valid = json(doc(p(text("Met JavaScript"))));

  it("prefers the editor JSON when present", () => {
    const form = new FormData();
    form.set("body", valid);
    form.set("bodyPlain", "ignored");
    const r = readRichTextField(form, "body");
    expect(r.ok && r.text).toBe("Met JavaScript");
    expect(r.raw).toEqual({ json: valid, plain: "ignored" });
  });

  it("falls back to the plain textarea without JavaScript", () => {
    const form = new FormData();
    form.set("bodyPlain", "Zonder JavaScript\n\nTweede alinea");
    const r = readRichTextField(form, "body");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.root.children).toHaveLength(2);
    expect(r.text).toBe("Zonder JavaScript\n\nTweede alinea");
  });

  it("uses the plain field when the JSON field is empty", () => {
    const r = readRichTextField({ body: "  ", bodyPlain: "tekst" }, "body");
    expect(r.ok).toBe(true);
  });

  it("validates the editor JSON and returns raw values on error", () => {
    const bad = json(doc(p(link("javascript:alert(1)", text("x")))));
    const r = readRichTextField({ body: bad }, "body");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBe("unsafe_link");
    expect(r.raw.json).toBe(bad);
  });

  it("limits plain text length and reports empty", () => {
    expect(readRichTextField({ bodyPlain: "a".repeat(RICH_TEXT_LIMITS.maxPlainChars + 1) }, "body")).toMatchObject({ ok: false, error: "too_large" });
    expect(readRichTextField({ bodyPlain: "   " }, "body")).toMatchObject({ ok: false, error: "empty" });
    expect(readRichTextField({}, "body")).toMatchObject({ ok: false, error: "empty", raw: { json: "", plain: "" } });
  });

  it("treats plain text with script tags as text", () => {
    const r = readRichTextField({ bodyPlain: "<script>alert(1)</script>" }, "body");
    expect(r.ok && r.text).toBe("<script>alert(1)</script>");
  });

  it("ignores uploaded files in place of the fields", () => {
    const form = new FormData();
    form.set("body", new Blob(["{}"]), "x.json");
    form.set("bodyPlain", "tekst");
    expect(readRichTextField(form, "body").ok).toBe(true);
  });
});
