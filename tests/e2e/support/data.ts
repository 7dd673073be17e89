/**
 * Test data for the journeys.
 *
 * What a journey needs before it starts (users, departments, communities) is inserted straight into
 * the main server's database (DATABASE_URL is set by playwright.config.ts) with
 * tests/support/factories.ts, and remembered: `deleteCreated()` removes it and everything hanging
 * from it after each test (tests/e2e/support/fixtures.ts calls it). What a journey is about (notes,
 * entries, answers) goes through the running app over HTTP, so the server's own commands, audit and
 * search outbox do the work. Reads use the database directly.
 *
 * This process shares the SQLite file with the server through the same client
 * (app/utils/db.server.ts): WAL, a busy timeout and IMMEDIATE transactions on every connection make
 * that safe without retries (docs/decisions/0008, 0028).
 */
import { expect, request, type APIRequestContext } from "@playwright/test";
import { makeCommunity, makeUser, TEST_PASSWORD, uid } from "../../support/factories";
import { db } from "~/utils/db.server";
import { enqueueDocument } from "../../../search/outbox.server";
import { MAIN_URL } from "./app";

export { TEST_PASSWORD, db };

export type TestUser = { id: string; email: string; name: string; role: string; departmentId: string | null };
export type Role = "EMPLOYEE" | "KNOWLEDGE_MANAGER" | "DEPARTMENT_HEAD" | "ADMIN";

/** What this worker inserted during the running test (tests of one worker run one after another). */
const created = { users: new Set<string>(), departments: new Set<string>(), communities: new Set<string>() };

/** A fresh user with the factories' password (TEST_PASSWORD), deleted after the test. */
export async function createUser(role: Role, opts: { name?: string; departmentId?: string; locale?: "nl" | "en" } = {}): Promise<TestUser> {
  const user = await makeUser({ role, name: opts.name, departmentId: opts.departmentId ?? null, locale: opts.locale });
  created.users.add(user.id);
  return { id: user.id, email: user.email, name: user.name, role: user.role, departmentId: user.departmentId };
}

/** A user the app made during the test (a single sign-on provisions one): deleted after it like the test's own. */
export function deleteAfterTest(userId: string) {
  created.users.add(userId);
}

export const employee = (opts: { name?: string; departmentId?: string } = {}) => createUser("EMPLOYEE", opts);
export const knowledgeManager = () => createUser("KNOWLEDGE_MANAGER");
export const admin = () => createUser("ADMIN");

/**
 * A department of the test's own, deleted after it with its communities. Named to sort after the demo's
 * departments ("Team …"): a form that offers departments by name then preselects a demo department, never
 * one that another journey is about to clean up.
 */
export async function department(opts: { name?: string; headId?: string } = {}) {
  const row = await db.department.create({ data: { name: opts.name ?? `Team ${uid()}`, headId: opts.headId } });
  created.departments.add(row.id);
  return row;
}

/** A community of a department with these members, deleted after the test. */
export async function community(opts: { departmentId: string; visibility?: "OPEN" | "CLOSED"; memberIds?: string[] }) {
  const row = await makeCommunity(opts);
  created.communities.add(row.id);
  return row;
}

/**
 * Deletes what this test inserted and what the app made from it: the users' notes, answers,
 * entries, goals, activities and reports, the departments' and the created communities (memberships,
 * time, questions' links go with them by cascade), then the users. Deleted entries and questions
 * get an outbox row, so the server's worker drops them from the search index as it would for the
 * app's own deletes. One transaction: a half-deleted test is never left behind.
 */
export async function deleteCreated() {
  const users = [...created.users];
  const departments = [...created.departments];
  const communities = [...created.communities];
  created.users.clear();
  created.departments.clear();
  created.communities.clear();
  if (users.length + departments.length + communities.length === 0) return;
  await db.$transaction(
    async (tx) => {
      const inDepartments = await tx.community.findMany({ where: { departmentId: { in: departments } }, select: { id: true } });
      const communityIds = [...new Set([...communities, ...inDepartments.map((c) => c.id)])];
      const notes = await tx.note.findMany({ where: { OR: [{ authorId: { in: users } }, { communityId: { in: communityIds } }] }, select: { id: true, kind: true } });
      const noteIds = notes.map((n) => n.id);
      const entries = await tx.entry.findMany({
        where: { OR: [{ ownerId: { in: users } }, { communityId: { in: communityIds } }, { versions: { some: { editorId: { in: users } } } }] },
        select: { id: true },
      });
      const questionsAnswered = await tx.answer.findMany({ where: { authorId: { in: users } }, select: { questionId: true } });
      await tx.answer.deleteMany({ where: { OR: [{ authorId: { in: users } }, { questionId: { in: noteIds } }] } });
      await tx.mandatoryRead.deleteMany({ where: { createdById: { in: users } } });
      await tx.note.deleteMany({ where: { id: { in: noteIds } } });
      await tx.entry.deleteMany({ where: { id: { in: entries.map((e) => e.id) } } });
      await tx.goalEvent.deleteMany({ where: { actorId: { in: users } } });
      await tx.goal.deleteMany({ where: { proposedById: { in: users } } });
      await tx.activity.deleteMany({ where: { createdById: { in: users } } });
      await tx.report.deleteMany({ where: { authorId: { in: users } } });
      await tx.community.deleteMany({ where: { id: { in: communityIds } } });
      await tx.department.deleteMany({ where: { id: { in: departments } } });
      await tx.user.deleteMany({ where: { id: { in: users } } });
      for (const entry of entries) await enqueueDocument(tx, "entries", entry.id);
      const questions = new Set([...notes.filter((n) => n.kind === "QUESTION").map((n) => n.id), ...questionsAnswered.map((a) => a.questionId)]);
      for (const id of questions) await enqueueDocument(tx, "questions", id);
    },
    { timeout: 30_000 },
  );
}

/** The id of the newest note with this title (titles carry a random marker). */
export async function noteIdByTitle(title: string): Promise<string> {
  const note = await db.note.findFirst({ where: { title }, orderBy: { createdAt: "desc" }, select: { id: true } });
  if (!note) throw new Error(`no note titled ${title}`);
  return note.id;
}

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
  expect(response.headers()["location"]).toBe("/notes");
}

/** Publishes a submitted note as the knowledge manager's API session; returns the entry id. */
export async function publishViaHttp(km: APIRequestContext, noteId: string, content: { title: string; text: string; tags?: string[] }) {
  const response = await km.post(`/curation/${noteId}`, {
    form: { intent: "publish", title: content.title, bodyPlain: content.text, tags: (content.tags ?? []).join(", ") },
    maxRedirects: 0,
  });
  expect(response.status(), `publishing "${content.title}"`).toBe(302);
  expect(response.headers()["location"]).toBe("/curation");
  const note = await db.note.findUnique({ where: { id: noteId }, select: { entryId: true } });
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
