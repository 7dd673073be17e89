import type { NextFunction, Request, Response } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Non-GET requests from another origin get 403. Browsers send Origin on every cross-origin
 * POST (and Sec-Fetch-Site); a request without either is not a browser form from elsewhere.
 */
export function isCrossOrigin(method: string, headers: { origin?: string; host?: string; "sec-fetch-site"?: string }, protocol: string): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const origin = headers.origin;
  if (origin) {
    if (origin === "null") return true;
    try {
      return new URL(origin).host !== headers.host || !new URL(origin).protocol.startsWith(protocol);
    } catch {
      return true;
    }
  }
  return headers["sec-fetch-site"] === "cross-site";
}

export function rejectCrossOrigin(req: Request, res: Response, next: NextFunction) {
  if (isCrossOrigin(req.method, req.headers as Record<string, string>, req.protocol)) {
    res.status(403).type("text/plain").send("Forbidden: cross-origin request");
    return;
  }
  next();
}
