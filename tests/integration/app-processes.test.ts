/**
 * Several app processes on one database (docs/decisions/0052), each a real server (`server/main.ts`, the
 * Remix build; built first when app/ is newer than it):
 *  - two servers A and B, one process each, as two machines would be: a logout, a disabled account and a
 *    role change on A are refused on B on the very next request, though B keeps session reads for a minute;
 *  - exactly one process runs the search outbox worker and one the scheduler; when the outbox's process is
 *    killed outright, the other takes over once the lease has expired, and rows written meanwhile go out;
 *  - one server with WEB_CONCURRENCY=2: two app processes answer on one port, one runs the outbox worker, and
 *    a killed one is replaced while the other takes its role over.
 */
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listLeases } from "~/models/job-lease.server";
import { db } from "~/utils/db.server";
import { createSession } from "~/utils/session.server";
import { buildIfNeeded } from "../bench/server";
import { makeUser, uid } from "../support/factories";
import { freePort } from "../support/ports";

const LEASE_MS = 1500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Server = { name: string; url: string; child: ChildProcess; output: () => string };
const started: Server[] = [];

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms\n${started.map((s) => `--- ${s.name}\n${s.output().slice(-3000)}`).join("\n")}`);
    await sleep(50);
  }
}

/** The real server on this test file's database and the test run's Meilisearch. */
async function startServer(name: string, env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: path.resolve("."),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      SEED_DEMO: "never",
      WEB_CONCURRENCY: "1",
      JOB_LEASE_MS: String(LEASE_MS),
      // Long enough that only the shared version can explain a change seen on the next request.
      SESSION_CACHE_MS: "60000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: the cleanup stops the whole tree (a cluster's app processes too).
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
  child.stderr?.on("data", (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
  const server = { name, url: `http://127.0.0.1:${port}`, child, output: () => output };
  started.push(server);
  await until(`${name} answering /healthz`, 90_000, async () => ((await health(server)).status === "ok" ? true : undefined));
  return server;
}

type Health = { status: string; process: { pid: number; jobs: string[] } };

/** /healthz on a new connection each time, so a cluster's processes take turns answering. */
function health(server: Server): Promise<Health> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${server.url}/healthz`, { agent: false, headers: { Connection: "close" } }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => {
        try {
          resolve(JSON.parse(body) as Health);
        } catch (error) {
          reject(error);
        }
      });
    });
    req.on("error", reject);
    req.setTimeout(5000, () => req.destroy(new Error("timeout")));
  });
}

function stopServer(server: Server) {
  if (server.child.pid && server.child.exitCode === null) {
    try {
      process.kill(-server.child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
}

const cookiePair = (setCookie: string) => setCookie.split(";")[0];

async function signIn(role: "EMPLOYEE" | "ADMIN" = "EMPLOYEE") {
  const user = await makeUser({ role });
  const cookie = cookiePair(await createSession(new Request("http://127.0.0.1/"), user.id));
  return { user, cookie };
}

/** A signed-in page; 200 while the session grants it, a redirect to /login once it does not. */
async function settingsPage(server: Server, cookie: string) {
  const res = await fetch(`${server.url}/settings`, { headers: { cookie }, redirect: "manual" });
  return { status: res.status, location: res.headers.get("location") };
}

async function post(server: Server, pathname: string, cookie: string, fields: Record<string, string>) {
  const res = await fetch(`${server.url}${pathname}`, {
    method: "POST",
    headers: { cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
  return res.status;
}

beforeAll(() => {
  buildIfNeeded((line) => console.log(`[app-processes] ${line}`));
}, 300_000);

afterAll(async () => {
  for (const server of started) stopServer(server);
  await sleep(500);
});

describe("two app servers on one database", () => {
  let a: Server;
  let b: Server;

  beforeAll(async () => {
    [a, b] = await Promise.all([startServer("A"), startServer("B")]);
  }, 120_000);

  it("a logout, a disabled account and a role change on A are refused on B at the very next request", async () => {
    const admin = await signIn("ADMIN");
    const leaving = await signIn();
    const disabled = await signIn();
    const promoted = await signIn();
    // B and A keep each session's read (each page asked for twice).
    for (const person of [leaving, disabled, promoted]) {
      for (const server of [b, a, b, a]) expect(await settingsPage(server, person.cookie), `${person.user.email} on ${server.name}`).toMatchObject({ status: 200 });
    }

    expect(await post(a, "/logout", leaving.cookie, {})).toBe(302);
    expect(await settingsPage(b, leaving.cookie)).toMatchObject({ status: 302, location: expect.stringMatching(/^\/login/) });

    expect(await post(a, `/admin/users/${disabled.user.id}`, admin.cookie, { formId: "user-status", intent: "disable" })).toBe(302);
    expect(await settingsPage(b, disabled.cookie)).toMatchObject({ status: 302, location: expect.stringMatching(/^\/login/) });

    expect(
      await post(a, `/admin/users/${promoted.user.id}`, admin.cookie, { formId: "user-update", intent: "update", name: promoted.user.name, role: "KNOWLEDGE_MANAGER", departmentId: "", locale: "nl" }),
    ).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: promoted.user.id } })).role).toBe("KNOWLEDGE_MANAGER");
    expect(await settingsPage(b, promoted.cookie)).toMatchObject({ status: 302, location: expect.stringMatching(/^\/login/) });

    // The admin's own session, kept on B all along, still works: nothing was dropped that should not be.
    expect(await settingsPage(b, admin.cookie)).toMatchObject({ status: 200 });
  });

  it("exactly one runs the outbox worker and one the scheduler; when the outbox's process dies the other takes over", async () => {
    const roles = async () => {
      const [ha, hb] = await Promise.all([health(a), health(b)]);
      return [ha, hb].map((h) => ({ pid: h.process.pid, jobs: h.process.jobs }));
    };
    const settled = await until("each role held by one process", 10_000, async () => {
      const now = await roles();
      const outbox = now.filter((p) => p.jobs.includes("search-outbox"));
      const scheduler = now.filter((p) => p.jobs.includes("scheduler"));
      return outbox.length === 1 && scheduler.length === 1 ? now : undefined;
    });
    // Held for a while, by the same single process (renewals, no flapping).
    await sleep(LEASE_MS * 2);
    expect(await roles()).toEqual(settled);
    const holder = settled.find((p) => p.jobs.includes("search-outbox"))!;
    const leases = await listLeases();
    expect(leases.find((l) => l.name === "search-outbox")?.holder).toContain(`:${holder.pid}:`);

    // The worker pushes what is written now (a document gone from the database: the worker deletes it from the index).
    const first = await db.searchOutbox.create({ data: { indexName: "entries", documentId: uid("gone"), operation: "UPSERT" } });
    await until("the row pushed by the worker", 10_000, async () => ((await db.searchOutbox.findUniqueOrThrow({ where: { id: first.id } })).processedAt ? true : undefined));

    // roles() lists A then B.
    const survivor = settled[0].pid === holder.pid ? b : a;
    const killedAt = Date.now();
    process.kill(holder.pid, "SIGKILL");
    const second = await db.searchOutbox.create({ data: { indexName: "entries", documentId: uid("gone"), operation: "UPSERT" } });
    await until("the other process running the outbox worker", 10_000, async () => ((await health(survivor)).process.jobs.includes("search-outbox") ? true : undefined));
    const tookOver = Date.now() - killedAt;
    await until("the row written after the kill pushed", 10_000, async () => ((await db.searchOutbox.findUniqueOrThrow({ where: { id: second.id } })).processedAt ? true : undefined));
    console.log(`[app-processes] outbox worker taken over ${tookOver} ms after its process was killed (lease ${LEASE_MS} ms)`);
    // Not before the lease ran out: the killed process had renewed it at most a third of a lease earlier.
    expect(tookOver).toBeGreaterThanOrEqual(LEASE_MS / 2);
    await until("the survivor running both roles", 10_000, async () => ((await health(survivor)).process.jobs.join() === "scheduler,search-outbox" ? true : undefined));
  });

  afterAll(() => {
    stopServer(a);
    stopServer(b);
  });
});

describe("one server with WEB_CONCURRENCY=2", () => {
  it("answers from two app processes, runs one outbox worker, and replaces a killed process", async () => {
    // The servers above have given their leases up or let them expire.
    await sleep(LEASE_MS * 1.5);
    const server = await startServer("C", { WEB_CONCURRENCY: "2" });
    const seen = new Map<number, string[]>();
    // Generous waits: each app process imports the build on its own, which on a busy 2-core machine took over 20 s once.
    await until("answers from two app processes, one of them running the outbox worker", 60_000, async () => {
      const h = await health(server);
      seen.set(h.process.pid, h.process.jobs);
      const outbox = [...seen.values()].filter((jobs) => jobs.includes("search-outbox"));
      return seen.size === 2 && outbox.length === 1 ? true : undefined;
    });
    const holder = [...seen].find(([, jobs]) => jobs.includes("search-outbox"))![0];
    const other = [...seen.keys()].find((pid) => pid !== holder)!;
    expect(holder).not.toBe(server.child.pid);

    process.kill(holder, "SIGKILL");
    // The other process takes the role over; the primary starts a third in the killed one's place.
    await until("the outbox worker in another process and a new app process", 60_000, async () => {
      const h = await health(server);
      seen.set(h.process.pid, h.process.jobs);
      return seen.get(other)?.includes("search-outbox") && seen.size === 3 ? true : undefined;
    });
    const row = await db.searchOutbox.create({ data: { indexName: "entries", documentId: uid("gone"), operation: "UPSERT" } });
    await until("the row pushed", 30_000, async () => ((await db.searchOutbox.findUniqueOrThrow({ where: { id: row.id } })).processedAt ? true : undefined));
    stopServer(server);
  }, 240_000);
});
