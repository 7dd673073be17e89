/**
 * Test data for the journeys, written straight into the main server's database (DATABASE_URL is
 * set by playwright.config.ts) through the factories and the app's own commands.
 */
import { actorFor, body, makeCommunity, makeDepartment, makeUser, TEST_PASSWORD } from "../../support/factories";
import { publishNote } from "~/commands/curate-note.server";
import { submitNote } from "~/commands/submit-note.server";
import { db } from "~/utils/db.server";

export { TEST_PASSWORD, makeUser, makeCommunity, makeDepartment, actorFor, db };

export type TestUser = Awaited<ReturnType<typeof makeUser>>;

export const employee = (name?: string) => makeUser({ role: "EMPLOYEE", name });
export const knowledgeManager = (name?: string) => makeUser({ role: "KNOWLEDGE_MANAGER", name });
export const admin = (name?: string) => makeUser({ role: "ADMIN", name });

/** A note submitted by `author` through the real command (lands SUBMITTED in the inbox). */
export async function submittedNote(author: TestUser, input: { title: string; text: string; tags?: string[]; communityId?: string }) {
  const actor = await actorFor(author);
  return submitNote(actor, { title: input.title, body: body(input.text), tags: input.tags ?? [], communityId: input.communityId });
}

/** A published entry: a note by `author`, published by `curator` with the real command. */
export async function publishedEntry(
  author: TestUser,
  curator: TestUser,
  input: { title: string; text: string; tags?: string[]; communityId?: string },
) {
  const note = await submittedNote(author, input);
  const { entryId } = await publishNote(await actorFor(curator), note.id, { title: input.title, body: body(input.text), tags: input.tags ?? [] });
  return { noteId: note.id, entryId };
}
