import { z } from "zod";
import { ROLES } from "~/schemas/enums";

/**
 * All configuration is environment variables, validated once at boot.
 * README.md lists every variable with its default.
 */
const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int({ error: `must be a whole number from ${min} to ${max}` })
    .min(min, { error: `must be a whole number from ${min} to ${max}` })
    .max(max, { error: `must be a whole number from ${min} to ${max}` });
const port = wholeNumber(1, 65535);

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: port.default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:|https?:|postgres(ql)?:\/\/)/, "must start with file:, libsql:, http(s): or postgresql://")
    .default("file:./data/gilde.db"),
  MEILI_HOST: z.string().url("must be a URL such as http://127.0.0.1:7700").optional(),
  MEILI_MASTER_KEY: z.string().min(16, "must be at least 16 characters").optional(),
  MEILI_PORT: port.default(7700),
  MEILI_DATA_DIR: z.string().min(1).default("./data/meilisearch"),
  MEILI_BINARY: z.string().min(1).optional(),
  // Meilisearch's own default is two thirds of the machine's memory, and it sets aside a part of that
  // for every batch, even a one-document one: on a shared host that made single updates wait up to 2 s
  // (docs/decisions/0017).
  MEILI_MAX_INDEXING_MEMORY: z
    .string()
    .regex(/^\d+(\.\d+)? ?(B|KB|MB|GB|KiB|MiB|GiB)$/i, "must be a size such as 512MiB or 2GiB")
    .default("512MiB"),
  MEILI_INDEX_PREFIX: z.string().regex(/^[a-z0-9_]*$/, "only a-z, 0-9 and _").default("gilde_"),
  // A frozen Meilisearch accepts connections and never answers: the page must still say so within 2 s (docs/decisions/0046).
  SEARCH_TIMEOUT_MS: wholeNumber(100, 10000).default(1000),
  // Searches one app process has with Meilisearch at once; more wait their turn (docs/decisions/0069).
  SEARCH_CONCURRENCY: wholeNumber(1, 256).default(2),
  COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
  SEED_DEMO: z.enum(["auto", "never"]).default("auto"),
  OUTBOX_POLL_MS: wholeNumber(10, 60000).default(200),
  // How often the knowledge sweep runs (entries due for review, retired products): app/commands/knowledge-sweep.server.ts.
  KNOWLEDGE_SWEEP_MS: wholeNumber(1000, 86_400_000).default(600_000),
  // Notifications and sent e-mails older than this many days are deleted by the knowledge sweep.
  NOTIFICATION_RETENTION_DAYS: wholeNumber(7, 3650).default(180),
  // How often the search indexes are compared with the database and drift repaired (search/reconcile.server.ts).
  SEARCH_RECONCILE_MS: wholeNumber(10_000, 86_400_000).default(3_600_000),
  // How long a session's read may be kept in memory (docs/decisions/0025, 0052); 0 turns keeping off.
  SESSION_CACHE_MS: wholeNumber(0, 60000).default(5000),
  // App processes of `npm start` (docs/decisions/0052); unset: one per core. 1 is a single process.
  WEB_CONCURRENCY: wholeNumber(1, 64).optional(),
  // How long a background role's lease lasts (outbox worker, scheduler); renewed every third of it, taken over after it.
  JOB_LEASE_MS: wholeNumber(1000, 600_000).default(15_000),
  // Issue 13 (docs/decisions/0043–0045): proxies, idle sessions, rate limits and load shedding.
  // Which proxy may say who the client is and whether it came over https: express's "trust proxy"
  // (loopback, false, a hop count, or addresses/CIDRs separated by commas).
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2}|[0-9a-fA-F.:/, ]+|loopback|linklocal|uniquelocal)$/, "must be false, true, a hop count, loopback, or IP addresses/CIDRs separated by commas")
    .default("loopback"),
  // A session that saw no request for this long ends, beside the 12-hour absolute lifetime.
  SESSION_IDLE_MINUTES: wholeNumber(1, 720).default(60),
  // Requests per person per minute (0: no limit); one address may send RATE_LIMIT_ADDRESS_FACTOR times as many.
  RATE_LIMIT_WRITES: wholeNumber(0, 100_000).default(60),
  RATE_LIMIT_SEARCHES: wholeNumber(0, 100_000).default(120),
  RATE_LIMIT_PDFS: wholeNumber(0, 100_000).default(10),
  RATE_LIMIT_ADDRESS_FACTOR: wholeNumber(1, 10_000).default(10),
  // Load shedding: requests the app works on at once, how many may wait, and for how long, before a 503.
  LOAD_MAX_ACTIVE: wholeNumber(1, 1000).default(16),
  LOAD_MAX_QUEUE: wholeNumber(0, 100_000).default(200),
  LOAD_QUEUE_TIMEOUT_MS: wholeNumber(100, 60_000).default(5000),
  // E-mail (docs/decisions/0040): unset SMTP_URL means no e-mail at all, notifications stay in the app.
  SMTP_URL: z
    .string()
    .refine(isSmtpUrl, "must be a URL such as smtp://user:password@mail.example.org:587 or smtps://mail.example.org")
    .optional(),
  MAIL_FROM: z.string().refine(isMailbox, "must be an address such as gilde@example.org or \"Gilde <gilde@example.org>\"").optional(),
  // The address people reach Gilde at, for the links in e-mails; http://localhost:PORT when unset.
  APP_URL: z
    .string()
    .refine(isAppUrl, "must be an http(s) URL such as https://gilde.example.org")
    .optional(),
  MAIL_POLL_MS: wholeNumber(100, 600_000).default(5000),
  // Requests per minute one API token may make on one app server (/api/v1; docs/decisions/0050).
  API_RATE_LIMIT_PER_MINUTE: wholeNumber(1, 1_000_000).default(600),
  // Single sign-on with OpenID Connect (issue 16, docs/decisions/0057): unset OIDC_ISSUER, passwords only.
  OIDC_ISSUER: z.string().refine(isIssuerUrl, "must be an https URL (http only on localhost), such as https://login.example.org/realms/bank").optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  // The provider as people know it, on the button "Aanmelden met …"; the issuer's host name when unset.
  OIDC_PROVIDER_NAME: z.string().trim().min(1).max(40, "must be at most 40 characters").optional(),
  OIDC_SCOPES: z.string().regex(/(^|\s)openid(\s|$)/, "must include openid, e.g. \"openid email profile\"").default("openid email profile"),
  // Which claim says the role (or the department), and which of its values mean what: JSON objects.
  OIDC_ROLE_CLAIM: z.string().trim().min(1).max(200).optional(),
  OIDC_ROLE_MAP: jsonObject(z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }), '{"gilde-admins":"ADMIN","gilde-km":"KNOWLEDGE_MANAGER"}').optional(),
  OIDC_DEPARTMENT_CLAIM: z.string().trim().min(1).max(200).optional(),
  OIDC_DEPARTMENT_MAP: jsonObject(z.string().trim().min(1), '{"SAV":"Klantendienst sparen"}').optional(),
  // "off": only the break-glass admin (BREAK_GLASS_EMAIL) may still sign in with a password (docs/decisions/0058).
  PASSWORD_LOGIN: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  BREAK_GLASS_EMAIL: z.string().trim().toLowerCase().pipe(z.email({ error: "must be an email address" })).optional(),
});

/** A JSON object whose values this schema checks, read from one variable. */
function jsonObject<T extends z.ZodType>(value: T, example: string) {
  const message = `must be a JSON object such as ${example}`;
  return z
    .string()
    .transform((text, ctx) => {
      try {
        const parsed: unknown = JSON.parse(text);
        if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
      } catch {
        // Reported below, with the example.
      }
      ctx.issues.push({ code: "custom", message, input: text });
      return z.NEVER;
    })
    .pipe(z.record(z.string().min(1), value));
}

/** The provider's address: https, or http on this machine (a test provider). */
function isIssuerUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.search || url.hash) return false;
    if (url.protocol === "https:") return true;
    return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  } catch {
    return false;
  }
}

function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

function isAppUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0 && !url.search && !url.hash;
  } catch {
    return false;
  }
}

const ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$|^[^\s@<>"]+@localhost$/;

/** An address, or a display name with the address in angle brackets. */
function isMailbox(value: string): boolean {
  const named = /^([^<>]*)<([^<>]+)>$/.exec(value.trim());
  return ADDRESS.test(named ? named[2].trim() : value.trim());
}

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export class EnvError extends Error {}

/** A value as the boot error shows it: a password in an SMTP URL and the client secret stay out of the logs. */
function shown(name: string, value: string | undefined): string | undefined {
  if (name === "OIDC_CLIENT_SECRET" && value) return "***";
  return name === "SMTP_URL" && value ? value.replace(/\/\/[^/@]*@/, "//***@") : value;
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ""),
  );
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  ${issue.path.join(".")}: ${issue.message} (got ${JSON.stringify(shown(String(issue.path[0]), cleaned[String(issue.path[0])]))})`,
    );
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}\nSee README.md, section "Configuration".`);
  }
  const env = result.data;
  if (env.MEILI_HOST && !env.MEILI_MASTER_KEY) {
    throw new EnvError(
      "Invalid configuration:\n  MEILI_MASTER_KEY: required when MEILI_HOST points at your own Meilisearch.\nSee README.md, section \"Configuration\".",
    );
  }
  if (env.SMTP_URL && !env.MAIL_FROM) {
    throw new EnvError(
      "Invalid configuration:\n  MAIL_FROM: required when SMTP_URL is set (the sender of Gilde's e-mails).\nSee README.md, section \"Configuration\".",
    );
  }
  checkSingleSignOn(env);
  return env;
}

/** The single sign-on variables that only make sense together (docs/decisions/0057, 0058). */
function checkSingleSignOn(env: Env): void {
  const missing = (name: string, why: string) =>
    new EnvError(`Invalid configuration:\n  ${name}: required ${why}.\nSee README.md, section "Configuration".`);
  const oidcSet = (["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_PROVIDER_NAME", "OIDC_ROLE_CLAIM", "OIDC_ROLE_MAP", "OIDC_DEPARTMENT_CLAIM", "OIDC_DEPARTMENT_MAP"] as const).find((name) => env[name] !== undefined);
  if (!env.OIDC_ISSUER && oidcSet) throw missing("OIDC_ISSUER", `when ${oidcSet} is set (the address of the OpenID provider)`);
  if (env.OIDC_ISSUER && !env.OIDC_CLIENT_ID) throw missing("OIDC_CLIENT_ID", "when OIDC_ISSUER is set (Gilde's client id at the provider)");
  if (env.OIDC_ISSUER && !env.OIDC_CLIENT_SECRET) throw missing("OIDC_CLIENT_SECRET", "when OIDC_ISSUER is set (Gilde's client secret at the provider)");
  if (env.OIDC_ROLE_MAP && !env.OIDC_ROLE_CLAIM) throw missing("OIDC_ROLE_CLAIM", "when OIDC_ROLE_MAP is set (the claim whose values it maps)");
  if (env.OIDC_ROLE_CLAIM && !env.OIDC_ROLE_MAP) throw missing("OIDC_ROLE_MAP", "when OIDC_ROLE_CLAIM is set (which of its values mean which role)");
  if (env.OIDC_DEPARTMENT_MAP && !env.OIDC_DEPARTMENT_CLAIM) throw missing("OIDC_DEPARTMENT_CLAIM", "when OIDC_DEPARTMENT_MAP is set (the claim whose values it maps)");
  if (env.PASSWORD_LOGIN === "off" && !env.OIDC_ISSUER) throw missing("OIDC_ISSUER", "when PASSWORD_LOGIN=off (otherwise nobody could sign in)");
  if (env.PASSWORD_LOGIN === "off" && !env.BREAK_GLASS_EMAIL) {
    throw missing("BREAK_GLASS_EMAIL", "when PASSWORD_LOGIN=off (the admin who can still sign in with a password when the provider is down)");
  }
}

/** Express's "trust proxy" setting from TRUST_PROXY. */
export function trustProxySetting(value: string): boolean | number | string {
  if (value === "true") return true;
  if (value === "false") return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** The absolute address of the app, without a trailing slash, for links that leave it (e-mails). */
export function appUrl(env: Env = getEnv()): string {
  return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}

export function getEnv(): Env {
  if (!cached) cached = parseEnv();
  return cached;
}

/** The server sets MEILI_HOST/MEILI_MASTER_KEY after starting the embedded Meilisearch; read again then. */
export function resetEnvCache(): void {
  cached = undefined;
}
