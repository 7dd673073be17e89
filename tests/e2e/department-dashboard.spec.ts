/**
 * The department head's dashboard: the head sees the communities of their own department with budget
 * use, goal states, the last report and the trend, and the report waiting for them, and drills down to
 * it; another head sees none of it (also not by asking for the department); an employee gets 403; an
 * admin chooses the department. axe is clean.
 */
import { expect, nl, nlPattern, test } from "./support/fixtures";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { loggedInPage, marker } from "./support/app";
import { admin, apiSession, community, createUser, db, department, employee, TEST_PASSWORD } from "./support/data";

test("a head sees their department's communities and the report waiting; others do not", async ({ browser }) => {
  const m = marker();
  const [head, otherHead, lead, boss, worker] = await Promise.all([createUser("DEPARTMENT_HEAD"), createUser("DEPARTMENT_HEAD"), employee(), admin(), employee()]);
  const dept = await department({ name: `Team ${m}`, headId: head.id });
  await department({ name: `Andere afdeling ${m}`, headId: otherHead.id });
  const home = await community({ departmentId: dept.id });
  const name = `Dashboardcommunity ${m}`;
  await db.community.update({ where: { id: home.id }, data: { name } });
  await db.membership.create({ data: { userId: lead.id, communityId: home.id, role: "LEAD" } });
  await db.goal.create({ data: { communityId: home.id, title: "Doel", target: "x", dueDate: new Date(Date.now() + 30 * 86_400_000), status: "AGREED", proposedById: lead.id } });
  const end = new Date(Date.now() - 86_400_000);
  const report = await db.report.create({
    data: { communityId: home.id, authorId: lead.id, state: "SUBMITTED", periodStart: new Date(end.getTime() - 13 * 86_400_000), periodEnd: end, submittedAt: new Date(), narrativeText: "Verslag" },
  });

  const context = await browser.newContext();
  try {
    const page = await loggedInPage(context, head.email, TEST_PASSWORD);
    await page.getByRole("navigation", { name: nl("nav.main") }).getByRole("link", { name: nl("nav.departmentDashboard") }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl("deptDash.title", { name: `Team ${m}` }));
    const overview = page.getByRole("region", { name: nl("deptDash.overview") });
    const row = overview.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText(`${nl("goals.status.AGREED")}: 1`);
    await expect(row).toContainText(nl("reports.state.SUBMITTED"));
    await expect(row.getByRole("img", { name: new RegExp(`Bijdragen per week in ${name}`) })).toBeVisible();
    await expect(page.getByRole("img", { name: nl("deptDash.budgetChart") })).toBeVisible();
    await expectNoSeriousAxeViolations(page, "/dashboard/department");

    // Drill down: the waiting report opens, ready to acknowledge.
    const waiting = page.getByRole("region", { name: nlPattern("deptDash.waiting") });
    await waiting.getByRole("link", { name: new RegExp(name) }).click();
    await expect(page).toHaveURL(new RegExp(`/reports/${report.id}$`));
    await expect(page.getByRole("button", { name: nl("reports.acknowledge") })).toBeVisible();
  } finally {
    await context.close();
  }

  // Another head sees only their own department, and may not ask for this one.
  const other = await apiSession(otherHead.email);
  const own = await other.get("/dashboard/department");
  expect(own.status()).toBe(200);
  expect(await own.text()).not.toContain(name);
  expect((await other.get(`/dashboard/department?department=${dept.id}`)).status()).toBe(200);
  expect(await (await other.get(`/dashboard/department?department=${dept.id}`)).text()).not.toContain(name);
  await other.dispose();

  // An employee gets 403; an admin picks the department.
  const plain = await apiSession(worker.email);
  expect((await plain.get("/dashboard/department")).status()).toBe(403);
  await plain.dispose();
  const adminApi = await apiSession(boss.email);
  const chosen = await adminApi.get(`/dashboard/department?department=${dept.id}`);
  expect(chosen.status()).toBe(200);
  const adminPage = await chosen.text();
  expect(adminPage).toContain(name);
  // An admin heads no department: the menu says "Departments", not "My department".
  expect(adminPage).toMatch(/<a[^>]*href="\/dashboard\/department"[^>]*>Afdelingen<\/a>/);
  expect(adminPage).not.toContain(">Mijn afdeling<");
  await adminApi.dispose();
});
