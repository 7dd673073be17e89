/**
 * The embedded Meilisearch under supervision: the master key is not on its command line, queries use a
 * search-only key that cannot write, and after a kill -9 it is started again, search answers within
 * 10 s and the outbox drains by itself (no test hand-drives the worker here).
 */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { MeiliSearch } from "meilisearch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishNote } from "~/commands/curate-note.server";
import { submitNote } from "~/commands/submit-note.server";
import { db } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { entriesIndexUid, searchClient } from "../../search/client.server";
import { ensureEntriesIndex } from "../../search/index.server";
import { startEmbeddedMeilisearch, type EmbeddedMeilisearch } from "../../search/launcher";
import { pendingOutboxCount, releaseOutboxBackoff, startOutboxWorker, stopOutboxWorker } from "../../search/outbox.server";
import { searchEntries } from "../../search/search.server";
import { meiliErrorCode } from "../../search/http-client.server";
import { actorFor, body, makeUser, uid } from "../support/factories";
import { freePort } from "../support/ports";

const masterKey = "supervisor-test-master-key-0123456789";
const dataDir = path.resolve(process.env.GILDE_TEST_TMP ?? "tests/.tmp", "integration", uid("meili-supervised-"));
let meili: EmbeddedMeilisearch;

async function publishOne(title: string) {
  const km = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
  const author = await actorFor(await makeUser());
  const note = await submitNote(author, { title, body: body(`${title}. Wat werkte: opnieuw inloggen.`), tags: ["storing"] });
  return publishNote(km, note.id, { title, body: body(`${title}: stappen.`), tags: ["storing"] });
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  meili = await startEmbeddedMeilisearch({ port: await freePort(), dataDir, masterKey, quiet: true });
  process.env.MEILI_HOST = meili.host;
  process.env.MEILI_MASTER_KEY = masterKey;
  process.env.SEARCH_TIMEOUT_MS = "500";
  resetEnvCache();
  await ensureEntriesIndex();
  meili.onRestart(() => void releaseOutboxBackoff());
});

afterAll(async () => {
  stopOutboxWorker();
  await meili?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the master key", () => {
  it("is not on Meilisearch's command line (ps shows it to every local user) but in its environment", () => {
    const pid = meili.pid()!;
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    expect(cmdline).toContain("meilisearch");
    expect(cmdline).not.toContain(masterKey);
    // Its indexing memory is bounded (docs/decisions/0017).
    expect(cmdline.split("\0")).toEqual(expect.arrayContaining(["--max-indexing-memory", "512MiB"]));
    expect(readFileSync(`/proc/${pid}/environ`, "utf8").split("\0")).toContain(`MEILI_MASTER_KEY=${masterKey}`);
  });

  it("is not what searches use: their key searches this installation's indexes and cannot write", async () => {
    const key = searchClient().config.apiKey!;
    expect(key).not.toBe(masterKey);
    const title = `Sleutel zoekt alleen ${uid()}`;
    const { entryId } = await publishOne(title);
    const { drainOutbox } = await import("../support/outbox");
    await drainOutbox();
    const agent = await actorFor(await makeUser());
    const found = await searchEntries(agent, { q: title });
    expect(found.status === "ok" && found.hits.map((h) => h.id)).toContain(entryId);

    const withSearchKey = new MeiliSearch({ host: meili.host, apiKey: key });
    const write = await withSearchKey.index(entriesIndexUid()).addDocuments([{ id: "forged", title: "x" }]).catch((error: unknown) => error);
    expect(meiliErrorCode(write)).toBe("invalid_api_key");
    const settings = await withSearchKey.index(entriesIndexUid()).updateSettings({ stopWords: [] }).catch((error: unknown) => error);
    expect(meiliErrorCode(settings)).toBe("invalid_api_key");
    const keys = await withSearchKey.getKeys().catch((error: unknown) => error);
    expect(meiliErrorCode(keys)).toBe("invalid_api_key");
    // Another installation's index on the same Meilisearch is out of its reach too.
    const other = await withSearchKey.index("someone_else_entries").search("x").catch((error: unknown) => error);
    expect(meiliErrorCode(other)).toBe("invalid_api_key");
  });
});

describe("a Meilisearch killed with kill -9", () => {
  it("is started again: search answers within 10 s and the outbox drains by itself", async () => {
    startOutboxWorker();
    const before = await publishOne(`Voor de kill ${uid()}`);
    await until("indexed before the kill", 10_000, async () => ((await pendingOutboxCount()) === 0 ? true : undefined));
    const agent = await actorFor(await makeUser());
    const firstPid = meili.pid()!;

    process.kill(firstPid, "SIGKILL");
    const killed = Date.now();
    // Writes while it is down wait in the outbox (and back off).
    const marker = uid("tijdens");
    const during: string[] = [];
    for (let i = 0; i < 3; i++) during.push((await publishOne(`Tijdens de storing ${marker} ${i}`)).entryId);

    await until("search answers again", 10_000, async () => {
      const result = await searchEntries(agent, { q: "kill", limit: 50 });
      return result.status === "ok" && result.hits.some((h) => h.id === before.entryId) ? true : undefined;
    });
    const back = Date.now() - killed;
    expect(back).toBeLessThan(10_000);
    expect(meili.pid()).not.toBe(firstPid);
    await until("the supervisor saw it answer", 2_000, async () => (meili.supervisor().state === "running" ? true : undefined));
    expect(meili.supervisor()).toMatchObject({ state: "running", restarts: 1, lastExit: "killed by SIGKILL" });

    // Nobody drives the worker: its timer and the restart hook do.
    await until("outbox drained", 15_000, async () => ((await pendingOutboxCount()) === 0 ? true : undefined));
    const found = await searchEntries(agent, { q: `Tijdens de storing ${marker}`, limit: 50 });
    const ids = found.status === "ok" ? found.hits.map((h) => h.id) : [];
    for (const id of during) expect(ids).toContain(id);
    const rows = await db.searchOutbox.findMany({ where: { documentId: { in: during } } });
    expect(rows.every((r) => r.processedAt !== null)).toBe(true);
  });
});
