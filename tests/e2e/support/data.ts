/**
 * Test data for the journeys.
 *
 * Users, notes and entries go through the running app over HTTP (the same form posts a browser
 * makes: the demo admin creates users, authors submit, knowledge managers publish), so the
 * server's own commands, audit and search outbox do the work. Only what has no screen yet
 * (departments, communities, archiving) is written straight into the main server's database
 * (DATABASE_URL is set by playwright.config.ts) with tests/support/factories.ts. Reads use the
 * database directly.
 *
 * Why so careful with the shared file: the app opens its libSQL connections in rollback-journal
 * mode without a busy timeout, and a Prisma transaction whose COMMIT meets a reader of another
 * process fails with SQLITE_BUSY and leaves its connection holding the lock, so the server's
 * database stays locked until restart (reported as an app bug). To keep the suite deterministic
 * this process (1) switches the test database to WAL once, where readers never block a commit,
 * (2) gives its own connections a busy timeout and (3) retries its few writes.
 */
import { randomBytes } from "node:crypto";
import Database from "libsql";
import { expect, request, type APIRequestContext } from "@playwright/test";
import { makeCommunity, makeDepartment, TEST_PASSWORD } from "../../support/factories";
import { db } from "~/utils/db.server";
import { DEMO_PASSWORD, MAIN_URL } from "./app";

export { TEST_PASSWORD, db };

type Statement = { all: () => unknown };
type RawDatabase = { prepare: (sql: string) => Statement; close: () => void };
const RawDatabaseClass = Database as unknown as { new (path: string): RawDatabase; prototype: { prepare: (...args: unknown[]) => Statement } };

// Every libSQL connection of this process waits up to 10 s for a lock instead of failing at once.
const withTimeout = new WeakSet<object>();
const originalPrepare = RawDatabaseClass.prototype.prepare;
RawDatabaseClass.prototype.prepare = function (this: object, ...args: unknown[]) {
  if (!withTimeout.has(this)) {
    withTimeout.add(this);
    originalPrepare.call(this, "PRAGMA busy_timeout = 10000").all();
  }
  return originalPrepare.apply(this, args);
};

let prepared: Promise<void> | undefined;
/** Once per worker: the shared test database in WAL mode (persistent for the file). */
function ready(): Promise<void> {
  prepared ??= (async () => {
    const url = process.env.DATABASE_URL ?? "";
    if (!url.startsWith("file:")) return;
    const conn = new RawDatabaseClass(url.slice("file:".length));
    try {
      conn.prepare("PRAGMA journal_mode = WAL").all();
    } finally {
      conn.close();
    }
  })();
  return prepared;
}

// As early as possible (when the worker loads the tests, before any journey talks to the server).
await ready().catch(() => {
  prepared = undefined;
});

/** Runs a database operation of this process, again when SQLite answered "database is locked". */
export async function retryBusy<T>(operation: () => Promise<T>): Promise<T> {
  await ready();
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= 20 || !/SQLITE_BUSY|database is locked|timed out/i.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

export type TestUser = { id: string; email: string; name: string; role: string; departmentId: string | null };
type Role = "EMPLOYEE" | "KNOWLEDGE_MANAGER" | "DEPARTMENT_HEAD" | "ADMIN";

let demoAdmin: Promise<APIRequestContext> | undefined;

/**
 * A fresh user with the factories' password, created by the demo admin through /admin/users.
 * (Not with makeUser: an insert from this process can make a concurrent request of the server
 * fail with SQLITE_BUSY, see above; through the app every write is serialized by the server.)
 */
export async function createUser(role: Role, opts: { name?: string; departmentId?: string } = {}): Promise<TestUser> {
  demoAdmin ??= apiSession("admin@gilde.test", DEMO_PASSWORD).catch((error: unknown) => {
    demoAdmin = undefined;
    throw error;
  });
  const api = await demoAdmin;
  const id = randomBytes(5).toString("hex");
  const email = `u${id}@test.gilde`;
  const name = opts.name ?? `Test ${id}`;
  const response = await api.post("/admin/users", {
    form: { name, email, password: TEST_PASSWORD, role, departmentId: opts.departmentId ?? "", locale: "nl" },
    maxRedirects: 0,
  });
  expect(response.status(), `creating ${role} ${email}`).toBe(302);
  const user = await read(() => db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, role: true, departmentId: true } }));
  if (!user) throw new Error(`user ${email} was not created`);
  return user;
}

export const employee = (opts: { name?: string; departmentId?: string } = {}) => createUser("EMPLOYEE", opts);
export const knowledgeManager = () => createUser("KNOWLEDGE_MANAGER");
export const admin = () => createUser("ADMIN");
/** No screen for departments and communities yet: these two go into the database directly. */
export const department = () => retryBusy(() => makeDepartment());
export const community = (opts: { departmentId: string; visibility?: "OPEN" | "CLOSED"; memberIds?: string[] }) =>
  retryBusy(() => makeCommunity(opts));

/** Reads go through the same helper (they cannot block the server in WAL mode; the retry is for the switch). */
export const read = retryBusy;

// ---------------------------------------------------------------------------------------------
// Through the app, over HTTP
// ---------------------------------------------------------------------------------------------

/** An HTTP client signed in as this user (same-origin Origin header on every request). */
export async function apiSession(email: string, password: string = TEST_PASSWORD, baseURL = MAIN_URL): Promise<APIRequestContext> {
  // One connection per request: a kept-alive socket that the server closes after 5 idle seconds
  // could otherwise be reused at the very moment it closes (ECONNRESET) when a session lives long.
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL, Connection: "close" } });
  const response = await api.post("/login", { form: { email, password }, maxRedirects: 0 });
  expect(response.status(), `sign-in of ${email} on ${baseURL}`).toBe(302);
  return api;
}

export type NoteInput = { title: string; text: string; tags?: string[]; communityId?: string };

/** Submits a field note as the API session's user (the no-JavaScript form contract: bodyPlain). */
export async function submitNoteViaHttp(api: APIRequestContext, note: NoteInput, extra: Record<string, string> = {}) {
  const response = await api.post("/notes/new", {
    form: { title: note.title, bodyPlain: note.text, tags: (note.tags ?? []).join(", "), communityId: note.communityId ?? "", ...extra },
    maxRedirects: 0,
  });
  expect(response.status(), `submitting "${note.title}"`).toBe(302);
  expect(response.headers()["location"]).toBe("/notes?submitted=1");
}

/** The id of the newest note with this title (titles carry a random marker). */
export async function noteIdByTitle(title: string): Promise<string> {
  const note = await read(() => db.note.findFirst({ where: { title }, orderBy: { createdAt: "desc" }, select: { id: true } }));
  if (!note) throw new Error(`no note titled ${title}`);
  return note.id;
}

/** Publishes a submitted note as the knowledge manager's API session; returns the entry id. */
export async function publishViaHttp(km: APIRequestContext, noteId: string, content: { title: string; text: string; tags?: string[] }) {
  const response = await km.post(`/curation/${noteId}`, {
    form: { intent: "publish", title: content.title, bodyPlain: content.text, tags: (content.tags ?? []).join(", ") },
    maxRedirects: 0,
  });
  expect(response.status(), `publishing "${content.title}"`).toBe(302);
  expect(response.headers()["location"]).toBe("/curation");
  const note = await read(() => db.note.findUnique({ where: { id: noteId }, select: { entryId: true } }));
  if (!note?.entryId) throw new Error(`note ${noteId} has no entry`);
  return note.entryId;
}

/** A published entry: `author` submits a note, `curator` publishes it unchanged. Both over HTTP. */
export async function publishedEntry(author: { email: string }, curator: { email: string }, note: NoteInput) {
  const authorApi = await apiSession(author.email);
  const curatorApi = await apiSession(curator.email);
  try {
    await submitNoteViaHttp(authorApi, note);
    const noteId = await noteIdByTitle(note.title);
    const entryId = await publishViaHttp(curatorApi, noteId, note);
    return { noteId, entryId };
  } finally {
    await authorApi.dispose();
    await curatorApi.dispose();
  }
}
