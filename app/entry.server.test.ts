import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { isDatabaseBusy, preloadsWithNonce } from "./entry.server";

async function through(chunks: Buffer[], nonce = "N0nce") {
  const out: Buffer[] = [];
  const stream = Readable.from(chunks).pipe(preloadsWithNonce(nonce));
  for await (const chunk of stream) out.push(Buffer.from(chunk));
  return Buffer.concat(out).toString("utf8");
}

describe("preloadsWithNonce", () => {
  const html = '<head><link rel="modulepreload" href="/build/a.js"/></head><body>é ünïcode<link rel="modulepreload" href="/build/b.js"/></body>';
  const expected = html.replaceAll('<link rel="modulepreload"', '<link nonce="N0nce" rel="modulepreload"');

  it("gives every module preload the page's nonce", async () => {
    expect(await through([Buffer.from(html)])).toBe(expected);
  });

  it("also when a link or a character is split across chunks, at every point", async () => {
    const bytes = Buffer.from(html);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await through([bytes.subarray(0, cut), bytes.subarray(cut)])).toBe(expected);
    }
    expect(await through([...bytes].map((b) => Buffer.from([b])))).toBe(expected);
  });
});

describe("isDatabaseBusy", () => {
  it("knows SQLite's locked database however it is wrapped", () => {
    expect(isDatabaseBusy(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" }))).toBe(true);
    expect(isDatabaseBusy(new Error("Invalid prisma call", { cause: new Error("SQLITE_BUSY: database is locked") }))).toBe(true);
    expect(isDatabaseBusy(new Error("Unique constraint failed"))).toBe(false);
    expect(isDatabaseBusy(undefined)).toBe(false);
  });
});
