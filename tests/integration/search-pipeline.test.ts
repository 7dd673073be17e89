/**
 * The search pipeline on a real SQLite database and a real Meilisearch: an entry's document carries
 * the Dutch stems and compound parts of its words, and a query in other word forms or with a part of
 * a compound finds it first, with a question's fillers in front; bad input gets an answer.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { publishNote } from "~/commands/curate-note.server";
import { submitNote } from "~/commands/submit-note.server";
import { loadEntryDocuments } from "../../search/documents.server";
import { stem } from "../../search/dutch";
import { ensureEntriesIndex, ensureQuestionsIndex } from "../../search/index.server";
import { searchEntries, searchKnowledge } from "../../search/search.server";
import { drainOutbox } from "../support/outbox";
import { actorFor, body, makeUser, uid } from "../support/factories";

/** A made-up word of letters only, so each run's entry is the only one that holds it. */
const word = () => `zq${uid().replace(/[^a-z]/g, "").slice(-6)}x`;

describe("search pipeline", () => {
  beforeAll(async () => {
    await ensureEntriesIndex();
    await ensureQuestionsIndex();
  });

  it("indexes stems and compound parts and finds an entry by another word form or a part of a compound", async () => {
    const km = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
    const agent = await actorFor(await makeUser());
    const marker = word();
    const title = `Basisrente en opnames ${marker}`;
    const note = await submitNote(agent, { title, body: body(`Over de basisrente ${marker}.`), tags: ["spaarrekening"] });
    const { entryId } = await publishNote(km, note.id, { title, body: body(`De basisrente van de spaarrekening en elke opname ${marker}.`), tags: ["spaarrekening"] });
    const [document] = await loadEntryDocuments(db, [entryId]);
    expect(document.titleTerms?.split(" ")).toEqual(expect.arrayContaining([stem("basis"), stem("rente"), stem("opname")]));
    expect(document.bodyTerms?.split(" ")).toEqual(expect.arrayContaining([stem("spaar"), stem("rekening")]));
    await drainOutbox();

    for (const q of [`rente ${marker}`, `opname ${marker}`, `wanneer mag de klant ${marker} rente opnemen`, `spaar rekening ${marker}`]) {
      const found = await searchEntries(agent, { q });
      expect(found.status, q).toBe("ok");
      expect(found.status === "ok" && found.hits[0]?.id, q).toBe(entryId);
    }
  });

  it("answers bad input, never an error", async () => {
    const agent = await actorFor(await makeUser());
    for (const q of ["x".repeat(10_000), "wat is het", "?!…()", "🏦💸", "\u200f\u202erente\u202c", "de het een"]) {
      const result = await searchKnowledge(agent, { q, limit: 20 });
      expect(result.entries.status, JSON.stringify(q.slice(0, 20))).toBe("ok");
    }
  });
});
