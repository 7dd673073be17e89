/**
 * Flags, the reader's side and the knowledge manager's answer: an employee flags an entry as wrong
 * (a form error first, with the input kept), every reader then sees it is being checked, the flagger
 * follows it on "Mijn meldingen"; the knowledge manager closes it on the entry's flags page with a
 * reason, which the flagger reads. "Hielp niet" with a reason, and its undo. Wrong roles get 403/404.
 */
import { expect, httpError, nl, test } from "./support/fixtures";
import { MAIN_URL, marker } from "./support/app";
import { apiSession, community, db, department, employee, knowledgeManager, publishedEntry } from "./support/data";

test("a reader flags an entry as wrong; the knowledge manager says no change is needed; the reader sees why", async ({ pageAs, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/entries/"), "the flag without a comment and the empty no-change reason are sent on purpose: 400 with the form kept");
  const [author, km, flagger, colleague] = await Promise.all([employee(), knowledgeManager(), employee(), employee()]);
  const title = `Getrouwheidspremie bij opzeggen ${marker()}`;
  const { entryId } = await publishedEntry(author, km, { title, text: "De premie vervalt bij opzeggen.", tags: ["spaarrekening"] });
  const comment = "De premie blijft verworven tot de dag van opzeggen.";

  // The flagger: a form error first, the chosen reason kept.
  const page = await pageAs(flagger);
  await page.goto(`/entries/${entryId}`);
  await expect(page.getByText(nl("flags.beingChecked"))).toHaveCount(0);
  await page.getByRole("link", { name: nl("flags.report") }).click();
  await expect(page.getByRole("heading", { level: 1, name: nl("flags.new.title") })).toBeVisible();
  await page.getByRole("radio", { name: new RegExp(`^${nl("flags.reason.WRONG")}`) }).check();
  const [refused] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === `/entries/${entryId}/flag`),
    page.getByRole("button", { name: nl("flags.submit") }).click(),
  ]);
  expect(refused.status()).toBe(400);
  const commentBox = page.getByLabel(nl("flags.field.comment"));
  await expect(commentBox).toHaveAttribute("aria-invalid", "true");
  await expect(commentBox).toHaveAccessibleDescription(new RegExp(nl("error.flag.commentRequired").replace(/[.?]/g, "\\$&")));
  await expect(page.getByRole("radio", { name: new RegExp(`^${nl("flags.reason.WRONG")}`) })).toBeChecked();
  await commentBox.fill(comment);
  await page.getByRole("button", { name: nl("flags.submit") }).click();

  await expect(page).toHaveURL(new RegExp(`/entries/${entryId}$`));
  await expect(page.getByRole("status").filter({ hasText: nl("flags.done.created") })).toBeVisible();
  await expect(page.getByText(nl("flags.beingChecked"))).toBeVisible();
  await expect(page.getByRole("link", { name: nl("flags.report") })).toHaveCount(0);
  await expect(page.getByText(/Je hebt dit gemeld op .* — in behandeling\./)).toBeVisible();

  // A second flag by the same person is not offered: the page shows the open one.
  await page.goto(`/entries/${entryId}/flag`);
  await expect(page.getByRole("heading", { name: nl("flags.existing.title") })).toBeVisible();
  await expect(page.getByRole("button", { name: nl("flags.submit") })).toHaveCount(0);

  // "Mijn meldingen", reached from "Mijn notities".
  await page.goto("/notes");
  await page.getByRole("link", { name: nl("flags.mineLink") }).click();
  await expect(page).toHaveURL(/\/flags$/);
  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
  await expect(item.getByText(nl("flags.state.OPEN"), { exact: true })).toBeVisible();
  await expect(item.getByText(nl("flags.reason.WRONG"), { exact: true })).toBeVisible();
  await expect(item.getByText(comment)).toBeVisible();

  // Every reader sees the notice.
  const other = await pageAs(colleague);
  await other.goto(`/entries/${entryId}`);
  await expect(other.getByText(nl("flags.beingChecked"))).toBeVisible();
  await expect(other.getByRole("link", { name: nl("flags.report") })).toBeVisible();

  // The knowledge manager: from the entry to its flags; the reason is required.
  const kmPage = await pageAs(km);
  await kmPage.goto(`/entries/${entryId}`);
  await kmPage.getByRole("link", { name: nl("flags.manageLink", { count: 1 }) }).click();
  await expect(kmPage.getByRole("heading", { level: 1, name: nl("flags.manage.title") })).toBeVisible();
  await expect(kmPage.getByRole("heading", { name: nl("flags.manage.open", { count: 1 }) })).toBeVisible();
  await expect(kmPage.getByText(comment)).toBeVisible();
  await expect(kmPage.getByText(`Van ${flagger.name}`)).toBeVisible();
  await kmPage.getByText(nl("flags.state.NO_CHANGE"), { exact: true }).click();
  const [empty] = await Promise.all([
    kmPage.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === `/entries/${entryId}/flags`),
    kmPage.getByRole("button", { name: nl("flags.manage.noChangeSubmit") }).click(),
  ]);
  expect(empty.status()).toBe(400);
  const reasonBox = kmPage.getByLabel(nl("flags.manage.noChangeReason"));
  await expect(reasonBox).toHaveAttribute("aria-invalid", "true");
  const resolution = "Klopt zoals het er staat: wie opzegt vóór het einde van het kwartaal, verliest de premie.";
  await reasonBox.fill(resolution);
  await kmPage.getByRole("button", { name: nl("flags.manage.noChangeSubmit") }).click();
  await expect(kmPage.getByRole("status").filter({ hasText: nl("flags.done.noChange") })).toBeVisible();
  await expect(kmPage.getByText(nl("flags.manage.noneOpen"))).toBeVisible();
  await expect(kmPage.getByText(resolution)).toBeVisible();

  // The flagger reads the outcome; the notice is gone and a new flag may be given.
  await page.goto("/flags");
  await expect(item.getByText(nl("flags.state.NO_CHANGE"), { exact: true })).toBeVisible();
  await expect(item.getByText(resolution)).toBeVisible();
  await expect(item.getByText(new RegExp(`Geen wijziging nodig, volgens ${km.name}`))).toBeVisible();
  await expect(item.getByRole("button", { name: nl("flags.withdraw") })).toHaveCount(0);
  await page.goto(`/entries/${entryId}`);
  await expect(page.getByText(nl("flags.beingChecked"))).toHaveCount(0);
  await expect(page.getByRole("link", { name: nl("flags.report") })).toBeVisible();
  const flag = await db.flag.findFirst({ where: { entryId, userId: flagger.id }, select: { state: true, resolution: true, resolvedById: true } });
  expect(flag).toEqual({ state: "NO_CHANGE", resolution, resolvedById: km.id });
});

test("without JavaScript: 'Hielp niet' with a reason, then undone; a flag withdrawn on Mijn meldingen", async ({ browser }) => {
  const [author, km, reader] = await Promise.all([employee(), knowledgeManager(), employee()]);
  const title = `Spaarrekening voor een minderjarige ${marker()}`;
  const { entryId } = await publishedEntry(author, km, { title, text: "Met de identiteitskaart van een ouder." });
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const login = await page.request.post("/login", { form: { email: reader.email, password: "test-password-123" }, headers: { Origin: MAIN_URL }, maxRedirects: 0 });
    expect(login.status()).toBe(302);
    await page.goto(`/entries/${entryId}`);
    await page.getByText(nl("entry.notHelpful"), { exact: true }).click();
    const reason = "Niets over wat als de ouders gescheiden zijn.";
    await page.getByLabel(nl("entry.notHelpful.reason")).fill(reason);
    await page.getByRole("button", { name: nl("entry.notHelpful.submit") }).click();
    await expect(page.getByRole("status")).toContainText(nl("entry.notHelpful.done"));
    await expect(page.getByText(nl("entry.notHelpful.yourReason", { reason }))).toBeVisible();
    await expect(page.getByText("0 collega's zeiden dat dit hielp")).toBeVisible();
    expect(await db.feedback.findMany({ where: { entryId }, select: { helpful: true, reason: true, handledAt: true } })).toEqual([{ helpful: false, reason, handledAt: null }]);

    await page.getByRole("button", { name: nl("entry.helpedUndo") }).click();
    await expect(page.getByRole("button", { name: nl("entry.helped") })).toBeVisible();
    await expect(page.getByText(nl("entry.notHelpful"), { exact: true })).toBeVisible();
    expect(await db.feedback.count({ where: { entryId } })).toBe(0);

    // A flag without JavaScript, then withdrawn.
    await page.getByRole("link", { name: nl("flags.report") }).click();
    await page.getByRole("radio", { name: new RegExp(`^${nl("flags.reason.UNCLEAR")}`) }).check();
    await page.getByRole("button", { name: nl("flags.submit") }).click();
    await expect(page.getByRole("status").filter({ hasText: nl("flags.done.created") })).toBeVisible();
    await page.goto("/flags");
    await page.getByRole("button", { name: nl("flags.withdrawLabel", { title }) }).click();
    await expect(page.getByRole("status").filter({ hasText: nl("flags.done.withdrawn") })).toBeVisible();
    await expect(page.getByText(nl("flags.state.WITHDRAWN"), { exact: true })).toBeVisible();
    expect(await db.flag.findMany({ where: { entryId }, select: { state: true } })).toEqual([{ state: "WITHDRAWN" }]);
  } finally {
    await context.close();
  }
});

test("the flag pages and their actions answer each role: 404 for who may not see the entry, 403 for a reader on the flags page, 409 on an archived entry", async () => {
  const [author, km, reader, outsider, member] = await Promise.all([employee(), knowledgeManager(), employee(), employee(), employee()]);
  const { entryId } = await publishedEntry(author, km, { title: `Open entry ${marker()}`, text: "Voor iedereen." });
  const dept = await department();
  const closed = await community({ departmentId: dept.id, visibility: "CLOSED", memberIds: [member.id] });
  const memberApi = await apiSession(member.email);
  const closedTitle = `Gesloten entry ${marker()}`;
  await memberApi.post("/notes/new", { form: { title: closedTitle, bodyPlain: "Alleen voor leden.", tags: "", communityId: closed.id }, maxRedirects: 0 });
  const closedNote = await db.note.findFirstOrThrow({ where: { title: closedTitle }, select: { id: true } });
  const kmApi = await apiSession(km.email);
  await kmApi.post(`/curation/${closedNote.id}`, { form: { intent: "publish", title: closedTitle, bodyPlain: "Alleen voor leden.", tags: "" }, maxRedirects: 0 });
  const closedEntryId = (await db.note.findUniqueOrThrow({ where: { id: closedNote.id }, select: { entryId: true } })).entryId!;

  const readerApi = await apiSession(reader.email);
  await readerApi.post(`/entries/${entryId}/flag`, { form: { formId: "flag-entry", reason: "OUTDATED", comment: "" }, maxRedirects: 0 });
  const flag = await db.flag.findFirstOrThrow({ where: { entryId, userId: reader.id }, select: { id: true } });
  const outsiderApi = await apiSession(outsider.email);

  // A reader on the knowledge manager's page and its action: 403, nothing changed.
  expect((await readerApi.get(`/entries/${entryId}/flags`)).status()).toBe(403);
  const noChange = { formId: `flag-no-change-${flag.id}`, intent: "flag-no-change", flagId: flag.id, resolution: "Mag ik niet." };
  expect((await readerApi.post(`/entries/${entryId}/flags`, { form: noChange, maxRedirects: 0 })).status()).toBe(403);
  // Someone else's flag cannot be withdrawn: it does not exist for them.
  expect((await outsiderApi.post("/flags", { form: { formId: `flag-withdraw-${flag.id}`, intent: "flag-withdraw", flagId: flag.id }, maxRedirects: 0 })).status()).toBe(404);
  expect((await db.flag.findUniqueOrThrow({ where: { id: flag.id }, select: { state: true } })).state).toBe("OPEN");

  // Who may not see the closed community's entry: 404 on every flag page and post.
  for (const path of [`/entries/${closedEntryId}/flag`, `/entries/${closedEntryId}/flags`]) {
    expect((await outsiderApi.get(path)).status(), `GET ${path}`).toBe(404);
  }
  expect((await outsiderApi.post(`/entries/${closedEntryId}/flag`, { form: { formId: "flag-entry", reason: "WRONG", comment: "Fout." }, maxRedirects: 0 })).status()).toBe(404);
  expect((await outsiderApi.post(`/entries/${closedEntryId}`, { form: { formId: "entry-not-helpful", intent: "not-helpful", reason: "x" }, maxRedirects: 0 })).status()).toBe(404);
  expect(await db.flag.count({ where: { entryId: closedEntryId } })).toBe(0);
  // The member may flag it; the knowledge manager may open its flags page.
  expect((await memberApi.get(`/entries/${closedEntryId}/flag`)).status()).toBe(200);
  expect((await kmApi.get(`/entries/${closedEntryId}/flags`)).status()).toBe(200);

  // An archived entry takes no flag: the page says so, a post is a conflict.
  await db.entry.update({ where: { id: entryId }, data: { state: "ARCHIVED", archivedAt: new Date() } });
  const page = await readerApi.get(`/entries/${entryId}/flag`);
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain(nl("flags.archived"));
  const post = await outsiderApi.post(`/entries/${entryId}/flag`, { form: { formId: "flag-entry", reason: "OUTDATED", comment: "" }, maxRedirects: 0 });
  expect(post.status()).toBe(409);
  expect(await db.flag.count({ where: { entryId, userId: outsider.id } })).toBe(0);
  for (const api of [memberApi, kmApi, readerApi, outsiderApi]) await api.dispose();
});
