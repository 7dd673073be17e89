import { describe, expect, it } from "vitest";
import { isCrossOrigin, isTokenApiRequest } from "./origin";

const host = "localhost:3000";

describe("isCrossOrigin", () => {
  it("lets reads through from anywhere", () => {
    expect(isCrossOrigin("GET", { origin: "https://evil.example", host: "gilde.test" }, "https")).toBe(false);
    expect(isCrossOrigin("HEAD", { referer: "https://evil.example/", host }, "http")).toBe(false);
  });

  it("allows a POST from the same origin, by Origin or (without it) by Referer", () => {
    expect(isCrossOrigin("POST", { origin: "http://localhost:3000", host }, "http")).toBe(false);
    expect(isCrossOrigin("POST", { referer: "http://localhost:3000/notes/new?x=1", host }, "http")).toBe(false);
    expect(isCrossOrigin("POST", { origin: "http://localhost:3000", referer: "http://localhost:3000/a", "sec-fetch-site": "same-origin", host }, "http")).toBe(false);
  });

  it("refuses a POST from another origin, a null origin, or a cross-site fetch", () => {
    expect(isCrossOrigin("POST", { origin: "https://evil.example", host }, "http")).toBe(true);
    expect(isCrossOrigin("POST", { origin: "null", host }, "http")).toBe(true);
    expect(isCrossOrigin("DELETE", { "sec-fetch-site": "cross-site", host }, "http")).toBe(true);
    expect(isCrossOrigin("POST", { origin: "http://localhost:3000.evil.example", host }, "http")).toBe(true);
    expect(isCrossOrigin("POST", { origin: "https://localhost:3000", host }, "http")).toBe(true);
    expect(isCrossOrigin("POST", { origin: "not a url", host }, "http")).toBe(true);
  });

  it("refuses a POST without Origin whose Referer is another site (or unreadable)", () => {
    expect(isCrossOrigin("POST", { referer: "https://evil.example/page", host }, "http")).toBe(true);
    expect(isCrossOrigin("POST", { referer: "http://localhost:3000@evil.example/", host }, "http")).toBe(true);
    expect(isCrossOrigin("POST", { referer: "http://evil.example/http://localhost:3000/", host }, "http")).toBe(true);
    expect(isCrossOrigin("POST", { referer: "garbage", host }, "http")).toBe(true);
    // A same-origin Origin does not excuse a cross-site Sec-Fetch-Site.
    expect(isCrossOrigin("POST", { origin: "http://localhost:3000", "sec-fetch-site": "cross-site", host }, "http")).toBe(true);
  });

  it("lets a POST with neither header through: not a browser's cross-site form (docs/decisions/0043)", () => {
    expect(isCrossOrigin("POST", { host }, "http")).toBe(false);
  });
});

describe("isTokenApiRequest", () => {
  it("lets Bearer requests to /api/v1 through, nothing else", () => {
    expect(isTokenApiRequest("/api/v1/notes", "Bearer gilde_x")).toBe(true);
    expect(isTokenApiRequest("/api/v1/notes", undefined)).toBe(false);
    expect(isTokenApiRequest("/notes/new", "Bearer gilde_x")).toBe(false);
    expect(isTokenApiRequest("/api/v1/notes", "Basic abc")).toBe(false);
  });
});
