import type { NextFunction, Request, Response } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type OriginHeaders = { origin?: string; referer?: string; host?: string; "sec-fetch-site"?: string };

function sameOrigin(value: string, host: string | undefined, protocol: string): boolean {
  try {
    const url = new URL(value);
    return url.host === host && url.protocol === `${protocol}:`;
  } catch {
    return false;
  }
}

/**
 * Non-GET requests from another origin get 403 (OWASP's "verifying origin with standard headers").
 * The source is the Origin header, or the Referer when a browser leaves Origin out; a request with
 * neither, and no Sec-Fetch-Site saying "cross-site", is let through: every current browser sends
 * Origin on a cross-origin POST, so such a request is a script or a tool, which holds no session
 * cookie of a user's browser (SameSite=Lax keeps it off cross-site posts anyway). docs/decisions/0043.
 */
export function isCrossOrigin(method: string, headers: OriginHeaders, protocol: string): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (headers["sec-fetch-site"] === "cross-site") return true;
  const origin = headers.origin;
  if (origin) return origin === "null" || !sameOrigin(origin, headers.host, protocol);
  const referer = headers.referer;
  if (referer) return !sameOrigin(referer, headers.host, protocol);
  return false;
}

/**
 * The REST API authenticates with a Bearer token and never reads the session cookie, so another
 * origin cannot make a browser act through it: its requests skip the cross-origin check.
 */
export function isTokenApiRequest(path: string, authorization: string | undefined): boolean {
  return path.startsWith("/api/v1/") && /^Bearer\s/i.test(authorization ?? "");
}

export function rejectCrossOrigin(req: Request, res: Response, next: NextFunction) {
  if (isTokenApiRequest(req.path, req.headers.authorization)) return next();
  if (isCrossOrigin(req.method, req.headers as OriginHeaders, req.protocol)) {
    res.status(403).type("text/plain").send("Forbidden: cross-origin request");
    return;
  }
  next();
}
