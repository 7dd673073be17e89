/**
 * npm run kb:import / kb:export on a real SQLite database and a real Meilisearch, through the same
 * functions the command-line scripts call: a bad line imports nothing, a second run never
 * duplicates, a changed line becomes a new version, a dry run writes nothing, only knowledge
 * managers and admins import, and the imported entries are found by search.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { runExport, runImport, type ExchangeOutput } from "../../prisma/knowledge-exchange";
import { ensureEntriesIndex } from "../../search/index.server";
import { searchEntries } from "../../search/search.server";
import { drainOutbox } from "../support/outbox";
import { actorFor, makeCommunity, makeDepartment, makeUser, uid } from "../support/factories";

const DIR = path.resolve(process.env.GILDE_TEST_TMP ?? "tests/.tmp", "integration", uid("kb-"));

function captured(): ExchangeOutput & { text: () => string } {
  const lines: string[] = [];
  return { line: (t) => lines.push(t), progress: () => undefined, text: () => lines.join("\n") };
}

function file(lines: (Record<string, unknown> | string)[]): string {
  const name = path.join(DIR, `${uid("import-")}.jsonl`);
  writeFileSync(name, lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n") + "\n");
  return name;
}

const km = () => makeUser({ role: "KNOWLEDGE_MANAGER", email: `${uid("km-")}@gilde.test` });

async function entryOf(externalId: string) {
  return db.entry.findUnique({
    where: { externalId },
    select: { id: true, title: true, bodyText: true, version: true, state: true, communityId: true, tags: { select: { tag: { select: { name: true } } } }, versions: { select: { version: true, summary: true }, orderBy: { version: "asc" } } },
  });
}

beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  await ensureEntriesIndex();
});

describe("kb:import", () => {
  it("imports nothing when one line is bad, and names every bad line", async () => {
    const user = await km();
    const [a, b] = [uid("ext-"), uid("ext-")];
    const out = captured();
    const result = await runImport(
      file([
        { externalId: a, title: "Goede regel", body: "Tekst", tags: ["sparen"] },
        { externalId: b, title: "", body: "Tekst" },
        "{geen json",
        { externalId: a, title: "Nog eens", body: "Tekst" },
      ]),
      user.email,
      { out },
    );
    expect(result).toMatchObject({ ok: false, reason: "invalid", errors: [{ line: 2 }, { line: 3 }, { line: 4 }] });
    expect(out.text()).toContain("line 2: title: This field is required.");
    expect(out.text()).toContain("line 3: not valid JSON");
    expect(out.text()).toContain(`line 4: externalId: "${a}" is already on line 1`);
    expect(await db.entry.count({ where: { externalId: { in: [a, b] } } })).toBe(0);
  });

  it("imports nothing when a line names a community that does not exist", async () => {
    const user = await km();
    const a = uid("ext-");
    const out = captured();
    const result = await runImport(file([{ externalId: a, title: "Titel", body: "Tekst" }, { externalId: uid("ext-"), title: "Titel", body: "Tekst", community: "bestaat-niet" }]), user.email, { out });
    expect(result).toMatchObject({ ok: false, reason: "invalid", errors: [{ line: 2, messages: ['community: "bestaat-niet" does not exist'] }] });
    expect(await entryOf(a)).toBeNull();
  });

  it("publishes each entry with its first version, tags, audit event and outbox row; a second run changes nothing", async () => {
    const user = await km();
    const department = await makeDepartment();
    const community = await makeCommunity({ departmentId: department.id });
    const [a, b] = [uid("ext-"), uid("ext-")];
    const lines = [
      { externalId: a, title: "Kasbon op vervaldag", body: "Een kasbon komt op vervaldag vrij.\n\nHet geld gaat naar de zichtrekening.", tags: ["kasbon", "Vervaldag"] },
      { externalId: b, title: "Adreswijziging", body: "Een adreswijziging doe je in het klantdossier.", tags: [], community: community.slug },
    ];
    const name = file(lines);
    const first = captured();
    const result = await runImport(name, user.email, { out: first });
    expect(result).toMatchObject({ ok: true, summary: { created: 2, updated: 0, unchanged: 0, archived: 0 } });
    expect(first.text()).toContain("Done: 2 created, 0 updated, 0 unchanged.");

    const entry = await entryOf(a);
    expect(entry).toMatchObject({ title: "Kasbon op vervaldag", version: 1, state: "PUBLISHED", communityId: null, versions: [{ version: 1, summary: "import" }] });
    expect(entry!.bodyText).toBe("Een kasbon komt op vervaldag vrij.\n\nHet geld gaat naar de zichtrekening.");
    expect(entry!.tags.map((t) => t.tag.name).sort()).toEqual(["kasbon", "vervaldag"]);
    expect((await entryOf(b))!.communityId).toBe(community.id);
    const audit = await db.auditEvent.findMany({ where: { targetId: entry!.id }, select: { action: true, actorId: true } });
    expect(audit).toEqual([{ action: "entry.import", actorId: user.id }]);
    expect(await db.searchOutbox.count({ where: { indexName: "entries", documentId: entry!.id } })).toBe(1);

    const second = captured();
    expect(await runImport(name, user.email, { out: second })).toMatchObject({ ok: true, summary: { created: 0, updated: 0, unchanged: 2 } });
    expect(second.text()).toContain("Done: 0 created, 0 updated, 2 unchanged.");
    expect(await db.entry.count({ where: { externalId: { in: [a, b] } } })).toBe(2);
    expect((await entryOf(a))!.version).toBe(1);
    expect(await db.searchOutbox.count({ where: { documentId: entry!.id } })).toBe(1);
  });

  it("makes a changed line a new version of the same entry", async () => {
    const user = await km();
    const [a, b] = [uid("ext-"), uid("ext-")];
    await runImport(file([{ externalId: a, title: "Basisrente", body: "De basisrente is 0,5 %.", tags: ["rente"] }, { externalId: b, title: "Ongewijzigd", body: "Blijft zo." }]), user.email, { out: captured() });
    const before = await entryOf(a);
    const out = captured();
    const result = await runImport(
      file([{ externalId: a, title: "Basisrente", body: "De basisrente is 0,75 %.", tags: ["rente", "spaarrekening"] }, { externalId: b, title: "Ongewijzigd", body: "Blijft zo." }]),
      user.email,
      { out },
    );
    expect(result).toMatchObject({ ok: true, summary: { created: 0, updated: 1, unchanged: 1 } });
    const after = await entryOf(a);
    expect(after).toMatchObject({ id: before!.id, version: 2, bodyText: "De basisrente is 0,75 %.", versions: [{ version: 1 }, { version: 2, summary: "import" }] });
    expect(after!.tags.map((t) => t.tag.name).sort()).toEqual(["rente", "spaarrekening"]);
    const v1 = await db.entryVersion.findUnique({ where: { entryId_version: { entryId: before!.id, version: 1 } }, select: { bodyText: true } });
    expect(v1!.bodyText).toBe("De basisrente is 0,5 %.");
  });

  it("leaves an archived entry alone and says so", async () => {
    const user = await km();
    const a = uid("ext-");
    const name = file([{ externalId: a, title: "Oud product", body: "Bestaat niet meer." }]);
    await runImport(name, user.email, { out: captured() });
    await db.entry.update({ where: { externalId: a }, data: { state: "ARCHIVED", archivedAt: new Date() } });
    const out = captured();
    const changed = file([{ externalId: a, title: "Oud product", body: "Nieuwe tekst." }]);
    expect(await runImport(changed, user.email, { out })).toMatchObject({ ok: true, summary: { archived: 1, updated: 0 } });
    expect(out.text()).toContain("1 archived (left alone)");
    expect(await entryOf(a)).toMatchObject({ state: "ARCHIVED", version: 1, bodyText: "Bestaat niet meer." });
  });

  it("writes nothing on a dry run, but counts what it would do", async () => {
    const user = await km();
    const [a, b] = [uid("ext-"), uid("ext-")];
    await runImport(file([{ externalId: a, title: "Bestaand", body: "Tekst." }]), user.email, { out: captured() });
    const counts = async () => ({ entries: await db.entry.count(), versions: await db.entryVersion.count(), audit: await db.auditEvent.count(), outbox: await db.searchOutbox.count(), tags: await db.tag.count() });
    const before = await counts();
    const out = captured();
    const result = await runImport(file([{ externalId: a, title: "Bestaand", body: "Andere tekst." }, { externalId: b, title: "Nieuw", body: "Tekst.", tags: [uid("nieuwe-tag-")] }]), user.email, { dryRun: true, out });
    expect(result).toMatchObject({ ok: true, dryRun: true, summary: { created: 1, updated: 1, unchanged: 0 } });
    expect(out.text()).toContain("Dry run, nothing written: would create 1, update 1, leave 0 unchanged.");
    expect(await counts()).toEqual(before);
  });

  it("refuses a user who is not a knowledge manager or admin, and an unknown one", async () => {
    const employee = await makeUser({ email: `${uid("emp-")}@gilde.test` });
    const a = uid("ext-");
    const name = file([{ externalId: a, title: "Titel", body: "Tekst." }]);
    const out = captured();
    expect(await runImport(name, employee.email, { out })).toMatchObject({ ok: false, reason: "user" });
    expect(out.text()).toContain("is not a knowledge manager or an admin");
    expect(await runImport(name, "niemand@gilde.test", { out: captured() })).toMatchObject({ ok: false, reason: "user" });
    const admin = await makeUser({ role: "ADMIN", email: `${uid("admin-")}@gilde.test` });
    expect(await runImport(name, admin.email, { out: captured() })).toMatchObject({ ok: true, summary: { created: 1 } });
    expect(await entryOf(a)).not.toBeNull();
  });

  it("makes the entries searchable for an employee once the outbox worker ran", async () => {
    const user = await km();
    const word = uid("getrouwheidspremiex");
    const a = uid("ext-");
    await runImport(file([{ externalId: a, title: `Wanneer krijgt de klant de ${word}?`, body: `De ${word} volgt na twaalf maanden.`, tags: ["premie"] }]), user.email, { out: captured() });
    await drainOutbox();
    const employee = await actorFor(await makeUser());
    const result = await searchEntries(employee, { q: word });
    const id = (await entryOf(a))!.id;
    expect(result.status === "ok" && result.hits.map((h) => h.id)).toEqual([id]);
  });
});

describe("kb:export", () => {
  it("writes the live entries in the import's shape; importing that file back changes nothing", async () => {
    const user = await km();
    const [a, archived] = [uid("ext-"), uid("ext-")];
    await runImport(file([{ externalId: a, title: "Export", body: "Tekst.", tags: ["b", "a"] }, { externalId: archived, title: "Weg", body: "Tekst." }]), user.email, { out: captured() });
    await db.entry.update({ where: { externalId: archived }, data: { state: "ARCHIVED", archivedAt: new Date() } });
    // An entry published from a note has no externalId: it is exported under its own id.
    const own = await db.entry.create({ data: { title: "Uit een notitie", bodyJson: JSON.stringify({ root: { type: "root", children: [{ type: "paragraph", children: [{ type: "text", text: "Eigen." }] }] } }), bodyText: "Eigen.", ownerId: user.id }, select: { id: true } });

    const name = path.join(DIR, `${uid("export-")}.jsonl`);
    const count = await runExport(name, captured());
    const lines = readFileSync(name, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { externalId: string; tags: string[]; body: unknown });
    expect(lines).toHaveLength(count);
    const ids = lines.map((l) => l.externalId);
    expect(ids).toContain(a);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(archived);
    expect(lines.find((l) => l.externalId === a)).toMatchObject({ title: "Export", tags: ["a", "b"], body: { root: { type: "root" } } });

    const entries = await db.entry.count();
    const out = captured();
    const again = await runImport(name, user.email, { out });
    expect(again).toMatchObject({ ok: true, summary: { created: 0, updated: 0 } });
    expect(await db.entry.count()).toBe(entries);
  });
});
