/**
 * The knowledge base in and out as JSON Lines: what `npm run kb:import` and `npm run kb:export` do,
 * written as functions that take their output channel, so tests and the search evaluation run the
 * very same path. Like the seed, these put data into the database from outside the app; the app's
 * own rules apply because the import goes through a command (app/commands/import-entries.server.ts).
 *
 * The import writes entries and search outbox rows; the running app's outbox worker makes them
 * searchable (or the app does when it next starts), as for any other change.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { db } from "~/utils/db.server";
import { loadActor } from "~/models/actor.server";
import { listLiveEntriesForExport } from "~/models/entry.server";
import { canManageKnowledge } from "~/policies/policies";
import type { Role } from "~/schemas/enums";
import { exportJsonLines, parseEntryLines, type LineError } from "~/schemas/entry-import";
import { importEntries, type ImportSummary } from "~/commands/import-entries.server";

/** Where a run reports: whole lines, and a progress line a terminal may overwrite. */
export type ExchangeOutput = { line: (text: string) => void; progress: (text: string) => void };

export type ImportRun =
  | { ok: true; summary: ImportSummary; entryIds: string[]; dryRun: boolean }
  | { ok: false; reason: "invalid"; errors: LineError[] }
  | { ok: false; reason: "user" | "file"; message: string };

/** The terminal: progress rewrites one line when it is a terminal, and is left out when it is not. */
export function terminalOutput(stream: NodeJS.WriteStream = process.stdout): ExchangeOutput {
  let open = false;
  return {
    line: (text) => {
      if (open) stream.write("\n");
      open = false;
      stream.write(text + "\n");
    },
    progress: (text) => {
      if (!stream.isTTY) return;
      stream.write(`\r${text}\x1b[K`);
      open = true;
    },
  };
}

function printErrors(out: ExchangeOutput, errors: LineError[]) {
  for (const error of [...errors].sort((a, b) => a.line - b.line)) {
    for (const message of error.messages) out.line(`  line ${error.line}: ${message}`);
  }
}

export function describeSummary(summary: ImportSummary, dryRun: boolean): string {
  const parts = dryRun
    ? [`would create ${summary.created}`, `update ${summary.updated}`, `leave ${summary.unchanged} unchanged`]
    : [`${summary.created} created`, `${summary.updated} updated`, `${summary.unchanged} unchanged`];
  if (summary.archived) parts.push(`${summary.archived} archived (left alone)`);
  return (dryRun ? "Dry run, nothing written: " : "Done: ") + parts.join(", ") + ".";
}

/**
 * Imports a JSON Lines file as the user with this e-mail address, who must be a knowledge manager
 * or an admin. Every line is validated (and every community looked up) before the first write.
 */
export async function runImport(file: string, as: string, options: { dryRun?: boolean; out: ExchangeOutput }): Promise<ImportRun> {
  const { out } = options;
  const dryRun = options.dryRun ?? false;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const message = `Cannot read ${file}: ${error instanceof Error ? error.message : error}`;
    out.line(message);
    return { ok: false, reason: "file", message };
  }

  const parsed = parseEntryLines(text);
  if (!parsed.ok) {
    out.line(`${file}: ${parsed.errors.length} line(s) with errors, nothing imported:`);
    printErrors(out, parsed.errors);
    return { ok: false, reason: "invalid", errors: parsed.errors };
  }

  const user = await db.user.findUnique({ where: { email: as.trim().toLowerCase() }, select: { id: true, name: true, role: true, departmentId: true, disabledAt: true } });
  if (!user || user.disabledAt) {
    const message = `No active user with the e-mail address ${as}.`;
    out.line(message);
    return { ok: false, reason: "user", message };
  }
  const actor = await loadActor({ id: user.id, role: user.role as Role, departmentId: user.departmentId });
  if (!canManageKnowledge(actor)) {
    const message = `${user.name} (${as}) is not a knowledge manager or an admin: only they publish entries.`;
    out.line(message);
    return { ok: false, reason: "user", message };
  }

  const count = parsed.entries.length;
  out.line(`${dryRun ? "Checking" : "Importing"} ${count} ${count === 1 ? "entry" : "entries"} from ${file} as ${user.name}…`);
  const result = await importEntries(actor, parsed.entries, {
    dryRun,
    onProgress: ({ done, total, entry, outcome }) => out.progress(`  ${done}/${total} ${outcome.padEnd(9)} ${entry.externalId}`),
  });
  if (!result.ok) {
    out.line(`${file}: ${result.errors.length} line(s) with errors, nothing imported:`);
    printErrors(out, result.errors);
    return { ok: false, reason: "invalid", errors: result.errors };
  }
  out.line(describeSummary(result.summary, dryRun));
  if (!dryRun && result.summary.created + result.summary.updated > 0) {
    out.line("Search: the running app indexes the changes within a second; otherwise it does so when it starts.");
  }
  return { ok: true, summary: result.summary, entryIds: result.entryIds, dryRun };
}

/** Writes every live entry to a JSON Lines file in the import's shape; returns how many. */
export async function runExport(file: string, out: ExchangeOutput): Promise<number> {
  const entries = await listLiveEntriesForExport();
  writeFileSync(file, exportJsonLines(entries), "utf8");
  out.line(`Exported ${entries.length} ${entries.length === 1 ? "entry" : "entries"} to ${file}.`);
  return entries.length;
}
