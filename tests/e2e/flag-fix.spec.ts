/**
 * The whole "flag it, fix it" loop in the browser, each step by its own person: a reader flags an entry
 * as outdated, the knowledge manager fixes it from the entry's flags page (a new version whose change
 * note resolves the flag), and the reader reads on "Mijn meldingen" that it was fixed, in which version
 * and why; the entry's history shows the change.
 */
import { expect, nl, test } from "./support/fixtures";
import { marker } from "./support/app";
import { employee, knowledgeManager, publishedEntry } from "./support/data";
import { isoDayFromToday } from "~/utils/dates";

test("a reader flags an entry; the knowledge manager fixes it; the reader sees the outcome", async ({ pageAs }) => {
  const [author, km, reader] = await Promise.all([employee(), knowledgeManager(), employee()]);
  const title = `Kasbon op vervaldag ${marker()}`;
  const { entryId } = await publishedEntry(author, km, { title, text: "De kasbon wordt op de vervaldag automatisch vernieuwd.", tags: ["kasbon"] });
  const comment = "Sinds dit jaar worden kasbons niet meer automatisch vernieuwd: het geld komt op de zichtrekening.";

  // The reader flags it as outdated.
  const page = await pageAs(reader);
  await page.goto(`/entries/${entryId}`);
  await page.getByRole("link", { name: nl("flags.report") }).click();
  await page.getByRole("radio", { name: new RegExp(`^${nl("flags.reason.OUTDATED")}`) }).check();
  await page.getByLabel(nl("flags.field.comment")).fill(comment);
  await page.getByRole("button", { name: nl("flags.submit") }).click();
  await expect(page.getByRole("status").filter({ hasText: nl("flags.done.created") })).toBeVisible();

  // The knowledge manager: the entry's flags, then the fix, resolving the flag with the change note.
  const kmPage = await pageAs(km);
  await kmPage.goto(`/entries/${entryId}/flags`);
  await expect(kmPage.getByText(comment)).toBeVisible();
  await kmPage.getByRole("link", { name: nl("flags.manage.edit") }).click();
  await expect(kmPage.getByRole("heading", { level: 1, name: nl("entryLife.edit.title") })).toBeVisible();
  const changeNote = "Kasbons worden niet meer vernieuwd: het bedrag gaat naar de zichtrekening.";
  await kmPage.getByLabel(nl("entryLife.edit.fieldTitle")).fill(`${title}: geen automatische vernieuwing meer`);
  await kmPage.getByLabel(nl("entryLife.edit.fieldChangeNote")).fill(changeNote);
  await kmPage.getByLabel(nl("entryLife.edit.fieldReviewBy")).fill(isoDayFromToday(120));
  await kmPage.getByRole("checkbox", { name: new RegExp(`${nl("entryLife.flagReason.OUTDATED")} — ${reader.name}`) }).check();
  await kmPage.getByRole("button", { name: nl("entryLife.edit.save") }).click();
  await expect(kmPage).toHaveURL(new RegExp(`/entries/${entryId}$`));
  await expect(kmPage.getByText(nl("entryLife.summary.edit", { note: changeNote }))).toBeVisible();

  // The reader: the flag is fixed, in version 2, with the knowledge manager's words; the notice is gone.
  await page.goto("/flags");
  const item = page.getByRole("listitem").filter({ hasText: comment });
  await expect(item.getByText(nl("flags.state.FIXED"), { exact: true })).toBeVisible();
  await expect(item.getByText(/Aangepast in versie 2 op /)).toBeVisible();
  await expect(item.getByText(changeNote)).toBeVisible();
  await page.goto(`/entries/${entryId}`);
  await expect(page.getByRole("link", { name: nl("flags.report") })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: `${title}: geen automatische vernieuwing meer` })).toBeVisible();
});
