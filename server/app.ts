import { readdirSync } from "node:fs";
import express from "express";
import type { NextFunction, Request, Response } from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { getEnv, trustProxySetting } from "~/utils/env.server";
import { runRequest } from "~/utils/session-reads.server";
import { isDatabaseUnavailable } from "~/utils/database-url";
import { compressResponses } from "./compression";
import { rejectCrossOrigin } from "./origin";
import { requireFormBody } from "./form-body";
import { loadShedding, rateLimits, refuse } from "./limits";
import { personOfRequest } from "./person";
import { noStore, securityHeaders } from "./security-headers";

/** Seconds a client is asked to wait when the database could not be reached (as app/entry.server.tsx says). */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The HTTP app: security headers (with the CSP nonce), compression, static files, then for everything Remix
 * answers: the cross-origin check, form bodies only, load shedding, rate limits, no caching.
 */
export function createApp(build: ServerBuild) {
  const env = getEnv();
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxySetting(env.TRUST_PROXY));
  // Each request's reads of the shared session version can be shared from its arrival on (the rate limits, then the loader).
  app.use((_req, _res, next) => runRequest(next));
  app.use(securityHeaders({ development: env.NODE_ENV === "development", formActions: env.OIDC_ISSUER ? [new URL(env.OIDC_ISSUER).origin] : [] }));
  app.use(compressResponses());
  // A missing build asset is a 404 here, not a request for Remix to route.
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y", fallthrough: false }), missingAsset);
  app.use(publicFiles("public"));
  // Browsers ask for /favicon.ico on pages that name no icon (the API's JSON documents): the app's icon is an SVG.
  app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));
  app.use(rejectCrossOrigin);
  // The REST API reads JSON and checks its own content type (app/api/handler.server.ts).
  app.use((req, res, next) => (req.path.startsWith("/api/v1/") ? next() : requireFormBody(req, res, next)));
  const shed = loadShedding({ maxActive: env.LOAD_MAX_ACTIVE, maxQueue: env.LOAD_MAX_QUEUE, queueTimeoutMs: env.LOAD_QUEUE_TIMEOUT_MS });
  // The health check answers even when the app sheds load: that is when it matters.
  app.use((req, res, next) => (req.path === "/healthz" ? next() : shed(req, res, next)));
  app.use(
    rateLimits(
      { write: env.RATE_LIMIT_WRITES, search: env.RATE_LIMIT_SEARCHES, pdf: env.RATE_LIMIT_PDFS, addressFactor: env.RATE_LIMIT_ADDRESS_FACTOR },
      personOfRequest,
    ),
  );
  app.use(noStore);
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      getLoadContext: (_req, res) => ({ cspNonce: String(res.locals.cspNonce ?? "") }),
    }),
  );
  // A middleware that met a lost database (the rate limits read the session): 503, try again soon, as Remix answers.
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (isDatabaseUnavailable(error) && !res.headersSent) return refuse(req, res, 503, DATABASE_RETRY_AFTER_SECONDS);
    next(error);
  });
  return app;
}

/**
 * A build file that does not exist (an old page asking for a chunk of the previous release) is a plain 404:
 * Express's default handler would log its stack trace as if the server had failed.
 */
function missingAsset(error: { status?: number }, _req: Request, res: Response, next: NextFunction) {
  if (error.status === 404) res.status(404).type("text/plain").send("Not found");
  else next(error);
}

/**
 * The files at the top of public/ (favicon and the like), read once at boot: every other request
 * goes straight on instead of costing a file-system lookup first (~0.2 ms per search request).
 */
function publicFiles(dir: string) {
  const names = new Set(
    readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => `/${e.name}`),
  );
  const serve = express.static(dir, { maxAge: "1h", index: false });
  return (req: Request, res: Response, next: NextFunction) => (names.has(req.path) ? serve(req, res, next) : next());
}
