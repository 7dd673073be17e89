/**
 * Which database engine a DATABASE_URL names, and how to say in one line why it cannot be used.
 * SQLite (file:, libsql:, http(s): for a libSQL server) is the default; postgresql:// or postgres://
 * selects PostgreSQL (docs/decisions/0054). No database access here: shared by the boot, the Prisma
 * config, the scripts and the tests.
 */
export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseProvider(url: string): DatabaseProvider {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/** The URL without its password, for messages and logs. */
export function redactDatabaseUrl(url: string): string {
  if (!url.includes("@")) return url;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
  }
}

type ErrorLike = { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };

/** The driver's error codes and messages that mean "the database is not there (now)", not "the query is wrong". */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "57P01", // admin_shutdown: the backend was terminated
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: the server is starting or shutting down
  "08000",
  "08001",
  "08003",
  "08006",
  "P1001",
  "P1002",
  "P1017",
]);
const UNAVAILABLE_MESSAGES =
  /DatabaseNotReachable|Connection terminated|terminating connection|connection (is )?(closed|lost|refused)|Client has encountered a connection error|timeout exceeded when trying to connect|the database system is (starting up|shutting down)|Can't reach database server|server closed the connection|is not currently accepting connections/i;

function* causes(error: unknown): Generator<ErrorLike> {
  let e: unknown = error;
  for (let depth = 0; e && typeof e === "object" && depth < 6; depth++) {
    const like = e as ErrorLike;
    yield like;
    // AggregateError (one per address tried) and Prisma's DriverAdapterError keep the driver's error inside.
    if (Array.isArray(like.errors)) for (const inner of like.errors) if (inner && typeof inner === "object") yield inner as ErrorLike;
    e = like.cause;
  }
}

/** A lost or refused database connection, however Prisma and the driver wrap it: the request may succeed later. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of causes(error)) {
    const code = typeof e.code === "string" ? e.code : undefined;
    const original = (e as { originalCode?: unknown }).originalCode;
    if (code && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof original === "string" && UNAVAILABLE_CODES.has(original)) return true;
    if (typeof e.message === "string" && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  }
  return false;
}

/**
 * Why a DATABASE_URL cannot be used, in one line that names the variable, the place (without the
 * password) and the cause: the boot prints it instead of a stack trace.
 */
export function describeDatabaseError(url: string, error: unknown): string {
  const where = redactDatabaseUrl(url);
  let code: string | undefined;
  let message = "";
  for (const e of causes(error)) {
    if (!code && typeof e.code === "string") code = e.code;
    if (!message && typeof e.message === "string" && e.message) message = e.message;
  }
  const cause = (() => {
    switch (code) {
      case "28P01":
      case "28000":
        return `the server refused the login (${message})`;
      case "3D000":
        return `the database does not exist (${message})`;
      case "ECONNREFUSED":
        return "nothing accepts connections at that host and port (connection refused)";
      case "ENOTFOUND":
      case "EAI_AGAIN":
        return "the host name is unknown";
      case "ETIMEDOUT":
        return "the server did not answer in time";
      case "57P03":
        return "the server is starting up or shutting down";
      default:
        return message ? message.split("\n")[0] : "unknown error";
    }
  })();
  return `DATABASE_URL: cannot use ${where}: ${cause}.`;
}
