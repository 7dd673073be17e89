/**
 * An index built by an older version of the document code is noticed at boot: each rebuild records the
 * format it built with (a fingerprint of the documents the code makes now), and ensure*Index says
 * `stale` when the recorded one differs or is missing, so the server rebuilds it (server/main.ts).
 */
import { describe, expect, it } from "vitest";
import { adminClient, questionsIndexUid } from "../../search/client.server";
import { entryDocumentFormat, questionDocumentFormat } from "../../search/documents.server";
import { builtWithFormat, ensureQuestionsIndex, reindexQuestions } from "../../search/index.server";
import { metaIndexName } from "../../search/settings";
import { getEnv } from "~/utils/env.server";

const meta = () => adminClient().index(metaIndexName(getEnv().MEILI_INDEX_PREFIX));

describe("the document format of an index", () => {
  it("is recorded by a rebuild; another or no recorded format makes the index stale until the next rebuild", async () => {
    await ensureQuestionsIndex();
    await reindexQuestions();
    expect(await builtWithFormat(questionsIndexUid())).toBe(questionDocumentFormat());
    expect(await ensureQuestionsIndex()).toEqual({ created: false, stale: false });

    // Built by an older version whose documents differed.
    await meta().addDocuments([{ id: questionsIndexUid(), format: "older0000000000" }]).waitTask();
    expect(await ensureQuestionsIndex()).toEqual({ created: false, stale: true });

    // Built before the format was recorded at all.
    await meta().deleteDocument(questionsIndexUid()).waitTask();
    expect(await builtWithFormat(questionsIndexUid())).toBeNull();
    expect(await ensureQuestionsIndex()).toEqual({ created: false, stale: true });

    await reindexQuestions();
    expect(await ensureQuestionsIndex()).toEqual({ created: false, stale: false });
  });

  it("follows what the documents hold: entries and questions have fingerprints of their own, stable within a build", () => {
    expect(entryDocumentFormat()).toMatch(/^[0-9a-f]{16}$/);
    expect(entryDocumentFormat()).toBe(entryDocumentFormat());
    expect(questionDocumentFormat()).not.toBe(entryDocumentFormat());
  });
});
