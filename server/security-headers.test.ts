import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./security-headers";

describe("contentSecurityPolicy", () => {
  it("runs only scripts with this request's nonce, and what they load", () => {
    const policy = contentSecurityPolicy("abc123==");
    const directives = Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));
    expect(directives["script-src"]).toBe("'nonce-abc123==' 'strict-dynamic'");
    expect(directives["object-src"]).toBe("'none'");
    expect(directives["base-uri"]).toBe("'none'");
    expect(directives["frame-ancestors"]).toBe("'none'");
    expect(directives["form-action"]).toBe("'self'");
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it("lets a form's answer lead to the single sign-on provider, for signing out there", () => {
    const policy = contentSecurityPolicy("abc123==", { formActions: ["https://login.bank.example"] });
    expect(policy).toMatch(/(^|; )form-action 'self' https:\/\/login\.bank\.example(;|$)/);
  });
});
