import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { RichTextView } from "./rich-text-view";
import { RichTextEditor } from "./rich-text-editor";
import { plainTextToRichText, type SerializedNode, type SerializedRoot } from "../../schemas/rich-text.shared";

const text = (t: string, format = 0): SerializedNode => ({ type: "text", text: t, format, detail: 0, mode: "normal", style: "", version: 1 });
const p = (...children: SerializedNode[]): SerializedNode => ({ type: "paragraph", children, version: 1 });
const link = (url: string, ...children: SerializedNode[]): SerializedNode => ({ type: "link", url, children, version: 1 });
const list = (listType: string, ...children: SerializedNode[]): SerializedNode => ({ type: "list", listType, children, version: 1 });
const li = (...children: SerializedNode[]): SerializedNode => ({ type: "listitem", children, version: 1 });
const doc = (...children: SerializedNode[]): SerializedRoot => ({ root: { type: "root", children, version: 1 } });

const render = (json: string | SerializedRoot) => renderToStaticMarkup(<RichTextView json={json} />);

describe("RichTextView", () => {
  it("renders paragraphs, line breaks and formats", () => {
    const html = render(doc(p(text("vet", 1), text(" "), text("schuin", 2), text(" "), text("onder", 8), text(" "), text("code", 16)), p(text("a"), { type: "linebreak" }, text("b"))));
    expect(html).toBe(
      '<div class="rich-text"><p><strong>vet</strong> <em>schuin</em> <u>onder</u> <code>code</code></p><p>a<br/>b</p></div>',
    );
  });

  it("combines formats", () => {
    expect(render(doc(p(text("x", 1 | 2))))).toContain("<strong><em>x</em></strong>");
  });

  it("accepts a JSON string", () => {
    expect(render(JSON.stringify(plainTextToRichText("een\n\ntwee")))).toBe('<div class="rich-text"><p>een</p><p>twee</p></div>');
  });

  it("renders lists, including nested lists inside list items", () => {
    const html = render(doc(list("bullet", li(text("a")), li(list("number", li(text("b")))))));
    expect(html).toBe(
      '<div class="rich-text"><ul><li>a</li><li class="rt-nested-listitem"><ol><li>b</li></ol></li></ul></div>',
    );
  });

  it("renders safe links with rel", () => {
    const html = render(doc(p(link("https://example.nl/a?b=1&c=2", text("hier")), text(" "), link("mailto:x@example.nl", text("mail")))));
    expect(html).toContain('<a href="https://example.nl/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">hier</a>');
    expect(html).toContain('<a href="mailto:x@example.nl" rel="noopener noreferrer nofollow">mail</a>');
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "  javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\u0000javascript:alert(1)",
    "&#106;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example",
    "/relative",
  ])("renders the text of an unsafe link %j without an anchor", (url) => {
    const html = render(doc(p(link(url, text("klik")))));
    expect(html).toBe('<div class="rich-text"><p>klik</p></div>');
    expect(html).not.toContain("<a");
    expect(html.toLowerCase()).not.toContain("script:");
  });

  it("escapes script tags and HTML in text", () => {
    const html = render(doc(p(text('<script>alert("x")</script><img src=x onerror=alert(1)>'))));
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
  });

  it("renders nothing for unknown node types", () => {
    const html = render(
      doc(
        p(text("ok")),
        { type: "html", html: "<script>alert(1)</script>", children: [] },
        { type: "image", src: "javascript:alert(1)" },
        p({ type: "mention", text: "x" }, text("!")),
      ),
    );
    expect(html).toBe('<div class="rich-text"><p>ok</p><p>!</p></div>');
  });

  it("does not render nodes in positions they cannot have", () => {
    const html = render(doc(text("loose text"), p(list("bullet", li(text("x")))), list("bullet", p(text("y")))));
    expect(html).toBe('<div class="rich-text"><p><br/></p><ul></ul></div>');
  });

  it("survives malformed trees without throwing", () => {
    const cases: unknown[] = [
      "{not json",
      "",
      "null",
      "42",
      "[]",
      { root: null },
      { root: { type: "paragraph" } },
      { root: { type: "root", children: "not an array" } },
      { root: { type: "root", children: [null, 1, "x", [], { type: 5 }, { children: [] }] } },
      { root: { type: "root", children: [{ type: "paragraph", children: { 0: text("x") } }] } },
      { root: { type: "root", children: [{ type: "paragraph", children: [{ type: "text", text: 42, format: "bold" }] }] } },
      { root: { type: "root", children: [{ type: "list", listType: "check", children: [li(text("x"))] }] } },
      { root: { type: "root", children: [{ type: "paragraph", children: [{ type: "link", url: 12, children: [text("x")] }] }] } },
      { root: { type: "root", children: [{ type: "paragraph", children: [{ type: "text", text: "x", format: 1.5 }] }] } },
    ];
    for (const c of cases) {
      expect(() => render(c as SerializedRoot)).not.toThrow();
      expect(render(c as SerializedRoot)).toMatch(/^<div class="rich-text">/);
    }
  });

  it("survives very deep nesting", () => {
    let node: SerializedNode = li(text("diep"));
    for (let i = 0; i < 5000; i++) node = li(list("bullet", node));
    const root = doc(list("bullet", node));
    expect(() => render(root)).not.toThrow();
    expect(render(root)).not.toContain("diep");
  });

  it("handles cyclic objects", () => {
    const para: SerializedNode = { type: "paragraph", children: [] };
    para.children!.push(para);
    const root = doc(para);
    root.root.children!.push(root.root);
    expect(() => render(root)).not.toThrow();
  });
});

describe("RichTextEditor (server render, no JavaScript)", () => {
  const labels = {
    bold: "Vet",
    italic: "Cursief",
    bulletList: "Opsomming",
    numberedList: "Genummerde lijst",
    link: "Link",
    linkPrompt: "Adres van de link",
    removeLink: "Link verwijderen",
  };

  it("renders a labelled textarea posting <name>Plain, and no JSON field", () => {
    const html = renderToStaticMarkup(
      <RichTextEditor
        name="body"
        id="entry-body"
        label="Inhoud"
        labels={labels}
        defaultJson={JSON.stringify(plainTextToRichText("Eerste <b>alinea</b>\n\nTweede"))}
        error="Vul de inhoud in"
        describedBy="body-hint"
      />,
    );
    expect(html).toContain('<label id="entry-body-label" for="entry-body" class="rt-label">Inhoud</label>');
    expect(html).toMatch(/<textarea id="entry-body" name="bodyPlain"[^>]*aria-invalid="true"[^>]*aria-describedby="body-hint entry-body-error"[^>]*>/);
    expect(html).toContain(">Eerste &lt;b&gt;alinea&lt;/b&gt;\n\nTweede</textarea>");
    expect(html).toContain('<p id="entry-body-error" class="rt-error">Vul de inhoud in</p>');
    expect(html).not.toContain('name="body"');
    expect(html).not.toContain("contenteditable");
  });

  it("prefers defaultPlain (e.g. a re-filled no-JavaScript post) and survives invalid JSON", () => {
    expect(renderToStaticMarkup(<RichTextEditor name="b" label="L" labels={labels} defaultPlain="gepost" />)).toContain(">gepost</textarea>");
    expect(renderToStaticMarkup(<RichTextEditor name="b" label="L" labels={labels} defaultJson="{kapot" />)).toContain("></textarea>");
    const unsafe = JSON.stringify({ root: { type: "root", children: [p(link("javascript:alert(1)", text("klik")))] } });
    expect(renderToStaticMarkup(<RichTextEditor name="b" label="L" labels={labels} defaultJson={unsafe} />)).toContain(">klik</textarea>");
  });
});
