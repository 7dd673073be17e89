/**
 * Restart loop: starts the real server (tsx server/main.ts with its embedded Meilisearch), waits until
 * /healthz answers, makes a few writes, and stops it again: gracefully (SIGTERM), by kill -9 of the app
 * alone (its Meilisearch is left running), or kill -9 of the app and its Meilisearch together.
 * A boot that takes longer than the deadline is a hang: its log is printed.
 *
 *   npx tsx tests/faults/restart-loop.ts [cycles=20] [--deadline-s=90] [--port=3490] [--meili-port=7890] [--dir=tests/.tmp/restart-loop]
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
const cycles = Number(args.find((a) => /^\d+$/.test(a)) ?? 20);
const deadlineMs = Number(flag("deadline-s", "90")) * 1000;
const port = Number(flag("port", "3490"));
const meiliPort = Number(flag("meili-port", "7890"));
const dir = path.resolve(ROOT, flag("dir", "tests/.tmp/restart-loop"));
const MODES = ["SIGTERM", "kill -9 app", "kill -9 app and Meilisearch"] as const;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The Meilisearch processes that use this loop's data directory, with their parent. */
function meiliProcesses(): { pid: number; ppid: number }[] {
  const out: { pid: number; ppid: number }[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, "utf8");
      if (!cmdline.includes("meilisearch") || !cmdline.includes(path.join(dir, "meili"))) continue;
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      out.push({ pid: Number(name), ppid: Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

async function ready(deadline: number, server: ChildProcess): Promise<boolean> {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) return false;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return true;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return false;
}

async function main() {
  if (!existsSync(path.join(ROOT, "build/index.js"))) {
    console.log("Building the app first (npx remix build)...");
    spawnSync("npx", ["remix", "build"], { cwd: ROOT, stdio: "inherit" });
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const env = {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: `file:${path.join(dir, "gilde.db")}`,
    MEILI_PORT: String(meiliPort),
    MEILI_DATA_DIR: path.join(dir, "meili"),
    MEILI_HOST: "",
    MEILI_MASTER_KEY: "",
  } as NodeJS.ProcessEnv;
  const boots: number[] = [];
  const hangs: number[] = [];
  for (let cycle = 1; cycle <= cycles; cycle++) {
    const logFile = path.join(dir, `server-${cycle}.log`);
    const out = openSync(logFile, "w");
    const started = Date.now();
    const server = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["server/main.ts"], { cwd: ROOT, env, stdio: ["ignore", out, out], detached: true });
    const ok = await ready(started + deadlineMs, server);
    const bootMs = Date.now() - started;
    const mode = MODES[(cycle - 1) % MODES.length];
    if (!ok) {
      hangs.push(cycle);
      console.log(`cycle ${cycle}: NOT READY after ${bootMs} ms (exit ${server.exitCode}); log:\n${readFileSync(logFile, "utf8").slice(-3000)}`);
      console.log(`Meilisearch processes: ${JSON.stringify(meiliProcesses())}`);
    } else {
      boots.push(bootMs);
      // A few writes so a stop can land while the outbox or the database is busy.
      await fetch(`http://127.0.0.1:${port}/search?q=spaarrekening`).catch(() => undefined);
      console.log(`cycle ${cycle}: ready in ${bootMs} ms; stopping with ${mode}`);
    }
    const meili = meiliProcesses();
    if (mode === "SIGTERM" || !ok) {
      process.kill(-server.pid!, ok ? "SIGTERM" : "SIGKILL");
    } else {
      // The node process running server/main.ts is the parent of its Meilisearch.
      const app = meili[0]?.ppid;
      if (app && app !== 1) process.kill(app, "SIGKILL");
      if (mode === "kill -9 app and Meilisearch") {
        for (const m of meili) process.kill(m.pid, "SIGKILL");
        process.kill(-server.pid!, "SIGKILL");
      } else {
        // Not the process group: that would take the Meilisearch with it, which kill -9 of the app alone does not.
        process.kill(server.pid!, "SIGKILL");
      }
    }
    const stopDeadline = Date.now() + 15_000;
    while (alive(server.pid!) && Date.now() < stopDeadline) await sleep(50);
    if (!ok) for (const m of meiliProcesses()) process.kill(m.pid, "SIGKILL");
  }
  for (const m of meiliProcesses()) process.kill(m.pid, "SIGKILL");
  boots.sort((a, b) => a - b);
  console.log(
    `\n${cycles} cycles: ${hangs.length} not ready within ${deadlineMs / 1000} s${hangs.length ? ` (cycles ${hangs.join(", ")})` : ""}; ` +
      `boot ms min ${boots[0]}, median ${boots[Math.floor(boots.length / 2)]}, max ${boots.at(-1)}`,
  );
  process.exit(hangs.length ? 1 : 0);
}

void main();
