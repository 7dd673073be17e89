import { describe, expect, it } from "vitest";
import { exportLine, parseEntryLine, parseEntryLines } from "./entry-import";
import { LIMITS } from "./note.shared";
import { plainTextToRichText } from "./rich-text.shared";

const line = (fields: Record<string, unknown>) => JSON.stringify({ externalId: "kb-1", title: "Basisrente", body: "De basisrente staat op de rekening.", tags: ["rente"], ...fields });

describe("one line of an import file", () => {
  it("turns plain text into Lexical paragraphs, as the note form's textarea does", () => {
    const result = parseEntryLine(line({ body: "Eerste alinea.\n\nTweede alinea." }), 1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(JSON.parse(result.entry.body.json)).toEqual(JSON.parse(JSON.stringify(plainTextToRichText("Eerste alinea.\n\nTweede alinea."))));
    expect(result.entry.body.text).toBe("Eerste alinea.\n\nTweede alinea.");
  });

  it("takes a Lexical document as the body and keeps only what the allowlist knows", () => {
    const doc = { root: { type: "root", children: [{ type: "paragraph", children: [{ type: "text", text: "Vet", format: 1, style: "color:red" }] }] } };
    const result = parseEntryLine(line({ body: doc }), 1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.entry.body.text).toBe("Vet");
    expect(result.entry.body.json).not.toContain("color:red");
  });

  it("normalises tags and the community like the forms, and allows both to be left out", () => {
    const result = parseEntryLine(JSON.stringify({ externalId: " kb-2 ", title: "  Kasbon  ", body: "Tekst" }), 4);
    expect(result).toMatchObject({ ok: true, entry: { line: 4, externalId: "kb-2", title: "Kasbon", tags: [], community: null } });
    const tagged = parseEntryLine(line({ tags: ["Spaarrekening", "spaarrekening ", "Itsme"], community: "sparen" }), 1);
    expect(tagged).toMatchObject({ ok: true, entry: { tags: ["spaarrekening", "itsme"], community: "sparen" } });
  });

  it("says what is wrong with each field, in words", () => {
    const result = parseEntryLine(JSON.stringify({ externalId: "kb 1", title: "", body: "", tags: ["bad!"] }), 1);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.messages).toEqual([
      "externalId: This value is not valid.",
      "title: This field is required.",
      "tags.0: A tag consists of letters, digits, spaces or hyphens (at most 40 characters).",
      "body: This field is required.",
    ]);
  });

  it("applies the entry limits: title length, number of tags, body size", () => {
    const long = parseEntryLine(line({ title: "x".repeat(LIMITS.titleMax + 1) }), 1);
    expect(long).toEqual({ ok: false, messages: [expect.stringMatching(new RegExp(`^title: .*${LIMITS.titleMax}`))] });
    const tags = parseEntryLine(line({ tags: Array.from({ length: LIMITS.tagsMax + 1 }, (_, i) => `tag${i}`) }), 1);
    expect(tags).toEqual({ ok: false, messages: [expect.stringMatching(new RegExp(`^tags: .*${LIMITS.tagsMax}`))] });
    const body = parseEntryLine(line({ body: "woord ".repeat(5000) }), 1);
    expect(body).toEqual({ ok: false, messages: ["body: The text is too long."] });
  });

  it("refuses unsafe links and unknown nodes in a Lexical body", () => {
    const link = { root: { type: "root", children: [{ type: "paragraph", children: [{ type: "link", url: "javascript:alert(1)", children: [{ type: "text", text: "x" }] }] }] } };
    expect(parseEntryLine(line({ body: link }), 1)).toEqual({ ok: false, messages: ["body: Links must start with http://, https:// or mailto:."] });
    const image = { root: { type: "root", children: [{ type: "image", src: "x" }] } };
    expect(parseEntryLine(line({ body: image }), 1)).toEqual({ ok: false, messages: ["body: The text contains formatting that is not allowed."] });
  });

  it("refuses what is not a JSON object", () => {
    expect(parseEntryLine("{nope", 1)).toEqual({ ok: false, messages: ["not valid JSON"] });
    expect(parseEntryLine("[1,2]", 1)).toEqual({ ok: false, messages: ["not a JSON object"] });
    expect(parseEntryLine(line({ body: 42 }), 1)).toEqual({ ok: false, messages: ["body: This value is not valid."] });
  });
});

describe("a whole import file", () => {
  it("reports every bad line by its number and returns no entries", () => {
    const text = [line({ externalId: "a" }), "", "{broken", line({ externalId: "b", title: "" }), line({ externalId: "c" })].join("\n");
    const result = parseEntryLines(text);
    expect(result).toEqual({
      ok: false,
      valid: 2,
      errors: [
        { line: 3, messages: ["not valid JSON"] },
        { line: 4, messages: ["title: This field is required."] },
      ],
    });
  });

  it("refuses an externalId used twice, on its second line", () => {
    const result = parseEntryLines([line({ externalId: "a" }), line({ externalId: "b" }), line({ externalId: "a" })].join("\n"));
    expect(result).toEqual({ ok: false, valid: 2, errors: [{ line: 3, messages: ['externalId: "a" is already on line 1'] }] });
  });

  it("skips blank lines, a byte order mark and Windows line ends", () => {
    const result = parseEntryLines("\uFEFF" + [line({ externalId: "a" }), "   ", line({ externalId: "b" })].join("\r\n") + "\r\n");
    expect(result.ok && result.entries.map((e) => [e.line, e.externalId])).toEqual([
      [1, "a"],
      [3, "b"],
    ]);
  });

  it("refuses an empty file", () => {
    expect(parseEntryLines("\n\n")).toEqual({ ok: false, valid: 0, errors: [{ line: 1, messages: ["the file holds no entries"] }] });
  });

  it("reads back what the export writes", () => {
    const parsed = parseEntryLines(line({ community: "sparen" }));
    if (!parsed.ok) throw new Error("fixture");
    const [entry] = parsed.entries;
    const again = parseEntryLines(exportLine({ externalId: entry.externalId, title: entry.title, bodyJson: entry.body.json, tags: entry.tags, community: entry.community }));
    expect(again.ok && again.entries[0]).toEqual(entry);
  });
});
