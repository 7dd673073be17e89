/**
 * Authorization of the roll-out's pages (issue 16): the user import and the webhooks are for admins, the
 * knowledge-base import page and its export for knowledge managers and admins. Every other role gets 403 on the page
 * and on each of its posts, anonymous visitors are sent to sign in, and a refused post creates nothing.
 */
import { request, type APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { MAIN_URL, marker } from "./support/app";
import { apiSession, createUser, db } from "./support/data";

type Role = "anonymous" | "employee" | "head" | "km" | "admin";
const ROLES: Role[] = ["anonymous", "employee", "head", "km", "admin"];

test("the import pages and their posts answer each role as the policies say", async () => {
  test.slow();
  const m = marker().toLowerCase();
  const users = {
    employee: await createUser("EMPLOYEE"),
    head: await createUser("DEPARTMENT_HEAD"),
    km: await createUser("KNOWLEDGE_MANAGER"),
    admin: await createUser("ADMIN"),
  };
  const sessions = {} as Record<Role, APIRequestContext>;
  sessions.anonymous = await request.newContext({ baseURL: MAIN_URL, extraHTTPHeaders: { Origin: MAIN_URL, Connection: "close" } });
  for (const role of ROLES.filter((r): r is Exclude<Role, "anonymous"> => r !== "anonymous")) sessions[role] = await apiSession(users[role].email);
  const failures: string[] = [];
  try {
    const email = (role: Role) => `${m}-${role}@bank.test`;
    const csv = (role: Role) => `email,name,department,role\n${email(role)},Nieuw ${role},,ADMIN\n`;
    const externalId = (role: Role) => `auth-${m}-${role}`;
    const jsonl = (role: Role) => `${JSON.stringify({ externalId: externalId(role), title: `Artikel ${role}`, body: "Tekst" })}\n`;
    const admins = { anonymous: 302, employee: 403, head: 403, km: 403, admin: 200 };
    const managers = { anonymous: 302, employee: 403, head: 403, km: 200, admin: 200 };
    const cases: { what: string; expected: Record<Role, number>; send: (client: APIRequestContext, role: Role) => ReturnType<APIRequestContext["get"]> }[] = [
      { what: "GET /admin/users/import", expected: admins, send: (c) => c.get("/admin/users/import", { maxRedirects: 0 }) },
      {
        what: "POST /admin/users/import (check a file)",
        expected: admins,
        send: (c, role) => c.post("/admin/users/import", { multipart: { formId: "user-import", intent: "check", file: { name: "u.csv", mimeType: "text/csv", buffer: Buffer.from(csv(role)) } }, maxRedirects: 0 }),
      },
      {
        what: "POST /admin/users/import (import)",
        expected: { ...admins, admin: 302 },
        send: (c, role) => c.post("/admin/users/import", { form: { formId: "user-import-confirm", intent: "import", content: csv(role) }, maxRedirects: 0 }),
      },
      { what: "GET /knowledge/import", expected: managers, send: (c) => c.get("/knowledge/import", { maxRedirects: 0 }) },
      {
        what: "POST /knowledge/import (dry run)",
        expected: managers,
        send: (c, role) => c.post("/knowledge/import", { multipart: { formId: "kb-import", intent: "check", file: { name: "kb.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from(jsonl(role)) } }, maxRedirects: 0 }),
      },
      {
        what: "POST /knowledge/import (import)",
        expected: { ...managers, km: 302, admin: 302 },
        send: (c, role) => c.post("/knowledge/import", { form: { formId: "kb-import-confirm", intent: "import", content: jsonl(role) }, maxRedirects: 0 }),
      },
      { what: "GET /knowledge/export.jsonl", expected: managers, send: (c) => c.get("/knowledge/export.jsonl", { maxRedirects: 0 }) },
      { what: "GET /admin/webhooks", expected: admins, send: (c) => c.get("/admin/webhooks", { maxRedirects: 0 }) },
      {
        what: "POST /admin/webhooks (add)",
        expected: admins,
        send: (c, role) => c.post("/admin/webhooks", { form: { formId: "webhook-create", intent: "create", url: `https://hooks.example/${m}/${role}`, events: "entry.published" }, maxRedirects: 0 }),
      },
    ];
    for (const c of cases) {
      for (const role of ROLES) {
        const response = await c.send(sessions[role], role);
        if (response.status() !== c.expected[role]) failures.push(`${role} ${c.what}: ${response.status()}, expected ${c.expected[role]}`);
        if (role === "anonymous" && response.status() === 302 && !/^\/login/.test(response.headers()["location"] ?? "")) failures.push(`anonymous ${c.what}: sent to ${response.headers()["location"]}`);
      }
    }
    // Only the allowed roles' posts changed anything.
    const createdUsers = await db.user.findMany({ where: { email: { startsWith: `${m}-` } }, select: { email: true } });
    expect(createdUsers.map((u) => u.email)).toEqual([email("admin")]);
    const entries = await db.entry.findMany({ where: { externalId: { startsWith: `auth-${m}-` } }, select: { externalId: true } });
    expect(entries.map((e) => e.externalId).sort()).toEqual([externalId("admin"), externalId("km")].sort());
    const hooks = await db.webhookEndpoint.findMany({ where: { url: { startsWith: `https://hooks.example/${m}/` } }, select: { url: true } });
    expect(hooks.map((h) => h.url)).toEqual([`https://hooks.example/${m}/admin`]);
  } finally {
    for (const client of Object.values(sessions)) await client.dispose();
    await db.user.deleteMany({ where: { email: { startsWith: `${m}-` } } });
    await db.webhookEndpoint.deleteMany({ where: { url: { startsWith: `https://hooks.example/${m}/` } } });
  }
  expect(failures).toEqual([]);
});
