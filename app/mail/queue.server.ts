/**
 * The mail queue, in the style of the search outbox (docs/decisions/0040). A MailMessage row is written in
 * the transaction that decides to mail; the worker claims a row (status SENDING, lockedUntil) before it
 * talks to the SMTP server, and marks it SENT after the server accepted it. A failure puts the row back with
 * a later nextAttemptAt, so nothing is lost while the server is down. A claim that runs out (the process died)
 * makes the row due again: delivery is at least once, and the only window for a second copy is a crash
 * between the server's acceptance and the write of SENT; the second copy carries the same Message-ID.
 */
import { hostname } from "node:os";
import nodemailer, { type Transporter } from "nodemailer";
import type { Prisma } from "@prisma/client";
import { db, type Tx } from "~/utils/db.server";
import { appUrl, getEnv } from "~/utils/env.server";
import type { MailContent } from "./templates";

export const MAIL_BATCH = 50;
/** Longer than one send can take with the transport's timeouts below, so a live claim never runs out. */
export const CLAIM_MS = 120_000;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 3_600_000;
/** A message the server refuses for good (5xx) is tried this often before it is given up as FAILED. */
const MAX_REFUSALS = 3;

export function mailBackoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/** Whether e-mail is configured at all; without SMTP_URL Gilde works in-app only. */
export function mailEnabled(): boolean {
  return Boolean(getEnv().SMTP_URL);
}

export type QueuedMail = MailContent & { dedupeKey: string; recipientId: string | null; to: string };

/**
 * Queues a mail in the caller's transaction. The dedupe key makes a second enqueue of the same mail (a job
 * run twice, a crash before its bookkeeping) a no-op.
 */
export async function enqueueMail(tx: Tx, mail: QueuedMail): Promise<void> {
  await tx.mailMessage.upsert({ where: { dedupeKey: mail.dedupeKey }, create: mail, update: {} });
}

/** Many mails at once (the digest), with the same rule: a dedupe key already queued is left as it is. */
export async function enqueueMails(tx: Tx, mails: readonly QueuedMail[]): Promise<number> {
  if (mails.length === 0) return 0;
  const queued = await tx.mailMessage.findMany({ where: { dedupeKey: { in: mails.map((m) => m.dedupeKey) } }, select: { dedupeKey: true } });
  const known = new Set(queued.map((row) => row.dedupeKey));
  const fresh = mails.filter((mail) => !known.has(mail.dedupeKey));
  if (fresh.length) await tx.mailMessage.createMany({ data: fresh });
  return fresh.length;
}

/** Deterministic per queued message: a second copy after a crash is recognisable as the same mail. */
export function messageId(id: string): string {
  return `<${id}.mail@${new URL(appUrl()).hostname || hostname()}>`;
}

let cachedTransport: { url: string; transport: Transporter } | undefined;

function transport(): Transporter {
  const url = getEnv().SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set");
  if (cachedTransport?.url !== url) {
    cachedTransport?.transport.close();
    cachedTransport = { url, transport: nodemailer.createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 }) };
  }
  return cachedTransport.transport;
}

/** The rows a worker may take now: due and waiting, or claimed by a worker whose claim ran out. */
function claimable(now: Date): Prisma.MailMessageWhereInput {
  return {
    OR: [
      { status: "PENDING", nextAttemptAt: { lte: now } },
      { status: "SENDING", lockedUntil: { lt: now } },
    ],
  };
}

export type MailRun = { claimed: number; sent: number; failed: number; error?: string };

/**
 * One pass over the due messages. Each row is claimed with a conditional update (only one worker's update
 * matches), so several workers or a restarted one never send the same row at the same time.
 */
export async function processMailQueue(options: { now?: Date; limit?: number } = {}): Promise<MailRun> {
  const run: MailRun = { claimed: 0, sent: 0, failed: 0 };
  if (!mailEnabled()) return run;
  const now = options.now ?? new Date();
  const due = await db.mailMessage.findMany({
    where: claimable(now),
    orderBy: { nextAttemptAt: "asc" },
    take: options.limit ?? MAIL_BATCH,
    select: { id: true },
  });
  const from = getEnv().MAIL_FROM!;
  for (const { id } of due) {
    const claimedUntil = new Date(Date.now() + CLAIM_MS);
    const claim = await db.mailMessage.updateMany({
      where: { id, ...claimable(now) },
      data: { status: "SENDING", lockedUntil: claimedUntil, attempts: { increment: 1 } },
    });
    if (claim.count !== 1) continue;
    run.claimed += 1;
    const mail = await db.mailMessage.findUniqueOrThrow({ where: { id }, select: { to: true, subject: true, text: true, html: true, attempts: true } });
    let failure: unknown;
    try {
      await transport().sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: messageId(id) });
    } catch (error) {
      failure = error;
    }
    if (failure === undefined) {
      // Only a failure to send puts the row back: if this write fails, the claim runs out and the mail goes again.
      await db.mailMessage.update({ where: { id }, data: { status: "SENT", sentAt: new Date(), lockedUntil: null, lastError: null } });
      run.sent += 1;
      continue;
    }
    const message = failure instanceof Error ? failure.message : String(failure);
    const code = (failure as { responseCode?: unknown }).responseCode;
    const givenUp = typeof code === "number" && code >= 500 && mail.attempts >= MAX_REFUSALS;
    await db.mailMessage.update({
      where: { id },
      data: {
        status: givenUp ? "FAILED" : "PENDING",
        lockedUntil: null,
        lastError: message.slice(0, 1000),
        nextAttemptAt: new Date(Date.now() + mailBackoffMs(mail.attempts)),
      },
    });
    run.failed += 1;
    run.error ??= message;
    // Not a refusal of this message but no server (refused connection, timeout): the others would wait the same.
    if (typeof code !== "number") break;
  }
  return run;
}

export async function pendingMailCount(): Promise<number> {
  return db.mailMessage.count({ where: { status: { in: ["PENDING", "SENDING"] } } });
}
