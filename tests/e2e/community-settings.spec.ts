/**
 * Community settings: the head of the community's department changes the budget (a wrong custom budget
 * is refused with the input kept), appoints a new lead and closes the community; the lead and the head
 * of another department get 403 on the settings page and its action, an outsider 404 once it is closed;
 * the head archives and reopens it. axe finds no serious or critical violation on the form.
 */
import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { loggedInPage, marker } from "./support/app";
import { apiSession, community, createUser, db, employee, read, retryBusy, TEST_PASSWORD } from "./support/data";

test("the head changes budget, leads and access; others may not; archive and reopen", async ({ browser }) => {
  test.slow();
  const m = marker();
  const [head, otherHead, lead, member, outsider] = await Promise.all([createUser("DEPARTMENT_HEAD"), createUser("DEPARTMENT_HEAD"), employee(), employee(), employee()]);
  const dept = await retryBusy(() => db.department.create({ data: { name: `Afdeling ${m}`, headId: head.id } }));
  await retryBusy(() => db.department.create({ data: { name: `Andere afdeling ${m}`, headId: otherHead.id } }));
  const home = await community({ departmentId: dept.id, memberIds: [member.id] });
  await retryBusy(() => db.membership.create({ data: { userId: lead.id, communityId: home.id, role: "LEAD" } }));
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
    await page.getByRole("link", { name: "Instellingen" }).click();
    // The settings page sits under the community's layout: the community's name above, the page's title below it.
    await expect(page.getByRole("heading", { level: 2, name: /^Instellingen van/ })).toBeVisible();
    await expect(page.getByLabel("Naam")).toHaveValue(home.name);
    await expect(page.getByRole("radio", { name: "2 u per 14 dagen" })).toBeChecked();
    await expectNoSeriousAxeViolations(page, settingsUrl);

    // A custom budget of -5 minutes: the field says what is wrong, the rest of the input stays.
    const newName = `Spaarcommunity ${m}`;
    await page.getByLabel("Naam").fill(newName);
    await page.getByRole("radio", { name: "Eigen keuze" }).check();
    await page.getByLabel("Minuten per lid (bij eigen keuze)").fill("-5");
    await page.getByLabel("Per periode van … dagen (bij eigen keuze)").fill("30");
    await page.getByRole("button", { name: "Instellingen bewaren" }).click();
    await expect(page.getByText("Geef een aantal minuten tussen 1 en 10080 (één week).")).toBeVisible();
    await expect(page.getByLabel("Naam")).toHaveValue(newName);
    await expect(page.getByLabel("Per periode van … dagen (bij eigen keuze)")).toHaveValue("30");

    // Then right: 90 minutes per 30 days, the member becomes a second lead, the community closes.
    await page.getByLabel("Minuten per lid (bij eigen keuze)").fill("90");
    await page.getByLabel("Trekkers").selectOption([{ label: `${lead.name} (${lead.email})` }, { label: `${member.name} (${member.email})` }]);
    await page.getByRole("radio", { name: /^Besloten/ }).check();
    await page.getByRole("button", { name: "Instellingen bewaren" }).click();
    await expect(page.getByText("De instellingen zijn bewaard.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(newName);
    await expect(page.getByText("1 u 30 min per 30 dagen per lid")).toBeVisible();
    await expect(page.getByRole("region", { name: /Leden/ }).getByRole("listitem").filter({ hasText: member.name })).toContainText("Trekker");

    const saved = await read(() => db.community.findUniqueOrThrow({ where: { id: home.id }, select: { visibility: true, budgetMinutes: true, budgetPeriodDays: true } }));
    expect(saved).toEqual({ visibility: "CLOSED", budgetMinutes: 90, budgetPeriodDays: 30 });

    // Closed now: an outsider gets 404 on the home and the settings.
    const api = await apiSession(outsider.email);
    expect((await api.get(`/communities/${home.slug}`)).status()).toBe(404);
    expect((await api.get(settingsUrl)).status()).toBe(404);
    await api.dispose();

    // Archive (after the confirmation), then reopen.
    await page.getByRole("link", { name: "Archiveren" }).click();
    await page.getByRole("button", { name: "Ja, archiveren" }).click();
    await expect(page.getByText("De community is gearchiveerd.")).toBeVisible();
    await page.goto(`/communities/${home.slug}`);
    await expect(page.getByText("Deze community is gearchiveerd.", { exact: false })).toBeVisible();
    await expect(page.getByRole("link", { name: "Instellingen" })).toHaveCount(0);
    await page.getByRole("button", { name: "Heropenen" }).click();
    await expect(page.getByText("De community is heropend.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Archiveren" })).toBeVisible();
  } finally {
    await context.close();
  }
});
