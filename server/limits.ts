/**
 * Rate limits and load shedding in front of the app (docs/decisions/0045).
 *
 * Rate limits: writes (any POST), searches and PDF downloads are counted per person (their session's
 * user) and per address, in memory, per minute; over the limit the answer is 429 with Retry-After and
 * a short page saying when to try again. One address may send RATE_LIMIT_ADDRESS_FACTOR times what one
 * person may, because an office's colleagues share an address behind its proxy. The app processes of one
 * server count together (the cluster's primary holds the counts); several servers each count their own.
 *
 * Load shedding: at most LOAD_MAX_ACTIVE requests are worked on at once; more wait in a queue of
 * LOAD_MAX_QUEUE for up to LOAD_QUEUE_TIMEOUT_MS. Beyond that the answer is 503 with Retry-After,
 * quickly, instead of every request getting slower until the database times out.
 */
import type { NextFunction, Request, Response } from "express";
import { RateLimiterRes } from "rate-limiter-flexible";
import { serverRateLimiter } from "~/utils/rate-limiter.server";

export type LimitKind = "write" | "search" | "pdf";
export type RateLimitSettings = { write: number; search: number; pdf: number; addressFactor: number };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Which limit a request counts against, if any. */
export function limitKind(method: string, path: string): LimitKind | null {
  if (!SAFE_METHODS.has(method.toUpperCase())) return "write";
  // A single sign-on arrives by GET but signs in like the login form's post: it counts the same.
  if (path.startsWith("/auth/oidc/")) return "write";
  if (path === "/search" || path === "/questions/similar") return "search";
  if (/^\/reports\/[^/]+\/pdf$/.test(path) || path === "/learning/department/pdf") return "pdf";
  return null;
}

/** Who is asking: the user id of the request's session, or null (then only the address counts). */
export type PersonOf = (req: Request) => Promise<string | null>;

function page(title: string, body: string) {
  // No script, no external file: it must show under the strictest policy and when the app is overloaded.
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2933;line-height:1.5}h1{font-size:1.4rem}a{color:#1d4ed8}</style></head>
<body><main>${body}</main></body></html>`;
}

/**
 * A refusal the reader can act on. A browser page gets a page in both languages; Remix's data
 * requests get JSON marked as a thrown response, so the app's own error page shows it in its layout.
 */
export function refuse(req: Request, res: Response, status: 429 | 503, retryAfterSeconds: number) {
  res.status(status).setHeader("Retry-After", String(retryAfterSeconds));
  res.setHeader("Cache-Control", "no-store");
  // The REST API's clients read problem documents, as for its own per-token limit.
  if (req.path.startsWith("/api/v1/")) {
    res.type("application/problem+json").send(JSON.stringify({ type: "about:blank", title: status === 429 ? "Too Many Requests" : "Service Unavailable", status, detail: `Try again in ${retryAfterSeconds} s.` }));
    return;
  }
  if (typeof req.query._data === "string") {
    res.setHeader("X-Remix-Catch", "yes");
    res.json({ message: status === 429 ? "rate_limited" : "overloaded", retryAfter: retryAfterSeconds });
    return;
  }
  const seconds = String(retryAfterSeconds);
  const html =
    status === 429
      ? page(
          "Even geduld · Please wait",
          `<h1>Even geduld</h1><p>Je hebt in korte tijd veel gevraagd. Probeer het over ${seconds} seconden opnieuw.</p>` +
            `<h1 lang="en">Please wait</h1><p lang="en">You sent many requests in a short time. Try again in ${seconds} seconds.</p>` +
            `<p><a href="/search">Gilde</a></p>`,
        )
      : page(
          "Gilde is druk · Gilde is busy",
          `<h1>Gilde is even erg druk</h1><p>Probeer het over ${seconds} seconden opnieuw; er is niets verloren gegaan.</p>` +
            `<h1 lang="en">Gilde is very busy</h1><p lang="en">Try again in ${seconds} seconds; nothing was lost.</p>`,
        );
  res.type("html").send(html);
}

export function rateLimits(settings: RateLimitSettings, personOf: PersonOf) {
  const make = (keyPrefix: string, points: number) => (points > 0 ? serverRateLimiter({ keyPrefix, points, duration: 60 }) : null);
  const person = { write: make("person-write", settings.write), search: make("person-search", settings.search), pdf: make("person-pdf", settings.pdf) };
  const address = {
    write: make("address-write", settings.write * settings.addressFactor),
    search: make("address-search", settings.search * settings.addressFactor),
    pdf: make("address-pdf", settings.pdf * settings.addressFactor),
  };

  return async (req: Request, res: Response, next: NextFunction) => {
    const kind = limitKind(req.method, req.path);
    if (!kind || !address[kind]) return next();
    try {
      const userId = await personOf(req);
      if (userId) await person[kind]!.consume(userId);
      await address[kind]!.consume(req.ip ?? "unknown");
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) return next(error);
      return refuse(req, res, 429, Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
    }
    next();
  };
}

export type LoadSettings = { maxActive: number; maxQueue: number; queueTimeoutMs: number };

/** Seconds a shed client is asked to wait: long enough for the queue to drain. */
export const SHED_RETRY_AFTER_SECONDS = 5;

export function loadShedding(settings: LoadSettings) {
  let active = 0;
  const waiting: { start: () => void; timer: NodeJS.Timeout }[] = [];

  const release = () => {
    active -= 1;
    const next = waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      next.start();
    }
  };

  const middleware = (req: Request, res: Response, next: NextFunction) => {
    const start = () => {
      active += 1;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        release();
      };
      res.once("finish", finish);
      res.once("close", finish);
      next();
    };
    if (active < settings.maxActive) return start();
    if (waiting.length >= settings.maxQueue) return refuse(req, res, 503, SHED_RETRY_AFTER_SECONDS);
    const entry = {
      start,
      timer: setTimeout(() => {
        const i = waiting.indexOf(entry);
        if (i >= 0) waiting.splice(i, 1);
        refuse(req, res, 503, SHED_RETRY_AFTER_SECONDS);
      }, settings.queueTimeoutMs),
    };
    waiting.push(entry);
    // A client that gave up while waiting leaves the queue.
    res.once("close", () => {
      const i = waiting.indexOf(entry);
      if (i >= 0) {
        waiting.splice(i, 1);
        clearTimeout(entry.timer);
      }
    });
  };
  return Object.assign(middleware, { stats: () => ({ active, waiting: waiting.length }) });
}
