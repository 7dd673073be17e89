/**
 * One flash message after a redirect: the action says what happened, the next page shows it once.
 * The message travels in a short-lived cookie as a dictionary key (never text), so nothing a
 * visitor forges can put words on the page that the dictionaries do not hold.
 */
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { nl } from "./i18n/nl";
import type { Message, MessageKey } from "./i18n";
import { cookieIsSecure } from "./session.server";

const PLAIN_NAME = "gilde_flash";
const SECURE_NAME = "__Host-gilde_flash";
const MAX_AGE_SECONDS = 60;

export type FlashKind = "success" | "error";
export type Flash = { kind: FlashKind; message: Message };

const FlashSchema = z.object({
  kind: z.enum(["success", "error"]),
  message: z.object({
    key: z.string().refine((key): key is MessageKey => Object.hasOwn(nl, key)),
    vars: z.record(z.string(), z.union([z.string().max(200), z.number()])).optional(),
  }),
});

function cookieName(request: Request) {
  return cookieIsSecure(request) ? SECURE_NAME : PLAIN_NAME;
}

function serialize(request: Request, value: string, maxAge: number): string {
  const parts = [`${cookieName(request)}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAge}`];
  if (cookieIsSecure(request)) parts.push("Secure");
  return parts.join("; ");
}

function readCookie(request: Request): string | null {
  const name = cookieName(request);
  for (const part of request.headers.get("Cookie")?.split(";") ?? []) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return null;
}

/** The Set-Cookie header that carries a flash to the next page. */
export function flashCookie(request: Request, flash: Flash): string {
  return serialize(request, Buffer.from(JSON.stringify(flash)).toString("base64url"), MAX_AGE_SECONDS);
}

/** Redirects and shows `message` once on the page it lands on. */
export function redirectWithFlash(request: Request, url: string, message: Message, kind: FlashKind = "success", init?: ResponseInit) {
  const headers = new Headers(init?.headers);
  headers.append("Set-Cookie", flashCookie(request, { kind, message }));
  return redirect(url, { ...init, headers });
}

/** The flash waiting for this request, if any, and the header that clears it (read once). */
export function readFlash(request: Request): { flash: Flash | null; headers: HeadersInit | undefined } {
  const raw = readCookie(request);
  if (raw === null) return { flash: null, headers: undefined };
  const clear = { "Set-Cookie": serialize(request, "", 0) };
  try {
    const parsed = FlashSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return { flash: parsed.success ? (parsed.data as Flash) : null, headers: clear };
  } catch {
    return { flash: null, headers: clear };
  }
}
