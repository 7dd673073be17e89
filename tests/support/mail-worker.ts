/** A mail worker in a process of its own, for the restart test: one pass over the queue, then exit. */
import { processMailQueue } from "~/mail/queue.server";

const run = await processMailQueue();
process.stdout.write(`${JSON.stringify(run)}\n`);
process.exit(0);
