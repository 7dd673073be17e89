/**
 * The boot's side of the database (docs/decisions/0054): is DATABASE_URL usable at all (one clear
 * line when not), and one cluster-wide lock around migrating and seeding, so that app servers starting
 * together against an empty PostgreSQL database seed it once.
 */
import pg from "pg";
import { databaseProvider, describeDatabaseError } from "~/utils/database-url";

const CONNECT_TIMEOUT_MS = 5_000;
/** The boot lock's name; any app server of the installation takes the same one. */
const BOOT_LOCK = "gilde:boot";

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // A connection error after connect() (the server going away) must not end the process: the caller sees it on its next query.
  client.on("error", () => undefined);
  await client.connect();
  return client;
}

/** Null when the database answers, else the line to print. SQLite files are created on first use: nothing to check. */
export async function databaseProblem(url: string): Promise<string | null> {
  if (databaseProvider(url) !== "postgresql") return null;
  let client: pg.Client | undefined;
  try {
    client = await connect(url);
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return describeDatabaseError(url, error);
  } finally {
    await client?.end().catch(() => undefined);
  }
}

/**
 * Runs `work` while holding the installation's boot lock: a PostgreSQL session advisory lock on a
 * connection of its own, released when the work ends (or the process dies, with its connection).
 * On SQLite there is one server per database file, and nothing to lock.
 */
export async function withBootLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  if (databaseProvider(url) !== "postgresql") return work();
  const client = await connect(url);
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock(hashtext($1)) AS locked", [BOOT_LOCK]);
    if (!rows[0]?.locked) {
      console.log("[boot] another app server is migrating or seeding this database: waiting for it");
      await client.query("SELECT pg_advisory_lock(hashtext($1))", [BOOT_LOCK]);
    }
    return await work();
  } finally {
    await client.query("SELECT pg_advisory_unlock(hashtext($1))", [BOOT_LOCK]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
