/**
 * API tokens and the REST API (/api/v1), through the route modules themselves: hashing, scopes,
 * expiry, revocation, a disabled owner, the use log, every endpoint with its visibility rules and
 * bad input. Every response is checked against the served OpenAPI document.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createApiToken, revokeApiToken } from "~/commands/manage-api-token.server";
import { publishNote } from "~/commands/curate-note.server";
import { submitNote } from "~/commands/submit-note.server";
import { setUserDisabled } from "~/commands/manage-user.server";
import { flushApiTokenUses, hashApiToken } from "~/models/api-token.server";
import { SESSION_READS_VERSION, sessionReadsVersion } from "~/utils/session-reads.server";
import { API_SCOPES, type ApiScope } from "~/schemas/api-token.shared";
import * as notesRoute from "~/routes/api.v1.notes";
import * as noteRoute from "~/routes/api.v1.notes_.$id";
import * as searchRoute from "~/routes/api.v1.search";
import * as entryRoute from "~/routes/api.v1.entries.$id";
import * as communitiesRoute from "~/routes/api.v1.communities";
import * as openapiRoute from "~/routes/api.v1.openapi[.]json";
import { drainOutbox } from "../support/outbox";
import { ensureEntriesIndex, ensureQuestionsIndex } from "../../search/index.server";
import { expectValidResponse } from "../support/openapi-validator";
import { actorFor, body, makeCommunity, makeDepartment, makeUser, uid } from "../support/factories";

const BASE = "http://gilde.test/api/v1";

async function tokenFor(user: { id: string }, scopes: ApiScope[] = [...API_SCOPES], days = 90) {
  return (await createApiToken(null, { ownerId: user.id, name: `t ${uid()}`, scopes, expiresInDays: days })).secret;
}

function get(path: string, secret?: string) {
  return new Request(`${BASE}${path}`, { headers: secret ? { Authorization: `Bearer ${secret}` } : {} });
}

function post(path: string, secret: string, payload: unknown, headers: Record<string, string> = {}) {
  return new Request(`${BASE}${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json", ...headers },
    body: typeof payload === "string" ? payload : JSON.stringify(payload),
  });
}

const sharedVersionRow = async () => (await db.cacheVersion.findUnique({ where: { name: SESSION_READS_VERSION } }))?.version;

const ctx = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: { cspNonce: "" } });

async function publish(km: Awaited<ReturnType<typeof actorFor>>, author: Awaited<ReturnType<typeof actorFor>>, title: string, communityId?: string) {
  const note = await submitNote(author, { title, body: body(`${title}: zo help je de klant verder.`), tags: ["apitest"], communityId });
  return publishNote(km, note.id, { title, body: body(`${title}: zo help je de klant verder.`), tags: ["apitest"] });
}

describe("API tokens", () => {
  it("are stored as a SHA-256 only, shown once, and audited when made and revoked", async () => {
    const user = await makeUser();
    const created = await createApiToken(await actorFor(user), { ownerId: user.id, name: "crm", scopes: ["search:read"], expiresInDays: 90 });
    expect(created.secret).toMatch(/^gilde_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashApiToken(created.secret));
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(6));
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(90 * 86_400_000);
    await revokeApiToken(await actorFor(user), created.id);
    const audit = await db.auditEvent.findMany({ where: { targetType: "apiToken", targetId: created.id }, select: { action: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(["apiToken.create", "apiToken.revoke"]);
  });

  it("cannot be made for someone else except by an admin, nor for a disabled user", async () => {
    const [a, b, admin] = [await makeUser(), await makeUser(), await makeUser({ role: "ADMIN" })];
    await expect(createApiToken(await actorFor(a), { ownerId: b.id, name: "x", scopes: ["search:read"], expiresInDays: 30 })).rejects.toMatchObject({ status: 403 });
    const service = await createApiToken(await actorFor(admin), { ownerId: b.id, name: "service", scopes: ["search:read"], expiresInDays: 30 });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: service.id } })).createdById).toBe(admin.id);
    await setUserDisabled(await actorFor(admin), b.id, true);
    await expect(createApiToken(null, { ownerId: b.id, name: "x", scopes: ["search:read"], expiresInDays: 30 })).rejects.toMatchObject({ status: 400 });
    // Someone else's token cannot be revoked, and looks as if it did not exist.
    await expect(revokeApiToken(await actorFor(a), service.id)).rejects.toMatchObject({ status: 404 });
  });

  it("answers 401 without a token, with a wrong, revoked or expired one, or when its owner is disabled; 403 without the scope", async () => {
    const [user, admin] = [await makeUser(), await makeUser({ role: "ADMIN" })];
    const none = await communitiesRoute.loader(ctx(get("/communities")));
    expect(none.status).toBe(401);
    expect(none.headers.get("WWW-Authenticate")).toMatch(/^Bearer /);
    await expectValidResponse(none, "GET", "/communities");
    expect((await communitiesRoute.loader(ctx(get("/communities", `gilde_${"x".repeat(43)}`)))).status).toBe(401);

    const narrow = await tokenFor(user, ["search:read"]);
    const forbidden = await communitiesRoute.loader(ctx(get("/communities", narrow)));
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get("WWW-Authenticate")).toContain('scope="communities:read"');
    await expectValidResponse(forbidden, "GET", "/communities");

    const secret = await tokenFor(user);
    expect((await communitiesRoute.loader(ctx(get("/communities", secret)))).status).toBe(200);
    const row = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashApiToken(secret) } });
    await db.apiToken.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await communitiesRoute.loader(ctx(get("/communities", secret)))).status).toBe(401);
    await db.apiToken.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() + 86_400_000) } });
    expect((await communitiesRoute.loader(ctx(get("/communities", secret)))).status).toBe(200);
    await setUserDisabled(await actorFor(admin), user.id, true);
    expect((await communitiesRoute.loader(ctx(get("/communities", secret)))).status).toBe(401);
    await setUserDisabled(await actorFor(admin), user.id, false);
    await revokeApiToken(null, row.id);
    expect((await communitiesRoute.loader(ctx(get("/communities", secret)))).status).toBe(401);
  });

  it("logs every use and writes 'last used' at most once a minute", async () => {
    const user = await makeUser();
    const secret = await tokenFor(user);
    for (let i = 0; i < 3; i++) await communitiesRoute.loader(ctx(get("/communities", secret)));
    await communitiesRoute.loader(ctx(get("/communities?x=1", secret)));
    // Uses are written together shortly after the answers (not by the request itself), and writing them
    // drops no kept session or token read, in this process or the others (the shared version stays).
    const kept = { here: sessionReadsVersion(), shared: await sharedVersionRow() };
    await flushApiTokenUses();
    expect({ here: sessionReadsVersion(), shared: await sharedVersionRow() }).toEqual(kept);
    const token = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashApiToken(secret) }, select: { id: true, lastUsedAt: true } });
    const uses = await db.apiTokenUse.findMany({ where: { tokenId: token.id }, orderBy: { id: "asc" }, select: { method: true, path: true, status: true, createdAt: true } });
    expect(uses.map((u) => [u.method, u.path, u.status])).toEqual([
      ["GET", "/api/v1/communities", 200],
      ["GET", "/api/v1/communities", 200],
      ["GET", "/api/v1/communities", 200],
      ["GET", "/api/v1/communities?x=1", 400],
    ]);
    // Written by the first use only: the later ones came within the minute.
    expect(token.lastUsedAt?.getTime()).toBe(uses[0].createdAt.getTime());
  });

  it("are made, listed and revoked from the terminal; create prints the token alone on its last line", async () => {
    const email = `${uid("cli")}@test.gilde`;
    await makeUser({ email });
    const run = (...args: string[]) => promisify(execFile)("npx", ["tsx", "prisma/api-token.ts", ...args], { env: process.env });
    const created = await run("create", "--email", email, "--name", "crm", "--scopes", "notes:write,search:read");
    const secret = created.stdout.trim().split("\n").at(-1)!;
    expect(secret).toMatch(/^gilde_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashApiToken(secret) } });
    expect(row).toMatchObject({ name: "crm", scopes: "notes:write search:read", createdById: null });
    expect((await run("list", "--email", email)).stdout).toContain(`${row.id}\t${email}\t"crm"`);
    await run("revoke", row.id);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).not.toBeNull();
    await expect(run("create", "--email", email, "--name", "x", "--scopes", "admin")).rejects.toMatchObject({ code: 1 });
  }, 60_000);
});

describe("the REST API", () => {
  beforeAll(async () => {
    await ensureEntriesIndex();
    await ensureQuestionsIndex();
  });

  it("POST /notes submits a note as the token's owner, from plain text or Lexical JSON", async () => {
    const dept = await makeDepartment();
    const user = await makeUser();
    const community = await makeCommunity({ departmentId: dept.id, memberIds: [user.id] });
    const secret = await tokenFor(user, ["notes:write", "notes:read"]);
    const title = `Premie via CRM ${uid()}`;
    const res = await notesRoute.action(ctx(post("/notes", secret, { title, body: "De klant verloor de premie.\n\nOpgelost door te bellen.", tags: ["Premie", "crm"], communityId: community.id })));
    expect(res.status).toBe(201);
    const created = (await expectValidResponse(res.clone(), "POST", "/notes")) as { id: string; state: string; url: string };
    expect(created.state).toBe("SUBMITTED");
    const note = await db.note.findUniqueOrThrow({ where: { id: created.id }, select: { authorId: true, communityId: true, bodyText: true, tags: { select: { tag: { select: { name: true } } } } } });
    expect(note).toMatchObject({ authorId: user.id, communityId: community.id });
    expect(note.tags.map((t) => t.tag.name).sort()).toEqual(["crm", "premie"]);
    expect((await db.auditEvent.findFirstOrThrow({ where: { targetType: "note", targetId: created.id } })).action).toBe("note.submit");

    const lexical = { root: { type: "root", children: [{ type: "paragraph", children: [{ type: "text", text: "Vet", format: 1, detail: 0, mode: "normal", style: "", version: 1 }] }] } };
    const rich = await notesRoute.action(ctx(post("/notes", secret, { title: `${title} rich`, body: lexical })));
    expect(rich.status).toBe(201);
    const richNote = (await rich.json()) as { id: string };
    const read = await noteRoute.loader(ctx(get(`/notes/${richNote.id}`, secret), { id: richNote.id }));
    const shown = (await expectValidResponse(read, "GET", "/notes/{id}")) as { body: string; state: string };
    expect(shown).toMatchObject({ body: "Vet", state: "SUBMITTED" });
  });

  it("POST /notes refuses bad input with a problem document naming the fields, never 500", async () => {
    const dept = await makeDepartment();
    const user = await makeUser();
    const closed = await makeCommunity({ departmentId: dept.id, visibility: "CLOSED" });
    const secret = await tokenFor(user, ["notes:write"]);
    const cases: { payload: unknown; headers?: Record<string, string>; field?: string }[] = [
      { payload: { title: 5, body: "x" }, field: "title" },
      { payload: { title: "x", body: "x", extra: true }, field: "extra" },
      { payload: { title: "x" }, field: "body" },
      { payload: { title: "x", body: { root: { type: "root", children: [{ type: "script" }] } } }, field: "body" },
      { payload: { title: "x", body: "x", tags: "a,b" }, field: "tags" },
      { payload: { title: "x", body: "x", communityId: closed.id }, field: "communityId" },
      { payload: { title: "x".repeat(161), body: "x" }, field: "title" },
      { payload: "{not json" },
      { payload: [1, 2] },
      { payload: JSON.stringify({ title: "x", body: "y".repeat(1024 * 1024) }) },
      { payload: { title: "x", body: "x" }, headers: { "Content-Type": "text/plain" } },
      { payload: "title=x&body=y", headers: { "Content-Type": "application/x-www-form-urlencoded" } },
    ];
    for (const c of cases) {
      const res = await notesRoute.action(ctx(post("/notes", secret, c.payload, c.headers)));
      expect(res.status, JSON.stringify(c.payload).slice(0, 80)).toBe(400);
      expect(res.headers.get("Content-Type")).toBe("application/problem+json");
      const problem = (await expectValidResponse(res, "POST", "/notes")) as { errors?: { field: string }[] };
      if (c.field) expect(problem.errors?.map((e) => e.field), JSON.stringify(c.payload).slice(0, 80)).toContain(c.field);
    }
    expect(await db.note.count({ where: { authorId: user.id } })).toBe(0);
  });

  it("GET /search, /entries/{id} and /communities follow the app's visibility: closed communities only for who may see them", async () => {
    const dept = await makeDepartment();
    const [member, outsider, kmUser] = [await makeUser(), await makeUser(), await makeUser({ role: "KNOWLEDGE_MANAGER" })];
    const closed = await makeCommunity({ departmentId: dept.id, visibility: "CLOSED", memberIds: [member.id] });
    const [km, author] = [await actorFor(kmUser), await actorFor(member)];
    const marker = uid("zq");
    const open = await publish(km, author, `Open artikel ${marker}`);
    const secret = await publish(km, author, `Gesloten artikel ${marker}`, closed.id);
    expect((await db.entry.findUniqueOrThrow({ where: { id: secret.entryId }, select: { communityId: true } })).communityId).toBe(closed.id);
    await drainOutbox();
    const [memberToken, outsiderToken] = [await tokenFor(member), await tokenFor(outsider)];

    const search = async (secretToken: string, query: string) => {
      const res = await searchRoute.loader(ctx(get(`/search?${query}`, secretToken)));
      expect(res.status).toBe(200);
      return (await expectValidResponse(res, "GET", "/search")) as { total: number; hits: { id: string; snippet: string; url: string }[] };
    };
    const forMember = await search(memberToken, `q=${marker}&tags=apitest&limit=10`);
    expect(forMember.hits.map((h) => h.id).sort()).toEqual([open.entryId, secret.entryId].sort());
    expect(forMember.hits.every((h) => !h.snippet.includes("\u0001") && !h.snippet.includes("\u0002") && h.url.startsWith("http://gilde.test/entries/"))).toBe(true);
    const forOutsider = await search(outsiderToken, `q=${marker}`);
    expect(forOutsider.hits.map((h) => h.id)).toEqual([open.entryId]);
    expect(forOutsider.total).toBe(1);
    expect((await search(memberToken, `q=${marker}&community=${closed.id}`)).hits.map((h) => h.id)).toEqual([secret.entryId]);
    expect((await search(outsiderToken, `q=${marker}&community=${closed.id}`)).total).toBe(0);

    const entry = async (secretToken: string, id: string) => entryRoute.loader(ctx(get(`/entries/${id}`, secretToken), { id }));
    const seen = await entry(memberToken, secret.entryId);
    expect(seen.status).toBe(200);
    expect(await expectValidResponse(seen, "GET", "/entries/{id}")).toMatchObject({ id: secret.entryId, community: { id: closed.id } });
    const hidden = await entry(outsiderToken, secret.entryId);
    expect(hidden.status).toBe(404);
    await expectValidResponse(hidden, "GET", "/entries/{id}");
    expect((await entry(outsiderToken, "nonsense!")).status).toBe(404);

    const list = async (secretToken: string) => {
      const res = await communitiesRoute.loader(ctx(get("/communities", secretToken)));
      return ((await expectValidResponse(res, "GET", "/communities")) as { communities: { id: string; purpose: string; member: boolean }[] }).communities;
    };
    expect((await list(memberToken)).find((c) => c.id === closed.id)).toMatchObject({ member: true });
    expect((await list(outsiderToken)).find((c) => c.id === closed.id)).toMatchObject({ member: false, purpose: "" });

    // Bad query parameters: 400 with the field.
    for (const query of ["limit=0", "limit=abc", "limit=51", "unknown=1", `q=${"x".repeat(201)}`]) {
      const res = await searchRoute.loader(ctx(get(`/search?${query}`, memberToken)));
      expect(res.status, query).toBe(400);
      await expectValidResponse(res, "GET", "/search");
    }
  });

  it("GET /notes/{id} shows the owner's own notes only", async () => {
    const [author, other] = [await makeUser(), await makeUser()];
    const note = await submitNote(await actorFor(author), { title: `Eigen ${uid()}`, body: body("Tekst."), tags: [] });
    const own = await noteRoute.loader(ctx(get(`/notes/${note.id}`, await tokenFor(author)), { id: note.id }));
    expect(own.status).toBe(200);
    await expectValidResponse(own, "GET", "/notes/{id}");
    const foreign = await noteRoute.loader(ctx(get(`/notes/${note.id}`, await tokenFor(other)), { id: note.id }));
    expect(foreign.status).toBe(404);
    await expectValidResponse(foreign, "GET", "/notes/{id}");
  });

  it("answers 429 with Retry-After past the token's rate limit", async () => {
    const user = await makeUser();
    const secret = await tokenFor(user, ["communities:read"]);
    process.env.API_RATE_LIMIT_PER_MINUTE = "3";
    const { resetEnvCache } = await import("~/utils/env.server");
    resetEnvCache();
    try {
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 4; i++) {
        last = await communitiesRoute.loader(ctx(get("/communities", secret)));
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(Number(last!.headers.get("Retry-After"))).toBeGreaterThan(0);
      await expectValidResponse(last!, "GET", "/communities");
    } finally {
      delete process.env.API_RATE_LIMIT_PER_MINUTE;
      resetEnvCache();
    }
  });

  it("serves an OpenAPI 3.1 document of every endpoint", async () => {
    const doc = (await openapiRoute.loader().json()) as { openapi: string; paths: Record<string, object> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(["/communities", "/entries/export", "/entries/import", "/entries/{id}", "/notes", "/notes/{id}", "/search"]);
  });
});
