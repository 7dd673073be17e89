import { test, expect } from "@playwright/test";
import { employee, knowledgeManager, publishedEntry, TEST_PASSWORD, read, db } from "./support/data";
import { login, expectSearchable, inventedWord, withTypo } from "./support/app";

test("smoke", async ({ page }) => {
  const u = await employee();
  const km = await knowledgeManager();
  const w = inventedWord();
  const { entryId } = await publishedEntry(u, km, { title: `Test ${w}`, text: "hallo wereld", tags: ["sparen"] });
  console.log(await read(() => db.$queryRawUnsafe("PRAGMA journal_mode")));
  await login(page, u.email, TEST_PASSWORD);
  await expectSearchable(page, withTypo(w), `Test ${w}`);
  const r = await page.request.get("/healthz");
  console.log(entryId, await r.text());
});
