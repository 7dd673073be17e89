import { db } from "~/utils/db.server";
import { processOutbox } from "../../search/outbox.server";

/** Runs the outbox worker's passes until every row is done, pulling rows in backoff forward so a test does not wait for the timer. */
export async function drainOutbox(timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await processOutbox();
    const pending = await db.searchOutbox.count({ where: { processedAt: null } });
    if (pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${pending} outbox rows still pending`);
    await db.searchOutbox.updateMany({ where: { processedAt: null }, data: { availableAt: new Date() } });
    await new Promise((r) => setTimeout(r, 100));
  }
}
