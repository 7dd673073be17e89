/**
 * Where a user may be sent after signing in: a path on this site, never another origin.
 *
 * Browsers forgive a lot in a Location header — they drop tabs and newlines, read a backslash as a
 * slash and resolve dot segments — so `/\t/evil.example` or `/\\evil.example` would leave the site.
 * Only printable ASCII without a backslash passes, it must start with one slash, and the path it
 * resolves to must still be a path on this origin after the browser's own normalisation.
 */
const BASE = "http://gilde.invalid";
const MAX_LENGTH = 2000;

export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > MAX_LENGTH) return fallback;
  // Printable ASCII only: no controls (tab, CR, LF), no space, nothing above U+007E, no backslash.
  if (!/^[\x21-\x7e]+$/.test(to) || to.includes("\\")) return fallback;
  if (!to.startsWith("/") || to.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = url.pathname + url.search + url.hash;
  // Dot segments can fold "/.//x" into "//x", which a browser would read as another host.
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  return path;
}
