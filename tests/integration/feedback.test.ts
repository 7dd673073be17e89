/** "This helped me": once per user, not an edit of the entry, and pushed to search for ranking. */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { publishNote } from "~/commands/curate-note.server";
import { recordHelped } from "~/commands/record-feedback.server";
import { submitNote } from "~/commands/submit-note.server";
import { actorFor, body, makeUser, uid } from "../support/factories";

describe("recordHelped", () => {
  it("counts each user once, keeps the entry's updated date and queues the entry for search", async () => {
    const km = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
    const agent = await actorFor(await makeUser());
    const colleague = await actorFor(await makeUser());
    const title = `Termijnrekening opzeggen ${uid()}`;
    const note = await submitNote(agent, { title, body: body("Wat werkte: de vervaldag uitleggen."), tags: ["termijnrekening"] });
    const { entryId } = await publishNote(km, note.id, { title, body: body("Stappen."), tags: ["termijnrekening"] });
    const before = await db.entry.findUniqueOrThrow({ where: { id: entryId } });

    expect(await recordHelped(colleague, entryId)).toEqual({ changed: true });
    expect(await recordHelped(colleague, entryId)).toEqual({ changed: false });
    await recordHelped(agent, entryId);

    const after = await db.entry.findUniqueOrThrow({ where: { id: entryId } });
    expect(after.helpfulCount).toBe(2);
    expect(after.updatedAt.getTime()).toBe(before.updatedAt.getTime());
    expect(await db.searchOutbox.count({ where: { documentId: entryId } })).toBe(3); // publish + two changes
  });

  it("refuses feedback on an archived entry", async () => {
    const km = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
    const agent = await actorFor(await makeUser());
    const note = await submitNote(agent, { title: `Oud product ${uid()}`, body: body("Tekst."), tags: [] });
    const { entryId } = await publishNote(km, note.id, { title: "Oud product", body: body("Tekst."), tags: [] });
    await db.entry.update({ where: { id: entryId }, data: { state: "ARCHIVED" } });
    await expect(recordHelped(agent, entryId)).rejects.toMatchObject({ status: 404 });
  });
});
