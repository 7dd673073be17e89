/**
 * npm run kb:import -- FILE.jsonl --as km@example.org [--dry-run]
 *
 * Publishes the entries of a JSON Lines file as that knowledge manager (prisma/knowledge-exchange.ts).
 * A bad line imports nothing; a second run updates changed entries and never duplicates one.
 */
import { parseArgs } from "node:util";
import { EnvError, getEnv } from "~/utils/env.server";

const USAGE = "Usage: npm run kb:import -- FILE.jsonl --as EMAIL [--dry-run]";

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { as: { type: "string" }, "dry-run": { type: "boolean", default: false } } });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
    return 2;
  }
  const [file, ...rest] = args.positionals;
  if (!file || rest.length || !args.values.as) {
    console.error(USAGE);
    return 2;
  }
  try {
    getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const { runImport, terminalOutput } = await import("./knowledge-exchange");
  const { db } = await import("~/utils/db.server");
  try {
    const result = await runImport(file, args.values.as, { dryRun: args.values["dry-run"], out: terminalOutput() });
    return result.ok ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Import failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    process.exit(1);
  },
);
