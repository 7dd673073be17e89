/**
 * Archiving a community asks first: the lead's "Archiveren" leads to a confirmation page that says
 * what archiving does and who can reopen it, also without JavaScript; cancelling changes nothing;
 * a post without the confirmation archives nothing. The archived community's page says who can
 * reopen it, and the department head does.
 */
import { expect, httpError, nl, test } from "./support/fixtures";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { loggedInPage, MAIN_URL, marker } from "./support/app";
import { community, createUser, db, department, employee, TEST_PASSWORD } from "./support/data";

// Every journey here causes these answers on purpose; Chromium logs each as a console error.
test.beforeEach(({ allowConsoleErrors }) => {
  allowConsoleErrors(httpError(403, "/communities/"), "others are refused the archive page and action on purpose: the 403 is what is checked");
});

const statusOf = (id: string) => db.community.findUniqueOrThrow({ where: { id }, select: { status: true } });

for (const javaScriptEnabled of [true, false]) {
  test(`a lead archives a community after confirming, and learns who can reopen it (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
    test.slow();
    const m = marker();
    const [head, lead, member] = await Promise.all([createUser("DEPARTMENT_HEAD", { name: `Hoofd ${m}` }), employee(), employee()]);
    const dept = await department({ name: `Team ${m}`, headId: head.id });
    const home = await community({ departmentId: dept.id, memberIds: [member.id] });
    await db.membership.create({ data: { userId: lead.id, communityId: home.id, role: "LEAD" } });
    const url = `/communities/${home.slug}`;
    const contexts = await Promise.all([browser.newContext({ javaScriptEnabled }), browser.newContext({ javaScriptEnabled })]);
    try {
      const page = await loggedInPage(contexts[0], lead.email, TEST_PASSWORD);

      // A post of the archive intent without the confirmation only leads to the confirmation page.
      const unconfirmed = await page.request.post(url, { form: { intent: "archive" }, headers: { Origin: MAIN_URL }, maxRedirects: 0 });
      expect(unconfirmed.status()).toBe(302);
      expect(unconfirmed.headers().location).toBe(`${url}/archive`);
      expect(await statusOf(home.id)).toEqual({ status: "ACTIVE" });

      // The button asks first; cancelling changes nothing.
      await page.goto(url);
      await page.getByRole("link", { name: nl("communities.archive"), exact: true }).click();
      await expect(page).toHaveURL(`${MAIN_URL}${url}/archive`);
      await expect(page.getByRole("heading", { level: 2, name: nl("communities.archiveConfirm.title", { name: home.name }) })).toBeVisible();
      await expect(page.getByText("wordt alleen-lezen")).toBeVisible();
      await expect(page.getByText(`Heropenen kan alleen het afdelingshoofd (${head.name}) of een beheerder`)).toBeVisible();
      if (javaScriptEnabled) await expectNoSeriousAxeViolations(page, `${url}/archive`);
      await page.getByRole("link", { name: nl("communities.archiveConfirm.cancel") }).click();
      await expect(page).toHaveURL(`${MAIN_URL}${url}`);
      expect(await statusOf(home.id)).toEqual({ status: "ACTIVE" });

      // Confirmed: archived, and the community list says so.
      await page.getByRole("link", { name: nl("communities.archive"), exact: true }).click();
      await page.getByRole("button", { name: nl("communities.archiveConfirm.submit") }).click();
      await expect(page.getByText(nl("communities.archivedDone"))).toBeVisible();
      expect(await statusOf(home.id)).toEqual({ status: "ARCHIVED" });
      const audit = await db.auditEvent.count({ where: { targetType: "community", targetId: home.id, action: "community.archive", actorId: lead.id } });
      expect(audit).toBe(1);

      // The archived community's page says who can reopen it; the lead cannot, nor archive again.
      await page.goto(url);
      await expect(page.getByText("Deze community is gearchiveerd.", { exact: false })).toContainText(`Heropenen kan alleen het afdelingshoofd (${head.name}) of een beheerder`);
      await expect(page.getByRole("button", { name: nl("communitySettings.restore") })).toHaveCount(0);
      await expect(page.getByRole("link", { name: nl("communities.archive"), exact: true })).toHaveCount(0);
      expect((await page.goto(`${url}/archive`))?.status()).toBe(403);

      // The department head reopens it.
      const headPage = await loggedInPage(contexts[1], head.email, TEST_PASSWORD);
      await headPage.goto(url);
      await headPage.getByRole("button", { name: nl("communitySettings.restore") }).click();
      await expect(headPage.getByText(nl("communitySettings.restored"))).toBeVisible();
      expect(await statusOf(home.id)).toEqual({ status: "ACTIVE" });
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
    }
  });
}

test("a member may neither open the confirmation nor archive", async ({ browser }) => {
  const m = marker();
  const [head, member] = await Promise.all([createUser("DEPARTMENT_HEAD"), employee()]);
  const dept = await department({ name: `Team ${m}`, headId: head.id });
  const home = await community({ departmentId: dept.id, memberIds: [member.id] });
  const context = await browser.newContext();
  try {
    const page = await loggedInPage(context, member.email, TEST_PASSWORD);
    await page.goto(`/communities/${home.slug}`);
    await expect(page.getByRole("link", { name: nl("communities.archive"), exact: true })).toHaveCount(0);
    expect((await page.goto(`/communities/${home.slug}/archive`))?.status()).toBe(403);
    const posts: Record<string, string>[] = [{ intent: "archive" }, { intent: "archive", confirm: "yes" }];
    for (const form of posts) {
      const response = await page.request.post(`/communities/${home.slug}`, { form, headers: { Origin: MAIN_URL }, maxRedirects: 0 });
      expect(response.status()).toBe(403);
    }
    expect(await statusOf(home.id)).toEqual({ status: "ACTIVE" });
  } finally {
    await context.close();
  }
});
