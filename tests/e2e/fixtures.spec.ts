/**
 * The harness itself: what a test inserts is deleted after it, with what the app made from it
 * (here a published entry, which also leaves the search index), and a page that logs an error is
 * seen in every browser context the test opens.
 */
import { expect, test } from "./support/fixtures";
import { expectSearchable, inventedWord, searchTitles } from "./support/app";
import { db, deleteCreated, publishedEntry } from "./support/data";

test("data a test inserts is deleted afterwards, with the entries made from it", async ({ insertUser, insertDepartment, insertCommunity, pageAs }) => {
  const [author, km, reader] = await Promise.all([insertUser(), insertUser("KNOWLEDGE_MANAGER"), insertUser()]);
  const head = await insertUser("DEPARTMENT_HEAD");
  const dept = await insertDepartment({ headId: head.id });
  const home = await insertCommunity({ departmentId: dept.id, memberIds: [author.id] });
  const word = inventedWord();
  const title = `Opruimen na de test ${word}`;
  const { noteId, entryId } = await publishedEntry(author, km, { title, text: `Alles over ${word}.` });
  const readerPage = await pageAs(reader);
  await expectSearchable(readerPage, word, title);

  // What the fixtures run after every test, run here so its result can be checked.
  await deleteCreated();
  const users = [author.id, km.id, reader.id, head.id];
  expect(await db.user.count({ where: { id: { in: users } } })).toBe(0);
  expect(await db.department.count({ where: { id: dept.id } })).toBe(0);
  expect(await db.community.count({ where: { id: home.id } })).toBe(0);
  expect(await db.note.count({ where: { id: noteId } })).toBe(0);
  expect(await db.entry.count({ where: { id: entryId } })).toBe(0);
  // The outbox row takes the entry out of the index as well.
  const other = await insertUser();
  const otherPage = await pageAs(other);
  await expect.poll(() => searchTitles(otherPage, word), { timeout: 15_000 }).toEqual([]);
});

test("console errors and uncaught errors in a context the test opens itself are caught", async ({ pageAs, allowConsoleErrors, consoleErrors }) => {
  allowConsoleErrors(/^console\.error: logged on purpose by the harness test/, "this test checks that the guard sees console errors");
  allowConsoleErrors(/^page error: thrown on purpose by the harness test/, "this test checks that the guard sees uncaught errors");
  const page = await pageAs("EMPLOYEE");
  await page.evaluate(() => console.error("logged on purpose by the harness test"));
  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error("thrown on purpose by the harness test");
    });
  });
  await expect
    .poll(() => consoleErrors.map((e) => e.split(" (")[0]))
    .toEqual(["console.error: logged on purpose by the harness test", "page error: thrown on purpose by the harness test"]);
});
