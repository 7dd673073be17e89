/**
 * Communities and membership: an admin creates an open and a closed community and appoints a lead;
 * an employee joins the open one in one click; another asks to join the closed one and the lead
 * accepts; an outsider gets 404 on the closed community's home; a plain member cannot accept or remove;
 * axe finds no serious or critical violation on the overview and a home page.
 */
import { expect, httpError, nl, nlPattern, test } from "./support/fixtures";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { loggedInPage, MAIN_URL, marker } from "./support/app";
import { admin, db, department, employee, TEST_PASSWORD } from "./support/data";

test("create, join an open community, ask to join a closed one, the lead accepts; outsiders get 404", async ({ browser, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/communities/new"), "the empty form is sent on purpose: it answers 400 with the fields' errors");
  allowConsoleErrors(httpError(404, "/communities/"), "the outsider opens the closed community on purpose: the 404 is what is checked");
  test.slow();
  const [boss, lead, joiner, asker, outsider, home] = await Promise.all([admin(), employee(), employee(), employee(), employee(), department()]);
  const m = marker();
  const openName = `Open community ${m}`;
  const closedName = `Besloten community ${m}`;
  const contexts = await Promise.all(Array.from({ length: 5 }, () => browser.newContext()));
  try {
    // The admin creates both communities through the form, and is told what is wrong first.
    const adminPage = await loggedInPage(contexts[0], boss.email, TEST_PASSWORD);
    await adminPage.goto("/communities");
    await adminPage.getByRole("link", { name: nl("communities.new") }).click();
    await adminPage.getByRole("button", { name: nl("communities.create") }).click();
    await expect(adminPage.getByText(nl("error.required"))).toBeVisible();
    await expect(adminPage.getByText(nl("error.community.leadRequired"))).toBeVisible();

    await adminPage.getByLabel(nl("communities.field.name")).fill(openName);
    await adminPage.getByLabel(nl("communities.purpose")).fill("Samen leren over sparen aan de telefoon.");
    // A department of this test's own: the first in the list may be another journey's, deleted with its communities when it ends.
    await adminPage.getByLabel(nl("communities.field.department")).selectOption({ label: home.name });
    await adminPage.getByLabel(nl("communities.leads")).selectOption({ label: `${lead.name} (${lead.email})` });
    await adminPage.getByRole("button", { name: nl("communities.create") }).click();
    await expect(adminPage).toHaveURL(/\/communities\/open-community-[a-f0-9]+$/);
    await expect(adminPage.getByRole("status")).toHaveText(nl("communities.created"));
    const openSlug = new URL(adminPage.url()).pathname.split("/").pop()!;
    await expect(adminPage.getByRole("heading", { level: 1 })).toContainText(openName);
    await expect(adminPage.getByText(nl("communities.budgetText", { time: "2 u", period: nl("communities.days", { count: 14 }) }))).toBeVisible();
    await expect(adminPage.getByRole("region", { name: nlPattern("communities.members") }).getByText(lead.name)).toBeVisible();

    await adminPage.goto("/communities/new");
    await adminPage.getByLabel(nl("communities.field.name")).fill(closedName);
    await adminPage.getByRole("radio", { name: nlPattern("communities.field.closed") }).check();
    await adminPage.getByRole("radio", { name: nl("communities.field.custom") }).check();
    await adminPage.getByLabel(nl("communities.field.minutes")).fill("90");
    await adminPage.getByLabel(nl("communities.field.periodDays")).fill("30");
    await adminPage.getByLabel(nl("communities.field.department")).selectOption({ label: home.name });
    await adminPage.getByLabel(nl("communities.leads")).selectOption({ label: `${lead.name} (${lead.email})` });
    await adminPage.getByRole("button", { name: nl("communities.create") }).click();
    await expect(adminPage.getByText(nl("communities.budgetText", { time: "1 u 30 min", period: nl("communities.days", { count: 30 }) }))).toBeVisible();
    const closedSlug = new URL(adminPage.url()).pathname.split("/").pop()!;
    const closed = await db.community.findUniqueOrThrow({ where: { slug: closedSlug }, select: { id: true, visibility: true, departmentId: true } });
    expect(closed).toMatchObject({ visibility: "CLOSED", departmentId: home.id });

    // An employee joins the open community in one click.
    const joinerPage = await loggedInPage(contexts[1], joiner.email, TEST_PASSWORD);
    await joinerPage.getByRole("navigation", { name: nl("nav.main") }).getByRole("link", { name: nl("nav.communities"), exact: true }).click();
    await joinerPage.getByRole("button", { name: nl("communities.joinNamed", { name: openName }) }).click();
    await expect(joinerPage).toHaveURL(`${MAIN_URL}/communities/${openSlug}`);
    await expect(joinerPage.getByRole("status")).toHaveText(nl("communities.joined"));
    await expect(joinerPage.getByRole("region", { name: /Leden/ }).getByText(joiner.name)).toBeVisible();

    // Another asks to join the closed one; an outsider sees its name but not its home page.
    const askerPage = await loggedInPage(contexts[2], asker.email, TEST_PASSWORD);
    await askerPage.goto("/communities");
    await askerPage.getByRole("button", { name: nl("communities.requestNamed", { name: closedName }) }).click();
    await expect(askerPage).toHaveURL(`${MAIN_URL}/communities`);
    await expect(askerPage.getByRole("status")).toHaveText(nl("communities.requested"));

    const outsiderPage = await loggedInPage(contexts[3], outsider.email, TEST_PASSWORD);
    await outsiderPage.goto("/communities");
    await expect(outsiderPage.getByText(closedName)).toBeVisible();
    await expectNoSeriousAxeViolations(outsiderPage, "/communities");
    const hidden = await outsiderPage.goto(`/communities/${closedSlug}`);
    expect(hidden?.status()).toBe(404);
    await expect(outsiderPage.getByText(nl("communities.budgetText", { time: "1 u 30 min", period: nl("communities.days", { count: 30 }) }))).toHaveCount(0);

    // The lead accepts; the new member then sees the home page, but may not accept or remove.
    const leadPage = await loggedInPage(contexts[4], lead.email, TEST_PASSWORD);
    await leadPage.goto(`/communities/${closedSlug}`);
    await leadPage.getByRole("button", { name: nl("communities.acceptNamed", { name: asker.name }) }).click();
    await expect(leadPage.getByText(nl("communities.accepted"))).toBeVisible();
    await expect(leadPage.getByRole("region", { name: nlPattern("communities.members") }).getByText(asker.name)).toBeVisible();
    await expectNoSeriousAxeViolations(leadPage, `/communities/${closedSlug}`);

    expect((await askerPage.goto(`/communities/${closedSlug}`))?.status()).toBe(200);
    const post = (form: Record<string, string>) =>
      askerPage.request.post(`/communities/${closedSlug}`, { form, headers: { Origin: MAIN_URL }, maxRedirects: 0 });
    expect((await post({ intent: "remove", userId: lead.id })).status()).toBe(403);
    expect((await post({ intent: "archive" })).status()).toBe(403);
    const after = await db.community.findUniqueOrThrow({ where: { id: closed.id }, select: { status: true, memberships: { select: { userId: true } } } });
    expect(after.status).toBe("ACTIVE");
    expect(after.memberships.map((x) => x.userId).sort()).toEqual([lead.id, asker.id].sort());
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});
