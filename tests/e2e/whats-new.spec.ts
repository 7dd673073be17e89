/**
 * "Nieuw sinds je vorige bezoek": a member finds what was published in their community (and not what was
 * published in a closed community they are not in), opens it, marks the page seen, and later finds only
 * what came after. In English too.
 */
import { expect, nl, en, test } from "./support/fixtures";
import { marker } from "./support/app";
import { db, knowledgeManager, publishedEntry } from "./support/data";
import { expectNoSeriousAxeViolations } from "./support/axe";

test("a member reads what is new in their communities, marks it seen, and later sees only what came after", async ({ page, login, insertUser, insertDepartment, insertCommunity }) => {
  const department = await insertDepartment();
  const [reader, author, insider, km] = await Promise.all([insertUser("EMPLOYEE"), insertUser("EMPLOYEE"), insertUser("EMPLOYEE"), knowledgeManager()]);
  const open = await insertCommunity({ departmentId: department.id, memberIds: [reader.id, author.id] });
  const closed = await insertCommunity({ departmentId: department.id, visibility: "CLOSED", memberIds: [insider.id] });
  const first = `Spaarrekening voor een minderjarige ${marker()}`;
  const hidden = `Fraudemelding intern ${marker()}`;
  const { entryId } = await publishedEntry(author, km, { title: first, text: "Met toestemming van beide ouders.", communityId: open.id });
  await publishedEntry(insider, km, { title: hidden, text: "Alleen voor het fraudeteam.", communityId: closed.id });

  await login(reader);
  await page.getByRole("navigation", { name: nl("nav.main") }).getByRole("link", { name: nl("whatsNew.nav") }).click();
  await expect(page.getByRole("heading", { level: 1, name: nl("whatsNew.title") })).toBeVisible();
  const item = page.locator(".whats-new-item", { hasText: first });
  await expect(item).toContainText(nl("whatsNew.new"));
  await expect(item).toContainText(open.name);
  await expect(page.getByText(hidden)).toHaveCount(0);
  await expectNoSeriousAxeViolations(page, "what's new");

  await item.getByRole("link", { name: first }).click();
  await expect(page).toHaveURL(new RegExp(`/entries/${entryId}$`));
  await page.goBack();

  // Reading the page changes nothing: only the button does.
  await page.reload();
  await expect(page.locator(".whats-new-item", { hasText: first })).toBeVisible();
  await page.getByRole("button", { name: nl("whatsNew.markSeen") }).click();
  await expect(page.getByRole("status")).toHaveText(nl("whatsNew.seen"));
  await expect(page.getByText(nl("whatsNew.empty"))).toBeVisible();
  await expect(page.getByText(first)).toHaveCount(0);
  const seenAt = (await db.notificationPreference.findUniqueOrThrow({ where: { userId: reader.id } })).whatsNewSeenAt;
  expect(seenAt).not.toBeNull();

  const second = `Spaarrekening: overdracht bij meerderjarigheid ${marker()}`;
  await publishedEntry(author, km, { title: second, text: "Op de achttiende verjaardag.", communityId: open.id });
  await page.reload();
  await expect(page.locator(".whats-new-item", { hasText: second })).toBeVisible();
  await expect(page.getByText(first)).toHaveCount(0);
});

test("the page in English, and the empty page of someone with no communities", async ({ page, login, insertUser, insertDepartment, insertCommunity }) => {
  const department = await insertDepartment();
  const [reader, author, km] = await Promise.all([insertUser("EMPLOYEE", { locale: "en" }), insertUser("EMPLOYEE"), knowledgeManager()]);
  const open = await insertCommunity({ departmentId: department.id, memberIds: [reader.id, author.id] });
  const title = `Termijnrekening opzeggen ${marker()}`;
  await publishedEntry(author, km, { title, text: "Met een opzeg van een maand.", communityId: open.id });

  await login(reader);
  await page.goto("/new");
  await expect(page.getByRole("heading", { level: 1, name: en("whatsNew.title") })).toBeVisible();
  await expect(page.locator(".whats-new-item", { hasText: title })).toContainText(en("whatsNew.new"));
  await expect(page.getByRole("button", { name: en("whatsNew.markSeen") })).toBeVisible();

  const loner = await insertUser("EMPLOYEE");
  await login(loner);
  await page.goto("/new");
  await expect(page.getByText(nl("whatsNew.empty"))).toBeVisible();
  await expect(page.getByRole("button", { name: nl("whatsNew.markSeen") })).toHaveCount(0);
});
