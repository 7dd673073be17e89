import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

/** One year, the minimum browsers' preload lists ask for. */
const HSTS = "max-age=31536000; includeSubDomains";

/**
 * The Content-Security-Policy of every answer, with this request's nonce. Scripts run only when they
 * carry the nonce (Remix's own inline scripts and the module it loads); what those load is trusted in
 * turn ('strict-dynamic'). Styles may be inline: React's style attributes and the editor need them,
 * and a style cannot run code. docs/decisions/0044.
 */
export function contentSecurityPolicy(nonce: string, { development = false, formActions = [] as readonly string[] } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    // The single sign-on provider's origin: signing out posts to Gilde, which sends the browser on to it.
    ["form-action 'self'", ...formActions].join(" "),
  ].join("; ");
}

/**
 * Headers of every answer: a fresh CSP nonce (in res.locals, for Remix's scripts), the policy itself,
 * Strict-Transport-Security when the request came over https (directly, or through a proxy that
 * TRUST_PROXY trusts), and the old-browser guards.
 */
export function securityHeaders({ development = false, formActions = [] as readonly string[] } = {}) {
  return (req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, { development, formActions }));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    if (req.secure) res.setHeader("Strict-Transport-Security", HSTS);
    next();
  };
}

/**
 * What the app answers (pages, data, downloads) is never kept by a browser or a shared cache: after
 * signing out, Back must not show a colleague's figures. Static build files keep their own long
 * caching; an answer that sets its own Cache-Control keeps it.
 */
export function noStore(_req: Request, res: Response, next: NextFunction) {
  res.setHeader("Cache-Control", "no-store");
  const append = res.append.bind(res);
  // The Remix adapter appends the response's headers: a route's own Cache-Control replaces ours.
  res.append = (field: string, value?: string[] | string) => {
    if (field.toLowerCase() === "cache-control") res.removeHeader("Cache-Control");
    return append(field, value);
  };
  next();
}
