/**
 * E-mail on a real SMTP server started here: notification mails (recipient, language, links, once), the
 * queue through an outage, a worker killed in the middle of the queue and another one taking over, and a
 * malformed SMTP_URL stopping the boot.
 */
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { runCommand } from "~/commands/runner.server";
import { CLAIM_MS, enqueueMail, messageId, processMailQueue } from "~/mail/queue.server";
import { queueNotificationMails } from "~/mail/notification-mail.server";
import { runMailPass } from "~/mail/worker.server";
import { body, makeCommunity, makeDepartment, makeUser, uid } from "../support/factories";
import { TestSmtpServer } from "../support/smtp";

const APP_URL = "https://gilde.example.org";
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await TestSmtpServer.start();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Gilde <gilde@example.org>";
  process.env.APP_URL = APP_URL;
  resetEnvCache();
});

afterAll(async () => {
  await smtp.stop();
});

// Each test starts with an empty queue: what earlier tests left is not theirs to send.
beforeEach(async () => {
  await db.mailMessage.deleteMany();
  await db.notification.updateMany({ where: { mailedAt: null }, data: { mailedAt: new Date() } });
  smtp.hold = undefined;
});

async function publishedEntry(communityId: string | null, ownerId: string, title = `Artikel ${uid()}`) {
  const content = body("Inhoud");
  return db.entry.create({ data: { title, bodyJson: content.json, bodyText: content.text, communityId, ownerId } });
}

async function notify(recipientId: string, input: { type: "note.published" | "note.declined" | "activity.scheduled"; subjectType: string; subjectId: string; communityId?: string | null; data?: Record<string, unknown> }) {
  await runCommand(null, ({ notify }) => notify({ recipientIds: [recipientId], ...input }));
}

describe("notification mails", () => {
  it("arrive once, to the right person, in their language, with a link to the subject and to the preferences", async () => {
    const department = await makeDepartment();
    const anna = await makeUser({ locale: "nl", name: "Anna" });
    const dan = await makeUser({ locale: "en", name: "Dan" });
    const community = await makeCommunity({ departmentId: department.id, memberIds: [anna.id, dan.id] });
    const entry = await publishedEntry(community.id, anna.id, "Getrouwheidspremie <na> opname");
    for (const person of [anna, dan]) await notify(person.id, { type: "note.published", subjectType: "entry", subjectId: entry.id, communityId: community.id, data: { title: entry.title } });

    await runMailPass();
    await runMailPass();

    const [toAnna] = [smtp.to(anna.email), smtp.to(dan.email)].map((mails) => {
      expect(mails).toHaveLength(1);
      return mails[0];
    });
    expect(toAnna.parsed.subject).toBe("Je notitie is gepubliceerd: Getrouwheidspremie <na> opname");
    expect(toAnna.parsed.text).toContain(`${APP_URL}/entries/${entry.id}`);
    expect(toAnna.parsed.text).toContain(`${APP_URL}/settings/notifications`);
    expect(toAnna.parsed.html).toContain("Getrouwheidspremie &lt;na&gt; opname");
    expect(toAnna.parsed.from?.text).toContain("gilde@example.org");
    const toDan = smtp.to(dan.email)[0];
    expect(toDan.parsed.subject).toBe("Your note was published: Getrouwheidspremie <na> opname");
    expect(toDan.parsed.text).toContain("Hello Dan,");

    const row = await db.mailMessage.findUniqueOrThrow({ where: { dedupeKey: `notification:${(await db.notification.findFirstOrThrow({ where: { recipientId: anna.id } })).id}` } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1, to: anna.email });
    expect(toAnna.parsed.messageId).toBe(messageId(row.id));
    expect(await db.notification.count({ where: { recipientId: { in: [anna.id, dan.id] }, mailedAt: null } })).toBe(0);
  });

  it("never mail what the person may not see, nor what they turned off or already read", async () => {
    const department = await makeDepartment();
    const outsider = await makeUser();
    const quiet = await makeUser();
    const reader = await makeUser();
    const closed = await makeCommunity({ departmentId: department.id, visibility: "CLOSED", memberIds: [quiet.id, reader.id] });
    const entry = await publishedEntry(closed.id, quiet.id);
    await db.notificationPreference.create({ data: { userId: quiet.id, emailEnabled: false } });
    for (const person of [outsider, quiet, reader]) await notify(person.id, { type: "activity.scheduled", subjectType: "activity", subjectId: uid(), communityId: closed.id, data: { title: "Intervisie" } });
    // Sending already leaves the outsider out; one written while they were a member (they left since) is
    // what the mail's own check is for.
    expect(await db.notification.count({ where: { recipientId: outsider.id } })).toBe(0);
    await db.notification.create({ data: { recipientId: outsider.id, type: "activity.scheduled", subjectType: "activity", subjectId: uid(), communityId: closed.id, data: JSON.stringify({ title: "Intervisie" }) } });
    await db.notification.updateMany({ where: { recipientId: reader.id }, data: { readAt: new Date() } });

    const run = await queueNotificationMails();
    expect(run).toEqual({ handled: 3, queued: 0 });
    expect(await db.notification.count({ where: { recipientId: { in: [outsider.id, quiet.id, reader.id] }, mailedAt: null } })).toBe(0);
    expect(entry.id).toBeTruthy();
  });

  it("without SMTP_URL marks notifications handled and sends nothing", async () => {
    const person = await makeUser();
    await notify(person.id, { type: "note.declined", subjectType: "note", subjectId: uid(), data: { title: "X", reason: "Dubbel" } });
    delete process.env.SMTP_URL;
    resetEnvCache();
    try {
      expect(await queueNotificationMails()).toEqual({ handled: 1, queued: 0 });
      expect(await processMailQueue()).toEqual({ claimed: 0, sent: 0, failed: 0 });
    } finally {
      process.env.SMTP_URL = smtp.url;
      resetEnvCache();
    }
    expect(await db.mailMessage.count()).toBe(0);
  });
});

async function queue(count: number, prefix = uid("m")) {
  const addresses = Array.from({ length: count }, (_, i) => `${prefix}-${i}@test.gilde`);
  await db.$transaction(async (tx) => {
    for (const [i, to] of addresses.entries()) await enqueueMail(tx, { dedupeKey: `${prefix}:${i}`, recipientId: null, to, subject: `Test ${i}`, text: "Tekst", html: "<p>Tekst</p>" });
  });
  return addresses;
}

describe("the mail queue", () => {
  it("keeps a mail while the SMTP server is down, backs off, and delivers it once when it is back", async () => {
    const [to] = await queue(1);
    await smtp.stop();
    const down = await processMailQueue();
    expect(down).toMatchObject({ claimed: 1, sent: 0, failed: 1 });
    const waiting = await db.mailMessage.findFirstOrThrow({ where: { to } });
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 1, lockedUntil: null });
    expect(waiting.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    // Not due yet: the next pass leaves it alone.
    expect((await processMailQueue()).claimed).toBe(0);

    await smtp.listen();
    expect(await processMailQueue({ now: new Date(waiting.nextAttemptAt.getTime() + 1) })).toMatchObject({ claimed: 1, sent: 1 });
    expect(await processMailQueue({ now: new Date(Date.now() + 86_400_000) })).toMatchObject({ claimed: 0 });
    expect(smtp.to(to)).toHaveLength(1);
    expect(await db.mailMessage.findFirstOrThrow({ where: { to } })).toMatchObject({ status: "SENT", attempts: 2 });
    // Backoff grows with each failure.
    await smtp.stop();
    const [second] = await queue(1);
    await processMailQueue();
    const first = await db.mailMessage.findFirstOrThrow({ where: { to: second } });
    await processMailQueue({ now: new Date(first.nextAttemptAt.getTime() + 1) });
    const again = await db.mailMessage.findFirstOrThrow({ where: { to: second } });
    expect(again.attempts).toBe(2);
    expect(again.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(first.nextAttemptAt.getTime() - Date.now() + 20_000);
    await smtp.listen();
  });

  it("a worker killed in the middle of the queue: the next one sends the rest, nothing twice", async () => {
    const addresses = await queue(5);
    // node with tsx's loader, one process: the tsx command would start the worker as a child of its own.
    const worker = ["--import", "tsx", path.resolve("tests/support/mail-worker.ts")];
    const child = spawn(process.execPath, worker, { env: { ...process.env }, stdio: ["ignore", "pipe", "pipe"] });
    let killed!: () => void;
    const wasKilled = new Promise<void>((resolve) => (killed = resolve));
    // The third message: the first worker dies while the server has not answered yet.
    const before = smtp.received.length;
    let triggered = false;
    smtp.hold = async () => {
      if (triggered || smtp.received.length !== before + 2) return;
      triggered = true;
      child.kill("SIGKILL");
      killed();
      await new Promise((resolve) => setTimeout(resolve, 200));
    };
    await wasKilled;
    await new Promise((resolve) => child.once("exit", resolve));
    smtp.hold = undefined;
    expect(smtp.received.filter((m) => addresses.includes(m.to[0]))).toHaveLength(2);
    const claimed = await db.mailMessage.findMany({ where: { to: { in: addresses }, status: "SENDING" } });
    expect(claimed).toHaveLength(1);

    // A new worker (a process of its own) takes over: the claimed row waits for its claim to run out.
    // (Not spawnSync: the SMTP server lives in this process and must go on answering.)
    const second = spawn(process.execPath, worker, { env: { ...process.env }, stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    second.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await new Promise((resolve) => second.once("exit", resolve));
    expect(JSON.parse(output.trim())).toMatchObject({ claimed: 2, sent: 2 });
    // After the claim's time the row is due again and goes once.
    expect(await processMailQueue({ now: new Date(Date.now() + CLAIM_MS + 1000) })).toMatchObject({ claimed: 1, sent: 1 });
    expect(await processMailQueue({ now: new Date(Date.now() + 2 * CLAIM_MS) })).toMatchObject({ claimed: 0 });
    for (const to of addresses) expect(smtp.to(to), to).toHaveLength(1);
    expect(await db.mailMessage.count({ where: { to: { in: addresses }, status: "SENT" } })).toBe(5);
  });
});

describe("boot", () => {
  it("a malformed SMTP_URL stops the app with a message naming the variable", () => {
    const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["server/main.ts"], {
      env: { ...process.env, SMTP_URL: "mail.example.org:25", MAIL_FROM: "gilde@example.org", MEILI_HOST: "", MEILI_MASTER_KEY: "" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Gilde cannot start.");
    expect(result.stderr).toMatch(/SMTP_URL: must be a URL such as smtp:\/\//);
    const noSender = spawnSync(path.resolve("node_modules/.bin/tsx"), ["server/main.ts"], { env: { ...process.env, SMTP_URL: "smtp://127.0.0.1:2525", MAIL_FROM: "" }, encoding: "utf8", timeout: 30_000 });
    expect(noSender.status).toBe(1);
    expect(noSender.stderr).toContain("MAIL_FROM");
  });
});
