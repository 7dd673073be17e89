import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { isDatabaseBusy, joinedWrites, preloadsWithNonce } from "./entry.server";

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

describe("joinedWrites", () => {
  it("passes what is written in one go on as one chunk, and what comes later as another", async () => {
    const joined = joinedWrites();
    const out: string[] = [];
    joined.on("data", (chunk: Buffer) => out.push(chunk.toString("utf8")));
    const ended = new Promise((resolve) => joined.on("end", resolve));
    // As React writes a page: many pieces in one turn of the event loop.
    for (let i = 0; i < 20; i++) joined.write(Buffer.from(`<p>${i}</p>`));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(out).toEqual([Array.from({ length: 20 }, (_, i) => `<p>${i}</p>`).join("")]);
    // A part that is ready later (a streamed boundary), then the end right after a last piece.
    joined.write(Buffer.from("<div>later</div>"));
    joined.write(Buffer.from("<div>last</div>"));
    joined.end();
    await ended;
    expect(out.slice(1).join("")).toBe("<div>later</div><div>last</div>");
    expect(out).toHaveLength(2);
  });

  it("loses nothing of a page", async () => {
    const page = "é ünïcode ".repeat(5000);
    const bytes = Buffer.from(page);
    const joined = Readable.from(Array.from({ length: Math.ceil(bytes.length / 2048) }, (_, i) => bytes.subarray(i * 2048, (i + 1) * 2048))).pipe(joinedWrites());
    const out: Buffer[] = [];
    for await (const chunk of joined) out.push(chunk as Buffer);
    expect(Buffer.concat(out).toString("utf8")).toBe(page);
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
