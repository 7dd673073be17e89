/**
 * Issue 16, point 5: the knowledge manager imports a JSON Lines knowledge base on its own page. A file
 * with a wrong line shows each line's error and imports nothing; a good file is checked as a dry run
 * (what would happen to each line), then imported, and colleagues find it; the export downloads the
 * same format. With JavaScript and without it.
 */
import { expect, httpError, nl, test } from "./support/fixtures";
import { expectSearchable, inventedWord, marker } from "./support/app";
import { db } from "./support/data";

const jsonlFile = (name: string, lines: (Record<string, unknown> | string)[]) => ({
  name,
  mimeType: "application/x-ndjson",
  buffer: Buffer.from(lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n") + "\n", "utf8"),
});

for (const javaScriptEnabled of [true, false]) {
  test(`a knowledge manager checks a file, sees each line's errors, then dry-runs and imports a good one${javaScriptEnabled ? "" : " (without JavaScript)"}`, async ({
    pageAs,
    allowConsoleErrors,
  }) => {
    allowConsoleErrors(httpError(400, "/knowledge/import"), "the file with wrong lines is refused on purpose: 400 with each line's error");
    const m = marker();
    const word = inventedWord();
    const ids = [`crm-${m}-1`, `crm-${m}-2`];
    // The entries are the knowledge manager's: the fixtures delete them with the test's users.
    const page = await pageAs("KNOWLEDGE_MANAGER", { javaScriptEnabled });
    await page.goto("/dashboard/knowledge");
    await page.getByRole("link", { name: nl("kb.nav.import") }).click();
    await expect(page.getByRole("heading", { level: 1, name: nl("kbImport.title") })).toBeVisible();

    await page.getByLabel(nl("kbImport.file")).setInputFiles(
      jsonlFile("kennisbank.jsonl", [
        { externalId: ids[0], title: `Premie bij overschrijving ${word}`, body: "De premie loopt door.", tags: ["premie"] },
        { externalId: ids[1], title: "", body: "Geen titel" },
        "{kapot",
      ]),
    );
    await page.getByRole("button", { name: nl("kbImport.check") }).click();
    await expect(page.getByRole("alert").filter({ hasText: nl("kbImport.fixFirst", { count: 2 }) })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "title: This field is required." })).toContainText("2");
    await expect(page.getByRole("row").filter({ hasText: "not valid JSON" })).toContainText("3");
    expect(await db.entry.count({ where: { externalId: { in: ids } } })).toBe(0);

    const good = jsonlFile("kennisbank.jsonl", [
      { externalId: ids[0], title: `Premie bij overschrijving ${word}`, body: "De premie loopt door.\n\nBij een interne overschrijving.", tags: ["premie"] },
      { externalId: ids[1], title: `Kaart geblokkeerd ${word}`, body: "Deblokkeer via de app." },
    ]);
    await page.getByLabel(nl("kbImport.file")).setInputFiles(good);
    await page.getByRole("button", { name: nl("kbImport.check") }).click();
    await expect(page.getByRole("status")).toContainText(nl("kbImport.dryRunSummary", { count: 2, created: 2, updated: 0, unchanged: 0, archived: 0 }));
    await expect(page.getByRole("table").getByText(nl("kbImport.outcome.created"))).toHaveCount(2);
    expect(await db.entry.count({ where: { externalId: { in: ids } } })).toBe(0);
    await page.getByRole("button", { name: nl("kbImport.import", { count: 2 }) }).click();
    await expect(page.getByText(nl("kbImport.done", { created: 2, updated: 0, unchanged: 0, archived: 0 }))).toBeVisible();
    expect(await db.entry.count({ where: { externalId: { in: ids }, state: "PUBLISHED" } })).toBe(2);

    // Checked again, the same file changes nothing.
    await page.getByLabel(nl("kbImport.file")).setInputFiles(good);
    await page.getByRole("button", { name: nl("kbImport.check") }).click();
    await expect(page.getByText(nl("kbImport.nothingToDo"))).toBeVisible();

    // Colleagues find it; the export holds it in the same format.
    const colleague = await pageAs("EMPLOYEE");
    await expectSearchable(colleague, word, `Kaart geblokkeerd ${word}`);
    const download = await page.request.get("/knowledge/export.jsonl");
    expect(download.status()).toBe(200);
    const lines = (await download.text()).trim().split("\n").map((l) => JSON.parse(l) as { externalId: string; title: string });
    expect(lines.find((l) => l.externalId === ids[1])?.title).toBe(`Kaart geblokkeerd ${word}`);
  });
}
