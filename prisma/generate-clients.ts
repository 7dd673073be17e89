/**
 * `npm run db:generate` (also after `npm install`): generates the SQLite client (node_modules/@prisma/client)
 * and the PostgreSQL client (node_modules/.prisma/postgresql) from their schemas (docs/decisions/0054).
 *
 * The PostgreSQL client is generated with a copy of Prisma's runtime of its own; it is pointed at the
 * runtime of @prisma/client instead (the same code), so that both clients share one: a `Prisma.sql`
 * fragment or a `Prisma.PrismaClientKnownRequestError` of one is the same class as the other's.
 */
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";

const prisma = path.resolve("node_modules/.bin/prisma");
// prisma.config.ts picks schema and adapter by DATABASE_URL; generating connects to neither database.
for (const url of ["file:./data/gilde.db", "postgresql://localhost/gilde"]) {
  const result = spawnSync(prisma, ["generate"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const runtime = path.resolve("node_modules/.prisma/postgresql/runtime/client.js");
if (!existsSync(runtime)) throw new Error(`${runtime} was not generated`);
writeFileSync(runtime, '"use strict";\n// Shared with @prisma/client by prisma/generate-clients.ts.\nmodule.exports = require("@prisma/client/runtime/client.js");\n');
