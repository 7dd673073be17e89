import { readdirSync } from "node:fs";
import express from "express";
import type { NextFunction, Request, Response } from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { rejectCrossOrigin } from "./origin";

/** The HTTP app: static files, security headers, the cross-origin check, then Remix. */
export function createApp(build: ServerBuild) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.use((_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    next();
  });
  // A missing build asset is a 404 here, not a request for Remix to route.
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y", fallthrough: false }));
  app.use(publicFiles("public"));
  app.use(rejectCrossOrigin);
  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));
  return app;
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
