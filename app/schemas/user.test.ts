import { describe, expect, it } from "vitest";
import { parseForm } from "./form";
import { CreateUserSchema, LoginSchema } from "./user";

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}

describe("user schemas", () => {
  it("lower-cases emails and rejects malformed ones", () => {
    expect(parseForm(LoginSchema, form({ email: " KM@Gilde.Test ", password: "x" }))).toMatchObject({ ok: true, data: { email: "km@gilde.test" } });
    const bad = parseForm(LoginSchema, form({ email: "not-an-email", password: "x" }));
    expect(!bad.ok && bad.errors.email).toEqual({ key: "error.email" });
  });
  it("never echoes a password back into the form", () => {
    const bad = parseForm(CreateUserSchema, form({ name: "", email: "a@b.be", password: "short", role: "ADMIN" }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.values.password).toBeUndefined();
      expect(bad.errors.password).toEqual({ key: "error.tooShort", vars: { min: 10 } });
      expect(bad.errors.name).toEqual({ key: "error.required" });
    }
  });
  it("only accepts known roles", () => {
    const bad = parseForm(CreateUserSchema, form({ name: "n", email: "a@b.be", password: "long-enough-pw", role: "SUPERUSER" }));
    expect(!bad.ok && bad.errors.role).toEqual({ key: "error.invalid" });
  });
});
