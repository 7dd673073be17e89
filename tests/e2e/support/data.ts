/**
 * Test data for the journeys.
 *
 * Users, departments and communities are written straight into the main server's database
 * (DATABASE_URL is set by playwright.config.ts) with tests/support/factories.ts. Notes and entries
 * go through the running app over HTTP (the same form posts a browser makes), so the server's
 * own commands, audit and search outbox do the work and this process never holds a write
 * transaction on the shared SQLite file.
 *
 * Why so careful with the shared file: the app opens its libSQL connections in rollback-journal
 * mode without a busy timeout, and a Prisma transaction whose COMMIT meets a reader of another
 * process fails with SQLITE_BUSY and leaves its connection holding the lock, so the server's
 * database stays locked until restart (reported as an app bug). To keep the suite deterministic
 * this process (1) switches the test database to WAL once, where readers never block a commit,
 * (2) gives its own connections a busy timeout and (3) retries its few writes.
 */
import Database from "libsql";
import { expect, request, type APIRequestContext } from "@playwright/test";
import { makeCommunity, makeDepartment, makeUser, TEST_PASSWORD } from "../../support/factories";
import { db } from "~/utils/db.server";
import { MAIN_URL } from "./app";

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

export type TestUser = Awaited<ReturnType<typeof makeUser>>;

export const employee = (opts: { name?: string; departmentId?: string } = {}) =>
  retryBusy(() => makeUser({ role: "EMPLOYEE", ...opts }));
export const knowledgeManager = () => retryBusy(() => makeUser({ role: "KNOWLEDGE_MANAGER" }));
export const admin = () => retryBusy(() => makeUser({ role: "ADMIN" }));
export const department = () => retryBusy(() => makeDepartment());
export const community = (opts: { departmentId: string; visibility?: "OPEN" | "CLOSED"; memberIds?: string[] }) =>
  retryBusy(() => makeCommunity(opts));

/** Reads go through the same retry (harmless in WAL mode, but the first call switches the mode). */
export const read = retryBusy;

// ---------------------------------------------------------------------------------------------
// Through the app, over HTTP
// ---------------------------------------------------------------------------------------------

/** An HTTP client signed in as this user (same-origin Origin header on every request). */
export async function apiSession(email: string, password: string = TEST_PASSWORD, baseURL = MAIN_URL): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
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
  expect(response.headers()["location"]).toBe("/curation?done=published");
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
