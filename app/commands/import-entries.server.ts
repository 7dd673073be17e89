/**
 * Publishing a whole knowledge base from another system (npm run kb:import): each validated line
 * becomes an entry published by the knowledge manager, or a new version of the entry imported
 * earlier under the same externalId. One command per entry, so a long import never holds the
 * database's write lock for long, and each entry is searchable as soon as it is written.
 */
import { db, type Tx } from "~/utils/db.server";
import { addDays } from "~/utils/dates";
import { parseEntryLines, type ImportedEntry, type LineError } from "~/schemas/entry-import";
import { parseRichText } from "~/schemas/rich-text";
import { canManageKnowledge, isActive, type Actor } from "~/policies/policies";
import { CommandError } from "./errors";
import { runCommand } from "./runner.server";
import { REVIEW_AFTER_DAYS, saveVersion } from "./curate-note.server";
import { queueEntryWebhooks } from "~/models/webhook.server";

/** The version summary of an imported change (shown in the entry's history). */
export const IMPORT_SUMMARY = "import";

/** What an import does to one line: a new entry, a new version, nothing, or nothing because it was archived. */
export type ImportOutcome = "created" | "updated" | "unchanged" | "archived";

export type ImportSummary = Record<ImportOutcome, number>;

/** `entryId`: the entry the line wrote or would write to; null when a dry run would create it. */
export type ImportProgress = { done: number; total: number; entry: ImportedEntry; outcome: ImportOutcome; entryId: string | null };

export type ImportResult = { ok: true; summary: ImportSummary; entryIds: string[] } | { ok: false; errors: LineError[] };

type Reader = Tx | typeof db;

/** The stored body compared in the validator's clean form, so an entry saved by older code is not "changed" by its own export. */
function sameBody(stored: string, imported: string): boolean {
  if (stored === imported) return true;
  const clean = parseRichText(stored);
  return clean.ok && clean.json === imported;
}

const sameTags = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");

/**
 * The entry this line imported before: the one with its externalId, or, for a line written by
 * kb:export from an entry that had none, the entry whose id it carries.
 */
async function findImported(reader: Reader, externalId: string) {
  return reader.entry.findFirst({
    where: { OR: [{ externalId }, { id: externalId, externalId: null }] },
    select: {
      id: true,
      title: true,
      bodyJson: true,
      communityId: true,
      state: true,
      version: true,
      externalId: true,
      tags: { select: { tag: { select: { name: true } } } },
    },
  });
}

function outcomeFor(existing: Awaited<ReturnType<typeof findImported>>, entry: ImportedEntry, communityId: string | null): ImportOutcome {
  if (!existing) return "created";
  // Archiving is a knowledge manager's decision about the entry; a re-import does not undo it.
  if (existing.state === "ARCHIVED") return "archived";
  const unchanged =
    existing.title === entry.title &&
    sameBody(existing.bodyJson, entry.body.json) &&
    existing.communityId === communityId &&
    sameTags(existing.tags.map((t) => t.tag.name), entry.tags);
  return unchanged ? "unchanged" : "updated";
}

/** Community slugs to ids; a slug that names no active community is an error on each line that uses it. */
async function resolveCommunities(entries: ImportedEntry[]): Promise<{ ids: Map<string, string>; errors: LineError[] }> {
  const slugs = [...new Set(entries.map((e) => e.community).filter((s): s is string => s !== null))];
  const rows = slugs.length ? await db.community.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true, status: true } }) : [];
  const ids = new Map(rows.filter(isActive).map((c) => [c.slug, c.id]));
  const archived = new Set(rows.filter((c) => !isActive(c)).map((c) => c.slug));
  const errors: LineError[] = [];
  for (const entry of entries) {
    if (entry.community === null || ids.has(entry.community)) continue;
    const why = archived.has(entry.community) ? "is archived" : "does not exist";
    errors.push({ line: entry.line, messages: [`community: "${entry.community}" ${why}`] });
  }
  return { ids, errors };
}

async function importOne(actor: Actor, entry: ImportedEntry, communityId: string | null): Promise<{ outcome: ImportOutcome; entryId: string }> {
  return runCommand(actor, async ({ tx, audit, enqueue }) => {
    // Read again inside the transaction: another import may have written this externalId meanwhile.
    const existing = await findImported(tx, entry.externalId);
    const outcome = outcomeFor(existing, entry, communityId);
    const content = { title: entry.title, body: entry.body, tags: entry.tags };
    const now = new Date();
    if (!existing) {
      const created = await tx.entry.create({
        data: {
          externalId: entry.externalId,
          title: entry.title,
          bodyJson: entry.body.json,
          bodyText: entry.body.text,
          communityId,
          ownerId: actor.id,
          reviewBy: addDays(now, REVIEW_AFTER_DAYS),
          lastReviewedAt: now,
        },
        select: { id: true },
      });
      await saveVersion(tx, created.id, 1, actor.id, content, IMPORT_SUMMARY);
      await audit({ action: "entry.import", targetType: "entry", targetId: created.id, details: { externalId: entry.externalId, version: 1 } });
      await enqueue("entries", created.id);
      await queueEntryWebhooks(tx, "entry.published", created.id);
      return { outcome, entryId: created.id };
    }
    if (outcome !== "updated") return { outcome, entryId: existing.id };
    const version = existing.version + 1;
    await tx.entry.update({
      where: { id: existing.id },
      data: {
        externalId: entry.externalId,
        title: entry.title,
        bodyJson: entry.body.json,
        bodyText: entry.body.text,
        communityId,
        version,
        lastReviewedAt: now,
      },
    });
    await saveVersion(tx, existing.id, version, actor.id, content, IMPORT_SUMMARY);
    await audit({ action: "entry.import", targetType: "entry", targetId: existing.id, details: { externalId: entry.externalId, version } });
    await enqueue("entries", existing.id);
    await queueEntryWebhooks(tx, "entry.changed", existing.id);
    return { outcome, entryId: existing.id };
  });
}

/**
 * Imports validated lines as the actor, a knowledge manager or admin. Communities are checked for
 * every line before the first write; a dry run stops there and counts what would happen.
 */
export async function importEntries(
  actor: Actor,
  entries: ImportedEntry[],
  options: { dryRun?: boolean; onProgress?: (progress: ImportProgress) => void } = {},
): Promise<ImportResult> {
  if (!canManageKnowledge(actor)) throw CommandError.forbidden();
  const communities = await resolveCommunities(entries);
  if (communities.errors.length) return { ok: false, errors: communities.errors };
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, archived: 0 };
  const entryIds: string[] = [];
  for (const [index, entry] of entries.entries()) {
    const communityId = entry.community === null ? null : communities.ids.get(entry.community)!;
    let outcome: ImportOutcome;
    let entryId: string | null = null;
    if (options.dryRun) {
      const existing = await findImported(db, entry.externalId);
      outcome = outcomeFor(existing, entry, communityId);
      if (existing) entryIds.push((entryId = existing.id));
    } else {
      const result = await importOne(actor, entry, communityId);
      outcome = result.outcome;
      entryIds.push((entryId = result.entryId));
    }
    summary[outcome] += 1;
    options.onProgress?.({ done: index + 1, total: entries.length, entry, outcome, entryId });
  }
  return { ok: true, summary, entryIds };
}

export type ImportedLine = { line: number; externalId: string; title: string; outcome: ImportOutcome; entryId: string | null };

export type TextImportResult = { ok: true; dryRun: boolean; summary: ImportSummary; lines: ImportedLine[] } | { ok: false; errors: LineError[] };

/**
 * A JSON Lines text from the import page or the API: every line checked, then imported (or, for a dry
 * run, counted) with what happened to each line. Nothing is written when one line is wrong.
 */
export async function importEntriesFromText(actor: Actor, text: string, options: { dryRun: boolean }): Promise<TextImportResult> {
  if (!canManageKnowledge(actor)) throw CommandError.forbidden();
  const parsed = parseEntryLines(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const lines: ImportedLine[] = [];
  const result = await importEntries(actor, parsed.entries, {
    dryRun: options.dryRun,
    onProgress: ({ entry, outcome, entryId }) => lines.push({ line: entry.line, externalId: entry.externalId, title: entry.title, outcome, entryId }),
  });
  if (!result.ok) return { ok: false, errors: result.errors };
  return { ok: true, dryRun: options.dryRun, summary: result.summary, lines };
}
