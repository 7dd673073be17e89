import { PrismaClient } from "@prisma/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { getEnv } from "./env.server";

declare global {
  // One client per process, shared by the Remix build and the server's own modules.
  var __gildeDb: PrismaClient | undefined;
}

function createClient(): PrismaClient {
  const adapter = new PrismaLibSQL({ url: getEnv().DATABASE_URL });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = globalThis.__gildeDb ?? (globalThis.__gildeDb = createClient());

export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
