/** "This helped me": once per user, can be taken back, audited, not an edit of the entry, and pushed to search for ranking. */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { publishNote } from "~/commands/curate-note.server";
import { setHelped } from "~/commands/record-feedback.server";
import { submitNote } from "~/commands/submit-note.server";
import { actorFor, body, makeUser, uid } from "../support/factories";

describe("setHelped", () => {
  it("counts each user once, keeps the entry's updated date and queues the entry for search", async () => {
    const km = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
    const agent = await actorFor(await makeUser());
    const colleague = await actorFor(await makeUser());
    const title = `Termijnrekening opzeggen ${uid()}`;
    const note = await submitNote(agent, { title, body: body("Wat werkte: de vervaldag uitleggen."), tags: ["termijnrekening"] });
    const { entryId } = await publishNote(km, note.id, { title, body: body("Stappen."), tags: ["termijnrekening"] });
    const before = await db.entry.findUniqueOrThrow({ where: { id: entryId } });

    expect(await setHelped(colleague, entryId, true)).toEqual({ changed: true });
    expect(await setHelped(colleague, entryId, true)).toEqual({ changed: false });
    await setHelped(agent, entryId, true);

    const after = await db.entry.findUniqueOrThrow({ where: { id: entryId } });
    expect(after.helpfulCount).toBe(2);
    expect(after.updatedAt.getTime()).toBe(before.updatedAt.getTime());
    expect(await db.searchOutbox.count({ where: { documentId: entryId } })).toBe(3); // publish + two changes
  });

  it("takes it back: the feedback row goes, the count drops, audited and queued; taking back twice changes nothing", async () => {
    const km = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
    const agent = await actorFor(await makeUser());
    const colleague = await actorFor(await makeUser());
    const note = await submitNote(agent, { title: `Spaarrekening afsluiten ${uid()}`, body: body("Tekst."), tags: [] });
    const { entryId } = await publishNote(km, note.id, { title: "Spaarrekening afsluiten", body: body("Stappen."), tags: [] });
    const before = await db.entry.findUniqueOrThrow({ where: { id: entryId } });
    await setHelped(colleague, entryId, true);
    await setHelped(agent, entryId, true);
    const queued = await db.searchOutbox.count({ where: { documentId: entryId } });

    expect(await setHelped(colleague, entryId, false)).toEqual({ changed: true });
    expect(await setHelped(colleague, entryId, false)).toEqual({ changed: false });

    const after = await db.entry.findUniqueOrThrow({ where: { id: entryId } });
    expect(after.helpfulCount).toBe(1);
    expect(after.updatedAt.getTime()).toBe(before.updatedAt.getTime());
    expect(await db.feedback.findUnique({ where: { entryId_userId: { entryId, userId: colleague.id } } })).toBeNull();
    expect(await db.searchOutbox.count({ where: { documentId: entryId } })).toBe(queued + 1);
    const audit = await db.auditEvent.findMany({ where: { targetType: "entry", targetId: entryId, actorId: colleague.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(["entry.helped", "entry.helpedWithdrawn"]);

    // Saying it again counts again.
    expect(await setHelped(colleague, entryId, true)).toEqual({ changed: true });
    expect((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).helpfulCount).toBe(2);
  });

  it("refuses feedback on an archived entry", async () => {
    const km = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
    const agent = await actorFor(await makeUser());
    const note = await submitNote(agent, { title: `Oud product ${uid()}`, body: body("Tekst."), tags: [] });
    const { entryId } = await publishNote(km, note.id, { title: "Oud product", body: body("Tekst."), tags: [] });
    await db.entry.update({ where: { id: entryId }, data: { state: "ARCHIVED" } });
    await expect(setHelped(agent, entryId, true)).rejects.toMatchObject({ status: 404 });
  });
});
