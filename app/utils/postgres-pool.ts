/**
 * The `pg` pool settings behind Prisma's PostgreSQL adapter, for the app and for the Prisma CLI (prisma.config.ts).
 * Its connections report columns of PostgreSQL's internal `name` type (catalog queries: the schema
 * engine reads them when it migrates) as text: @prisma/adapter-pg 6.19 cannot read that type and fails
 * the migration with "Column type 'name' could not be deserialized". The value is text on the wire already.
 * (Both work-arounds can go when the adapter is upgraded with Prisma.)
 */
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";

const NAME_TYPE = 19;
const TEXT_TYPE = 25;

type Result = { fields?: { dataTypeID: number }[] };

function nameAsText<T>(result: T): T {
  for (const part of (Array.isArray(result) ? result : [result]) as Result[]) {
    for (const field of part?.fields ?? []) if (field.dataTypeID === NAME_TYPE) field.dataTypeID = TEXT_TYPE;
  }
  return result;
}

class NameAsTextClient extends pg.Client {}
const query = pg.Client.prototype.query;
NameAsTextClient.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  // The pool calls with a callback, the adapter's transactions await the promise: both are covered.
  const last = args.length - 1;
  if (typeof args[last] === "function") {
    const callback = args[last] as (error: unknown, result: unknown) => void;
    args[last] = (error: unknown, result: unknown) => callback(error, error ? result : nameAsText(result));
  }
  const result = (query as (...a: unknown[]) => unknown).apply(this, args);
  return result instanceof Promise ? result.then(nameAsText) : result;
} as typeof query;

/**
 * The pool's settings for the adapter, which makes the pool. The URL is split into host, user, database
 * and so on: the adapter opens its migration shadow database with these settings and another database
 * name, which a connectionString would override (and the password of a ready-made pool would be lost).
 */
export function postgresPoolConfig(url: string, config: Omit<pg.PoolConfig, "connectionString"> = {}): pg.PoolConfig {
  return { ...(parseIntoClientConfig(url) as pg.PoolConfig), ...config, Client: NameAsTextClient };
}
