/** "This helped me": once per user, can be taken back, audited, not an edit of the entry, and pushed to search for ranking. */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { publishNote } from "~/commands/curate-note.server";
import { archiveEntry } from "~/commands/manage-entry.server";
import { setHelped, setNotHelpful, withdrawNotHelpful } from "~/commands/record-feedback.server";
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

  it("refuses feedback on an archived entry its reader still sees (409), and stays silent to who may not see it (404)", async () => {
    const km = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
    const agent = await actorFor(await makeUser());
    const note = await submitNote(agent, { title: `Oud product ${uid()}`, body: body("Tekst."), tags: [] });
    const { entryId } = await publishNote(km, note.id, { title: "Oud product", body: body("Tekst."), tags: [] });
    await archiveEntry(km, entryId, { reason: "Product stopgezet." });
    await expect(setHelped(agent, entryId, true)).rejects.toMatchObject({ status: 409, messageKey: "error.entryLife.archivedFeedback" });
    expect(await db.feedback.count({ where: { entryId } })).toBe(0);
    await expect(setHelped(agent, "cabcdefghij0123456789", true)).rejects.toMatchObject({ status: 404 });
  });
});

describe("did not help", () => {
  async function entry() {
    const km = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
    const agent = await actorFor(await makeUser());
    const note = await submitNote(agent, { title: `Volmacht op een spaarrekening ${uid()}`, body: body("Tekst."), tags: [] });
    const { entryId } = await publishNote(km, note.id, { title: "Volmacht op een spaarrekening", body: body("Stappen."), tags: [] });
    return entryId;
  }
  const row = (entryId: string, userId: string) =>
    db.feedback.findUnique({ where: { entryId_userId: { entryId, userId } }, select: { id: true, helpful: true, reason: true, handledAt: true, createdAt: true } });
  const actions = async (entryId: string, actorId: string) =>
    (await db.auditEvent.findMany({ where: { targetType: "entry", targetId: entryId, actorId }, orderBy: { createdAt: "asc" }, select: { action: true } })).map((a) => a.action);

  it("stores the answer with its optional reason, audited; the helpful count stays the count of 'helped'", async () => {
    const entryId = await entry();
    const reader = await actorFor(await makeUser());
    const other = await actorFor(await makeUser());
    await setHelped(other, entryId, true);
    const queued = await db.searchOutbox.count({ where: { documentId: entryId } });

    expect(await setNotHelpful(reader, entryId, "  Niets over een volmacht voor een minderjarige.  ")).toEqual({ changed: true });
    expect(await row(entryId, reader.id)).toMatchObject({ helpful: false, reason: "Niets over een volmacht voor een minderjarige.", handledAt: null });
    expect(await setNotHelpful(reader, entryId, "Niets over een volmacht voor een minderjarige.")).toEqual({ changed: false });
    expect((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).helpfulCount).toBe(1);
    // The count did not move: nothing for search to learn.
    expect(await db.searchOutbox.count({ where: { documentId: entryId } })).toBe(queued);

    // Without a reason, and a changed reason, is the same one row.
    const other2 = await actorFor(await makeUser());
    await setNotHelpful(other2, entryId, "");
    expect(await row(entryId, other2.id)).toMatchObject({ helpful: false, reason: null });
    await setNotHelpful(other2, entryId, "Te lang.");
    expect(await row(entryId, other2.id)).toMatchObject({ helpful: false, reason: "Te lang." });
    expect(await db.feedback.count({ where: { entryId, userId: other2.id } })).toBe(1);
    expect(await actions(entryId, reader.id)).toEqual(["entry.notHelpful"]);
  });

  it("a change of mind updates the one row (fresh and not yet handled) and the count; both answers can be undone", async () => {
    const entryId = await entry();
    const reader = await actorFor(await makeUser());
    await setHelped(reader, entryId, true);
    const helped = await row(entryId, reader.id);
    await db.feedback.update({ where: { id: helped!.id }, data: { createdAt: new Date(Date.now() - 86_400_000) } });

    await setNotHelpful(reader, entryId, "Toch niet: de stappen zijn veranderd.");
    const changed = await row(entryId, reader.id);
    expect(changed).toMatchObject({ id: helped!.id, helpful: false, reason: "Toch niet: de stappen zijn veranderd.", handledAt: null });
    expect(changed!.createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).helpfulCount).toBe(0);

    // A knowledge manager saw to it; saying it again makes it a fresh signal.
    await db.feedback.update({ where: { id: helped!.id }, data: { handledAt: new Date() } });
    await setHelped(reader, entryId, true);
    expect(await row(entryId, reader.id)).toMatchObject({ id: helped!.id, helpful: true, reason: null, handledAt: null });
    expect((await db.entry.findUniqueOrThrow({ where: { id: entryId } })).helpfulCount).toBe(1);

    // Taking back "did not help" leaves a "helped" alone, and the other way round.
    expect(await withdrawNotHelpful(reader, entryId)).toEqual({ changed: false });
    await setNotHelpful(reader, entryId, "");
    expect(await setHelped(reader, entryId, false)).toEqual({ changed: false });
    expect(await withdrawNotHelpful(reader, entryId)).toEqual({ changed: true });
    expect(await row(entryId, reader.id)).toBeNull();
    expect(await actions(entryId, reader.id)).toEqual(["entry.helped", "entry.notHelpful", "entry.helped", "entry.notHelpful", "entry.notHelpfulWithdrawn"]);
  });

  it("refuses 'did not help' on an archived entry", async () => {
    const entryId = await entry();
    const reader = await actorFor(await makeUser());
    await db.entry.update({ where: { id: entryId }, data: { state: "ARCHIVED" } });
    // The reader still sees the archived entry's page, so the refusal says why instead of hiding it.
    await expect(setNotHelpful(reader, entryId, "Weg.")).rejects.toMatchObject({ status: 409, messageKey: "error.entryLife.archivedFeedback" });
  });
});
