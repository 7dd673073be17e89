/** The Meilisearch HTTP client asks for no compression and keeps connections alive (docs/decisions/0007). */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meiliHttpClient } from "./http-client.server";

const seen: { headers: http.IncomingHttpHeaders; socket: number }[] = [];
let server: http.Server;
let base: string;
let sockets = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ headers: req.headers, socket: (req.socket as unknown as { id: number }).id });
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify({ ok: true }));
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
});
