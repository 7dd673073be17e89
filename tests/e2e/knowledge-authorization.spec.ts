/**
 * Authorization of every knowledge-lifecycle route and action (issue 10): flag, my flags, an entry's
 * flags, fix, archive and restore, confirm a review, the work queue, review intervals, products,
 * synonyms, the knowledge dashboard and mandatory reads (issue 12) — for a reader, a member of a closed community, an entry's owner,
 * a department head, a knowledge manager and an admin. Pages answer 200 or 403/404 as the policies say;
 * every refused post changes nothing; search never shows an archived entry to anyone.
 */
import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { inventedWord, marker, searchTitles } from "./support/app";
import { apiSession, community, createUser, db, department, employee } from "./support/data";
import { body } from "../support/factories";

type Role = "reader" | "member" | "owner" | "head" | "km" | "admin";
const ALL: Role[] = ["reader", "member", "owner", "head", "km", "admin"];
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test("every knowledge-lifecycle route and action answers each role as the policies say", async () => {
  test.slow();
  const m = marker();
  const word = inventedWord();
  const users = {
    reader: await employee(),
    member: await employee(),
    owner: await employee(),
    head: await createUser("DEPARTMENT_HEAD"),
    km: await createUser("KNOWLEDGE_MANAGER"),
    admin: await createUser("ADMIN"),
  };
  const dept = await department({ name: `Team ${m}`, headId: users.head.id });
  const closed = await community({ departmentId: dept.id, visibility: "CLOSED", memberIds: [users.member.id] });
  const entry = (title: string, data: { ownerId: string; communityId?: string; state?: string }) =>
    db.entry.create({
      data: { title, bodyJson: body(`${title} ${word}`).json, bodyText: `${title} ${word}`, lastReviewedAt: new Date(), reviewBy: new Date(Date.now() - 86_400_000), ...data },
    });
  const open = await entry(`Open artikel ${m}`, { ownerId: users.owner.id });
  const hidden = await entry(`Gesloten artikel ${m}`, { ownerId: users.km.id, communityId: closed.id });
  const archived = await entry(`Gearchiveerd artikel ${m}`, { ownerId: users.owner.id, state: "ARCHIVED" });
  await db.entry.update({ where: { id: archived.id }, data: { archivedAt: new Date(), archiveReason: "Verouderd", successorId: open.id } });
  const flag = await db.flag.create({ data: { entryId: open.id, userId: users.reader.id, reason: "WRONG", comment: "Klopt niet" } });
  const note = await db.note.create({ data: { authorId: users.reader.id, title: `Notitie ${m}`, bodyJson: body("Tekst").json, bodyText: "Tekst" } });
  const tag = await db.tag.create({ data: { name: `product-${m.toLowerCase()}` } });
  const rule = await db.synonymRule.create({ data: { kind: "EXPANSION", term: `afk${m.toLowerCase()}`, words: JSON.stringify(["voluit"]) } });
  const notification = await db.notification.create({ data: { recipientId: users.reader.id, type: "note.declined", subjectType: "note", subjectId: note.id, data: "{}" } });
  const read = await db.mandatoryRead.create({ data: { entryId: open.id, audienceType: "DEPARTMENT", audienceId: dept.id, dueAt: new Date(`${day(7)}T00:00:00Z`), createdById: users.km.id } });
  for (const id of [open.id, hidden.id, archived.id]) await db.searchOutbox.create({ data: { indexName: "entries", documentId: id, operation: "UPSERT" } });

  const sessions = {} as Record<Role, APIRequestContext>;
  for (const role of ALL) sessions[role] = await apiSession(users[role].email);
  try {
    const everyone = (status: number) => Object.fromEntries(ALL.map((r) => [r, status])) as Record<Role, number>;
    const managers = { reader: 403, member: 403, owner: 403, head: 403, km: 200, admin: 200 };
    const pages: [string, Partial<Record<Role, number>>][] = [
      [`/entries/${open.id}`, everyone(200)],
      [`/entries/${hidden.id}`, { reader: 404, member: 200, owner: 404, head: 200, km: 200, admin: 200 }],
      // An archived entry's page answers (notice, successor); search never shows it (below).
      [`/entries/${archived.id}`, everyone(200)],
      [`/entries/${open.id}/flag`, everyone(200)],
      [`/entries/${hidden.id}/flag`, { reader: 404, member: 200, owner: 404, head: 200, km: 200 }],
      ["/flags", everyone(200)],
      ["/notifications", everyone(200)],
      ["/settings/notifications", everyone(200)],
      // Someone else's notification does not exist for them; its recipient is sent on to its subject.
      [`/notifications/${notification.id}`, { reader: 302, member: 404, owner: 404, head: 404, km: 404, admin: 404 }],
      [`/entries/${open.id}/flags`, managers],
      [`/entries/${hidden.id}/flags`, { reader: 404, member: 403, owner: 404, head: 403, km: 200 }],
      [`/entries/${open.id}/edit`, { reader: 403, member: 403, owner: 200, head: 403, km: 200, admin: 200 }],
      [`/entries/${hidden.id}/edit`, { reader: 404, member: 403, owner: 404, head: 403, km: 200 }],
      [`/entries/${archived.id}/edit`, { reader: 403, owner: 403, km: 403 }],
      [`/entries/${open.id}/archive`, managers],
      [`/entries/${archived.id}/archive`, { reader: 403, owner: 403, km: 200, admin: 200 }],
      ["/curation", managers],
      ["/knowledge/review", managers],
      ["/knowledge/products", managers],
      ["/knowledge/synonyms", managers],
      ["/dashboard/knowledge", managers],
      [`/entries/${open.id}/mandatory`, managers],
      [`/entries/${hidden.id}/mandatory`, managers],
      [`/entries/${archived.id}/mandatory`, { reader: 403, owner: 403, km: 200 }],
      ["/knowledge/mandatory-reads", managers],
      [`/knowledge/mandatory-reads/${read.id}`, managers],
      [`/knowledge/mandatory-reads/${read.id}/csv`, managers],
      ["/knowledge/mandatory-reads/cnotaread000000000001", { reader: 403, km: 404 }],
    ];
    for (const [url, expected] of pages) {
      for (const [role, status] of Object.entries(expected) as [Role, number][]) {
        expect((await sessions[role].get(url, { maxRedirects: 0 })).status(), `GET ${url} as ${role}`).toBe(status);
      }
    }

    // Posts that each role may not make: 403 or 404, never a redirect to success.
    const notManagers: Role[] = ["reader", "member", "owner", "head"];
    const refused: [string, Record<string, string>, Role[]][] = [
      [`/entries/${hidden.id}/flag`, { reason: "WRONG", comment: "Stiekem" }, ["reader", "owner"]],
      [`/entries/${open.id}/flags`, { flagId: flag.id, resolution: "Stiekem" }, notManagers],
      [`/entries/${open.id}/edit`, { title: "Stiekem", bodyPlain: "x", changeNote: "x", reviewBy: day(30), version: "1" }, ["reader", "member", "head"]],
      [`/entries/${hidden.id}/edit`, { title: "Stiekem", bodyPlain: "x", changeNote: "x", reviewBy: day(30), version: "1" }, ["reader", "member", "owner", "head"]],
      [`/entries/${open.id}/archive`, { intent: "archive", reason: "Stiekem" }, notManagers],
      [`/entries/${archived.id}/archive`, { intent: "restore" }, notManagers],
      [`/entries/${open.id}/review`, { intent: "confirm-review" }, notManagers],
      ["/curation", { intent: "take", target: "flag", id: flag.id }, notManagers],
      ["/curation", { intent: "decline-duplicates", noteIds: note.id, reason: "Dubbel" }, notManagers],
      ["/curation", { intent: "confirm-reviews", entryIds: open.id }, notManagers],
      ["/knowledge/review", { communityId: closed.id, days: "30" }, notManagers],
      ["/knowledge/products", { intent: "mark", tagId: tag.id }, notManagers],
      ["/knowledge/synonyms", { intent: "delete", ruleId: rule.id }, notManagers],
      ["/knowledge/synonyms", { intent: "create", kind: "GROUP", words: "stiekem, geheim" }, notManagers],
      [`/entries/${open.id}/mandatory`, { intent: "mandatory-assign", audience: `DEPARTMENT:${dept.id}`, dueDate: day(7) }, notManagers],
      [`/entries/${hidden.id}/mandatory`, { intent: "mandatory-assign", audience: "ROLE:EMPLOYEE", dueDate: day(7) }, notManagers],
      [`/knowledge/mandatory-reads/${read.id}`, { intent: "mandatory-remind", readId: read.id }, notManagers],
      [`/knowledge/mandatory-reads/${read.id}`, { intent: "mandatory-withdraw", readId: read.id }, notManagers],
      // Nobody was assigned: confirming is refused to everyone, and who may not see the entry gets a 404.
      [`/entries/${open.id}/confirm-read`, { intent: "mandatory-confirm", version: "1" }, ALL],
      [`/entries/${hidden.id}/confirm-read`, { intent: "mandatory-confirm", version: "1" }, ["reader", "owner"]],
    ];
    for (const [url, form, roles] of refused) {
      for (const role of roles) {
        const status = (await sessions[role].post(url, { form: { formId: "x", ...form }, maxRedirects: 0 })).status();
        expect([403, 404], `POST ${url} ${form.intent ?? ""} as ${role}: ${status}`).toContain(status);
      }
    }

    // Nothing changed.
    expect(await db.entry.findMany({ where: { id: { in: [open.id, hidden.id, archived.id] } }, orderBy: { title: "asc" }, select: { title: true, state: true, version: true, reviewBy: true } })).toEqual(
      [archived, hidden, open].sort((a, b) => a.title.localeCompare(b.title)).map((e) => ({ title: e.title, state: e.state, version: 1, reviewBy: e.reviewBy })),
    );
    expect(await db.flag.findUniqueOrThrow({ where: { id: flag.id }, select: { state: true, assigneeId: true } })).toEqual({ state: "OPEN", assigneeId: null });
    expect(await db.flag.count({ where: { entryId: hidden.id } })).toBe(0);
    expect(await db.note.findUniqueOrThrow({ where: { id: note.id }, select: { state: true } })).toEqual({ state: "SUBMITTED" });
    expect(await db.tag.findUniqueOrThrow({ where: { id: tag.id }, select: { isProduct: true } })).toEqual({ isProduct: false });
    expect(await db.synonymRule.count({ where: { id: rule.id } })).toBe(1);
    expect(await db.community.findUniqueOrThrow({ where: { id: closed.id }, select: { reviewIntervalDays: true } })).toEqual({ reviewIntervalDays: null });
    expect(await db.entryReview.count({ where: { entryId: { in: [open.id, hidden.id, archived.id] } } })).toBe(0);
    expect(await db.mandatoryRead.findMany({ where: { entryId: { in: [open.id, hidden.id, archived.id] } }, select: { id: true, withdrawnAt: true } })).toEqual([{ id: read.id, withdrawnAt: null }]);
    expect(await db.mandatoryReadAssignment.count({ where: { mandatoryReadId: read.id } })).toBe(0);

    // Search: the open entry is found by all, the closed one by who sees its community, the archived one by nobody.
    await expect.poll(async () => (await searchTitles(sessions.km, word)).length, { timeout: 20_000 }).toBe(2);
    const seen: Record<Role, string[]> = {} as Record<Role, string[]>;
    for (const role of ALL) seen[role] = (await searchTitles(sessions[role], word)).sort();
    const both = [hidden.title, open.title].sort();
    expect(seen).toEqual({ reader: [open.title], member: both, owner: [open.title], head: both, km: both, admin: both });
  } finally {
    for (const role of ALL) await sessions[role].dispose();
  }
});
