/**
 * A Meilisearch task that fails is not taken for done: a document Meilisearch refuses (an id it does
 * not accept) keeps its outbox row pending with the error, and the row backs off; the other documents
 * of the same pass are indexed all the same.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { publishNote } from "~/commands/curate-note.server";
import { submitNote } from "~/commands/submit-note.server";
import { db } from "~/utils/db.server";
import { adminClient, entriesIndexUid } from "../../search/client.server";
import { ensureEntriesIndex } from "../../search/index.server";
import { backoffMs, processOutbox } from "../../search/outbox.server";
import { actorFor, body, makeUser, uid } from "../support/factories";

beforeAll(async () => {
  await ensureEntriesIndex();
});

async function publishOne(title: string) {
  const km = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
  const author = await actorFor(await makeUser());
  const note = await submitNote(author, { title, body: body(`${title}. Wat werkte: opnieuw.`), tags: ["weigering"] });
  return publishNote(km, note.id, { title, body: body(`${title}: stappen.`), tags: ["weigering"] });
}

describe("a task Meilisearch refuses", () => {
  it("leaves the row pending with the error, backs off, and does not hold back the other documents", async () => {
    await processOutbox();
    const refused = await publishOne(`Geweigerd document ${uid()}`);
    const accepted = await publishOne(`Aanvaard document ${uid()}`);
    // Meilisearch accepts ids of a-z, A-Z, 0-9, "-" and "_" only: this entry's document is refused.
    const badId = `geweigerd id ${uid()}!`;
    await db.entry.update({ where: { id: refused.entryId }, data: { id: badId } });
    await db.searchOutbox.updateMany({ where: { documentId: refused.entryId }, data: { documentId: badId } });

    const before = Date.now();
    const run = await processOutbox();
    expect(run.failed).toBe(1);
    expect(run.error).toMatch(/document identifier|invalid/i);
    const bad = await db.searchOutbox.findFirstOrThrow({ where: { documentId: badId } });
    expect(bad.processedAt).toBeNull();
    expect(bad.attempts).toBe(1);
    expect(bad.lastError).toMatch(/document identifier|invalid/i);
    expect(bad.availableAt.getTime()).toBeGreaterThanOrEqual(before + backoffMs(1) - 50);

    const good = await db.searchOutbox.findFirstOrThrow({ where: { documentId: accepted.entryId } });
    expect(good.processedAt).not.toBeNull();
    const doc = await adminClient().index(entriesIndexUid()).getDocument(accepted.entryId);
    expect(doc.id).toBe(accepted.entryId);

    // A row waiting out its backoff is left alone by the passes meanwhile.
    await db.searchOutbox.update({ where: { id: bad.id }, data: { availableAt: new Date(Date.now() + 60_000) } });
    expect((await processOutbox()).claimed).toBe(0);
    // Due again: it fails again, and waits twice as long.
    await db.searchOutbox.update({ where: { id: bad.id }, data: { availableAt: new Date() } });
    const again = Date.now();
    await processOutbox();
    const second = await db.searchOutbox.findFirstOrThrow({ where: { id: bad.id } });
    expect(second).toMatchObject({ attempts: 2, processedAt: null });
    expect(second.availableAt.getTime()).toBeGreaterThanOrEqual(again + backoffMs(2) - 50);
    expect(backoffMs(2)).toBe(2 * backoffMs(1));

    // Once the database holds a document Meilisearch takes, the row goes through.
    await db.entry.update({ where: { id: badId }, data: { id: `hersteld-${uid()}` } });
    await db.searchOutbox.update({ where: { id: bad.id }, data: { availableAt: new Date() } });
    await processOutbox();
    expect((await db.searchOutbox.findFirstOrThrow({ where: { id: bad.id } })).processedAt).not.toBeNull();
  });
});
