import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";
import { HOSTILE_REDIRECTS } from "../../tests/support/hostile-input";


describe("safeRedirect", () => {
  it.each(HOSTILE_REDIRECTS)("refuses %j", (to) => {
    const result = safeRedirect(to, "/search");
    // Either the fallback, or a path that stays on this site (the encoded forms are such paths).
    expect(result === "/search" || (/^\/(?![/\\])/.test(result) && /^[\x21-\x7e]+$/.test(result))).toBe(true);
    expect(new URL(result, "https://gilde.test").origin).toBe("https://gilde.test");
  });

  it("keeps what the sign-in page sends back: a path with its query", () => {
    expect(safeRedirect("/communities/sparen?tab=time", "/search")).toBe("/communities/sparen?tab=time");
    expect(safeRedirect("/search?q=caf%C3%A9", "/search")).toBe("/search?q=caf%C3%A9");
    expect(safeRedirect("/entries/abc#feedback")).toBe("/entries/abc#feedback");
  });

  it("keeps encoded slashes and tabs encoded, so they stay part of a path", () => {
    expect(safeRedirect("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeRedirect("/%09/evil.example")).toBe("/%09/evil.example");
  });

  it("uses the fallback for anything that is not a string", () => {
    expect(safeRedirect(undefined, "/search")).toBe("/search");
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(["/a"])).toBe("/");
  });
});
