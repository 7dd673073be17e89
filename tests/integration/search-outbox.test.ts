/**
 * The search plumbing on a real SQLite database and a real Meilisearch:
 * publishing writes an outbox row in the same transaction; the worker makes it searchable;
 * a Meilisearch that is down loses nothing; reindex rebuilds exactly what the database holds.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { publishNote } from "~/commands/curate-note.server";
import { submitNote } from "~/commands/submit-note.server";
import { resetEnvCache } from "~/utils/env.server";
import { ensureEntriesIndex, entriesIndexStats, reindexEntries } from "../../search/index.server";
import { processOutbox } from "../../search/outbox.server";
import { searchEntries } from "../../search/search.server";
import { startEmbeddedMeilisearch, type EmbeddedMeilisearch } from "../../search/launcher";
import { freePort } from "../support/ports";
import { actorFor, body, makeUser, uid } from "../support/factories";

async function drainOutbox(timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await processOutbox();
    const pending = await db.searchOutbox.count({ where: { processedAt: null } });
    if (pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${pending} outbox rows still pending`);
    // Rows in backoff become due again; pull them forward so the test does not wait for the timer.
    await db.searchOutbox.updateMany({ where: { processedAt: null }, data: { availableAt: new Date() } });
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function publishOne(km: Awaited<ReturnType<typeof actorFor>>, author: Awaited<ReturnType<typeof actorFor>>, title: string) {
  const note = await submitNote(author, { title, body: body(`${title}. Wat werkte: de klant opnieuw laten inloggen.`), tags: ["spaarrekening"] });
  return publishNote(km, note.id, { title, body: body(`${title}: stappen voor de klant.`), tags: ["spaarrekening", "test"] });
}

describe("search outbox on a Meilisearch that goes away and comes back", () => {
  let meili: EmbeddedMeilisearch;
  let port: number;
  const dataDir = path.resolve("tests/.tmp/integration", uid("meili-outage-"));
  const masterKey = "outage-test-master-key";

  beforeAll(async () => {
    // This file runs its own Meilisearch so it can stop it without disturbing other files.
    port = await freePort();
    meili = await startEmbeddedMeilisearch({ port, dataDir, masterKey, quiet: true });
    process.env.MEILI_HOST = meili.host;
    process.env.MEILI_MASTER_KEY = masterKey;
    process.env.SEARCH_TIMEOUT_MS = "1000";
    resetEnvCache();
    await ensureEntriesIndex();
  });

  afterAll(async () => {
    await meili?.stop();
  });

  it("writes the outbox row in the publishing transaction and indexes it", async () => {
    const km = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
    const agent = await actorFor(await makeUser());
    const title = `Spaarrekening blokkeert na adreswijziging ${uid()}`;
    const { entryId } = await publishOne(km, agent, title);
    const row = await db.searchOutbox.findFirst({ where: { documentId: entryId } });
    expect(row).toMatchObject({ operation: "UPSERT", processedAt: null });
    await drainOutbox();
    const found = await searchEntries(agent, { q: "spaarrekenign blokeert adreswijziging" });
    expect(found.status).toBe("ok");
    expect(found.status === "ok" && found.hits.map((h) => h.id)).toContain(entryId);
  });

  it("publishes while Meilisearch is stopped, says search is unavailable, and catches up without losing an entry", async () => {
    const km = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
    const agent = await actorFor(await makeUser());
    const marker = uid("outage");
    const before = await publishOne(km, agent, `Voor de storing ${marker}`);
    await drainOutbox();

    await meili.stop();
    const during: string[] = [];
    for (let i = 0; i < 5; i++) during.push((await publishOne(km, agent, `Tijdens de storing ${marker} nummer ${i}`)).entryId);
    const failed = await processOutbox();
    expect(failed.failed).toBeGreaterThan(0);
    const row = await db.searchOutbox.findFirst({ where: { documentId: during[0] } });
    expect(row?.attempts).toBeGreaterThan(0);
    expect(row?.lastError).toBeTruthy();
    expect(row?.processedAt).toBeNull();

    const started = Date.now();
    const unavailable = await searchEntries(agent, { q: marker });
    expect(unavailable.status).toBe("unavailable");
    expect(Date.now() - started).toBeLessThan(2000);

    meili = await startEmbeddedMeilisearch({ port, dataDir, masterKey, quiet: true });
    await drainOutbox();
    const after = await searchEntries(agent, { q: marker, limit: 50 });
    expect(after.status).toBe("ok");
    const ids = after.status === "ok" ? after.hits.map((h) => h.id) : [];
    for (const id of [before.entryId, ...during]) expect(ids).toContain(id);
  });

  it("reindex rebuilds an index that matches the database exactly and swaps it in", async () => {
    const km = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
    const agent = await actorFor(await makeUser());
    await publishOne(km, agent, `Reindex ${uid()}`);
    // A document that is in the index but no longer in the database must be gone after a reindex.
    await db.searchOutbox.deleteMany({});
    const progress: number[] = [];
    const result = await reindexEntries((p) => progress.push(p.indexed), 2);
    const total = await db.entry.count();
    expect(result.indexed).toBe(total);
    expect(progress.at(-1)).toBe(total);
    const stats = await entriesIndexStats();
    expect(stats.numberOfDocuments).toBe(total);
    const ids = new Set((await db.entry.findMany({ select: { id: true } })).map((e) => e.id));
    const docs = await (await import("../../search/client.server")).adminClient().index((await import("../../search/client.server")).entriesIndexUid()).getDocuments({ limit: 1000, fields: ["id"] });
    expect(new Set(docs.results.map((d) => d.id as string))).toEqual(ids);
  });
});
