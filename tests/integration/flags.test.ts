/**
 * Flags: any reader who sees a live entry flags it with a reason (a comment for "wrong" and "other"),
 * once while it is open; the knowledge manager closes it without a change, saying why; the flagger may
 * take it back. Every change is audited; who may not see the entry learns nothing.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { publishNote } from "~/commands/curate-note.server";
import { flagEntry, resolveFlagNoChange, withdrawFlag } from "~/commands/manage-flag.server";
import { submitNote } from "~/commands/submit-note.server";
import { listEntryFlags, listFlagsByUser, getEntryFlagSummary } from "~/models/flag.server";
import { FlagSchema } from "~/schemas/flag";
import { parseForm } from "~/schemas/form";
import type { Actor } from "~/policies/policies";
import { actorFor, body, makeCommunity, makeDepartment, makeUser, uid } from "../support/factories";

async function setting(communityId?: string) {
  const km = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
  const author = await actorFor(await makeUser());
  const reader = await actorFor(await makeUser());
  const title = `Spaarrekening Plus opzeggen ${uid()}`;
  const note = await submitNote(author, { title, body: body("De getrouwheidspremie vervalt."), tags: ["spaarrekening"], communityId });
  const { entryId } = await publishNote(km, note.id, { title, body: body("Stappen."), tags: ["spaarrekening"] });
  return { km, author, reader, entryId, title };
}

/** What a flag form posts, through the same schema the route uses. */
function input(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  const parsed = parseForm(FlagSchema, data);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.data;
}

async function auditOf(actor: Actor, entryId: string) {
  const rows = await db.auditEvent.findMany({ where: { actorId: actor.id, targetType: "entry", targetId: entryId, action: { startsWith: "flag." } }, orderBy: { createdAt: "asc" }, select: { action: true, details: true } });
  return rows.map((r) => ({ action: r.action, details: JSON.parse(r.details) as Record<string, unknown> }));
}

describe("flagEntry", () => {
  it("records an open flag with its reason and comment, audited, and shows the entry as being checked when wrong", async () => {
    const s = await setting();
    expect(await getEntryFlagSummary(s.entryId, s.reader.id)).toEqual({ own: null, beingChecked: false });
    const { id } = await flagEntry(s.reader, s.entryId, input({ reason: "WRONG", comment: "De premie blijft tot de vervaldag." }));
    const row = await db.flag.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ entryId: s.entryId, userId: s.reader.id, reason: "WRONG", comment: "De premie blijft tot de vervaldag.", state: "OPEN", resolvedAt: null });
    expect(await auditOf(s.reader, s.entryId)).toEqual([{ action: "flag.create", details: { flagId: id, reason: "WRONG", comment: "De premie blijft tot de vervaldag." } }]);
    const summary = await getEntryFlagSummary(s.entryId, s.reader.id);
    expect(summary.own?.id).toBe(id);
    expect(summary.beingChecked).toBe(true);
    // Another reader sees the notice too, without an own flag.
    expect(await getEntryFlagSummary(s.entryId, s.author.id)).toMatchObject({ own: null, beingChecked: true });
  });

  it("allows one open flag per person per entry: a second is a conflict, also when two arrive at once", async () => {
    const s = await setting();
    await flagEntry(s.reader, s.entryId, input({ reason: "OUTDATED" }));
    await expect(flagEntry(s.reader, s.entryId, input({ reason: "UNCLEAR" }))).rejects.toMatchObject({ status: 409, messageKey: "error.flag.alreadyOpen" });
    // A colleague flags the same entry: each person has their own.
    await flagEntry(s.author, s.entryId, input({ reason: "UNCLEAR" }));

    const other = await setting();
    const results = await Promise.allSettled([
      flagEntry(other.reader, other.entryId, input({ reason: "OUTDATED" })),
      flagEntry(other.reader, other.entryId, input({ reason: "WRONG", comment: "Fout." })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { status: 409, messageKey: "error.flag.alreadyOpen" } });
    expect(await db.flag.count({ where: { entryId: other.entryId, userId: other.reader.id, state: "OPEN" } })).toBe(1);
  });

  it("the database itself holds one open flag per person per entry (the partial unique index)", async () => {
    const s = await setting();
    await db.flag.create({ data: { entryId: s.entryId, userId: s.reader.id, reason: "OUTDATED" } });
    await expect(db.flag.create({ data: { entryId: s.entryId, userId: s.reader.id, reason: "WRONG", comment: "x" } })).rejects.toThrow();
    // A closed flag does not count.
    await db.flag.create({ data: { entryId: s.entryId, userId: s.reader.id, reason: "WRONG", comment: "x", state: "NO_CHANGE" } });
  });

  it("stores hostile text as text", async () => {
    const s = await setting();
    const comment = `<img src=x onerror="alert(1)"> '); DELETE FROM "Flag"; -- {{7*7}}`;
    const { id } = await flagEntry(s.reader, s.entryId, input({ reason: "OTHER", comment }));
    expect((await db.flag.findUniqueOrThrow({ where: { id } })).comment).toBe(comment);
    expect(await db.flag.count({ where: { entryId: s.entryId } })).toBe(1);
  });

  it("who may not see a closed community's entry cannot flag it: not found, nothing written", async () => {
    const department = await makeDepartment();
    const member = await makeUser();
    const community = await makeCommunity({ departmentId: department.id, visibility: "CLOSED", memberIds: [member.id] });
    const memberActor = await actorFor(member);
    const km = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
    const note = await submitNote(memberActor, { title: `Intern ${uid()}`, body: body("Alleen voor leden."), tags: [], communityId: community.id });
    const { entryId } = await publishNote(km, note.id, { title: "Intern", body: body("Alleen voor leden."), tags: [] });
    const outsider = await actorFor(await makeUser());
    await expect(flagEntry(outsider, entryId, input({ reason: "OUTDATED" }))).rejects.toMatchObject({ status: 404 });
    await expect(flagEntry(outsider, "cnosuchentry000000000000", input({ reason: "OUTDATED" }))).rejects.toMatchObject({ status: 404 });
    expect(await db.flag.count({ where: { entryId } })).toBe(0);
    // The member may.
    await flagEntry(memberActor, entryId, input({ reason: "OUTDATED" }));
  });

  it("an archived entry cannot be flagged", async () => {
    const s = await setting();
    await db.entry.update({ where: { id: s.entryId }, data: { state: "ARCHIVED", archivedAt: new Date() } });
    await expect(flagEntry(s.reader, s.entryId, input({ reason: "OUTDATED" }))).rejects.toMatchObject({ status: 409, messageKey: "error.flag.archived" });
    expect(await db.flag.count({ where: { entryId: s.entryId } })).toBe(0);
  });
});

describe("resolveFlagNoChange", () => {
  it("closes an open flag with the knowledge manager's reason, audited; the flagger reads it; a second decision is a conflict", async () => {
    const s = await setting();
    const { id } = await flagEntry(s.reader, s.entryId, input({ reason: "WRONG", comment: "De premie vervalt niet." }));
    await expect(resolveFlagNoChange(s.km, id, "   ")).rejects.toMatchObject({ status: 400, field: "resolution" });
    await resolveFlagNoChange(s.km, id, "Klopt wel: de premie vervalt bij opzeggen vóór de vervaldag.");
    const row = await db.flag.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: "NO_CHANGE", resolution: "Klopt wel: de premie vervalt bij opzeggen vóór de vervaldag.", resolvedById: s.km.id });
    expect(row.resolvedAt).toBeInstanceOf(Date);
    expect(await auditOf(s.km, s.entryId)).toEqual([{ action: "flag.resolve", details: { flagId: id, state: "NO_CHANGE", resolution: "Klopt wel: de premie vervalt bij opzeggen vóór de vervaldag." } }]);
    await expect(resolveFlagNoChange(s.km, id, "Nog eens.")).rejects.toMatchObject({ status: 409, messageKey: "error.flag.notOpen" });

    const [mine] = await listFlagsByUser(s.reader.id);
    expect(mine).toMatchObject({ id, state: "NO_CHANGE", resolvedBy: { name: expect.any(String) }, entry: { id: s.entryId } });
    expect(await getEntryFlagSummary(s.entryId, s.reader.id)).toEqual({ own: null, beingChecked: false });
    const flags = await listEntryFlags(s.entryId);
    expect(flags.open).toHaveLength(0);
    expect(flags.resolved.map((f) => f.id)).toEqual([id]);
    // Closed, so the reader may flag again.
    await flagEntry(s.reader, s.entryId, input({ reason: "OUTDATED" }));
  });

  it("only knowledge managers and admins resolve flags; the flagger, the owner and a department head may not", async () => {
    const s = await setting();
    const { id } = await flagEntry(s.reader, s.entryId, input({ reason: "UNCLEAR" }));
    const head = await actorFor(await makeUser({ role: "DEPARTMENT_HEAD" }));
    for (const actor of [s.reader, s.author, head]) {
      await expect(resolveFlagNoChange(actor, id, "Mag ik niet.")).rejects.toMatchObject({ status: 403 });
    }
    expect((await db.flag.findUniqueOrThrow({ where: { id } })).state).toBe("OPEN");
    const admin = await actorFor(await makeUser({ role: "ADMIN" }));
    await resolveFlagNoChange(admin, id, "Duidelijk genoeg na de laatste versie.");
    expect((await db.flag.findUniqueOrThrow({ where: { id } })).resolvedById).toBe(admin.id);
  });

  it("an unknown flag is not found", async () => {
    const km = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }));
    await expect(resolveFlagNoChange(km, "cnosuchflag0000000000000", "x")).rejects.toMatchObject({ status: 404 });
  });
});

describe("withdrawFlag", () => {
  it("lets the flagger take back an open flag, audited; nobody else; then they may flag again", async () => {
    const s = await setting();
    const { id } = await flagEntry(s.reader, s.entryId, input({ reason: "WRONG", comment: "Toch niet fout." }));
    await expect(withdrawFlag(s.author, id)).rejects.toMatchObject({ status: 404 });
    await expect(withdrawFlag(s.km, id)).rejects.toMatchObject({ status: 404 });
    await withdrawFlag(s.reader, id);
    // Not a resolution: the time-to-resolve figure counts only what the knowledge manager resolved.
    expect(await db.flag.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "WITHDRAWN", resolvedById: null, resolvedAt: null });
    expect((await auditOf(s.reader, s.entryId)).map((a) => a.action)).toEqual(["flag.create", "flag.withdraw"]);
    await expect(withdrawFlag(s.reader, id)).rejects.toMatchObject({ status: 409 });
    expect((await getEntryFlagSummary(s.entryId, s.reader.id)).beingChecked).toBe(false);
    await flagEntry(s.reader, s.entryId, input({ reason: "OUTDATED" }));
  });
});
