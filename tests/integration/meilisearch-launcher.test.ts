/** The embedded Meilisearch starts whatever its master key looks like: a key starting with "-" once kept it from starting. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { masterKeyFor, startEmbeddedMeilisearch } from "../../search/launcher";
import { freePort } from "../support/ports";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function answersWith(host: string, key: string) {
  const response = await fetch(`${host}/keys?limit=1`, { headers: { Authorization: `Bearer ${key}` } });
  return response.status;
}

describe("embedded Meilisearch", () => {
  it("starts with a key that begins with a dash (one stored by an earlier install, or MEILI_MASTER_KEY)", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "gilde-meili-"));
    dirs.push(dataDir);
    const key = "-ssX9TqvQ1b2c3d4e5f6g7h8i9j0kLmN";
    const meili = await startEmbeddedMeilisearch({ port: await freePort(), dataDir, masterKey: key, quiet: true });
    try {
      expect(meili.masterKey).toBe(key);
      expect(await answersWith(meili.host, key)).toBe(200);
    } finally {
      await meili.stop();
    }
  });

  it("generates a key that cannot be read as a flag, and keeps the one it stored", () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "gilde-meili-"));
    dirs.push(dataDir);
    const key = masterKeyFor(dataDir);
    expect(key).toMatch(/^[0-9a-f]{48}$/);
    expect(readFileSync(path.join(dataDir, "master-key"), "utf8").trim()).toBe(key);
    expect(masterKeyFor(dataDir)).toBe(key);
    writeFileSync(path.join(dataDir, "master-key"), "-earlier-key\n");
    expect(masterKeyFor(dataDir)).toBe("-earlier-key");
  });
});
