import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";

// The schema reads DATABASE_URL; give it the same default as the app (app/utils/env.server.ts).
process.env.DATABASE_URL ??= "file:./data/gilde.db";

// Prisma 6.19 with the WebAssembly schema engine and the libSQL driver adapter:
// migrate and the client run without downloading native engines (docs/decisions/0002).
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx prisma/seed.ts" },
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    return new PrismaLibSQL({ url: process.env.DATABASE_URL! });
  },
});
