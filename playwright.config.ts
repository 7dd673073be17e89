import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { testOidcEnv } from "./tests/support/oidc-test-client";

/**
 * End-to-end journeys in Debian's Chromium against the real app (npm start's server), a real
 * SQLite file and a real embedded Meilisearch, all under tests/.tmp. A second server runs with
 * Meilisearch unreachable, for the "search is down" journey.
 */
// GILDE_TEST_TMP and the E2E_*PORT variables let two runs share a machine without sharing files or ports.
const tmp = path.resolve(process.env.GILDE_TEST_TMP ?? "tests/.tmp");
export const E2E = {
  port: Number(process.env.E2E_PORT ?? 3100),
  downPort: Number(process.env.E2E_DOWN_PORT ?? 3101),
  // The OpenID provider tests/e2e/sso.spec.ts starts; the main server signs in through it.
  oidcPort: Number(process.env.E2E_OIDC_PORT ?? 3102),
  database: path.join(tmp, "e2e.db"),
  downDatabase: path.join(tmp, "e2e-down.db"),
  meiliDir: path.join(tmp, "e2e-meili"),
  // tests/e2e/two-servers.spec.ts starts servers of its own on PostgreSQL: A on this port, B on the next,
  // and one Meilisearch for both.
  twoServersPort: Number(process.env.E2E_TWO_SERVERS_PORT ?? 3103),
  twoServersMeiliPort: Number(process.env.E2E_TWO_SERVERS_MEILI_PORT ?? 7792),
  twoServersDir: path.join(tmp, "e2e-two-servers"),
};
process.env.E2E_PORT = String(E2E.port);
process.env.E2E_DOWN_PORT = String(E2E.downPort);
process.env.E2E_OIDC_PORT = String(E2E.oidcPort);
process.env.E2E_MEILI_DIR = E2E.meiliDir;
process.env.E2E_TWO_SERVERS_PORT = String(E2E.twoServersPort);
process.env.E2E_TWO_SERVERS_MEILI_PORT = String(E2E.twoServersMeiliPort);
process.env.E2E_TWO_SERVERS_DIR = E2E.twoServersDir;
process.env.DATABASE_URL = `file:${E2E.database}`;

const serverEnv = {
  NODE_ENV: "production",
  HOST: "127.0.0.1",
  OUTBOX_POLL_MS: "100",
  // Every journey comes from 127.0.0.1: that one address stands for a whole office's colleagues at
  // once. The per-person limits keep their defaults.
  RATE_LIMIT_ADDRESS_FACTOR: "1000",
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${E2E.port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "nl-BE",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      // A fresh database and index on every run; the demo organisation is seeded into it.
      command: `rm -rf ${E2E.database}* ${E2E.meiliDir} && npx tsx server/main.ts`,
      url: `http://127.0.0.1:${E2E.port}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      env: {
        ...serverEnv,
        PORT: String(E2E.port),
        DATABASE_URL: `file:${E2E.database}`,
        MEILI_PORT: String(process.env.E2E_MEILI_PORT ?? 7791),
        MEILI_DATA_DIR: E2E.meiliDir,
        MEILI_INDEX_PREFIX: "e2e_",
        ...testOidcEnv(`http://127.0.0.1:${E2E.oidcPort}`),
      },
    },
    {
      command: `rm -rf ${E2E.downDatabase}* && npx tsx server/main.ts`,
      url: `http://127.0.0.1:${E2E.downPort}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        ...serverEnv,
        PORT: String(E2E.downPort),
        DATABASE_URL: `file:${E2E.downDatabase}`,
        // Nothing listens here: search is down for this server from the start.
        MEILI_HOST: "http://127.0.0.1:9",
        MEILI_MASTER_KEY: "search-is-down-master-key",
      },
    },
  ],
});
