/**
 * Every /api/v1 endpoint runs through apiEndpoint: the Bearer token (401), the token's rate limit
 * (429), its scope (403), then the endpoint; any refusal is an RFC 9457 problem document, and every
 * request made with a valid token leaves one ApiTokenUse row. The API never reads the session cookie,
 * so a browser's cookies cannot act through it (docs/decisions/0050).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { serverRateLimiter } from "~/utils/rate-limiter.server";
import type { z } from "zod";
import { CommandError } from "~/commands/errors";
import { findApiTokenBySecret, recordApiTokenUse, type FoundApiToken } from "~/models/api-token.server";
import { apiTokenAllows, isApiTokenUsable, type Actor } from "~/policies/policies";
import type { Role } from "~/schemas/enums";
import { API_TOKEN_PREFIX, type ApiScope } from "~/schemas/api-token.shared";
import { API_BODY_MAX_BYTES, type Problem } from "~/schemas/api";
import { issueToMessage } from "~/schemas/form";
import { getEnv } from "~/utils/env.server";
import { translator, type Vars } from "~/utils/i18n";
import { isDatabaseUnavailable } from "~/utils/database-url";

const PROBLEM_TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

export function problem(status: number, detail?: string, extra: { errors?: Problem["errors"]; headers?: Record<string, string> } = {}): Response {
  const body: Problem = { type: "about:blank", title: PROBLEM_TITLES[status] ?? "Error", status, ...(detail ? { detail } : {}), ...(extra.errors ? { errors: extra.errors } : {}) };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...extra.headers },
  });
}

export function apiJson<S extends z.ZodType>(_schema: S, data: z.output<S>, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers } });
}

const english = translator("en") as (key: string, vars?: Vars) => string;

/** Zod's issues as the problem's field errors, in English (the API's language). */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): NonNullable<Problem["errors"]> {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === "unrecognized_keys") return issue.keys.map((key) => ({ field: [...path, key].join("."), message: "Unknown field." }));
    const message = issueToMessage(issue);
    return [{ field: path.join("."), message: english(message.key, message.vars) }];
  });
}

export function invalid(issues: readonly z.core.$ZodIssue[]): Response {
  return problem(400, "The request is not valid.", { errors: fieldErrors(issues) });
}

/** A JSON body read with a size cap before parsing, then checked against the schema. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) throw problem(400, "Send the body as JSON with Content-Type: application/json.");
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > API_BODY_MAX_BYTES) throw problem(400, `The body is larger than ${API_BODY_MAX_BYTES} bytes.`);
  const text = await readCapped(request, API_BODY_MAX_BYTES);
  if (text === null) throw problem(400, `The body is larger than ${API_BODY_MAX_BYTES} bytes.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw problem(400, "The body is not valid JSON.");
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(parsed.error.issues);
  return parsed.data;
}

/** A body of one of `types` as text, at most `maxBytes`; anything else is a 400 problem. */
export async function readText(request: Request, types: readonly string[], maxBytes: number): Promise<{ type: string; text: string }> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  if (!types.includes(type)) throw problem(400, `Send the body as one of: ${types.join(", ")}.`);
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > maxBytes) throw problem(400, `The body is larger than ${maxBytes} bytes.`);
  const text = await readCapped(request, maxBytes);
  if (text === null) throw problem(400, `The body is larger than ${maxBytes} bytes.`);
  return { type, text };
}

async function readCapped(request: Request, max: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The query string as an object (a repeated name becomes its last value), checked against the schema. */
export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw invalid(parsed.error.issues);
  return parsed.data;
}

function unauthorized(detail: string): Response {
  return problem(401, detail, { headers: { "WWW-Authenticate": `Bearer realm="gilde", error="invalid_token"` } });
}

function bearerSecret(request: Request): string | null {
  const header = request.headers.get("Authorization");
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) return null;
  const secret = match[1];
  return secret.startsWith(API_TOKEN_PREFIX) && secret.length <= 100 ? secret : null;
}

let limiter: RateLimiterAbstract | undefined;
let limiterPoints = 0;

/** Per token, per app server (memory, shared by its processes): a runaway integration slows down without hurting anyone else. */
async function takeRateLimit(tokenId: string): Promise<Response | null> {
  const points = getEnv().API_RATE_LIMIT_PER_MINUTE;
  if (!limiter || limiterPoints !== points) {
    limiter = serverRateLimiter({ keyPrefix: `api-${points}`, points, duration: 60 });
    limiterPoints = points;
  }
  try {
    await limiter.consume(tokenId);
    return null;
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    return problem(429, `Too many requests with this token; try again in ${seconds} s.`, { headers: { "Retry-After": String(seconds) } });
  }
}

function actorOf(token: FoundApiToken): Actor {
  return {
    id: token.user.id,
    role: token.user.role as Role,
    departmentId: token.user.departmentId,
    communityIds: [...token.user.communityIds],
    headOfDepartmentId: token.user.headOfDepartmentId,
  };
}

export type ApiContext = { request: Request; params: LoaderFunctionArgs["params"]; actor: Actor; tokenId: string };

function commandProblem(error: CommandError): Response {
  const message = english(error.messageKey, error.vars);
  if (error.kind === "invalid") return problem(400, "The request is not valid.", { errors: [{ field: error.field === "_form" ? "" : error.field, message }] });
  if (error.kind === "notFound") return problem(404, "Not found.");
  return problem(error.status, message);
}

/** Whatever an endpoint threw, as a problem document: never an HTML error page. */
async function asProblem(error: unknown): Promise<Response> {
  if (error instanceof Response) {
    if (error.headers.get("Content-Type")?.startsWith("application/problem+json")) return error;
    return problem(error.status >= 400 ? error.status : 500);
  }
  if (error instanceof CommandError) return commandProblem(error);
  if (isDatabaseUnavailable(error)) return problem(503, "The database is temporarily unavailable.", { headers: { "Retry-After": "5" } });
  console.error("[api] unexpected error", error);
  return problem(500, "Something went wrong on our side.");
}

export function apiEndpoint(scope: ApiScope, handle: (context: ApiContext) => Promise<Response>) {
  return async ({ request, params }: LoaderFunctionArgs): Promise<Response> => {
    const secret = bearerSecret(request);
    if (!secret) return unauthorized("Send a Gilde API token: Authorization: Bearer gilde_…");
    const token = await findApiTokenBySecret(secret);
    if (!token || !isApiTokenUsable(token, token.user)) return unauthorized("The token is unknown, revoked or expired, or its owner is disabled.");
    let response = await takeRateLimit(token.id);
    if (!response && !apiTokenAllows(token, scope)) {
      response = problem(403, `This token lacks the scope ${scope}.`, { headers: { "WWW-Authenticate": `Bearer realm="gilde", error="insufficient_scope", scope="${scope}"` } });
    }
    if (!response) {
      try {
        response = await handle({ request, params, actor: actorOf(token), tokenId: token.id });
      } catch (error) {
        response = await asProblem(error);
      }
    }
    const url = new URL(request.url);
    recordApiTokenUse(token, { method: request.method, path: url.pathname + url.search, status: response.status });
    return response;
  };
}

/** A method the path does not have. */
export function methodNotAllowed(allow: string): Response {
  return problem(405, `Use ${allow}.`, { headers: { Allow: allow } });
}
