/**
 * The knowledge manager's work queue: counts per kind, filters, "take this", two duplicate notes declined
 * at once with one reason (each author reads it on "Mijn notities"), a due review confirmed by reuse (the
 * next review date shows on the entry); the same without JavaScript; and every other role gets 403 on the
 * queue, the review intervals and their actions.
 */
import type { Page } from "@playwright/test";
import { expect, httpError, nl, test } from "./support/fixtures";
import { marker, MAIN_URL } from "./support/app";
import { apiSession, db, noteIdByTitle, submitNoteViaHttp, type TestUser } from "./support/data";
import { body } from "../support/factories";
import { formatDate } from "~/utils/i18n";

const DAY = 86_400_000;

/** An entry of the community, past its review date, that a colleague marked helpful since its last review. */
async function dueEntry(opts: { title: string; ownerId: string; communityId: string; helpfulFrom?: string; notHelpedFrom?: string }) {
  const now = Date.now();
  const content = body(`${opts.title}: zo help je de klant.`);
  const entry = await db.entry.create({
    data: {
      title: opts.title,
      bodyJson: content.json,
      bodyText: content.text,
      communityId: opts.communityId,
      ownerId: opts.ownerId,
      createdAt: new Date(now - 400 * DAY),
      lastReviewedAt: new Date(now - 400 * DAY),
      reviewBy: new Date(now - 35 * DAY),
      versions: { create: { version: 1, title: opts.title, bodyJson: content.json, bodyText: content.text, tags: "[]", editorId: opts.ownerId, summary: "publish:Test", createdAt: new Date(now - 400 * DAY) } },
    },
    select: { id: true },
  });
  if (opts.helpfulFrom) {
    await db.feedback.create({ data: { entryId: entry.id, userId: opts.helpfulFrom, helpful: true, createdAt: new Date(now - 20 * DAY) } });
    await db.entry.update({ where: { id: entry.id }, data: { helpfulCount: 1 } });
  }
  if (opts.notHelpedFrom) await db.feedback.create({ data: { entryId: entry.id, userId: opts.notHelpedFrom, helpful: false, reason: "De stappen in de app ontbreken.", createdAt: new Date(now - 3 * DAY) } });
  return entry.id;
}

/** The queue narrowed to the test's community through the filter form (a GET form, so the address carries it). */
async function filterOnCommunity(page: Page, communityName: string) {
  await page.goto("/curation");
  const filters = page.getByRole("form", { name: nl("queue.filters.title") });
  await filters.getByLabel(nl("queue.filters.community")).selectOption({ label: communityName });
  await filters.getByRole("button", { name: nl("queue.filters.apply") }).click();
  await expect(page).toHaveURL(/\/curation\?community=/);
}

/** The queue's items (a "did not help" item has a list of reasons of its own). */
const queueItems = (page: Page) => page.getByRole("list", { name: nl("queue.items") }).locator(":scope > li");
const queueItem = (page: Page, title: string) => page.getByRole("list", { name: nl("queue.items") }).getByRole("listitem").filter({ has: page.getByRole("heading", { name: title, exact: true }) });

async function setting(insertUser: (role?: "EMPLOYEE" | "KNOWLEDGE_MANAGER") => Promise<TestUser>, insertDepartment: () => Promise<{ id: string }>, insertCommunity: (o: { departmentId: string; visibility?: "OPEN" | "CLOSED"; memberIds?: string[] }) => Promise<{ id: string; name: string }>) {
  const [km, authorA, authorB, reader] = await Promise.all([insertUser("KNOWLEDGE_MANAGER"), insertUser(), insertUser(), insertUser()]);
  const dept = await insertDepartment();
  // A closed community the knowledge manager is no member of: its work is in the queue all the same.
  const community = await insertCommunity({ departmentId: dept.id, visibility: "CLOSED", memberIds: [authorA.id, authorB.id, reader.id] });
  const m = marker();
  const titles = { a: `Klant vraagt spaarrekening op slot ${m}`, b: `Spaarrekening blokkeren uit angst ${m}`, due: `Spaarrekening blokkeren: zo doe je het ${m}`, other: `Kaartlezer kapot: wat nu ${m}` };
  for (const [who, title] of [[authorA, titles.a], [authorB, titles.b]] as const) {
    const api = await apiSession(who.email);
    await submitNoteViaHttp(api, { title, text: "De klant wou de spaarrekening blokkeren na een verhaal over fraude.", communityId: community.id });
    await api.dispose();
  }
  const dueId = await dueEntry({ title: titles.due, ownerId: km.id, communityId: community.id, helpfulFrom: reader.id });
  const otherId = await dueEntry({ title: titles.other, ownerId: km.id, communityId: community.id, notHelpedFrom: reader.id });
  await db.flag.create({ data: { entryId: otherId, userId: authorA.id, reason: "OUTDATED", comment: "Er is een nieuwe kaartlezer.", createdAt: new Date(Date.now() - 2 * DAY) } });
  return { km, authorA, authorB, reader, community, titles, dueId, otherId };
}

test("the knowledge manager sees counts, filters, takes an item, declines two duplicates with one reason and confirms a review by reuse", async ({ page, login, pageAs, insertUser, insertDepartment, insertCommunity }) => {
  const s = await setting(insertUser, insertDepartment, insertCommunity);
  await login(s.km);
  await page.getByRole("navigation", { name: nl("nav.main") }).getByRole("link", { name: nl("nav.inbox") }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^${nl("inbox.title")}`) })).toBeVisible();

  // Counts per kind, for the test's community: two notes, one flag, two reviews, one "did not help".
  await filterOnCommunity(page, s.community.name);
  const kinds = page.getByRole("navigation", { name: nl("queue.kinds") });
  await expect(kinds.getByRole("link", { name: new RegExp(`^${nl("queue.kind.note")} 2 `) })).toBeVisible();
  await expect(kinds.getByRole("link", { name: new RegExp(`^${nl("queue.kind.flag")} 1 `) })).toBeVisible();
  await expect(kinds.getByRole("link", { name: new RegExp(`^${nl("queue.kind.review")} 2 `) })).toBeVisible();
  await expect(kinds.getByRole("link", { name: new RegExp(`^${nl("queue.kind.feedback")} 1 `) })).toBeVisible();
  await expect(kinds.getByRole("link", { name: new RegExp(`^${nl("queue.kind.review")} 2 ${nl("queue.oldest", { age: nl("queue.age", { count: 35 }) })}`) })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("6");

  // A filter on the flag reason leaves the flag only; the kind tab leaves the reviews only.
  await page.getByRole("form", { name: nl("queue.filters.title") }).getByLabel(nl("queue.filters.reason")).selectOption({ label: nl("flags.reason.OUTDATED") });
  await page.getByRole("button", { name: nl("queue.filters.apply") }).click();
  await expect(queueItems(page)).toHaveCount(1);
  await expect(queueItem(page, s.titles.other)).toContainText(nl("flags.reason.OUTDATED"));
  await filterOnCommunity(page, s.community.name);
  await kinds.getByRole("link", { name: new RegExp(`^${nl("queue.kind.review")}`) }).click();
  await expect(page).toHaveURL(/kind=review/);
  await expect(queueItems(page)).toHaveCount(2);

  // Take this: the item is mine, the filter "taken by me" shows it, and it can be given back.
  await filterOnCommunity(page, s.community.name);
  await page.getByRole("button", { name: `${nl("queue.take")}: ${s.titles.a}` }).click();
  await expect(page.getByRole("status")).toHaveText(nl("queue.taken"));
  await expect(queueItem(page, s.titles.a).getByText(nl("queue.yours"))).toBeVisible();
  await expect(page.getByRole("button", { name: `${nl("queue.giveBack")}: ${s.titles.a}` })).toBeVisible();
  await page.getByLabel(nl("queue.filters.assigned")).selectOption({ label: nl("queue.assigned.me") });
  await page.getByRole("button", { name: nl("queue.filters.apply") }).click();
  await expect(queueItems(page)).toHaveCount(1);
  expect((await db.note.findUniqueOrThrow({ where: { id: await noteIdByTitle(s.titles.a) } })).assigneeId).toBe(s.km.id);

  // Two duplicates declined at once, with one reason.
  await filterOnCommunity(page, s.community.name);
  await page.getByLabel(nl("queue.select", { title: s.titles.a })).check();
  await page.getByLabel(nl("queue.select", { title: s.titles.b })).check();
  const reason = `Staat al in de kennisbank: “${s.titles.due}”.`;
  const bulk = page.getByRole("region", { name: nl("queue.bulk.title") });
  await bulk.getByLabel(nl("queue.bulk.reason")).fill(reason);
  await bulk.getByRole("button", { name: nl("queue.bulk.decline") }).click();
  await expect(page.getByRole("status")).toHaveText(nl("queue.declined", { count: 2 }));
  await expect(page).toHaveURL(/community=/); // back to the same filtered queue
  await expect(queueItem(page, s.titles.a)).toHaveCount(0);
  await expect(queueItem(page, s.titles.b)).toHaveCount(0);

  // Each author reads the reason on "Mijn notities".
  for (const [author, title] of [[s.authorA, s.titles.a], [s.authorB, s.titles.b]] as const) {
    const authorPage = await pageAs(author);
    await authorPage.goto("/notes");
    const note = authorPage.getByRole("listitem").filter({ has: authorPage.getByRole("heading", { name: title }) });
    await expect(note.getByText(nl("note.state.DECLINED"), { exact: true })).toBeVisible();
    await expect(note).toContainText(reason);
  }

  // The due review shows the use since the last review; one click confirms it by reuse.
  const due = queueItem(page, s.titles.due);
  await expect(due).toContainText(nl("queue.helpfulSince", { count: 1 }));
  await due.getByRole("button", { name: `${nl("review.confirmByReuse")}: ${s.titles.due}` }).click();
  await expect(queueItem(page, s.titles.due)).toHaveCount(0);
  const review = await db.entryReview.findFirstOrThrow({ where: { entryId: s.dueId }, select: { basis: true, nextReviewBy: true } });
  expect(review.basis).toBe("REUSE");
  expect(Math.abs(review.nextReviewBy.getTime() - (Date.now() + 365 * DAY))).toBeLessThan(120_000);
  const next = formatDate("nl", review.nextReviewBy);
  await expect(page.getByRole("status")).toHaveText(nl("review.confirmedByReuse", { date: next }));
  await page.goto(`/entries/${s.dueId}`);
  await expect(page.getByRole("region", { name: nl("review.entry.title") })).toContainText(nl("entry.reviewBy", { date: next }));
});

test("the work queue without JavaScript: filters, take and give back, a refused bulk decline, bulk confirm, and the entry page's confirmation", async ({ pageAs, insertUser, insertDepartment, insertCommunity, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/curation"), "a bulk decline without a reason is tried on purpose: 400 with the error");
  const s = await setting(insertUser, insertDepartment, insertCommunity);
  const page = await pageAs(s.km, { javaScriptEnabled: false });
  await filterOnCommunity(page, s.community.name);
  // The entry with a flag and a "did not help" answer, also past its review date, is there three times.
  await expect(queueItems(page)).toHaveCount(6);

  await page.getByRole("button", { name: `${nl("queue.take")}: ${s.titles.other}` }).first().click();
  await expect(page.getByRole("status")).toHaveText(nl("queue.taken"));
  expect((await db.entry.findUniqueOrThrow({ where: { id: s.otherId } })).reviewAssigneeId).toBe(s.km.id);
  await page.getByRole("button", { name: `${nl("queue.giveBack")}: ${s.titles.other}` }).first().click();
  await expect(page.getByRole("status")).toHaveText(nl("queue.givenBack"));
  expect((await db.entry.findUniqueOrThrow({ where: { id: s.otherId } })).reviewAssigneeId).toBeNull();

  // Declining without a reason: 400, the reason's error, the ticks kept, nothing declined.
  await page.getByLabel(nl("queue.select", { title: s.titles.a })).check();
  const bulk = page.getByRole("region", { name: nl("queue.bulk.title") });
  await bulk.getByRole("button", { name: nl("queue.bulk.decline") }).click();
  await expect(bulk.getByLabel(nl("queue.bulk.reason"))).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel(nl("queue.select", { title: s.titles.a }))).toBeChecked();
  expect((await db.note.findUniqueOrThrow({ where: { id: await noteIdByTitle(s.titles.a) } })).state).toBe("SUBMITTED");

  // Both reviews confirmed at once: one by reuse, one by the calendar; its "did not help" answer is handled.
  await filterOnCommunity(page, s.community.name);
  await page.getByLabel(nl("queue.select", { title: s.titles.due })).check();
  await page.getByLabel(nl("queue.select", { title: s.titles.other })).first().check();
  await page.getByRole("button", { name: nl("queue.bulk.confirm") }).click();
  await expect(page.getByRole("status")).toHaveText(nl("queue.confirmed", { count: 2 }));
  const reviews = await db.entryReview.findMany({ where: { entryId: { in: [s.dueId, s.otherId] } }, select: { entryId: true, basis: true } });
  expect(new Map(reviews.map((r) => [r.entryId, r.basis]))).toEqual(new Map([[s.dueId, "REUSE"], [s.otherId, "CALENDAR"]]));
  expect(await db.feedback.count({ where: { entryId: s.otherId, helpful: false, handledAt: null } })).toBe(0);

  // The entry page: readers see the notice while it needs review; the knowledge manager confirms it there.
  await db.entry.update({ where: { id: s.otherId }, data: { state: "NEEDS_REVIEW" } });
  await db.entryReview.deleteMany({ where: { entryId: s.otherId } });
  const reader = await pageAs(s.reader, { javaScriptEnabled: false });
  await reader.goto(`/entries/${s.otherId}`);
  await expect(reader.getByRole("note").filter({ hasText: nl("review.notice") })).toBeVisible();
  await expect(reader.getByRole("region", { name: nl("review.entry.title") })).toHaveCount(0);
  await page.goto(`/entries/${s.otherId}`);
  await page.getByRole("region", { name: nl("review.entry.title") }).getByRole("button", { name: nl("review.confirm") }).click();
  await expect(page).toHaveURL(new RegExp(`/entries/${s.otherId}$`));
  const next = (await db.entry.findUniqueOrThrow({ where: { id: s.otherId }, select: { state: true, reviewBy: true } }));
  expect(next.state).toBe("PUBLISHED");
  await expect(page.getByRole("status")).toHaveText(nl("review.confirmedByCalendar", { date: formatDate("nl", next.reviewBy!) }));
  await expect(page.getByRole("note").filter({ hasText: nl("review.notice") })).toHaveCount(0);
});

test("review intervals per community: set, refused out of range, cleared", async ({ pageAs, insertUser, insertDepartment, insertCommunity, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/knowledge/review"), "an interval out of range is tried on purpose: 400 with the error");
  const km = await insertUser("KNOWLEDGE_MANAGER");
  const dept = await insertDepartment();
  const community = await insertCommunity({ departmentId: dept.id });
  const name = (await db.community.findUniqueOrThrow({ where: { id: community.id } })).name;
  const page = await pageAs(km);
  await page.goto("/curation");
  await page.getByRole("link", { name: nl("review.settings.link") }).click();
  const field = page.getByLabel(nl("review.settings.days", { name }));
  await field.fill("3");
  await page.getByRole("button", { name: `${nl("review.settings.save")}: ${name}` }).click();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(nl("error.review.interval"))).toBeVisible();
  await field.fill("90");
  await page.getByRole("button", { name: `${nl("review.settings.save")}: ${name}` }).click();
  await expect(page.getByRole("status")).toHaveText(nl("review.settings.saved"));
  await expect(page.getByLabel(nl("review.settings.days", { name }))).toHaveValue("90");
  expect((await db.community.findUniqueOrThrow({ where: { id: community.id } })).reviewIntervalDays).toBe(90);
  await page.getByLabel(nl("review.settings.days", { name })).fill("");
  await page.getByRole("button", { name: `${nl("review.settings.save")}: ${name}` }).click();
  await expect(page.getByRole("listitem").filter({ hasText: name })).toContainText(nl("review.settings.default", { days: 365 }));
  expect((await db.community.findUniqueOrThrow({ where: { id: community.id } })).reviewIntervalDays).toBeNull();
});

test("only knowledge managers and admins: every other role gets 403 on the queue, the review intervals and their actions", async ({ page, login, insertUser, insertDepartment, insertCommunity, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(403, "/curation"), "other roles open the work queue on purpose: its 403 is what is checked");
  allowConsoleErrors(httpError(403, "/knowledge/review"), "other roles open the review intervals on purpose: their 403 is what is checked");
  const [km, admin, worker, lead, head] = await Promise.all([insertUser("KNOWLEDGE_MANAGER"), insertUser("ADMIN"), insertUser(), insertUser(), insertUser("DEPARTMENT_HEAD")]);
  const dept = await insertDepartment({ headId: head.id });
  const community = await insertCommunity({ departmentId: dept.id, memberIds: [worker.id, lead.id] });
  await db.membership.updateMany({ where: { userId: lead.id, communityId: community.id }, data: { role: "LEAD" } });
  const entryId = await dueEntry({ title: `Te herzien ${marker()}`, ownerId: worker.id, communityId: community.id });
  const api = await apiSession(worker.email);
  const title = `Notitie ${marker()}`;
  await submitNoteViaHttp(api, { title, text: "Tekst.", communityId: community.id });
  await api.dispose();
  const noteId = await noteIdByTitle(title);
  const headers = { Origin: MAIN_URL };

  for (const who of [worker, lead, head]) {
    await login(who);
    await expect(page.getByRole("navigation", { name: nl("nav.main") }).getByRole("link", { name: nl("nav.inbox") })).toHaveCount(0);
    for (const path of ["/curation", "/curation?kind=review", "/knowledge/review"]) {
      const response = await page.goto(path);
      expect(response?.status(), `${who.role} GET ${path}`).toBe(403);
      await expect(page.getByRole("heading", { name: nl("error.forbidden.title") })).toBeVisible();
    }
    const posts: [string, Record<string, string>][] = [
      ["/curation?index", { formId: "x", intent: "take", target: "note", id: noteId }],
      ["/curation?index", { formId: "x", intent: "give-back", target: "entry", id: entryId }],
      ["/curation?index", { formId: "x", intent: "confirm-review", entryId }],
      ["/curation?index", { formId: "x", intent: "decline-duplicates", noteIds: noteId, reason: "Dubbel" }],
      ["/curation?index", { formId: "x", intent: "confirm-reviews", entryIds: entryId }],
      ["/knowledge/review", { formId: "x", communityId: community.id, days: "30" }],
      [`/entries/${entryId}/review`, { formId: "entry-review", intent: "confirm-review" }],
    ];
    for (const [path, form] of posts) {
      const response = await page.request.post(path, { form, headers, maxRedirects: 0 });
      expect(response.status(), `${who.role} POST ${path} ${form.intent ?? ""}`).toBe(403);
    }
    // The owner of the entry sees it, but no confirm button.
    if (who === worker) {
      await page.goto(`/entries/${entryId}`);
      await expect(page.getByRole("region", { name: nl("review.entry.title") })).toHaveCount(0);
    }
  }
  expect(await db.note.findUniqueOrThrow({ where: { id: noteId }, select: { state: true, assigneeId: true } })).toEqual({ state: "SUBMITTED", assigneeId: null });
  expect(await db.entryReview.count({ where: { entryId } })).toBe(0);
  expect((await db.community.findUniqueOrThrow({ where: { id: community.id } })).reviewIntervalDays).toBeNull();

  for (const who of [km, admin]) {
    await login(who);
    for (const path of ["/curation", "/knowledge/review"]) expect((await page.goto(path))?.status(), `${who.role} GET ${path}`).toBe(200);
  }
});
