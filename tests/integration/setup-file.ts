import { copyFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createDatabase, suitePostgresUrl } from "../support/postgres";

// Runs in each test file's process before anything imports the app: its own database copy and index prefix.
const id = randomBytes(4).toString("hex");
const postgres = suitePostgresUrl();
if (postgres) {
  process.env.DATABASE_URL = await createDatabase(postgres, `${process.env.GILDE_TEST_PG_PREFIX}${id}`, process.env.GILDE_TEMPLATE_PG);
} else {
  const file = path.resolve(process.env.GILDE_TEST_TMP ?? "tests/.tmp", "integration", `it-${id}.db`);
  copyFileSync(process.env.GILDE_TEMPLATE_DB!, file);
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.MEILI_INDEX_PREFIX = `it_${id}_`;
process.env.OUTBOX_POLL_MS = "50";
process.env.NODE_ENV = "test";
