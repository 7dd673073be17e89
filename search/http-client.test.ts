/** The Meilisearch HTTP client asks for no compression and keeps connections alive (docs/decisions/0007). */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeSearchError, meiliHttpClient } from "./http-client.server";

const seen: { headers: http.IncomingHttpHeaders; socket: number }[] = [];
let server: http.Server;
let base: string;
let sockets = 0;
let inFlight = 0;
let mostInFlight = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ headers: req.headers, socket: (req.socket as unknown as { id: number }).id });
    res.setHeader("Content-Type", "application/json");
    if (!req.url?.startsWith("/slow")) return void res.end(JSON.stringify({ ok: true }));
    // A search that takes a while: counts how many are with the server at once.
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      res.end(JSON.stringify({ ok: req.url }));
    }, 150);
  });
  server.on("connection", (socket) => ((socket as unknown as { id: number }).id = ++sockets));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("meiliHttpClient", () => {
  it("does not ask for compressed answers and reuses its connection", async () => {
    const client = meiliHttpClient(1000);
    expect(await client(`${base}/indexes/x/search`, { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } })).toEqual({ ok: true });
    await client(`${base}/health`);
    expect(seen).toHaveLength(2);
    for (const request of seen) expect(request.headers["accept-encoding"] ?? "").not.toMatch(/gzip|br|deflate/);
    expect(seen[1].socket).toBe(seen[0].socket);
  });

  it("has at most maxConcurrent requests with the server at once; the others wait their turn", async () => {
    mostInFlight = 0;
    const client = meiliHttpClient(5000, 2);
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => client(`${base}/slow/${i}`)));
    expect(answers).toEqual(Array.from({ length: 6 }, (_, i) => ({ ok: `/slow/${i}` })));
    expect(mostInFlight).toBe(2);
  });

  it("counts its timeout from the call, the wait for a turn included", async () => {
    const client = meiliHttpClient(200, 1);
    const started = Date.now();
    const [first, second, third] = await Promise.allSettled([client(`${base}/slow/a`), client(`${base}/slow/b`), client(`${base}/slow/c`)]);
    expect(first.status).toBe("fulfilled");
    // The second waits 150 ms for its turn and would need 150 more: it gives up at 200 ms, not at 300.
    expect(second.status).toBe("rejected");
    expect(third.status).toBe("rejected");
    expect(Date.now() - started).toBeLessThan(290);
    expect(String(((second as PromiseRejectedResult).reason as { cause?: unknown }).cause)).toMatch(/timed out after 200 ms/);
  });

  it("a failed request is logged with why it failed: a timeout, a refused connection", async () => {
    const slow = await meiliHttpClient(50)(`${base}/slow/x`).catch((error: unknown) => error);
    expect(describeSearchError(slow)).toBe(`Request to ${base}/slow/x has failed: timed out after 50 ms`);
    const closed = await new Promise<number>((resolve) => {
      const probe = http.createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const refused = await meiliHttpClient(1000)(`http://127.0.0.1:${closed}/health`).catch((error: unknown) => error);
    expect(describeSearchError(refused)).toMatch(/has failed: connect ECONNREFUSED 127\.0\.0\.1:\d+/);
  });
});
