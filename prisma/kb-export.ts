/**
 * npm run kb:export -- FILE.jsonl
 *
 * Writes every live entry (published or needing review) in the shape kb:import reads, so a knowledge
 * base can move between installations or be edited outside the app and imported back.
 */
import { parseArgs } from "node:util";
import { EnvError, getEnv } from "~/utils/env.server";

const USAGE = "Usage: npm run kb:export -- FILE.jsonl";

async function main(): Promise<number> {
  let positionals: string[];
  try {
    positionals = parseArgs({ allowPositionals: true, options: {} }).positionals;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
    return 2;
  }
  if (positionals.length !== 1) {
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
  const { runExport, terminalOutput } = await import("./knowledge-exchange");
  const { db } = await import("~/utils/db.server");
  try {
    await runExport(positionals[0], terminalOutput());
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Export failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    process.exit(1);
  },
);
