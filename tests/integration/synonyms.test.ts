/**
 * Synonyms kept by knowledge managers, on a real SQLite database and a real Meilisearch: each change
 * reaches both indexes through the search outbox, so a rule added while Meilisearch is down applies
 * once it is back; a reindex keeps the rules; an edit or a delete takes the old words away.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { publishNote } from "~/commands/curate-note.server";
import { submitNote } from "~/commands/submit-note.server";
import { createSynonymRule, deleteSynonymRule, updateSynonymRule } from "~/commands/manage-synonym.server";
import { listSynonymRules } from "~/models/synonym.server";
import { adminClient, entriesIndexUid, questionsIndexUid } from "../../search/client.server";
import { ensureEntriesIndex, ensureQuestionsIndex, reindexEntries } from "../../search/index.server";
import { processOutbox, startOutboxWorker, stopOutboxWorker } from "../../search/outbox.server";
import { searchEntries } from "../../search/search.server";
import { rulesToSynonyms } from "../../search/settings";
import { startEmbeddedMeilisearch, type EmbeddedMeilisearch } from "../../search/launcher";
import { freePort } from "../support/ports";
import { actorFor, body, makeUser, uid } from "../support/factories";

type TestActor = Awaited<ReturnType<typeof actorFor>>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function drainOutbox(timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await processOutbox();
    const pending = await db.searchOutbox.count({ where: { processedAt: null } });
    if (pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${pending} outbox rows still pending`);
    // Rows in backoff become due again; pull them forward so the test does not wait for the timer.
    await db.searchOutbox.updateMany({ where: { processedAt: null }, data: { availableAt: new Date() } });
    await sleep(100);
  }
}

/** A published entry whose title holds a word nothing else in the index has. */
async function publishWith(km: TestActor, agent: TestActor, word: string) {
  const title = `Klant vraagt naar ${word}`;
  const note = await submitNote(agent, { title, body: body(`${title}. Uitleg over ${word}.`), tags: [] });
  return (await publishNote(km, note.id, { title, body: body(`Zo leg je ${word} uit.`), tags: [] })).entryId;
}

async function found(actor: TestActor, q: string): Promise<string[]> {
  const result = await searchEntries(actor, { q, limit: 50 });
  if (result.status !== "ok") throw new Error(`search ${result.status}`);
  return result.hits.map((h) => h.id);
}

/** A made-up word of letters only (typo tolerance must not link two of them). */
const word = (prefix: string) => `${prefix}${uid().replace(/\d/g, (d) => "ghijklmnop"[Number(d)])}`;

describe("synonyms through the outbox", () => {
  let meili: EmbeddedMeilisearch;
  let port: number;
  let km: TestActor;
  let agent: TestActor;
  const dataDir = path.resolve(process.env.GILDE_TEST_TMP ?? "tests/.tmp", "integration", uid("meili-synonyms-"));
  const masterKey = "synonyms-test-master-key";

  beforeAll(async () => {
    // Its own Meilisearch, so this file can stop it without disturbing the others.
    port = await freePort();
    meili = await startEmbeddedMeilisearch({ port, dataDir, masterKey, quiet: true });
    process.env.MEILI_HOST = meili.host;
    process.env.MEILI_MASTER_KEY = masterKey;
    process.env.SEARCH_TIMEOUT_MS = "1000";
    resetEnvCache();
    await ensureEntriesIndex();
    await ensureQuestionsIndex();
    km = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
    agent = await actorFor(await makeUser());
  });

  afterAll(async () => {
    stopOutboxWorker();
    await meili?.stop();
  });

  it("applies a new abbreviation to search within seconds of the command, on both indexes", async () => {
    const target = word("rekening");
    const abbreviation = word("afk");
    const entryId = await publishWith(km, agent, target);
    await drainOutbox();
    expect(await found(agent, abbreviation)).not.toContain(entryId);

    startOutboxWorker();
    try {
      const started = performance.now();
      await createSynonymRule(km, { kind: "EXPANSION", term: abbreviation, words: [target] });
      let elapsed = Number.NaN;
      while (performance.now() - started < 5_000) {
        if ((await found(agent, abbreviation)).includes(entryId)) {
          elapsed = performance.now() - started;
          break;
        }
        await sleep(50);
      }
      console.log(`synonym in effect in search ${elapsed.toFixed(0)} ms after the command`);
      expect(elapsed).toBeLessThan(5_000);
      // Both indexes have it once the worker marked the row done (a failed push is retried by the worker itself).
      const deadline = Date.now() + 10_000;
      while ((await db.searchOutbox.count({ where: { indexName: "settings", processedAt: null } })) > 0 && Date.now() < deadline) await sleep(50);
    } finally {
      stopOutboxWorker();
    }
    for (const uid of [entriesIndexUid(), questionsIndexUid()]) {
      expect(await adminClient().index(uid).getSynonyms()).toEqual(rulesToSynonyms(await listSynonymRules()));
    }
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "synonym.create", actorId: km.id }, orderBy: { createdAt: "desc" }, select: { details: true } });
    expect(JSON.parse(audit.details)).toEqual({ after: { kind: "EXPANSION", term: abbreviation, words: [target] } });
  });

  it("keeps a rule added while Meilisearch is stopped, and applies it once Meilisearch is back", async () => {
    const a = word("spaar");
    const b = word("boekje");
    const entryId = await publishWith(km, agent, a);
    await drainOutbox();

    await meili.stop();
    const { id } = await createSynonymRule(km, { kind: "GROUP", term: null, words: [a, b] });
    const failed = await processOutbox();
    expect(failed.failed).toBeGreaterThan(0);
    const row = await db.searchOutbox.findFirstOrThrow({ where: { indexName: "settings", documentId: "synonyms" }, orderBy: { id: "desc" } });
    expect(row).toMatchObject({ processedAt: null });
    expect(row.attempts).toBeGreaterThan(0);
    expect(row.lastError).toBeTruthy();
    expect(await db.synonymRule.count({ where: { id } })).toBe(1);

    meili = await startEmbeddedMeilisearch({ port, dataDir, masterKey, quiet: true });
    await drainOutbox();
    expect(await found(agent, b)).toContain(entryId);
  });

  it("keeps the synonyms through a reindex", async () => {
    const target = word("volmacht");
    const abbreviation = word("vm");
    const entryId = await publishWith(km, agent, target);
    await createSynonymRule(km, { kind: "EXPANSION", term: abbreviation, words: [target] });
    await drainOutbox();
    await reindexEntries();
    expect(await found(agent, abbreviation)).toContain(entryId);
    expect(await adminClient().index(entriesIndexUid()).getSynonyms()).toEqual(rulesToSynonyms(await listSynonymRules()));
    // A fresh index at boot (ensureEntriesIndex) takes them from the database as well.
    await adminClient().index(entriesIndexUid()).resetSynonyms().waitTask();
    await ensureEntriesIndex();
    expect(await found(agent, abbreviation)).toContain(entryId);
  });

  it("takes the old words away on an edit and the whole rule on a delete, audited with before and after", async () => {
    const target = word("intrest");
    const before = word("oud");
    const after = word("nieuw");
    const entryId = await publishWith(km, agent, target);
    const { id } = await createSynonymRule(km, { kind: "EXPANSION", term: before, words: [target] });
    await drainOutbox();
    expect(await found(agent, before)).toContain(entryId);

    await updateSynonymRule(km, id, { kind: "EXPANSION", term: after, words: [target] });
    await drainOutbox();
    expect(await found(agent, before)).not.toContain(entryId);
    expect(await found(agent, after)).toContain(entryId);

    await deleteSynonymRule(km, id);
    await drainOutbox();
    expect(await found(agent, after)).not.toContain(entryId);
    expect(await found(agent, target)).toContain(entryId);

    const audits = await db.auditEvent.findMany({ where: { targetId: id }, orderBy: { createdAt: "asc" }, select: { action: true, details: true, actorId: true } });
    expect(audits.map((a) => [a.action, a.actorId, JSON.parse(a.details)])).toEqual([
      ["synonym.create", km.id, { after: { kind: "EXPANSION", term: before, words: [target] } }],
      ["synonym.update", km.id, { before: { kind: "EXPANSION", term: before, words: [target] }, after: { kind: "EXPANSION", term: after, words: [target] } }],
      ["synonym.delete", km.id, { before: { kind: "EXPANSION", term: after, words: [target] } }],
    ]);
  });

  it("refuses a cycle or a word already in a group, and a wrong role, changing nothing", async () => {
    const a = word("a");
    const b = word("b");
    await createSynonymRule(km, { kind: "EXPANSION", term: a, words: [b] });
    await createSynonymRule(km, { kind: "GROUP", term: null, words: [a, word("c")] });
    await drainOutbox();
    const rules = await db.synonymRule.count();
    const outbox = await db.searchOutbox.count();
    const audits = await db.auditEvent.count();

    await expect(createSynonymRule(km, { kind: "EXPANSION", term: b, words: [a] })).rejects.toMatchObject({ kind: "invalid", messageKey: "error.synonym.cycle", field: "words" });
    await expect(createSynonymRule(km, { kind: "GROUP", term: null, words: [word("d"), a] })).rejects.toMatchObject({ messageKey: "error.synonym.inOtherGroup", vars: { word: a } });
    await expect(createSynonymRule(agent, { kind: "GROUP", term: null, words: [word("e"), word("f")] })).rejects.toMatchObject({ kind: "forbidden" });
    await expect(deleteSynonymRule(km, "cnosuchrule00000000")).rejects.toMatchObject({ kind: "notFound" });

    expect(await db.synonymRule.count()).toBe(rules);
    expect(await db.searchOutbox.count()).toBe(outbox);
    expect(await db.auditEvent.count()).toBe(audits);
  });
});
