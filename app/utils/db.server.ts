import { PrismaClient } from "@prisma/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import type { Client, Config } from "@libsql/client";
import { getEnv } from "./env.server";
import { databaseProvider } from "./database-url";
import { createPostgresClient } from "./postgres.server";
import { withSessionReadInvalidation } from "./session-reads.server";
import { PatientClient } from "./sqlite-client.server";

export { BUSY_TIMEOUT_MS, SQLITE_MMAP_BYTES } from "./sqlite-client.server";

declare global {
  // One client per process, shared by the Remix build and the server's own modules.
  var __gildeDb: PrismaClient | undefined;
}

class PatientLibSQL extends PrismaLibSQL {
  createClient(config: Config) {
    return new PatientClient(() => super.createClient(config)) as unknown as Client;
  }
}

function createClient(): PrismaClient {
  const url = getEnv().DATABASE_URL;
  // PostgreSQL has its own generated client (a client is generated for one provider): docs/decisions/0054.
  if (databaseProvider(url) === "postgresql") return withSessionReadInvalidation(createPostgresClient(url));
  return withSessionReadInvalidation(new PrismaClient({ adapter: new PatientLibSQL({ url }) }));
}

export const db: PrismaClient = globalThis.__gildeDb ?? (globalThis.__gildeDb = createClient());

export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
