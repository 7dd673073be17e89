/**
 * One real Meilisearch and one migrated template database for the whole integration run.
 * Each test file copies the template (setup-file.ts) and uses its own index prefix.
 * With GILDE_TEST_DATABASE=postgresql the template is a PostgreSQL database (tests/support/postgres.ts).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { startEmbeddedMeilisearch } from "../../search/launcher";
import { freePort } from "../support/ports";
import { createDatabase, dropDatabases, suitePostgresUrl } from "../support/postgres";

const TMP = path.resolve(process.env.GILDE_TEST_TMP ?? "tests/.tmp", "integration");

export default async function setup() {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const postgres = suitePostgresUrl();
  const prefix = `gilde_it_${process.pid}_`;
  let templateUrl: string;
  if (postgres) {
    await dropDatabases(postgres, prefix);
    templateUrl = await createDatabase(postgres, `${prefix}template`);
    process.env.GILDE_TEMPLATE_PG = `${prefix}template`;
    process.env.GILDE_TEST_PG_PREFIX = prefix;
  } else {
    const template = path.join(TMP, "template.db");
    templateUrl = `file:${template}`;
    process.env.GILDE_TEMPLATE_DB = template;
  }
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: templateUrl },
    stdio: "pipe",
  });
  const port = await freePort();
  const meili = await startEmbeddedMeilisearch({ port, dataDir: path.join(TMP, "meili"), masterKey: "integration-test-master-key", quiet: true });
  process.env.MEILI_HOST = meili.host;
  process.env.MEILI_MASTER_KEY = meili.masterKey;
  return async () => {
    await meili.stop();
    if (postgres) await dropDatabases(postgres, prefix);
  };
}
