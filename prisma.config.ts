import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { databaseProvider } from "./app/utils/database-url";
import { postgresPoolConfig } from "./app/utils/postgres-pool";

// The schema reads DATABASE_URL; give it the same default as the app (app/utils/env.server.ts).
process.env.DATABASE_URL ??= "file:./data/gilde.db";

// Prisma 6.19 with the WebAssembly schema engine and a driver adapter: migrate and the client run
// without downloading native engines (docs/decisions/0002). DATABASE_URL chooses the engine: SQLite
// (libSQL) with prisma/schema.prisma and prisma/migrations, or PostgreSQL (pg) with the schema and
// migrations generated from them under prisma/postgresql (docs/decisions/0054).
const postgres = databaseProvider(process.env.DATABASE_URL) === "postgresql";
const folder = postgres ? path.join("prisma", "postgresql") : "prisma";

export default defineConfig({
  schema: path.join(folder, "schema.prisma"),
  migrations: { path: path.join(folder, "migrations"), seed: "tsx prisma/seed.ts" },
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    if (postgres) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg(postgresPoolConfig(process.env.DATABASE_URL!));
    }
    return new PrismaLibSQL({ url: process.env.DATABASE_URL! });
  },
});
