/**
 * One real Meilisearch and one migrated template database for the whole integration run.
 * Each test file copies the template (setup-file.ts) and uses its own index prefix.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { startEmbeddedMeilisearch } from "../../search/launcher";
import { freePort } from "../support/ports";

const TMP = path.resolve(process.env.GILDE_TEST_TMP ?? "tests/.tmp", "integration");

export default async function setup() {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const template = path.join(TMP, "template.db");
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    stdio: "pipe",
  });
  const port = await freePort();
  const meili = await startEmbeddedMeilisearch({ port, dataDir: path.join(TMP, "meili"), masterKey: "integration-test-master-key", quiet: true });
  process.env.MEILI_HOST = meili.host;
  process.env.MEILI_MASTER_KEY = meili.masterKey;
  process.env.GILDE_TEMPLATE_DB = template;
  return async () => {
    await meili.stop();
  };
}
