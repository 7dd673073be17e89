import { randomBytes } from "node:crypto";
import { redirect } from "@remix-run/node";
import { db } from "./db.server";
import { deleteSession, findSessionUser, touchSession } from "~/models/session.server";
import { getEnv } from "./env.server";
import type { Role, Locale } from "~/schemas/enums";

/** Absolute session lifetime: a session ends 12 hours after sign-in, whatever happens. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** A session's last request is written at most this often, so reading pages costs no write per request. */
export const LAST_SEEN_EVERY_MS = 60 * 1000;
const SECURE_NAME = "__Host-gilde_session";
const PLAIN_NAME = "gilde_session";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  departmentId: string | null;
  sessionId: string;
  /** What the policies need, read in the same query as the session. */
  communityIds: string[];
  headOfDepartmentId: string | null;
};

/**
 * The cookie is Secure (and so may carry the __Host- prefix) on https and on localhost, which
 * browsers treat as a secure context. Only plain http to another host (a LAN test) drops it.
 */
export function cookieIsSecure(request: Request): boolean {
  const mode = getEnv().COOKIE_SECURE;
  if (mode !== "auto") return mode === "true";
  const url = new URL(request.url);
  if (url.protocol === "https:") return true;
  return ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

function cookieName(request: Request) {
  return cookieIsSecure(request) ? SECURE_NAME : PLAIN_NAME;
}

function readSessionId(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  const name = cookieName(request);
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) {
      const value = v.join("=");
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
    }
  }
  return null;
}

function serializeCookie(request: Request, value: string, maxAgeSeconds: number): string {
  const parts = [`${cookieName(request)}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`];
  if (cookieIsSecure(request)) parts.push("Secure");
  return parts.join("; ");
}

/** `idToken`: the provider's ID token of a single sign-on, kept to end the session there too at logout. */
export async function createSession(request: Request, userId: string, { idToken }: { idToken?: string } = {}): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  const now = Date.now();
  await db.session.create({ data: { id, userId, expiresAt: new Date(now + SESSION_LIFETIME_MS), lastSeenAt: new Date(now), idToken } });
  return serializeCookie(request, id, Math.floor(SESSION_LIFETIME_MS / 1000));
}

export async function destroySession(request: Request): Promise<string> {
  return (await endSession(request)).cookie;
}

/** Ends the request's session: the cleared cookie, and whose session it was and how they signed in. */
export async function endSession(request: Request): Promise<{ cookie: string; userId: string | null; idToken: string | null }> {
  const id = readSessionId(request);
  const row = id ? await db.session.findUnique({ where: { id }, select: { userId: true, idToken: true } }) : null;
  if (id) await db.session.deleteMany({ where: { id } });
  return { cookie: serializeCookie(request, "", 0), userId: row?.userId ?? null, idToken: row?.idToken ?? null };
}

// The root loader and the route loader of one page load ask for the same request's user: read it once.
const perRequest = new WeakMap<Request, Promise<SessionUser | null>>();

export function getUser(request: Request): Promise<SessionUser | null> {
  let pending = perRequest.get(request);
  if (!pending) {
    pending = readUser(request);
    perRequest.set(request, pending);
  }
  return pending;
}

// When this process last wrote each session's lastSeenAt: a kept read may hold an older one.
const TOUCHED_MAX = 10_000;
const touched = new Map<string, number>();

async function readUser(request: Request): Promise<SessionUser | null> {
  const id = readSessionId(request);
  if (!id) return null;
  const session = await findSessionUser(id);
  const now = Date.now();
  const lastSeen = session ? Math.max(session.lastSeenAt.getTime(), touched.get(id) ?? 0) : 0;
  const idle = now - lastSeen > getEnv().SESSION_IDLE_MINUTES * 60_000;
  if (!session || session.expiresAt.getTime() <= now || session.disabledAt || idle) {
    touched.delete(id);
    if (session) await deleteSession(id);
    return null;
  }
  if (now - lastSeen >= LAST_SEEN_EVERY_MS) {
    if (touched.size >= TOUCHED_MAX) touched.delete(touched.keys().next().value!);
    touched.set(id, now);
    await touchSession(id, new Date(now));
  }
  const { expiresAt: _expires, disabledAt: _disabled, lastSeenAt: _seen, ...user } = session;
  return { ...user, role: user.role as Role, locale: user.locale as Locale, sessionId: id };
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const redirectTo = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
  }
  return user;
}
