/**
 * Issue 13: rate limits per person and per address (429 with Retry-After and a page that says when
 * to try again), and load shedding (503 with Retry-After, never a slow pile-up), through real HTTP
 * on the middleware the server uses, with the same session lookup (docs/decisions/0045).
 */
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { createSession } from "~/utils/session.server";
import { limitKind, loadShedding, rateLimits } from "../../server/limits";
import { personOfRequest } from "../../server/person";
import { makeUser } from "../support/factories";

const servers: { close: () => void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function serve(app: express.Express) {
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function limited(settings: { write: number; search: number; pdf: number; addressFactor: number }) {
  const app = express();
  app.use(rateLimits(settings, personOfRequest));
  app.all("*", (_req, res) => {
    res.send("ok");
  });
  return serve(app);
}

async function cookieOf() {
  const user = await makeUser();
  return (await createSession(new Request("http://localhost:3000/login"), user.id)).split(";")[0];
}

describe("limitKind", () => {
  it("counts writes, searches and PDFs, and nothing else", () => {
    expect(limitKind("POST", "/notes/new")).toBe("write");
    expect(limitKind("DELETE", "/anything")).toBe("write");
    expect(limitKind("GET", "/search")).toBe("search");
    expect(limitKind("GET", "/questions/similar")).toBe("search");
    expect(limitKind("GET", "/reports/abc/pdf")).toBe("pdf");
    expect(limitKind("GET", "/learning/department/pdf")).toBe("pdf");
    expect(limitKind("GET", "/reports/abc/csv")).toBeNull();
    expect(limitKind("GET", "/entries/abc")).toBeNull();
  });
});

describe("rate limits", () => {
  it("give each person their own allowance, and answer 429 with Retry-After and a page beyond it", async () => {
    const base = await limited({ write: 3, search: 2, pdf: 1, addressFactor: 100 });
    const ann = await cookieOf();
    const bob = await cookieOf();
    const post = (cookie: string) => fetch(`${base}/notes/new`, { method: "POST", headers: { cookie } });
    for (let i = 0; i < 3; i++) expect((await post(ann)).status).toBe(200);
    const refused = await post(ann);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    const html = await refused.text();
    expect(html).toContain("Even geduld");
    expect(html).toContain("Please wait");
    expect(html).not.toContain("<script");
    // Another person is not held back by Ann.
    expect((await post(bob)).status).toBe(200);
    // Searches and PDFs count apart from writes.
    expect((await fetch(`${base}/search?q=a`, { headers: { cookie: ann } })).status).toBe(200);
    expect((await fetch(`${base}/search?q=b`, { headers: { cookie: ann } })).status).toBe(200);
    expect((await fetch(`${base}/search?q=c`, { headers: { cookie: ann } })).status).toBe(429);
    expect((await fetch(`${base}/reports/r1/pdf`, { headers: { cookie: ann } })).status).toBe(200);
    expect((await fetch(`${base}/reports/r1/pdf`, { headers: { cookie: ann } })).status).toBe(429);
    // Pages that are not limited stay open.
    expect((await fetch(`${base}/entries/e1`, { headers: { cookie: ann } })).status).toBe(200);
  });

  it("hold one address to its factor times a person's allowance, signed in or not", async () => {
    const base = await limited({ write: 2, search: 2, pdf: 1, addressFactor: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await fetch(`${base}/login`, { method: "POST" })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });

  it("a new session does not give a person a new allowance", async () => {
    const base = await limited({ write: 2, search: 2, pdf: 1, addressFactor: 100 });
    const user = await makeUser();
    const session = async () => (await createSession(new Request("http://localhost:3000/login"), user.id)).split(";")[0];
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${base}/x`, { method: "POST", headers: { cookie: await session() } })).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it("tell the app's own error page in a data request", async () => {
    const base = await limited({ write: 1, search: 1, pdf: 1, addressFactor: 1 });
    await fetch(`${base}/search?_data=routes%2Fsearch`);
    const refused = await fetch(`${base}/search?_data=routes%2Fsearch`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("x-remix-catch")).toBe("yes");
    expect(await refused.json()).toMatchObject({ message: "rate_limited" });
  });

  it("can be turned off with 0", async () => {
    const base = await limited({ write: 0, search: 0, pdf: 0, addressFactor: 1 });
    for (let i = 0; i < 20; i++) expect((await fetch(`${base}/x`, { method: "POST" })).status).toBe(200);
  });
});

describe("load shedding", () => {
  it("works on a few requests at once, queues some, and answers the rest 503 with Retry-After at once", async () => {
    const app = express();
    app.use(loadShedding({ maxActive: 2, maxQueue: 2, queueTimeoutMs: 5_000 }));
    app.all("*", (_req, res) => {
      setTimeout(() => res.send("ok"), 300);
    });
    const base = await serve(app);
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 7 }, async () => {
        const response = await fetch(`${base}/search`);
        return { status: response.status, retryAfter: response.headers.get("retry-after"), ms: Date.now() - started };
      }),
    );
    const ok = answers.filter((a) => a.status === 200);
    const shed = answers.filter((a) => a.status === 503);
    expect(ok).toHaveLength(4);
    expect(shed).toHaveLength(3);
    for (const a of shed) {
      expect(a.retryAfter).toBe("5");
      expect(a.ms).toBeLessThan(250);
    }
    // The queued ones ran after the first two: two rounds of 300 ms.
    expect(Math.max(...ok.map((a) => a.ms))).toBeGreaterThanOrEqual(550);
  });

  it("answers 503 to a request that waited longer than the queue timeout", async () => {
    const app = express();
    app.use(loadShedding({ maxActive: 1, maxQueue: 10, queueTimeoutMs: 200 }));
    app.all("*", (_req, res) => {
      setTimeout(() => res.send("ok"), 600);
    });
    const base = await serve(app);
    const [first, second] = await Promise.all([fetch(`${base}/a`), fetch(`${base}/b`)]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(503);
    // The slot is free again afterwards.
    expect((await fetch(`${base}/c`)).status).toBe(200);
  });
});
