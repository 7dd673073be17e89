/**
 * The command runner on a real database and Meilisearch: one transaction for the change, its audit
 * events and its outbox rows; the outbox worker woken after the commit, and only when something was
 * queued. The worker polls once a minute here, so only a wake-up can process a row in time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { CommandError } from "~/commands/errors";
import { runCommand } from "~/commands/runner.server";
import { publishNote } from "~/commands/curate-note.server";
import { submitNote } from "~/commands/submit-note.server";
import { ensureEntriesIndex } from "../../search/index.server";
import { startOutboxWorker, stopOutboxWorker } from "../../search/outbox.server";
import { actorFor, body, makeUser, uid } from "../support/factories";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether the row is processed within `ms` (checked every 50 ms). */
async function processedWithin(rowId: number, ms: number) {
  const deadline = Date.now() + ms;
  for (;;) {
    const row = await db.searchOutbox.findUniqueOrThrow({ where: { id: rowId }, select: { processedAt: true } });
    if (row.processedAt) return true;
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
}

/** A row some other writer left behind: only a pass of the worker processes it. */
async function strayRow() {
  return db.searchOutbox.create({ data: { indexName: "entries", documentId: uid("gone-"), operation: "UPSERT" }, select: { id: true } });
}

describe("runCommand", () => {
  beforeAll(async () => {
    process.env.OUTBOX_POLL_MS = "60000";
    resetEnvCache();
    await ensureEntriesIndex();
    startOutboxWorker();
    // The worker's first pass runs at start; after it, the next poll is a minute away.
    await sleep(500);
  });

  afterAll(() => {
    stopOutboxWorker();
    process.env.OUTBOX_POLL_MS = "50";
    resetEnvCache();
  });

  it("wakes the outbox worker after a command that queued a row commits", async () => {
    const km = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
    const agent = await actorFor(await makeUser());
    const note = await submitNote(agent, { title: `Wakker ${uid()}`, body: body("De klant ziet zijn premie niet."), tags: [] });
    const { entryId } = await publishNote(km, note.id, { title: "Premie niet zichtbaar", body: body("Herlaad de pagina."), tags: [] });
    const row = await db.searchOutbox.findFirstOrThrow({ where: { documentId: entryId }, select: { id: true } });
    expect(await processedWithin(row.id, 10_000)).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: note.id, action: "note.publish" }, select: { actorId: true } });
    expect(audit.actorId).toBe(km.id);
  });

  it("does not wake the worker when the command queued nothing", async () => {
    const agent = await actorFor(await makeUser());
    const stray = await strayRow();
    const note = await submitNote(agent, { title: `Stil ${uid()}`, body: body("Geen zoekwerk nodig."), tags: [] });
    expect(await db.auditEvent.count({ where: { targetId: note.id, action: "note.submit", actorId: agent.id } })).toBe(1);
    expect(await processedWithin(stray.id, 1_000)).toBe(false);

    // The next command that queues something wakes it, and the stray row goes along.
    await runCommand(agent, async ({ enqueue }) => enqueue("entries", uid("gone-")));
    expect(await processedWithin(stray.id, 10_000)).toBe(true);
  });

  it("writes neither audit nor outbox rows, and wakes nothing, when the command throws", async () => {
    const agent = await actorFor(await makeUser());
    const stray = await strayRow();
    const tag = uid("tag-");
    const documentId = uid("doc-");
    const refusal = CommandError.invalid("error.invalid", "title");
    await expect(
      runCommand(agent, async ({ tx, audit, enqueue }) => {
        await tx.tag.create({ data: { name: tag } });
        await audit({ action: "test.change", targetType: "tag", targetId: tag });
        await enqueue("entries", documentId);
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect(await db.tag.count({ where: { name: tag } })).toBe(0);
    expect(await db.auditEvent.count({ where: { targetId: tag } })).toBe(0);
    expect(await db.searchOutbox.count({ where: { documentId } })).toBe(0);
    expect(await processedWithin(stray.id, 1_000)).toBe(false);
    await runCommand(agent, async ({ enqueue }) => enqueue("entries", documentId));
    expect(await processedWithin(stray.id, 10_000)).toBe(true);
  });
});
