/**
 * Webhooks (issue 16, point 6): an entry published, changed or archived becomes a delivery row in the
 * same transaction, the worker POSTs it to a real HTTP receiver started here, signed with HMAC-SHA256 over
 * "<timestamp>.<body>"; a failing receiver is retried with backoff; a removed endpoint gets nothing more.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createWebhook, removeWebhook } from "~/commands/manage-webhook.server";
import { importEntries } from "~/commands/import-entries.server";
import { archiveEntry } from "~/commands/manage-entry.server";
import { parseEntryLines } from "~/schemas/entry-import";
import { WebhookIntentSchema, WebhookUrlSchema } from "~/schemas/webhook";
import { processWebhookDeliveries, webhookBackoffMs } from "~/webhooks/worker.server";
import { createSession } from "~/utils/session.server";
import * as route from "~/routes/admin.webhooks";
import { actorFor, makeUser, uid } from "../support/factories";

type Received = { path: string; headers: http.IncomingHttpHeaders; body: string };
const received: Received[] = [];
let server: http.Server;
let base = "";

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.statusCode = req.url?.includes("/broken") ? 500 : 200;
      res.end("ok");
    });
  });
  const port = Number(process.env.WEBHOOK_RECEIVER_PORT ?? 3435);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // A fixed port when free (the receiver a person can watch), else any.
    server.listen(port, "127.0.0.1", () => resolve());
  }).catch(
    () =>
      new Promise<void>((resolve) => {
        server.listen(0, "127.0.0.1", () => resolve());
      }),
  );
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** What a receiver does: recompute the HMAC over "<t>.<body>" with the shared secret and compare in constant time. */
function verify(secret: string, header: string | undefined, body: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? "");
  if (!match) return false;
  const expected = createHmac("sha256", secret).update(`${match[1]}.${body}`).digest();
  return Math.abs(Date.now() / 1000 - Number(match[1])) < 300 && timingSafeEqual(expected, Buffer.from(match[2], "hex"));
}

async function importOne(actor: Awaited<ReturnType<typeof actorFor>>, externalId: string, title: string) {
  const parsed = parseEntryLines(JSON.stringify({ externalId, title, body: `${title}: tekst.` }));
  if (!parsed.ok) throw new Error("bad line");
  const result = await importEntries(actor, parsed.entries);
  if (!result.ok) throw new Error("import failed");
  return result.entryIds[0];
}

describe("webhooks", () => {
  it("post each published, changed and archived entry to the endpoint, signed, once", async () => {
    const [admin, km] = [await actorFor(await makeUser({ role: "ADMIN" })), await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }))];
    const path = `/hook-${uid()}`;
    const hook = await createWebhook(admin, { url: `${base}${path}`, events: ["entry.published", "entry.changed", "entry.archived"] });
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    try {
      const ext = uid("wh-");
      const entryId = await importOne(km, ext, `Webhook ${ext}`);
      // The delivery was written with the entry, before anything was sent.
      expect(await db.webhookDelivery.count({ where: { endpointId: hook.id, payload: { contains: entryId } } })).toBe(1);
      await importOne(km, ext, `Webhook ${ext} (gewijzigd)`);
      await archiveEntry(km, entryId, { reason: "Verouderd" });
      await processWebhookDeliveries();
      const mine = received.filter((r) => r.path === path && r.body.includes(entryId));
      expect(mine.map((r) => r.headers["gilde-event"])).toEqual(["entry.published", "entry.changed", "entry.archived"]);
      for (const r of mine) {
        expect(r.headers["content-type"]).toBe("application/json");
        expect(verify(hook.secret, r.headers["gilde-signature"] as string, r.body)).toBe(true);
        expect(verify("whsec_wrong", r.headers["gilde-signature"] as string, r.body)).toBe(false);
        expect(verify(hook.secret, r.headers["gilde-signature"] as string, r.body.replace("Webhook", "Gehackt"))).toBe(false);
      }
      const payload = JSON.parse(mine[1].body) as { id: string; event: string; entry: { id: string; title: string; version: number; url: string } };
      expect(payload).toMatchObject({ event: "entry.changed", entry: { id: entryId, title: `Webhook ${ext} (gewijzigd)`, version: 2 } });
      expect(payload.entry.url).toMatch(new RegExp(`/entries/${entryId}$`));
      // Delivered rows are not sent again.
      await processWebhookDeliveries();
      expect(received.filter((r) => r.path === path && r.body.includes(entryId))).toHaveLength(3);
    } finally {
      await removeWebhook(admin, hook.id);
    }
  });

  it("retry a failing endpoint with backoff, and stop for a removed one", async () => {
    const [admin, km] = [await actorFor(await makeUser({ role: "ADMIN" })), await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER" }))];
    const hook = await createWebhook(admin, { url: `${base}/broken-${uid()}`, events: ["entry.published"] });
    const ext = uid("wr-");
    const entryId = await importOne(km, ext, `Kapot ${ext}`);
    const row = () => db.webhookDelivery.findFirstOrThrow({ where: { endpointId: hook.id }, select: { attempts: true, availableAt: true, lastStatus: true, lastError: true, deliveredAt: true, failedAt: true } });
    await processWebhookDeliveries();
    const first = await row();
    expect(first).toMatchObject({ attempts: 1, lastStatus: 500, lastError: "HTTP 500", deliveredAt: null, failedAt: null });
    expect(first.availableAt.getTime() - Date.now()).toBeGreaterThan(webhookBackoffMs(1) - 2000);
    // Not due yet: nothing is sent.
    await processWebhookDeliveries();
    expect((await row()).attempts).toBe(1);
    // Due later: tried again, and the wait doubles.
    await processWebhookDeliveries(new Date(Date.now() + webhookBackoffMs(1) + 1000));
    expect((await row()).attempts).toBe(2);
    expect(webhookBackoffMs(2)).toBe(2 * webhookBackoffMs(1));
    expect(webhookBackoffMs(30)).toBe(3_600_000);
    await removeWebhook(admin, hook.id);
    expect((await row()).failedAt).not.toBeNull();
    await importOne(km, uid("wr-"), "Na het verwijderen");
    expect(await db.webhookDelivery.count({ where: { endpointId: hook.id } })).toBe(1);
    expect(entryId).toBeTruthy();
  });

  it("refuse addresses that are not http(s), and are for admins only", async () => {
    for (const url of ["file:///etc/passwd", "javascript:alert(1)", "ftp://example.org/x", "data:text/plain,x", "gopher://x", "http://", "//evil.example/x", "https://user:pw@example.org/", `https://example.org/${"a".repeat(500)}`, "", "   "]) {
      expect(WebhookUrlSchema.safeParse(url).success, url).toBe(false);
    }
    expect(WebhookUrlSchema.safeParse("https://crm.bank.example/hooks/gilde").success).toBe(true);
    expect(WebhookIntentSchema.safeParse({ intent: "create", url: "https://x.example", events: [] }).success).toBe(false);
    expect(WebhookIntentSchema.safeParse({ intent: "create", url: "https://x.example", events: ["entry.deleted"] }).success).toBe(false);
    for (const role of ["EMPLOYEE", "KNOWLEDGE_MANAGER", "DEPARTMENT_HEAD"] as const) {
      const user = await makeUser({ role });
      await expect(createWebhook(await actorFor(user), { url: "https://x.example", events: ["entry.published"] })).rejects.toMatchObject({ status: 403 });
      const cookie = (await createSession(new Request("http://localhost:3000/login"), user.id)).split(";")[0];
      const page = await route.loader({ request: new Request("http://localhost:3000/admin/webhooks", { headers: { cookie } }), params: {}, context: { cspNonce: "" } }).catch((r: unknown) => r as Response);
      expect((page as Response).status, role).toBe(403);
      const post = await route
        .action({ request: new Request("http://localhost:3000/admin/webhooks", { method: "POST", headers: { cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: "formId=webhook-create&intent=create&url=https%3A%2F%2Fx.example&events=entry.published" }), params: {}, context: { cspNonce: "" } })
        .catch((r: unknown) => r as Response);
      expect((post as Response).status, role).toBe(403);
    }
    // The admin's form: a hostile address is the field's error (400), never stored.
    const admin = await makeUser({ role: "ADMIN" });
    const cookie = (await createSession(new Request("http://localhost:3000/login"), admin.id)).split(";")[0];
    const count = await db.webhookEndpoint.count();
    for (const body of ["formId=webhook-create&intent=create&url=file%3A%2F%2F%2Fetc%2Fpasswd&events=entry.published", "formId=webhook-create&intent=create&url=&events=", `formId=webhook-create&intent=create&url=https://x.example/${"a".repeat(1024 * 1024)}&events=entry.published`, "formId=webhook-remove-x&intent=remove&endpointId=..%2F"]) {
      const res = (await route.action({ request: new Request("http://localhost:3000/admin/webhooks", { method: "POST", headers: { cookie, "Content-Type": "application/x-www-form-urlencoded" }, body }), params: {}, context: { cspNonce: "" } })) as Response;
      expect(res.status).toBe(400);
    }
    expect(await db.webhookEndpoint.count()).toBe(count);
  });
});
