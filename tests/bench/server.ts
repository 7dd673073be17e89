/**
 * What the benchmarks that run the real app share: building when the sources are newer than the
 * build, the server as a child process in its own process group (and its CPU time), waiting for it,
 * signing in over HTTP, and the machine and code version a run measured.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import type http from "node:http";
import path from "node:path";
import { ROOT } from "./harness";
import { request, sleep } from "./http";

export { ROOT } from "./harness";

type Log = (message: string) => void;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    const st = statSync(file);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(file) : st.mtimeMs);
  }
  return newest;
}

/** `npx remix build` when build/ is missing or older than app/ (BENCH_BUILD=always|never|auto). */
export function buildIfNeeded(log: Log) {
  const mode = process.env.BENCH_BUILD ?? "auto";
  const buildFile = path.join(ROOT, "build/index.js");
  const stale = !existsSync(buildFile) || statSync(buildFile).mtimeMs < newestMtime(path.join(ROOT, "app"));
  if (mode === "never" || (mode === "auto" && !stale)) {
    log(`build: using the existing build/ (${stale ? "older than app/ sources!" : "up to date"})`);
    return;
  }
  log("build: npx remix build");
  // The servers run with NODE_ENV=production: a build made under vitest's NODE_ENV=test would be a development build (jsxDEV).
  const result = spawnSync("npx", ["remix", "build"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new Error(`remix build failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * The server's environment: the benchmark's database and Meilisearch folder, nothing inherited that points
 * elsewhere, and rate limits off (one benchmark user sends more than a person may; load shedding stays).
 */
export function benchServerEnv(base: { databaseUrl: string; meiliDir: string; indexPrefix: string }, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith("MEILI_") || key.startsWith("RATE_LIMIT_") || key.startsWith("LOAD_") || key === "HOST" || key === "OUTBOX_POLL_MS" || key === "SEARCH_TIMEOUT_MS") delete env[key];
  return {
    ...env,
    DATABASE_URL: base.databaseUrl,
    SEED_DEMO: "never",
    MEILI_DATA_DIR: base.meiliDir,
    MEILI_INDEX_PREFIX: base.indexPrefix,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    RATE_LIMIT_WRITES: "0",
    RATE_LIMIT_SEARCHES: "0",
    RATE_LIMIT_PDFS: "0",
    ...extra,
  };
}

/** The app server (`npx tsx server/main.ts`) as a child process; its output goes to `logFile`. */
export class BenchServer {
  private child: ChildProcess | undefined;
  private exited = false;
  private seenWarnings = new Set<string>();
  /** The last 20 000 characters the server printed. */
  output = "";

  constructor(private readonly log: Log) {}

  /** Starts the server; after stop() it can be started again (another configuration, same data). */
  start(env: NodeJS.ProcessEnv, logFile: string, nodeOptions: string[] = []) {
    this.exited = false;
    const out = createWriteStream(logFile);
    // Own process group, so the whole tree (npx → tsx → node → meilisearch) gets the SIGTERM. Options for node
    // itself (--cpu-prof, which NODE_OPTIONS may not carry) mean starting node with tsx's loader directly.
    this.child = nodeOptions.length
      ? spawn(process.execPath, [...nodeOptions, "--import", "tsx", "server/main.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true })
      : spawn("npx", ["tsx", "server/main.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const onData = (chunk: Buffer) => {
      out.write(chunk);
      this.output = (this.output + chunk.toString()).slice(-20_000);
      for (const line of chunk.toString().split("\n")) {
        if (!line.trim() || /nodedir|npm warn/i.test(line)) continue;
        // Repeated warnings (the same text every time) are shown once; the log file has them all.
        const key = line.replace(/\(node:\d+\)/, "");
        if (/Warning/.test(line)) {
          if (this.seenWarnings.has(key)) continue;
          this.seenWarnings.add(key);
        }
        this.log(`  [server] ${line}`);
      }
    };
    this.child.stdout?.on("data", onData);
    this.child.stderr?.on("data", onData);
    this.child.on("exit", () => (this.exited = true));
  }

  get hasExited() {
    return this.exited;
  }

  /** Polls `check` every 250 ms; fails at once if the server exits meanwhile. */
  async waitFor(what: string, timeoutMs: number, check: () => Promise<boolean>) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.exited) throw new Error(`the server exited while waiting for ${what}:\n${this.output.slice(-3000)}`);
      if (await check().catch(() => false)) return;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
      await sleep(250);
    }
  }

  /** The Node.js process that runs the app (the deepest process of the tree running server/main.ts). */
  appPid(): number | null {
    const pids = this.appPids();
    return pids.length ? pids[pids.length - 1] : null;
  }

  /**
   * Every Node.js process of the app: one, or with WEB_CONCURRENCY above 1 the cluster's primary and its app
   * processes (the wrappers — shells, npx, tsx's command line — are left out).
   */
  appPids(): number[] {
    // The app runs in node with tsx's loader (--import); the shells, npm exec and tsx's command line only pass it on.
    return this.treePids((cmdline) => cmdline.includes("server/main.ts") && cmdline.includes("--import"));
  }

  /** The Meilisearch the app started (embedded mode), if any. */
  meiliPids(): number[] {
    return this.treePids((cmdline) => cmdline.split("\0")[0].endsWith("meilisearch"));
  }

  /** The processes of the server's tree whose command line passes `wanted`. */
  private treePids(wanted: (cmdline: string) => boolean): number[] {
    if (!this.child?.pid) return [];
    const parents = new Map<number, number>();
    for (const name of readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
      } catch {
        /* gone meanwhile */
      }
    }
    const found: number[] = [];
    const visit = (pid: number) => {
      try {
        if (wanted(readFileSync(`/proc/${pid}/cmdline`, "utf8"))) found.push(pid);
      } catch {
        return;
      }
      for (const [child, parent] of parents) if (parent === pid) visit(child);
    };
    visit(this.child.pid);
    return found;
  }

  async stop() {
    const child = this.child;
    if (!child?.pid || this.exited) return;
    this.log("stopping the server (SIGTERM)");
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    // npx may exit before what it started: wait for the whole group (the app, its processes, Meilisearch).
    const groupGone = async () => {
      await exited;
      while (isGroupAlive(child.pid!)) await sleep(100);
      return true;
    };
    const done = await Promise.race([groupGone(), sleep(20_000).then(() => false)]);
    if (!done) {
      this.log("server did not stop within 20 s: SIGKILL");
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
  }
}

/** Whether any process of the group is still there (signal 0 checks without sending). */
function isGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in milliseconds, from /proc/PID/stat. */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields 14 and 15 of stat (utime, stime), counted after the command name.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** Signs in through the login form; returns the session cookie ("name=value"). */
export async function logIn(agent: http.Agent, origin: string, email: string, password: string): Promise<string> {
  const form = new URLSearchParams({ email, password, redirectTo: "/search" });
  const r = await request(agent, `${origin}/login`, {
    method: "POST",
    headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
    body: form.toString(),
  });
  const setCookie = r.headers["set-cookie"] ?? [];
  const cookie = setCookie.map((c) => c.split(";")[0]).find((c) => c.startsWith("__Host-gilde_session="));
  if (r.status !== 302 || !cookie) throw new Error(`login as ${email} failed: HTTP ${r.status} ${r.body.slice(0, 300)}`);
  return cookie;
}

export { codeVersion, machine, type Machine } from "./harness";
