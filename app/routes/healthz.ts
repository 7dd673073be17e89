import { json } from "@remix-run/node";
import { embeddedSearchState, searchHealth, pendingOutboxCount } from "~/models/search.server";
import { leasesHeldHere } from "~/models/job-lease.server";

/** For monitoring: database and search state. 200 when the database answers, 503 when it does not. */
export async function loader() {
  let database: "ok" | "down" = "ok";
  let outboxPending: number | null = null;
  try {
    outboxPending = await pendingOutboxCount();
  } catch {
    database = "down";
  }
  const search = await searchHealth();
  // The embedded Meilisearch's supervisor: "restarting" while it brings a dead one back (absent for an external one).
  const meilisearch = embeddedSearchState();
  const status = database === "down" ? "down" : search === "ok" ? "ok" : "degraded";
  return json(
    // Which app process answered and the background roles it runs (docs/decisions/0052).
    { status, database, search, outboxPending, ...(meilisearch ? { meilisearch } : {}), process: { pid: process.pid, jobs: leasesHeldHere() } },
    { status: database === "down" ? 503 : 200, headers: { "Cache-Control": "no-store" } },
  );
}
