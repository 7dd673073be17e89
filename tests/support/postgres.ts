/**
 * PostgreSQL for the tests. TEST_POSTGRES_URL names a server and a role that may create databases (e.g.
 * postgresql://gilde:gilde@127.0.0.1:5432/postgres); with GILDE_TEST_DATABASE=postgresql as well
 * (`npm run test:integration:postgres`) the integration suite runs on it. The global setup then migrates
 * one template database and every test file gets its own copy (CREATE DATABASE … TEMPLATE), as it gets
 * its own SQLite file otherwise. Names carry a per-run prefix, so runs side by side on one server do not meet.
 */
import pg from "pg";

export const testPostgresUrl = () => process.env.TEST_POSTGRES_URL || undefined;

/** The server the suite runs on when it runs on PostgreSQL; undefined on SQLite. */
export function suitePostgresUrl(): string | undefined {
  if (process.env.GILDE_TEST_DATABASE !== "postgresql") return undefined;
  const url = testPostgresUrl();
  if (!url) throw new Error("GILDE_TEST_DATABASE=postgresql needs TEST_POSTGRES_URL (a role that may create databases).");
  return url;
}

/** The same server and credentials as `base`, another database. */
export function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdmin<T>(base: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: base, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const ident = (name: string) => `"${name.replace(/"/g, "")}"`;

export async function createDatabase(base: string, name: string, template?: string): Promise<string> {
  await withAdmin(base, (c) => c.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ""}`));
  return databaseUrl(base, name);
}

/** Drops the database of that name, if it is there, connections and all. */
export async function dropDatabase(base: string, name: string): Promise<void> {
  await withAdmin(base, (c) => c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`));
}

/** Drops the databases whose name starts with the prefix, connections and all. */
export async function dropDatabases(base: string, prefix: string): Promise<void> {
  await withAdmin(base, async (c) => {
    const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${ident(datname)} WITH (FORCE)`);
  });
}

/** Whether this test process runs on PostgreSQL (its DATABASE_URL), for the few tests that are about one engine. */
export const onPostgresDatabase = () => /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");

/**
 * Runs one statement (with `?` placeholders) on a connection of its own, as another process would:
 * unseen by this process's database layer.
 */
export async function executeElsewhere(sql: string, args: unknown[]): Promise<void> {
  const url = process.env.DATABASE_URL!;
  if (onPostgresDatabase()) {
    let n = 0;
    await withAdmin(url, (c) => c.query(sql.replace(/\?/g, () => `$${++n}`), args));
    return;
  }
  const { createClient } = await import("@libsql/client");
  const other = createClient({ url });
  try {
    await other.execute({ sql, args: args as never });
  } finally {
    other.close();
  }
}
