/**
 * npm run search:reindex — rebuilds the search index from the database and swaps it in.
 * Uses MEILI_HOST/MEILI_MASTER_KEY, or the embedded Meilisearch of `npm start` (data/meilisearch).
 */
import { EnvError, getEnv } from "~/utils/env.server";
import { connectEmbeddedMeilisearch } from "./launcher";
import { describeSearchError } from "./http-client.server";

async function main() {
  try {
    getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const embedded = await connectEmbeddedMeilisearch();
  const { reindexEntries, reindexQuestions } = await import("./index.server");
  const { processOutbox, pendingOutboxCount } = await import("./outbox.server");
  const { db } = await import("~/utils/db.server");
  try {
    let last = 0;
    const result = await reindexEntries(({ indexed, total }) => {
      const pct = total ? Math.round((indexed / total) * 100) : 100;
      if (pct !== last || indexed === total) process.stdout.write(`\rReindexing entries: ${indexed}/${total} (${pct}%)`);
      last = pct;
    });
    process.stdout.write("\n");
    console.log(`Done: ${result.indexed} entries in ${result.seconds.toFixed(1)} s, swapped in; ${result.replayed} changed during the build queued again.`);
    const questions = await reindexQuestions();
    console.log(`Done: ${questions.indexed} questions in ${questions.seconds.toFixed(1)} s, swapped in; ${questions.replayed} queued again.`);
    // Push the queued rows now (a running server's worker may do some of them too: pushing twice is harmless).
    const deadline = Date.now() + 60_000;
    while ((await processOutbox()).claimed > 0 && Date.now() < deadline);
    const waiting = await pendingOutboxCount();
    if (waiting) console.log(`${waiting} outbox rows still wait (in backoff); the server's worker pushes them.`);
  } finally {
    await db.$disconnect();
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(`Reindex failed: ${describeSearchError(error)}`);
  process.exit(1);
});
