/**
 * Issue 16, point 4: an admin creates the roll-out's users from a CSV file. The preview names each
 * wrong row; nothing is created until a clean file is confirmed; then everyone is there, without a
 * password. With JavaScript and without it.
 */
import { expect, nl, test } from "./support/fixtures";
import { marker } from "./support/app";
import { db } from "./support/data";

const csvFile = (name: string, text: string) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });

for (const javaScriptEnabled of [true, false]) {
  test(`an admin previews a CSV with errors, fixes it and imports the users${javaScriptEnabled ? "" : " (without JavaScript)"}`, async ({ pageAs, insertDepartment }) => {
    const m = marker().toLowerCase();
    const dept = await insertDepartment({ name: `Spaardesk ${m}` });
    const page = await pageAs("ADMIN", { javaScriptEnabled });
    const emails = [`${m}-an@bank.test`, `${m}-bo@bank.test`, `${m}-cas@bank.test`];
    try {
      await page.goto("/admin/users");
      await page.getByRole("link", { name: nl("userImport.link") }).click();
      await expect(page.getByRole("heading", { level: 1, name: nl("userImport.title") })).toBeVisible();

      // A file with mistakes: an unknown role, a bad address, a duplicate and a formula.
      const broken = [
        "email;naam;afdeling;rol",
        `${emails[0]};An Peeters;${dept.name};medewerker`,
        `${emails[1]};Bo Maes;${dept.name};baas`,
        `geen-adres;Cas;;`,
        `${emails[0].toUpperCase()};An Dubbel;;`,
        `${emails[2]};=HYPERLINK("http://evil.example");;`,
      ].join("\r\n");
      await page.getByLabel(nl("userImport.file"), { exact: true }).setInputFiles(csvFile("uitrol.csv", broken));
      await page.getByRole("button", { name: nl("userImport.check") }).click();
      await expect(page.getByRole("heading", { level: 2, name: nl("userImport.previewTitle") })).toBeVisible();
      await expect(page.getByRole("alert").filter({ hasText: nl("userImport.fixFirst") })).toBeVisible();
      const rows = page.getByRole("table").getByRole("row");
      await expect(rows.filter({ hasText: "Bo Maes" })).toContainText(nl("userImport.error.role", { value: "baas" }));
      await expect(rows.filter({ hasText: "geen-adres" })).toContainText(nl("error.email"));
      await expect(rows.filter({ hasText: "An Dubbel" })).toContainText(nl("userImport.error.duplicate", { line: 2 }));
      await expect(rows.filter({ hasText: "HYPERLINK" })).toContainText(nl("userImport.error.formula"));
      await expect(page.getByRole("button", { name: /aanmaken/ })).toHaveCount(0);
      expect(await db.user.count({ where: { email: { in: emails } } })).toBe(0);

      // The corrected file: three new people, one of them a knowledge manager.
      const fixed = ["email;naam;afdeling;rol", `${emails[0]};An Peeters;${dept.name};medewerker`, `${emails[1]};Bo Maes;${dept.name};kennisbeheerder`, `${emails[2]};Cas Janssens;;`].join("\r\n");
      await page.getByLabel(nl("userImport.file"), { exact: true }).setInputFiles(csvFile("uitrol.csv", fixed));
      await page.getByRole("button", { name: nl("userImport.check") }).click();
      await expect(page.getByRole("status")).toContainText(nl("userImport.summaryCreate", { count: 3 }));
      await expect(page.getByRole("table").getByText(nl("userImport.status.create"))).toHaveCount(3);
      await page.getByRole("button", { name: nl("userImport.import", { count: 3 }) }).click();

      await expect(page).toHaveURL(/\/admin\/users$/);
      await expect(page.getByText(nl("userImport.done", { count: 3, skipped: 0 }))).toBeVisible();
      await expect(page.getByRole("cell", { name: emails[1] })).toBeVisible();
      const created = await db.user.findMany({ where: { email: { in: emails } }, orderBy: { email: "asc" }, select: { name: true, role: true, departmentId: true } });
      expect(created).toEqual([
        { name: "An Peeters", role: "EMPLOYEE", departmentId: dept.id },
        { name: "Bo Maes", role: "KNOWLEDGE_MANAGER", departmentId: dept.id },
        { name: "Cas Janssens", role: "EMPLOYEE", departmentId: null },
      ]);
    } finally {
      await db.user.deleteMany({ where: { email: { in: emails } } });
    }
  });
}

test("a file in the wrong encoding or far too large is refused with a reason, and nothing is imported", async ({ pageAs, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 400/, "a wrongly encoded and an oversized file are refused on purpose: 400 with the file's error");
  const page = await pageAs("ADMIN");
  await page.goto("/admin/users/import");
  const before = await db.user.count();
  // Latin-1, as an old Excel saves "Zoë".
  await page.getByLabel(nl("userImport.file"), { exact: true }).setInputFiles({ name: "latin1.csv", mimeType: "text/csv", buffer: Buffer.from([...Buffer.from("email,name,department,role\nzoe@bank.test,Zo"), 0xeb, 0x0a]) });
  await page.getByRole("button", { name: nl("userImport.check") }).click();
  await expect(page.getByText(nl("upload.error.encoding"))).toBeVisible();
  await page.getByLabel(nl("userImport.file"), { exact: true }).setInputFiles(csvFile("groot.csv", `email,name,department,role\n${"x@bank.test,X,,\n".repeat(60_000)}`));
  await page.getByRole("button", { name: nl("userImport.check") }).click();
  await expect(page.getByText(nl("upload.error.tooLarge", { max: 512 }))).toBeVisible();
  expect(await db.user.count()).toBe(before);
});
