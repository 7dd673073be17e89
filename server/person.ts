import type { Request } from "express";

const COOKIE_NAMES = new Set(["__Host-gilde_session", "gilde_session"]);

/**
 * The user behind a request's session cookie, for counting per person: the same kept session read
 * the app's pages use (a live session of an enabled user), or null.
 */
export async function personOfRequest(req: Request): Promise<string | null> {
  const header = req.headers.cookie;
  if (!header) return null;
  let sessionId: string | null = null;
  for (const part of header.split(";")) {
    const [name, ...value] = part.trim().split("=");
    const id = value.join("=");
    if (COOKIE_NAMES.has(name) && /^[A-Za-z0-9_-]{43}$/.test(id)) sessionId = id;
  }
  if (!sessionId) return null;
  // Loaded on first use: the database module reads the configuration, which is complete only after boot.
  const { findSessionUser } = await import("~/models/session.server");
  const row = await findSessionUser(sessionId);
  return row && row.expiresAt.getTime() > Date.now() && !row.disabledAt ? row.id : null;
}
