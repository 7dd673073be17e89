/**
 * "Dit hielp me" and its undo: a reader says an entry helped and sees the count in the right plural, takes
 * it back, and the count drops again. Without JavaScript, as the plain forms must work on their own.
 */
import { expect, nl, test } from "./support/fixtures";
import { loggedInPage, marker } from "./support/app";
import { db, employee, knowledgeManager, publishedEntry, TEST_PASSWORD } from "./support/data";

test("a reader says an entry helped, then takes it back", async ({ browser }) => {
  const [author, km, reader] = await Promise.all([employee(), knowledgeManager(), employee()]);
  const title = `Spaarpot van een kind openen ${marker()}`;
  const { entryId } = await publishedEntry(author, km, { title, text: "Met de identiteitskaart van een ouder." });

  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await loggedInPage(context, reader.email, TEST_PASSWORD);
    await page.goto(`/entries/${entryId}`);
    await expect(page.getByText("0 collega's zeiden dat dit hielp")).toBeVisible();

    await page.getByRole("button", { name: nl("entry.helped") }).click();
    await expect(page.getByRole("status")).toHaveText("✓ Je gaf aan dat dit je hielp");
    await expect(page.getByText("1 collega zei dat dit hielp")).toBeVisible();

    await page.getByRole("button", { name: nl("entry.helpedUndo") }).click();
    await expect(page.getByText("0 collega's zeiden dat dit hielp")).toBeVisible();
    await expect(page.getByRole("button", { name: nl("entry.helped") })).toBeVisible();
    await expect(page.getByRole("button", { name: nl("entry.helpedUndo") })).toHaveCount(0);
    expect(await db.feedback.count({ where: { entryId } })).toBe(0);
  } finally {
    await context.close();
  }
});
