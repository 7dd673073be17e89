/**
 * A field note's author edits or withdraws it until the knowledge manager decides: audited, a withdrawn
 * note leaves the inbox and can no longer be curated; after a decision the author can change nothing;
 * nobody else can change it at all.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { editNote, withdrawNote } from "~/commands/manage-note.server";
import { declineNote, publishNote } from "~/commands/curate-note.server";
import { submitNote } from "~/commands/submit-note.server";
import { listInbox } from "~/models/note.server";
import { actorFor, body, makeCommunity, makeDepartment, makeUser, uid } from "../support/factories";

async function setup() {
  const dept = await makeDepartment();
  const [authorUser, otherUser, kmUser] = [await makeUser(), await makeUser(), await makeUser({ role: "KNOWLEDGE_MANAGER" })];
  const community = await makeCommunity({ departmentId: dept.id, memberIds: [authorUser.id] });
  return { community, author: await actorFor(authorUser), other: await actorFor(otherUser), km: await actorFor(kmUser) };
}

const note = (title: string) => ({ title, tags: ["premie"], body: body(`${title}: de klant verloor de getrouwheidspremie.`) });
const inbox = async () => (await listInbox(10_000)).notes.map((n) => n.id);
const actions = async (id: string) =>
  (await db.auditEvent.findMany({ where: { targetType: "note", targetId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { action: true } })).map((a) => a.action);

describe("the author's own submitted note", () => {
  it("is edited by its author: title, text, tags and community; audited with the previous title", async () => {
    const s = await setup();
    const { id } = await submitNote(s.author, note(`Premie kwijt ${uid()}`));
    await editNote(s.author, id, { title: "Premie kwijt na overschrijving", tags: ["premie", "overschrijving"], body: body("Nieuwe tekst."), communityId: s.community.id });
    const row = await db.note.findUniqueOrThrow({ where: { id }, select: { title: true, bodyText: true, state: true, communityId: true, tags: { select: { tag: { select: { name: true } } } } } });
    expect(row).toMatchObject({ title: "Premie kwijt na overschrijving", bodyText: "Nieuwe tekst.", state: "SUBMITTED", communityId: s.community.id });
    expect(row.tags.map((t) => t.tag.name).sort()).toEqual(["overschrijving", "premie"]);
    expect(await actions(id)).toEqual(["note.submit", "note.edit"]);
    expect(await inbox()).toContain(id);
    // A community the author does not belong to is refused, nothing changed.
    const elsewhere = await makeCommunity({ departmentId: s.community.departmentId });
    await expect(editNote(s.author, id, { title: "x", tags: [], body: body("x"), communityId: elsewhere.id })).rejects.toMatchObject({ status: 400, field: "communityId" });
    expect((await db.note.findUniqueOrThrow({ where: { id }, select: { title: true } })).title).toBe("Premie kwijt na overschrijving");
  });

  it("is withdrawn by its author: it leaves the inbox and the knowledge manager can no longer decide on it", async () => {
    const s = await setup();
    const { id } = await submitNote(s.author, note(`Intrekken ${uid()}`));
    expect(await inbox()).toContain(id);
    await withdrawNote(s.author, id);
    expect((await db.note.findUniqueOrThrow({ where: { id }, select: { state: true, decidedAt: true } })).state).toBe("WITHDRAWN");
    expect(await inbox()).not.toContain(id);
    await expect(publishNote(s.km, id, { title: "x", tags: [], body: body("x") })).rejects.toMatchObject({ status: 409 });
    await expect(editNote(s.author, id, { ...note("Toch nog"), communityId: undefined })).rejects.toMatchObject({ status: 409, messageKey: "error.note.decided" });
    await expect(withdrawNote(s.author, id)).rejects.toMatchObject({ status: 409 });
    expect(await actions(id)).toEqual(["note.submit", "note.withdraw"]);
  });

  it("cannot be changed after the knowledge manager decided, and never by anyone else", async () => {
    const s = await setup();
    const published = await submitNote(s.author, note(`Gepubliceerd ${uid()}`));
    await publishNote(s.km, published.id, { title: "Entry", tags: ["premie"], body: body("Tekst") });
    await expect(editNote(s.author, published.id, note("Nadien"))).rejects.toMatchObject({ status: 409, messageKey: "error.note.decided" });
    await expect(withdrawNote(s.author, published.id)).rejects.toMatchObject({ status: 409 });
    const declined = await submitNote(s.author, note(`Afgewezen ${uid()}`));
    await declineNote(s.km, declined.id, "Staat al in de kennisbank.");
    await expect(withdrawNote(s.author, declined.id)).rejects.toMatchObject({ status: 409 });

    const open = await submitNote(s.author, note(`Van een ander ${uid()}`));
    // A colleague does not know the note exists; the knowledge manager sees it but may not edit it for the author.
    await expect(editNote(s.other, open.id, note("Overgenomen"))).rejects.toMatchObject({ status: 404 });
    await expect(withdrawNote(s.other, open.id)).rejects.toMatchObject({ status: 404 });
    await expect(editNote(s.km, open.id, note("Overgenomen"))).rejects.toMatchObject({ status: 403, messageKey: "error.note.notYours" });
    await expect(withdrawNote(s.km, open.id)).rejects.toMatchObject({ status: 403 });
    expect(await db.note.findUniqueOrThrow({ where: { id: open.id }, select: { state: true, title: true } })).toEqual({ state: "SUBMITTED", title: expect.stringMatching(/^Van een ander/) });
    expect(await actions(open.id)).toEqual(["note.submit"]);
  });
});
