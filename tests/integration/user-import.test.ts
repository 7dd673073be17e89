/**
 * The roll-out's user import through the page's own action: a CSV checked (multipart upload), then
 * imported on a confirmation carrying the checked content, all in one transaction or not at all; the
 * wrong roles are refused, and bad files are the form's error, never a 500 and never half an import.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createSession } from "~/utils/session.server";
import { logIn } from "~/commands/log-in.server";
import { action, loader } from "~/routes/admin.users.import";
import type { Role } from "~/schemas/enums";
import { makeDepartment, makeUser, uid } from "../support/factories";

const BASE = "http://localhost:3000/admin/users/import";

async function cookieFor(role: Role) {
  const user = await makeUser({ role });
  return { user, cookie: (await createSession(new Request("http://localhost:3000/login"), user.id)).split(";")[0] };
}

function upload(cookie: string, file: BlobPart | null, name = "users.csv") {
  const form = new FormData();
  form.append("formId", "user-import");
  form.append("intent", "check");
  if (file !== null) form.append("file", new File([file], name, { type: "text/csv" }));
  return new Request(BASE, { method: "POST", headers: { cookie }, body: form });
}

function confirm(cookie: string, content: string) {
  const body = new URLSearchParams({ formId: "user-import-confirm", intent: "import", content });
  return new Request(BASE, { method: "POST", headers: { cookie, "Content-Type": "application/x-www-form-urlencoded" }, body });
}

const run = async (request: Request) => {
  try {
    return await action({ request, params: {}, context: { cspNonce: "" } });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
};

type Preview = { preview: { counts: Record<string, number>; rows: { line: number; status: string; errors: { column: string; message: { key: string } }[] }[] }; content: string };
type Reply = { error?: Record<string, { key: string }[]> };

describe("importing users from a CSV", () => {
  it("previews every row, then creates the new people in one go without a password and skips those who exist", async () => {
    const dept = await makeDepartment(`Sparen ${uid()}`);
    const { user: admin, cookie } = await cookieFor("ADMIN");
    const existing = await makeUser({ name: "Blijft Zo", role: "EMPLOYEE" });
    const m = uid("imp");
    const csv = [`email;naam;afdeling;rol`, `${m}-a@bank.test;An Peeters;${dept.name};medewerker`, `${m}-b@bank.test;"Maes, Bo";${dept.name.toUpperCase()};kennisbeheerder`, `${existing.email};Andere Naam;;ADMIN`].join("\r\n");

    const checked = await run(upload(cookie, csv));
    expect(checked.status).toBe(200);
    const preview = (await checked.json()) as Preview;
    expect(preview.preview.counts).toEqual({ create: 2, exists: 1, invalid: 0 });
    expect(await db.user.count({ where: { email: { startsWith: m } } })).toBe(0);

    const imported = await run(confirm(cookie, preview.content));
    expect(imported.status).toBe(302);
    expect(imported.headers.get("Location")).toBe("/admin/users");
    const created = await db.user.findMany({ where: { email: { startsWith: m } }, orderBy: { email: "asc" }, select: { id: true, name: true, role: true, departmentId: true, locale: true, passwordHash: true } });
    expect(created.map((u) => [u.name, u.role, u.departmentId, u.locale])).toEqual([
      ["An Peeters", "EMPLOYEE", dept.id, "nl"],
      ["Maes, Bo", "KNOWLEDGE_MANAGER", dept.id, "nl"],
    ]);
    // No password opens these accounts: they have none, as people made by single sign-on.
    expect(created.map((u) => u.passwordHash)).toEqual(["", ""]);
    for (const password of ["", "gilde-demo", "x".repeat(60)]) expect((await logIn(`${m}-a@bank.test`, password)).status).not.toBe("ok");
    // The existing person is untouched.
    expect(await db.user.findUniqueOrThrow({ where: { id: existing.id }, select: { name: true, role: true } })).toEqual({ name: "Blijft Zo", role: "EMPLOYEE" });
    const audits = await db.auditEvent.findMany({ where: { actorId: admin.id, action: { in: ["user.create", "user.import"] } }, select: { action: true, details: true } });
    expect(audits.filter((a) => a.action === "user.create")).toHaveLength(2);
    expect(JSON.parse(audits.find((a) => a.action === "user.import")!.details)).toEqual({ created: 2, skipped: 1 });

    // The same file again: everyone exists now, nothing is created twice.
    const again = (await (await run(upload(cookie, csv))).json()) as Preview;
    expect(again.preview.counts).toEqual({ create: 0, exists: 3, invalid: 0 });
  });

  it("imports nothing when one row is wrong, even when the confirmation is posted by hand", async () => {
    const { cookie } = await cookieFor("ADMIN");
    const m = uid("bad");
    const csv = `email,name,department,role\n${m}-ok@bank.test,Goed,,\n${m}-dup@bank.test,Een,,\n${m}-DUP@bank.test,Twee,,\nniet-goed,Fout,Nergens,baas\n`;
    const checked = await run(upload(cookie, csv));
    const preview = (await checked.json()) as Preview;
    expect(preview.preview.counts).toEqual({ create: 2, exists: 0, invalid: 2 });
    expect(preview.preview.rows[2].errors.map((e) => e.message.key)).toEqual(["userImport.error.duplicate"]);
    expect(preview.preview.rows[3].errors.map((e) => e.column)).toEqual(["email", "role", "department"]);
    const forced = await run(confirm(cookie, csv));
    expect(forced.status).toBe(400);
    expect(((await forced.json()) as Preview).preview.counts.invalid).toBe(2);
    expect(await db.user.count({ where: { email: { startsWith: m } } })).toBe(0);
  });

  it("checks again on import: someone created since the preview is skipped, not created twice", async () => {
    const { cookie } = await cookieFor("ADMIN");
    const m = uid("race");
    const csv = `email,name,department,role\n${m}-1@bank.test,Een,,\n${m}-2@bank.test,Twee,,\n`;
    const preview = (await (await run(upload(cookie, csv))).json()) as Preview;
    expect(preview.preview.counts.create).toBe(2);
    await makeUser({ email: `${m}-2@bank.test`, name: "Al Gemaakt" });
    expect((await run(confirm(cookie, preview.content))).status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { email: `${m}-2@bank.test` }, select: { name: true } })).name).toBe("Al Gemaakt");
    expect(await db.user.count({ where: { email: { startsWith: m } } })).toBe(2);
  });

  it("is for admins only: knowledge managers, heads and employees get 403 on the page and its action", async () => {
    for (const role of ["EMPLOYEE", "KNOWLEDGE_MANAGER", "DEPARTMENT_HEAD"] as const) {
      const { cookie } = await cookieFor(role);
      const page = await loader({ request: new Request(BASE, { headers: { cookie } }), params: {}, context: { cspNonce: "" } }).catch((r: unknown) => r as Response);
      expect((page as Response).status, role).toBe(403);
      const m = uid("role");
      expect((await run(upload(cookie, `email,name,department,role\n${m}@bank.test,X,,ADMIN\n`))).status, role).toBe(403);
      expect((await run(confirm(cookie, `email,name,department,role\n${m}@bank.test,X,,ADMIN\n`))).status, role).toBe(403);
      expect(await db.user.count({ where: { email: `${m}@bank.test` } })).toBe(0);
    }
    const anonymous = await run(upload("", "email,name,department,role\n"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
  });

  it("answers bad files with the file's error (400), never a 500, and imports nothing", async () => {
    const { cookie } = await cookieFor("ADMIN");
    const fileError = async (request: Request) => {
      const response = await run(request);
      expect(response.status).toBe(400);
      const reply = (await response.json()) as Reply;
      return (reply.error?.file ?? reply.error?.[""] ?? reply.error?.content)?.[0]?.key;
    };
    const before = await db.user.count();
    expect(await fileError(upload(cookie, null))).toBe("upload.error.noFile");
    expect(await fileError(upload(cookie, ""))).toBe("upload.error.noFile");
    expect(await fileError(upload(cookie, " \n \n"))).toBe("upload.error.empty");
    expect(await fileError(upload(cookie, `email,name,department,role\n${"x@b.test,A,,\n".repeat(100_000)}`))).toBe("upload.error.tooLarge");
    expect(await fileError(upload(cookie, Uint8Array.from([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x0a, 0x5a, 0x6f, 0xeb])))).toBe("upload.error.encoding");
    expect(await fileError(upload(cookie, Uint8Array.from([0xff, 0xfe, 0x65, 0x00, 0x6d, 0x00])))).toBe("upload.error.encoding");
    expect(await fileError(upload(cookie, Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])))).toBe("upload.error.binary");
    expect(await fileError(upload(cookie, "naam\nJan\n"))).toBe("userImport.error.columns");
    expect(await fileError(upload(cookie, 'email,name,department,role\n"a@b.test,A\n'))).toBe("userImport.error.syntax");
    // A multipart body that is not one, a confirmation with too much or nothing at all.
    const broken = new Request(BASE, { method: "POST", headers: { cookie, "Content-Type": "multipart/form-data; boundary=gilde" }, body: '--gilde\r\nContent-Disposition: form-data; name="intent\r\n\r\nnot closed' });
    expect((await run(broken)).status).toBe(400);
    expect((await run(confirm(cookie, ""))).status).toBe(400);
    const huge = await run(confirm(cookie, "a".repeat(1024 * 1024)));
    expect(huge.status).toBe(400);
    expect((await huge.text()).length).toBeLessThan(10_000);
    expect(await db.user.count()).toBe(before);
  });
});
