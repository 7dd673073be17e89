/**
 * What a background worker (mail, webhooks, search outbox, leases, sweep) says while the database is away.
 * Every tick then fails the same way, the app answers 503 meanwhile and the pool reconnects by itself once the
 * database is back: so a worker says once that the database went away and once that it is back, instead of a
 * line on every tick that buries everything else in the log. Errors of any other kind stay the worker's to log.
 */
import { isDatabaseUnavailable } from "./database-url";

export type OutageLog = {
  /** After a failed tick: true when the database was unavailable (said on the first such tick only); false for any other error. */
  failed: (error: unknown) => boolean;
  /** After a tick that reached the database: says it is back when it had been away. */
  succeeded: () => void;
  /** Whether the last tick found the database away. */
  readonly down: boolean;
};

type Lines = { warn: (line: string) => void; info: (line: string) => void };

const consoleLines: Lines = { warn: (line) => console.warn(line), info: (line) => console.log(line) };

/** `who` starts each line, e.g. "[mail] worker". */
export function databaseOutageLog(who: string, lines: Lines = consoleLines): OutageLog {
  let downSince: number | undefined;
  return {
    failed(error) {
      if (!isDatabaseUnavailable(error)) return false;
      if (downSince === undefined) {
        downSince = Date.now();
        lines.warn(`${who}: the database is unavailable; retrying quietly until it is back`);
      }
      return true;
    },
    succeeded() {
      if (downSince === undefined) return;
      lines.info(`${who}: the database is back (away for ${((Date.now() - downSince) / 1000).toFixed(1)} s)`);
      downSince = undefined;
    },
    get down() {
      return downSince !== undefined;
    },
  };
}
