import { describe, expect, it } from "vitest";
import { ApiTokenFieldsSchema } from "./api-token";

describe("ApiTokenFieldsSchema", () => {
  it("takes scopes as a list or a comma-separated string, and 90 days by default", () => {
    expect(ApiTokenFieldsSchema.parse({ name: " crm ", scopes: "notes:write,search:read" })).toEqual({ name: "crm", scopes: ["notes:write", "search:read"], expiresInDays: 90 });
    expect(ApiTokenFieldsSchema.parse({ name: "crm", scopes: ["search:read", "search:read"], expiresInDays: "30" }).scopes).toEqual(["search:read"]);
  });
  it("refuses unknown scopes, no scope, and more than a year", () => {
    expect(ApiTokenFieldsSchema.safeParse({ name: "crm", scopes: "admin" }).success).toBe(false);
    expect(ApiTokenFieldsSchema.safeParse({ name: "crm", scopes: [] }).success).toBe(false);
    expect(ApiTokenFieldsSchema.safeParse({ name: "crm", scopes: "search:read", expiresInDays: 366 }).success).toBe(false);
  });
});
