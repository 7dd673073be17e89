import express from "express";
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
  app.use(express.static("public", { maxAge: "1h" }));
  app.use(rejectCrossOrigin);
  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));
  return app;
}
