/**
 * The run file: `<database>.running`, written by the server while it serves that database and
 * removed when it stops. `npm run restore` refuses while the process it names is alive; a file
 * left by a killed server names a dead process and is ignored (docs/decisions/0048).
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export function databaseFile(databaseUrl: string): string | undefined {
  if (!databaseUrl.startsWith("file:")) return undefined;
  return path.resolve(databaseUrl.slice("file:".length).split("?")[0]);
}

export function runFilePath(databaseUrl: string): string | undefined {
  const file = databaseFile(databaseUrl);
  return file ? `${file}.running` : undefined;
}

export function writeRunFile(databaseUrl: string, port: number): void {
  const file = runFilePath(databaseUrl);
  if (file) writeFileSync(file, JSON.stringify({ pid: process.pid, port, startedAt: new Date().toISOString() }) + "\n");
}

export function removeRunFile(databaseUrl: string): void {
  const file = runFilePath(databaseUrl);
  if (!file) return;
  try {
    // Only our own: a second server on the same database must not remove the first one's.
    if ((JSON.parse(readFileSync(file, "utf8")) as { pid?: number }).pid === process.pid) rmSync(file, { force: true });
  } catch {
    // already gone
  }
}

/** The server that has this database open, if one runs. */
export function runningServer(databaseUrl: string): { pid: number; port: number } | undefined {
  const file = runFilePath(databaseUrl);
  if (!file) return undefined;
  let recorded: { pid?: number; port?: number };
  try {
    recorded = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
  if (typeof recorded.pid !== "number") return undefined;
  try {
    process.kill(recorded.pid, 0);
  } catch (error) {
    // EPERM: alive, but another user's process.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return undefined;
  }
  return { pid: recorded.pid, port: recorded.port ?? 0 };
}
