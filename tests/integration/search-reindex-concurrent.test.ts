/**
 * A reindex while changes stream in: the outbox worker keeps writing to the live index during the
 * build, and the swap throws that index away; the rows it processed meanwhile are queued again, so
 * afterwards the index equals the database (it did not before: edits of the build's window were lost).
 */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { adminClient, entriesIndexUid } from "../../search/client.server";
import { ensureEntriesIndex, reindexEntries } from "../../search/index.server";
import { processOutbox } from "../../search/outbox.server";
import { drainOutbox } from "../support/outbox";
import { makeUser, uid } from "../support/factories";

const ENTRIES = 3000;

async function indexTitles(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let offset = 0; ; offset += 1000) {
    const page = await adminClient().index(entriesIndexUid()).getDocuments({ fields: ["id", "title"], limit: 1000, offset });
    for (const doc of page.results) out.set(String(doc.id), String(doc.title));
    if (page.results.length < 1000) return out;
  }
}

describe("search:reindex while the outbox worker writes", () => {
  it("ends with an index equal to the database: every change made during the build is there", async () => {
    await ensureEntriesIndex();
    const owner = await makeUser({ role: "KNOWLEDGE_MANAGER" });
    const marker = uid("bulk");
    await db.entry.createMany({
      data: Array.from({ length: ENTRIES }, (_, i) => ({ title: `${marker} ${i}`, bodyJson: "{}", bodyText: `Tekst ${i}`, ownerId: owner.id })),
    });
    const ids = (await db.entry.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((e) => e.id);

    // The worker's side: edits and new entries, each through the outbox, pushed at once to the live index.
    let building = true;
    let edits = 0;
    let created = 0;
    const stream = (async () => {
      while (building) {
        const id = ids[Math.floor(Math.random() * ids.length)];
        await db.$transaction([
          db.entry.update({ where: { id }, data: { title: `${marker} bewerkt ${edits}` } }),
          db.searchOutbox.create({ data: { indexName: "entries", documentId: id, operation: "UPSERT" } }),
        ]);
        edits++;
        if (edits % 5 === 0) {
          const entry = await db.entry.create({ data: { title: `${marker} nieuw ${created}`, bodyJson: "{}", bodyText: "Nieuw", ownerId: owner.id } });
          await db.searchOutbox.create({ data: { indexName: "entries", documentId: entry.id, operation: "UPSERT" } });
          created++;
        }
        await processOutbox();
      }
    })();
    const result = await reindexEntries(undefined, 100);
    building = false;
    await stream;
    expect(edits).toBeGreaterThan(5);
    expect(result.replayed).toBeGreaterThan(0);

    await drainOutbox();
    const inIndex = await indexTitles();
    const inDatabase = new Map((await db.entry.findMany({ select: { id: true, title: true } })).map((e) => [e.id, e.title]));
    const wrong = [...inDatabase].filter(([id, title]) => inIndex.get(id) !== title);
    expect(wrong.length, `${wrong.length} of ${inDatabase.size} documents differ from the database after ${edits} edits and ${created} new entries`).toBe(0);
    expect(new Set(inIndex.keys())).toEqual(new Set(inDatabase.keys()));
  });
});
