import type { NextFunction, Request, Response } from "express";
import { UPLOAD_PATHS } from "~/utils/upload.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const FORM = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data";

/**
 * Every action of the app reads an HTML form, and Gilde's forms (with or without JavaScript) post
 * `application/x-www-form-urlencoded`; nothing uploads files. Any other body — JSON, plain text,
 * multipart, none at all — is answered 415 here, before a route's `request.formData()` could throw
 * on it and turn a client's mistake into a 500. The import pages that take a file (UPLOAD_PATHS) also
 * take multipart, and read it with a size cap and their own refusals (app/utils/upload.server.ts).
 */
export function isFormBody(method: string, contentType: string | undefined, path = ""): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  return type === FORM || (type === MULTIPART && (UPLOAD_PATHS as readonly string[]).includes(path.replace(/\/+$/, "")));
}

export function requireFormBody(req: Request, res: Response, next: NextFunction) {
  if (isFormBody(req.method, req.headers["content-type"], req.path)) return next();
  res.status(415).setHeader("Accept-Post", FORM);
  res.type("text/plain").send(`Unsupported Media Type: send a form (${FORM}).`);
}
