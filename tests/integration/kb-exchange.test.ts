/**
 * The knowledge base in and out over HTTP (issue 16, point 5): POST /api/v1/entries/import (JSON Lines or
 * a JSON array, dry run), GET /api/v1/entries/export, and the knowledge manager's import page (check =
 * dry run, then import). The same importer as `npm run kb:import`; every API response is checked against
 * the OpenAPI document.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createApiToken } from "~/commands/manage-api-token.server";
import { createSession } from "~/utils/session.server";
import { API_SCOPES, type ApiScope } from "~/schemas/api-token.shared";
import type { Role } from "~/schemas/enums";
import * as importRoute from "~/routes/api.v1.entries.import";
import * as exportRoute from "~/routes/api.v1.entries.export";
import * as pageRoute from "~/routes/knowledge.import";
import * as downloadRoute from "~/routes/knowledge.export[.]jsonl";
import { ensureEntriesIndex } from "../../search/index.server";
import { expectValidResponse } from "../support/openapi-validator";
import { makeCommunity, makeDepartment, makeUser, uid } from "../support/factories";

const API = "http://gilde.test/api/v1";
const ctx = (request: Request) => ({ request, params: {}, context: { cspNonce: "" } });

async function tokenFor(role: Role, scopes: ApiScope[] = [...API_SCOPES]) {
  const user = await makeUser({ role });
  return { user, secret: (await createApiToken(null, { ownerId: user.id, name: `t ${uid()}`, scopes, expiresInDays: 30 })).secret };
}

function postImport(secret: string, body: string, type = "application/x-ndjson", query = "") {
  return importRoute.action(ctx(new Request(`${API}/entries/import${query}`, { method: "POST", headers: { Authorization: `Bearer ${secret}`, "Content-Type": type }, body })));
}

const jsonl = (lines: Record<string, unknown>[]) => lines.map((l) => JSON.stringify(l)).join("\n") + "\n";

type ImportResult = { dryRun: boolean; summary: Record<string, number>; lines: { line: number; externalId: string; outcome: string; entryId: string | null }[] };

beforeAll(async () => {
  await ensureEntriesIndex();
});

describe("POST /api/v1/entries/import", () => {
  it("checks with a dry run (nothing written), then imports JSON Lines or a JSON array; a second run changes nothing", async () => {
    const { secret } = await tokenFor("KNOWLEDGE_MANAGER");
    const dept = await makeDepartment();
    const community = await makeCommunity({ departmentId: dept.id });
    const [a, b] = [uid("api-"), uid("api-")];
    const body = jsonl([
      { externalId: a, title: `Premie ${a}`, body: "De premie loopt door.\n\nBij een interne overschrijving.", tags: ["premie"] },
      { externalId: b, title: `Kaart ${b}`, body: "Blokkeer via Card Stop.", community: community.slug },
    ]);
    const dry = await postImport(secret, body, "application/x-ndjson", "?dryRun=true");
    expect(dry.status).toBe(200);
    const checked = (await expectValidResponse(dry, "POST", "/entries/import")) as ImportResult;
    expect(checked).toMatchObject({ dryRun: true, summary: { created: 2, updated: 0, unchanged: 0, archived: 0 } });
    expect(checked.lines.map((l) => [l.line, l.externalId, l.outcome, l.entryId])).toEqual([
      [1, a, "created", null],
      [2, b, "created", null],
    ]);
    expect(await db.entry.count({ where: { externalId: { in: [a, b] } } })).toBe(0);

    const done = (await expectValidResponse(await postImport(secret, body), "POST", "/entries/import")) as ImportResult;
    expect(done.summary.created).toBe(2);
    const entry = await db.entry.findUniqueOrThrow({ where: { externalId: b }, select: { id: true, communityId: true, state: true } });
    expect(entry).toMatchObject({ communityId: community.id, state: "PUBLISHED" });
    expect(done.lines[1].entryId).toBe(entry.id);

    // The same entries as a JSON array, one changed: a new version of it, the other unchanged.
    const array = JSON.stringify([
      { externalId: a, title: `Premie ${a}`, body: "De premie loopt door.\n\nBij een interne overschrijving.", tags: ["premie"] },
      { externalId: b, title: `Kaart ${b} (nieuw)`, body: "Blokkeer via Card Stop of de app.", community: community.slug },
    ]);
    const again = (await expectValidResponse(await postImport(secret, array, "application/json"), "POST", "/entries/import")) as ImportResult;
    expect(again.summary).toEqual({ created: 0, updated: 1, unchanged: 1, archived: 0 });
    expect((await db.entry.findUniqueOrThrow({ where: { externalId: b }, select: { version: true } })).version).toBe(2);
  });

  it("imports nothing when a line is wrong, naming each line; refuses bad bodies with a problem document, never a 500", async () => {
    const { secret } = await tokenFor("ADMIN");
    const good = uid("ok-");
    const wrong = await postImport(
      secret,
      [JSON.stringify({ externalId: good, title: "Goed", body: "Tekst" }), JSON.stringify({ externalId: "x", title: "", body: "y" }), "{geen json", JSON.stringify({ externalId: "<script>", title: "t", body: { root: { type: "root", children: [{ type: "script" }] } } })].join("\n"),
    );
    expect(wrong.status).toBe(400);
    const problem = (await expectValidResponse(wrong, "POST", "/entries/import")) as { errors: { field: string; message: string }[] };
    expect([...new Set(problem.errors.map((e) => e.field))]).toEqual(["lines.2", "lines.3", "lines.4"]);
    expect(problem.errors.find((e) => e.field === "lines.4")?.message).toMatch(/externalId|body/);
    expect(await db.entry.count({ where: { externalId: good } })).toBe(0);

    const cases: { body: string; type?: string; query?: string }[] = [
      { body: "" },
      { body: "\n\n" },
      { body: "{}", type: "application/json" },
      { body: "[1, 2", type: "application/json" },
      { body: "[1, 2]", type: "application/json" },
      { body: jsonl([{ externalId: "a", title: "t", body: "b" }]), type: "text/plain" },
      { body: "externalId=a", type: "application/x-www-form-urlencoded" },
      { body: jsonl([{ externalId: "a", title: "t", body: "b", extra: 1 }]), query: "?dryRun=maybe" },
      { body: jsonl([{ externalId: "a", title: "t", body: "b" }]), query: "?unknown=1" },
      { body: `${JSON.stringify({ externalId: "big", title: "t", body: "y".repeat(5 * 1024 * 1024) })}\n` },
      { body: jsonl([{ externalId: "a", title: "t".repeat(1000), body: "b" }]) },
      { body: jsonl([{ externalId: "=cmd|' /C calc'!A0", title: "t", body: "b" }]) },
    ];
    for (const c of cases) {
      const res = await postImport(secret, c.body, c.type, c.query);
      expect(res.status, `${c.type ?? ""} ${c.query ?? ""} ${c.body.slice(0, 40)}`).toBe(400);
      expect(res.headers.get("Content-Type")).toBe("application/problem+json");
      await expectValidResponse(res, "POST", "/entries/import");
    }
    expect(await db.entry.count({ where: { externalId: { in: ["a", "big"] } } })).toBe(0);
  });

  it("needs the scope kb:write and a knowledge manager or admin as the token's owner", async () => {
    const body = jsonl([{ externalId: uid("scope-"), title: "t", body: "b" }]);
    const narrow = await tokenFor("KNOWLEDGE_MANAGER", ["search:read", "kb:read"]);
    const refused = await postImport(narrow.secret, body);
    expect(refused.status).toBe(403);
    await expectValidResponse(refused, "POST", "/entries/import");
    for (const role of ["EMPLOYEE", "DEPARTMENT_HEAD"] as const) {
      const res = await postImport((await tokenFor(role)).secret, body);
      expect(res.status, role).toBe(403);
      await expectValidResponse(res, "POST", "/entries/import");
    }
    const none = await importRoute.action(ctx(new Request(`${API}/entries/import`, { method: "POST", body })));
    expect(none.status).toBe(401);
    expect((await importRoute.loader()).status).toBe(405);
  });
});

describe("GET /api/v1/entries/export", () => {
  it("serves the live entries as JSON Lines in the import's shape, and they import back unchanged", async () => {
    const { secret } = await tokenFor("KNOWLEDGE_MANAGER");
    const ext = uid("exp-");
    await postImport(secret, jsonl([{ externalId: ext, title: `Export ${ext}`, body: "Heen en terug.", tags: ["export"] }]));
    const res = await exportRoute.loader(ctx(new Request(`${API}/entries/export`, { headers: { Authorization: `Bearer ${secret}` } })));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/x-ndjson");
    const text = await res.clone().text();
    const lines = (await expectValidResponse(res, "GET", "/entries/export")) as { externalId: string; title: string }[];
    expect(lines.find((l) => l.externalId === ext)).toMatchObject({ title: `Export ${ext}` });
    // Other tests' entries share this database: the line of this one goes back in.
    const own = text.split("\n").filter((line) => line.includes(ext)).join("\n");
    const back = (await expectValidResponse(await postImport(secret, own, "application/x-ndjson", "?dryRun=true"), "POST", "/entries/import")) as ImportResult;
    expect(back.lines.find((l) => l.externalId === ext)?.outcome).toBe("unchanged");
  });

  it("is refused without kb:read (403), to employees (403), and with unknown parameters (400)", async () => {
    const get = (secret: string, query = "") => exportRoute.loader(ctx(new Request(`${API}/entries/export${query}`, { headers: { Authorization: `Bearer ${secret}` } })));
    for (const [secret, status] of [
      [(await tokenFor("KNOWLEDGE_MANAGER", ["kb:write"])).secret, 403],
      [(await tokenFor("EMPLOYEE")).secret, 403],
    ] as const) {
      const res = await get(secret);
      expect(res.status).toBe(status);
      await expectValidResponse(res, "GET", "/entries/export");
    }
    const bad = await get((await tokenFor("ADMIN")).secret, "?format=csv");
    expect(bad.status).toBe(400);
    await expectValidResponse(bad, "GET", "/entries/export");
  });
});

describe("the import page", () => {
  async function cookieFor(role: Role) {
    const user = await makeUser({ role });
    return (await createSession(new Request("http://localhost:3000/login"), user.id)).split(";")[0];
  }
  const run = async (request: Request) => {
    try {
      return await pageRoute.action(ctx(request));
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  };
  const PAGE = "http://localhost:3000/knowledge/import";
  function upload(cookie: string, content: string) {
    const form = new FormData();
    form.append("formId", "kb-import");
    form.append("intent", "check");
    form.append("file", new File([content], "kb.jsonl", { type: "application/x-ndjson" }));
    return new Request(PAGE, { method: "POST", headers: { cookie }, body: form });
  }
  const confirm = (cookie: string, content: string) =>
    new Request(PAGE, { method: "POST", headers: { cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ formId: "kb-import-confirm", intent: "import", content }) });

  it("checks a file as a dry run, shows each line's errors or outcome, and imports on confirmation", async () => {
    const cookie = await cookieFor("KNOWLEDGE_MANAGER");
    const ext = uid("page-");
    const bad = await run(upload(cookie, `${JSON.stringify({ externalId: ext, title: "t", body: "b" })}\nkapot\n`));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { check: { ok: boolean; errors: { line: number }[] } }).check).toMatchObject({ ok: false, errors: [{ line: 2 }] });
    const content = jsonl([{ externalId: ext, title: `Pagina ${ext}`, body: "Via de pagina." }]);
    const checked = await run(upload(cookie, content));
    expect(checked.status).toBe(200);
    const reply = (await checked.json()) as { check: { ok: true; summary: Record<string, number> }; content: string };
    expect(reply.check.summary.created).toBe(1);
    expect(await db.entry.count({ where: { externalId: ext } })).toBe(0);
    const done = await run(confirm(cookie, reply.content));
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/knowledge/import");
    expect(await db.entry.count({ where: { externalId: ext } })).toBe(1);
  });

  it("is for knowledge managers and admins: others get 403 on the page, its action and the download", async () => {
    for (const role of ["EMPLOYEE", "DEPARTMENT_HEAD"] as const) {
      const cookie = await cookieFor(role);
      const ext = uid("deny-");
      expect((await run(upload(cookie, jsonl([{ externalId: ext, title: "t", body: "b" }])))).status, role).toBe(403);
      expect((await run(confirm(cookie, jsonl([{ externalId: ext, title: "t", body: "b" }])))).status, role).toBe(403);
      const page = await pageRoute.loader(ctx(new Request(PAGE, { headers: { cookie } }))).catch((r: unknown) => r as Response);
      expect((page as Response).status, role).toBe(403);
      const download = await downloadRoute.loader(ctx(new Request("http://localhost:3000/knowledge/export.jsonl", { headers: { cookie } }))).catch((r: unknown) => r as Response);
      expect(download.status, role).toBe(403);
      expect(await db.entry.count({ where: { externalId: ext } })).toBe(0);
    }
    const admin = await cookieFor("ADMIN");
    const download = await downloadRoute.loader(ctx(new Request("http://localhost:3000/knowledge/export.jsonl", { headers: { cookie: admin } })));
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Disposition")).toMatch(/^attachment; filename="gilde-knowledge-base-\d{4}-\d{2}-\d{2}\.jsonl"$/);
  });

  it("answers bad files and bodies with a 400, never a 500", async () => {
    const cookie = await cookieFor("ADMIN");
    const form = (file: BlobPart) => {
      const f = new FormData();
      f.append("formId", "kb-import");
      f.append("intent", "check");
      f.append("file", new File([file], "kb.jsonl"));
      return new Request(PAGE, { method: "POST", headers: { cookie }, body: f });
    };
    for (const file of ["", " ", "x".repeat(5 * 1024 * 1024), Uint8Array.from([0xff, 0xfe, 0x7b, 0x00]), Uint8Array.from([0x7b, 0xe9, 0x7d])]) {
      expect((await run(form(file))).status).toBe(400);
    }
    expect((await run(confirm(cookie, ""))).status).toBe(400);
    expect((await run(confirm(cookie, "{}"))).status).toBe(400);
    const nothing = new Request(PAGE, { method: "POST", headers: { cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: "formId=kb-import&intent=nonsense" });
    expect((await run(nothing)).status).toBe(400);
  });
});
