/**
 * Community settings: the head of the community's department changes the budget (a wrong custom budget
 * is refused with the input kept), appoints a new lead and closes the community; the lead and the head
 * of another department get 403 on the settings page and its action, an outsider 404 once it is closed;
 * the head archives and reopens it. axe finds no serious or critical violation on the form.
 */
import { expect, httpError, nl, nlPattern, test } from "./support/fixtures";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { loggedInPage, marker } from "./support/app";
import { apiSession, community, createUser, db, department, employee, TEST_PASSWORD } from "./support/data";

test("the head changes budget, leads and access; others may not; archive and reopen", async ({ browser, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/communities/"), "bad settings are sent on purpose: the form answers 400 with the fields' errors");
  test.slow();
  const m = marker();
  const [head, otherHead, lead, member, outsider] = await Promise.all([createUser("DEPARTMENT_HEAD"), createUser("DEPARTMENT_HEAD"), employee(), employee(), employee()]);
  const dept = await department({ name: `Team ${m}`, headId: head.id });
  await department({ name: `Andere afdeling ${m}`, headId: otherHead.id });
  const home = await community({ departmentId: dept.id, memberIds: [member.id] });
  await db.membership.create({ data: { userId: lead.id, communityId: home.id, role: "LEAD" } });
  const settingsUrl = `/communities/${home.slug}/settings`;

  // The lead and the head of another department see no settings and may not post them.
  for (const who of [lead, otherHead]) {
    const api = await apiSession(who.email);
    expect((await api.get(settingsUrl)).status(), who.email).toBe(403);
    expect((await api.post(settingsUrl, { form: { name: "Overgenomen", visibility: "OPEN", leadIds: who.id }, maxRedirects: 0 })).status(), who.email).toBe(403);
    await api.dispose();
  }

  const context = await browser.newContext();
  try {
    const page = await loggedInPage(context, head.email, TEST_PASSWORD);
    await page.goto(`/communities/${home.slug}`);
    await page.getByRole("link", { name: nl("communitySettings.link") }).click();
    // The settings page sits under the community's layout: the community's name above, the page's title below it.
    await expect(page.getByRole("heading", { level: 2, name: /^Instellingen van/ })).toBeVisible();
    await expect(page.getByLabel(nl("communities.field.name"))).toHaveValue(home.name);
    await expect(page.getByRole("radio", { name: nl("communities.field.preset120") })).toBeChecked();
    await expectNoSeriousAxeViolations(page, settingsUrl);

    // A custom budget of -5 minutes: the field says what is wrong, the rest of the input stays.
    const newName = `Spaarcommunity ${m}`;
    await page.getByLabel(nl("communities.field.name")).fill(newName);
    await page.getByRole("radio", { name: nl("communities.field.custom") }).check();
    await page.getByLabel(nl("communities.field.minutes")).fill("-5");
    await page.getByLabel(nl("communities.field.periodDays")).fill("30");
    await page.getByRole("button", { name: nl("communitySettings.save") }).click();
    await expect(page.getByText(nl("error.community.budgetMinutes"))).toBeVisible();
    await expect(page.getByLabel(nl("communities.field.name"))).toHaveValue(newName);
    await expect(page.getByLabel(nl("communities.field.periodDays"))).toHaveValue("30");

    // Then right: 90 minutes per 30 days, the member becomes a second lead, the community closes.
    await page.getByLabel(nl("communities.field.minutes")).fill("90");
    await page.getByLabel(nl("communities.leads")).selectOption([{ label: `${lead.name} (${lead.email})` }, { label: `${member.name} (${member.email})` }]);
    await page.getByRole("radio", { name: nlPattern("communities.field.closed") }).check();
    await page.getByRole("button", { name: nl("communitySettings.save") }).click();
    await expect(page.getByText(nl("communitySettings.saved"))).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(newName);
    await expect(page.getByText(nl("communities.budgetText", { time: "1 u 30 min", period: nl("communities.days", { count: 30 }) }))).toBeVisible();
    await expect(page.getByRole("region", { name: nlPattern("communities.members") }).getByRole("listitem").filter({ hasText: member.name })).toContainText(nl("communities.lead"));

    const saved = await db.community.findUniqueOrThrow({ where: { id: home.id }, select: { visibility: true, budgetMinutes: true, budgetPeriodDays: true } });
    expect(saved).toEqual({ visibility: "CLOSED", budgetMinutes: 90, budgetPeriodDays: 30 });

    // Closed now: an outsider gets 404 on the home and the settings.
    const api = await apiSession(outsider.email);
    expect((await api.get(`/communities/${home.slug}`)).status()).toBe(404);
    expect((await api.get(settingsUrl)).status()).toBe(404);
    await api.dispose();

    // Archive (after the confirmation), then reopen.
    await page.getByRole("link", { name: nl("communities.archive") }).click();
    await page.getByRole("button", { name: nl("communities.archiveConfirm.submit") }).click();
    await expect(page.getByText(nl("communities.archivedDone"))).toBeVisible();
    await page.goto(`/communities/${home.slug}`);
    await expect(page.getByText("Deze community is gearchiveerd.", { exact: false })).toBeVisible();
    await expect(page.getByRole("link", { name: nl("communitySettings.link") })).toHaveCount(0);
    await page.getByRole("button", { name: nl("communitySettings.restore") }).click();
    await expect(page.getByText(nl("communitySettings.restored"))).toBeVisible();
    await expect(page.getByRole("link", { name: nl("communities.archive") })).toBeVisible();
  } finally {
    await context.close();
  }
});
