import type { NextFunction, Request, Response } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const FORM = "application/x-www-form-urlencoded";

/**
 * Every action of the app reads an HTML form, and Gilde's forms (with or without JavaScript) post
 * `application/x-www-form-urlencoded`; nothing uploads files. Any other body — JSON, plain text,
 * multipart, none at all — is answered 415 here, before a route's `request.formData()` could throw
 * on it and turn a client's mistake into a 500. A route that one day takes files adds its type here.
 */
export function isFormBody(method: string, contentType: string | undefined): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  return type === FORM;
}

export function requireFormBody(req: Request, res: Response, next: NextFunction) {
  if (isFormBody(req.method, req.headers["content-type"])) return next();
  res.status(415).setHeader("Accept-Post", FORM);
  res.type("text/plain").send(`Unsupported Media Type: send a form (${FORM}).`);
}
