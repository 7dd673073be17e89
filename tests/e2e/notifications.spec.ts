/**
 * Notifications: the knowledge manager publishes a note and its author's bell rings; the notification
 * opens the entry and is read. A closed community's notifications never reach someone outside it, not
 * even by their address. The preferences form keeps what was typed when the digest time is wrong.
 */
import { expect, httpError, nl, test } from "./support/fixtures";
import { editorReady, marker } from "./support/app";
import { apiSession, db, noteIdByTitle, submitNoteViaHttp } from "./support/data";
import { isoDayFromToday } from "~/utils/dates";

test("a published note rings its author's bell; the notification opens the entry and is read", async ({ browser, login, insertUser }) => {
  const [author, km] = [await insertUser("EMPLOYEE"), await insertUser("KNOWLEDGE_MANAGER")];
  const title = `Klant wil premie behouden bij verhuis ${marker()}`;
  const api = await apiSession(author.email);
  await submitNoteViaHttp(api, { title, text: "De getrouwheidspremie blijft: het geld blijft op dezelfde rekening.", tags: ["premie"] });
  await api.dispose();
  const noteId = await noteIdByTitle(title);

  const kmPage = await (await browser.newContext()).newPage();
  await login(km, kmPage);
  await kmPage.goto(`/curation/${noteId}`);
  await editorReady(kmPage);
  const publish = kmPage.getByRole("region", { name: nl("curate.publish") });
  await publish.getByRole("button", { name: nl("curate.publishSubmit") }).click();
  await expect(kmPage.getByRole("status")).toHaveText(nl("curate.published"));
  // The knowledge manager did it: their own bell stays quiet.
  await expect(kmPage.getByRole("link", { name: nl("notify.bell.none"), exact: true })).toBeVisible();

  const page = await (await browser.newContext()).newPage();
  await login(author, page);
  const bell = page.getByRole("link", { name: nl("notify.bell", { count: 1 }) });
  await expect(bell).toBeVisible();
  await expect(bell).toHaveText("1");
  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("heading", { level: 1, name: nl("notify.title") })).toBeVisible();
  const message = nl("notify.msg.notePublished", { actor: km.name, title });
  const item = page.getByRole("listitem").filter({ hasText: message });
  await expect(item.getByText(nl("notify.new"), { exact: true })).toBeVisible();

  await item.getByRole("link", { name: message }).click();
  const entryId = (await db.note.findUniqueOrThrow({ where: { id: noteId }, select: { entryId: true } })).entryId;
  await expect(page).toHaveURL(new RegExp(`/entries/${entryId}$`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("link", { name: nl("notify.bell.none"), exact: true })).toBeVisible();
  await page.goto("/notifications");
  await expect(page.getByRole("listitem").filter({ hasText: message })).toBeVisible();
  await expect(page.getByText(nl("notify.new"), { exact: true })).toHaveCount(0);
});

test("a closed community's notifications never reach someone outside it", async ({ page, login, pageAs, insertUser, insertDepartment, insertCommunity, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(404, "/notifications/"), "an outsider opens a member's notification by its address on purpose");
  const [lead, member, outsider] = [await insertUser("EMPLOYEE"), await insertUser("EMPLOYEE"), await insertUser("EMPLOYEE")];
  const department = await insertDepartment();
  const closed = await insertCommunity({ departmentId: department.id, visibility: "CLOSED", memberIds: [member.id] });
  await db.membership.create({ data: { userId: lead.id, communityId: closed.id, role: "LEAD" } });

  // The lead schedules an activity, with the form's own post.
  const title = `Intervisie fraudegevallen ${marker()}`;
  const api = await apiSession(lead.email);
  const response = await api.post(`/communities/${closed.slug}/activities`, {
    form: { formId: "activity-schedule", intent: "activity-schedule", kind: "INTERVISION", title, agenda: "", date: isoDayFromToday(7), time: "10:00", durationMinutes: "60" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  await api.dispose();

  const memberPage = await pageAs(member);
  await expect(memberPage.getByRole("link", { name: nl("notify.bell", { count: 1 }) })).toBeVisible();
  await memberPage.goto("/notifications");
  await expect(memberPage.getByText(title, { exact: false })).toBeVisible();
  const notification = await db.notification.findFirstOrThrow({ where: { recipientId: member.id }, select: { id: true } });

  await login(outsider);
  await expect(page.getByRole("link", { name: nl("notify.bell.none"), exact: true })).toBeVisible();
  await page.goto("/notifications");
  await expect(page.getByText(nl("notify.empty"))).toBeVisible();
  await expect(page.getByText(title, { exact: false })).toHaveCount(0);
  // Not by its address either: someone else's notification does not exist for them.
  const opened = await page.goto(`/notifications/${notification.id}`);
  expect(opened?.status()).toBe(404);
  expect(await db.notification.count({ where: { recipientId: outsider.id } })).toBe(0);
  expect((await db.notification.findUniqueOrThrow({ where: { id: notification.id }, select: { readAt: true } })).readAt).toBeNull();
});

test("preferences: a wrong digest time is refused with the field's error and what was typed stays", async ({ page, login, insertUser, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/settings/notifications"), "a wrong digest time is sent on purpose: 400 with the error");
  const user = await insertUser("EMPLOYEE");
  await login(user);
  await page.goto("/settings");
  await page.getByRole("link", { name: nl("notify.preferencesLink") }).click();
  await expect(page).toHaveURL(/\/settings\/notifications$/);
  await expect(page.getByRole("heading", { level: 1, name: nl("notify.prefs.title") })).toBeVisible();

  const activity = page.getByRole("checkbox", { name: nl("notify.prefs.type.activityScheduled") });
  const email = page.getByRole("checkbox", { name: nl("notify.prefs.email") });
  const time = page.getByLabel(nl("notify.prefs.digestTime"));
  await expect(activity).toBeChecked();
  await expect(time).toHaveValue("08:00");
  await activity.uncheck();
  await email.uncheck();
  for (const wrong of ["25:00", "8", "abc"]) {
    await time.fill(wrong);
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/settings/notifications"),
      page.getByRole("button", { name: nl("notify.prefs.save") }).click(),
    ]);
    expect(answer.status(), wrong).toBe(400);
    await expect(time).toHaveAttribute("aria-invalid", "true");
    await expect(time).toHaveAccessibleDescription(`${nl("notify.prefs.digestTimeHint")} ${nl("error.notify.digestTime")}`);
    await expect(time).toHaveValue(wrong);
    await expect(activity).not.toBeChecked();
    await expect(email).not.toBeChecked();
  }
  expect(await db.notificationPreference.count({ where: { userId: user.id } })).toBe(0);

  await time.fill("07:30");
  await page.getByRole("button", { name: nl("notify.prefs.save") }).click();
  await expect(page.getByRole("status")).toHaveText(nl("notify.prefs.saved"));
  await expect(time).toHaveValue("07:30");
  await expect(activity).not.toBeChecked();
  await expect(email).not.toBeChecked();
  const saved = await db.notificationPreference.findUniqueOrThrow({ where: { userId: user.id } });
  expect(saved).toMatchObject({ digestTime: "07:30", emailEnabled: false, digestEnabled: true });
  expect(JSON.parse(saved.mutedTypes)).toEqual(["activity.scheduled"]);
});
