import { test, expect } from "@playwright/test";
import { employee, knowledgeManager, publishedEntry, TEST_PASSWORD } from "./support/data";
import { login, expectSearchable, inventedWord, withTypo } from "./support/app";

test("smoke", async ({ page }) => {
  const u = await employee();
  const km = await knowledgeManager();
  const w = inventedWord();
  const { entryId } = await publishedEntry(u, km, { title: `Test ${w}`, text: "hallo wereld" });
  await login(page, u.email, TEST_PASSWORD);
  console.log(w, withTypo(w), entryId, JSON.stringify(await page.context().cookies()));
  await expectSearchable(page, withTypo(w), `Test ${w}`);
  const r = await page.request.get("/healthz");
  console.log(await r.text());
});
