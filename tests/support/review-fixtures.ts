/**
 * Rows of the knowledge lifecycle made directly, with the dates a test needs: entries with review dates,
 * feedback, flags, submitted notes. The work queue and the review tests compute their expectations by
 * hand from these dates.
 */
import { db } from "~/utils/db.server";
import { body, uid } from "./factories";

export const at = (iso: string) => new Date(iso);

export async function makeTag(name: string, reviewIntervalDays: number | null = null) {
  return db.tag.upsert({ where: { name }, create: { name, reviewIntervalDays }, update: { reviewIntervalDays }, select: { id: true, name: true } });
}

export async function makeEntry(opts: {
  ownerId: string;
  communityId?: string | null;
  title?: string;
  state?: "PUBLISHED" | "NEEDS_REVIEW" | "ARCHIVED";
  createdAt?: Date;
  lastReviewedAt?: Date | null;
  reviewBy?: Date | null;
  tags?: string[];
}) {
  const title = opts.title ?? `Artikel ${uid()}`;
  const content = body(`${title}: zo doe je het.`);
  const createdAt = opts.createdAt ?? at("2025-01-06T09:00:00Z");
  const entry = await db.entry.create({
    data: {
      title,
      bodyJson: content.json,
      bodyText: content.text,
      communityId: opts.communityId ?? null,
      ownerId: opts.ownerId,
      state: opts.state ?? "PUBLISHED",
      createdAt,
      updatedAt: createdAt,
      lastReviewedAt: opts.lastReviewedAt === undefined ? createdAt : opts.lastReviewedAt,
      reviewBy: opts.reviewBy === undefined ? null : opts.reviewBy,
      archivedAt: opts.state === "ARCHIVED" ? createdAt : null,
      versions: { create: { version: 1, title, bodyJson: content.json, bodyText: content.text, tags: JSON.stringify(opts.tags ?? []), editorId: opts.ownerId, summary: "publish:Test", createdAt } },
    },
    select: { id: true, title: true },
  });
  for (const name of opts.tags ?? []) {
    const tag = await db.tag.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } });
    await db.entryTag.create({ data: { entryId: entry.id, tagId: tag.id } });
  }
  return entry;
}

export async function giveFeedback(entryId: string, userId: string, helpful: boolean, createdAt: Date, reason: string | null = null) {
  return db.feedback.create({ data: { entryId, userId, helpful, createdAt, reason }, select: { id: true } });
}

export async function makeNote(opts: {
  authorId: string;
  communityId?: string | null;
  kind?: "FIELD_NOTE" | "QUESTION";
  state?: "SUBMITTED" | "MERGED" | "DECLINED" | "PUBLISHED";
  createdAt: Date;
  title?: string;
  tags?: string[];
  entryId?: string;
  decidedAt?: Date;
  assigneeId?: string;
}) {
  const title = opts.title ?? `Notitie ${uid()}`;
  const content = body(`${title}: wat werkte.`);
  const note = await db.note.create({
    data: {
      kind: opts.kind ?? "FIELD_NOTE",
      authorId: opts.authorId,
      communityId: opts.communityId ?? null,
      title,
      bodyJson: content.json,
      bodyText: content.text,
      state: opts.state ?? "SUBMITTED",
      createdAt: opts.createdAt,
      entryId: opts.entryId,
      decidedAt: opts.decidedAt,
      assigneeId: opts.assigneeId,
    },
    select: { id: true, title: true },
  });
  for (const name of opts.tags ?? []) {
    const tag = await db.tag.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } });
    await db.noteTag.create({ data: { noteId: note.id, tagId: tag.id } });
  }
  return note;
}

export async function makeFlag(opts: { entryId: string; userId: string; reason?: string; createdAt: Date; state?: string; assigneeId?: string }) {
  return db.flag.create({
    data: { entryId: opts.entryId, userId: opts.userId, reason: opts.reason ?? "OUTDATED", comment: "Klopt niet meer.", createdAt: opts.createdAt, state: opts.state ?? "OPEN", assigneeId: opts.assigneeId },
    select: { id: true },
  });
}
