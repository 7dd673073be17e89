import { db } from "~/utils/db.server";
import { communityRef } from "./selects";


export async function getEntry(id: string) {
  return db.entry.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      bodyJson: true,
      bodyText: true,
      state: true,
      version: true,
      reviewBy: true,
      ownerId: true,
      helpfulCount: true,
      createdAt: true,
      updatedAt: true,
      owner: { select: { id: true, name: true } },
      community: communityRef,
      tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
    },
  });
}

/** Everything the entry page shows besides the entry: versions, contributors, the viewer's feedback. */
export async function getEntryHistory(entryId: string, viewerId: string) {
  const [versions, sourceNotes, feedback] = await Promise.all([
    db.entryVersion.findMany({
      where: { entryId },
      orderBy: { version: "desc" },
      select: { version: true, title: true, bodyText: true, tags: true, summary: true, createdAt: true, editor: { select: { name: true } } },
    }),
    db.note.findMany({
      where: { entryId, state: { in: ["PUBLISHED", "MERGED"] } },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        author: { select: { id: true, name: true } },
        // A question's accepted answer is part of the source: its author is credited too.
        acceptedAnswer: { select: { author: { select: { id: true, name: true } } } },
      },
    }),
    db.feedback.findUnique({ where: { entryId_userId: { entryId, userId: viewerId } }, select: { helpful: true, reason: true } }),
  ]);
  const contributors = new Map<string, string>();
  for (const note of sourceNotes) {
    contributors.set(note.author.id, note.author.name);
    if (note.acceptedAnswer) contributors.set(note.acceptedAnswer.author.id, note.acceptedAnswer.author.name);
  }
  return { versions, contributors: [...contributors].map(([id, name]) => ({ id, name })), viewerFeedback: feedback };
}

const versionSelect = {
  version: true,
  title: true,
  bodyJson: true,
  bodyText: true,
  tags: true,
  summary: true,
  createdAt: true,
  editor: { select: { name: true } },
} as const;

/** One version of an entry as it was saved, its tags parsed (the route checks who may see the entry). */
export async function getEntryVersion(entryId: string, version: number) {
  const row = await db.entryVersion.findUnique({ where: { entryId_version: { entryId, version } }, select: versionSelect });
  if (!row) return null;
  return { ...row, tags: parseTags(row.tags) };
}

/** The version numbers of an entry, newest first: what a comparison may choose from. */
export async function listEntryVersionNumbers(entryId: string) {
  const rows = await db.entryVersion.findMany({ where: { entryId }, orderBy: { version: "desc" }, select: { version: true } });
  return rows.map((r) => r.version);
}

function parseTags(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json || "[]");
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/**
 * Every live entry (published or needing review) in the terms of the import format (npm run
 * kb:export): an entry that was never imported is known by its own id, oldest first.
 */
export async function listLiveEntriesForExport() {
  const rows = await db.entry.findMany({
    where: { state: { not: "ARCHIVED" } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      externalId: true,
      title: true,
      bodyJson: true,
      community: { select: { slug: true } },
      tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
    },
  });
  return rows.map((row) => ({
    externalId: row.externalId ?? row.id,
    title: row.title,
    bodyJson: row.bodyJson,
    tags: row.tags.map((t) => t.tag.name),
    community: row.community?.slug ?? null,
  }));
}
