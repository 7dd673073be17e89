import { describe, expect, it } from "vitest";
import { parseForm } from "./form";
import { MarkWhatsNewSeenSchema } from "./whats-new";

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};

describe("MarkWhatsNewSeenSchema", () => {
  it("reads the moment the page was loaded", () => {
    const result = parseForm(MarkWhatsNewSeenSchema, form({ seenUntil: "2026-12-07T08:15:00.000Z" }));
    expect(result).toMatchObject({ ok: true, data: { seenUntil: new Date("2026-12-07T08:15:00.000Z") } });
  });
  it("refuses anything else", () => {
    expect(parseForm(MarkWhatsNewSeenSchema, form({ seenUntil: "yesterday" })).ok).toBe(false);
    expect(parseForm(MarkWhatsNewSeenSchema, form({})).ok).toBe(false);
  });
});
