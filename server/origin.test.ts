import { describe, expect, it } from "vitest";
import { isCrossOrigin } from "./origin";

describe("isCrossOrigin", () => {
  it("lets reads through from anywhere", () => {
    expect(isCrossOrigin("GET", { origin: "https://evil.example", host: "gilde.test" }, "https")).toBe(false);
  });
  it("allows a POST from the same origin", () => {
    expect(isCrossOrigin("POST", { origin: "http://localhost:3000", host: "localhost:3000" }, "http")).toBe(false);
  });
  it("refuses a POST from another origin, a null origin, or a cross-site fetch", () => {
    expect(isCrossOrigin("POST", { origin: "https://evil.example", host: "localhost:3000" }, "http")).toBe(true);
    expect(isCrossOrigin("POST", { origin: "null", host: "localhost:3000" }, "http")).toBe(true);
    expect(isCrossOrigin("DELETE", { "sec-fetch-site": "cross-site", host: "localhost:3000" }, "http")).toBe(true);
    expect(isCrossOrigin("POST", { origin: "http://localhost:3000.evil.example", host: "localhost:3000" }, "http")).toBe(true);
  });
});
