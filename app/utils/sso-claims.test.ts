import { describe, expect, it } from "vitest";
import { claimValues, departmentNameFromClaims, personFromClaims, roleFromClaims } from "./sso-claims";

const roles = { roleClaim: "groups", roleMap: { "gilde-admins": "ADMIN", "gilde-km": "KNOWLEDGE_MANAGER" } as const };

describe("claimValues", () => {
  it("reads a string, a number or a list, whole names before nested paths", () => {
    expect(claimValues({ groups: ["a", " b ", 3, null, {}] }, "groups")).toEqual(["a", "b", "3"]);
    expect(claimValues({ dept: "SAV" }, "dept")).toEqual(["SAV"]);
    expect(claimValues({ realm_access: { roles: ["x"] } }, "realm_access.roles")).toEqual(["x"]);
    expect(claimValues({ "https://gilde.example/roles": ["y"] }, "https://gilde.example/roles")).toEqual(["y"]);
    expect(claimValues({}, "groups")).toEqual([]);
    expect(claimValues({ groups: "" }, "groups")).toEqual([]);
  });
});

describe("roleFromClaims", () => {
  it("is null when roles are not mapped: Gilde keeps managing them", () => {
    expect(roleFromClaims({ groups: ["gilde-admins"] }, {})).toBeNull();
  });
  it("takes the first pair of the map that the person has", () => {
    expect(roleFromClaims({ groups: ["gilde-km", "gilde-admins"] }, roles)).toBe("ADMIN");
    expect(roleFromClaims({ groups: ["staff", "gilde-km"] }, roles)).toBe("KNOWLEDGE_MANAGER");
  });
  it("falls back to employee for an unmapped value or a missing claim", () => {
    expect(roleFromClaims({ groups: ["marketing"] }, roles)).toBe("EMPLOYEE");
    expect(roleFromClaims({}, roles)).toBe("EMPLOYEE");
    expect(roleFromClaims({ groups: ["GILDE-ADMINS"] }, roles)).toBe("EMPLOYEE");
  });
});

describe("departmentNameFromClaims", () => {
  it("uses the value as the name without a map, or the map's name for a value", () => {
    expect(departmentNameFromClaims({ department: "Spaardesk" }, { departmentClaim: "department" })).toBe("Spaardesk");
    expect(departmentNameFromClaims({ department: "SAV" }, { departmentClaim: "department", departmentMap: { SAV: "Spaardesk" } })).toBe("Spaardesk");
  });
  it("says nothing when not configured, when the claim is missing or unmapped", () => {
    expect(departmentNameFromClaims({ department: "Spaardesk" }, {})).toBeUndefined();
    expect(departmentNameFromClaims({}, { departmentClaim: "department" })).toBeUndefined();
    expect(departmentNameFromClaims({ department: "XYZ" }, { departmentClaim: "department", departmentMap: { SAV: "Spaardesk" } })).toBeUndefined();
    expect(departmentNameFromClaims({ department: "toString" }, { departmentClaim: "department", departmentMap: { SAV: "Spaardesk" } })).toBeUndefined();
  });
});

describe("personFromClaims", () => {
  it("reads email, its verification, a name and the language", () => {
    expect(personFromClaims({ email: " An.Peeters@Bank.be ", email_verified: true, name: "An Peeters", locale: "en-GB" })).toEqual({
      email: "an.peeters@bank.be",
      emailVerified: true,
      name: "An Peeters",
      locale: "en",
    });
    expect(personFromClaims({ email: "jo@bank.be", email_verified: "true", given_name: "Jo", family_name: "Maes" })).toMatchObject({ emailVerified: true, name: "Jo Maes", locale: "nl" });
  });
  it("trusts no email the provider did not verify, and makes a name of what there is", () => {
    expect(personFromClaims({ email: "jo@bank.be" })).toMatchObject({ emailVerified: false, name: "jo" });
    expect(personFromClaims({ email: "jo@bank.be", email_verified: false, preferred_username: "jmaes" })).toMatchObject({ emailVerified: false, name: "jmaes" });
    expect(personFromClaims({ email: "not-an-address" }).email).toBeNull();
  });
});
