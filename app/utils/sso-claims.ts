/**
 * What Gilde reads from the claims an OpenID provider sends about a person: who they are, and, when
 * the configuration says which claims carry them, their role and department (docs/decisions/0057).
 * Pure functions, so each rule is tested without a provider.
 */
import type { Locale, Role } from "~/schemas/enums";

export type Claims = Record<string, unknown>;

export type ClaimMapping = {
  /** The claim that carries the role, e.g. "groups", "roles" or "realm_access.roles". */
  roleClaim?: string;
  /** Claim value → role; the first pair whose value the person has wins. */
  roleMap?: Record<string, Role>;
  departmentClaim?: string;
  /** Claim value → department name; without it, the value is the department's name. */
  departmentMap?: Record<string, string>;
};

/**
 * The values of a claim as strings: a string, a number or a list of them. A name is first looked up
 * whole (providers name claims with URLs, dots and all), then as a path into nested objects.
 */
export function claimValues(claims: Claims, name: string): string[] {
  let value: unknown = claims[name];
  if (value === undefined && name.includes(".")) {
    value = name.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" && !Array.isArray(node) ? (node as Claims)[key] : undefined), claims);
  }
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string | number => typeof v === "string" || typeof v === "number").map((v) => String(v).trim()).filter((v) => v.length > 0);
}

/**
 * The role the claims give, or null when no role claim is configured (roles are then managed in Gilde
 * alone). A person whose values match nothing in the map is an employee.
 */
export function roleFromClaims(claims: Claims, mapping: ClaimMapping): Role | null {
  if (!mapping.roleClaim || !mapping.roleMap) return null;
  const values = new Set(claimValues(claims, mapping.roleClaim));
  for (const [value, role] of Object.entries(mapping.roleMap)) if (values.has(value)) return role;
  return "EMPLOYEE";
}

/**
 * The department name the claims give: undefined when no department claim is configured or the claim
 * holds nothing the map knows. Matching a department by name ignores case.
 */
export function departmentNameFromClaims(claims: Claims, mapping: ClaimMapping): string | undefined {
  if (!mapping.departmentClaim) return undefined;
  for (const value of claimValues(claims, mapping.departmentClaim)) {
    if (!mapping.departmentMap) return value;
    if (Object.hasOwn(mapping.departmentMap, value)) return mapping.departmentMap[value];
  }
  return undefined;
}

export type Person = { email: string | null; emailVerified: boolean; name: string; locale: Locale };

/**
 * The person as the claims describe them. An email counts as verified only when the provider says
 * so with `email_verified: true` (some send the string "true").
 */
export function personFromClaims(claims: Claims): Person {
  const email = typeof claims.email === "string" && claims.email.includes("@") ? claims.email.trim().toLowerCase() : null;
  const emailVerified = claims.email_verified === true || claims.email_verified === "true";
  const given = [claims.given_name, claims.family_name].filter((v): v is string => typeof v === "string" && v.trim().length > 0).join(" ");
  const name = (typeof claims.name === "string" && claims.name.trim()) || given || (typeof claims.preferred_username === "string" && claims.preferred_username.trim()) || (email ? email.split("@")[0] : "");
  const locale: Locale = typeof claims.locale === "string" && /^en\b/i.test(claims.locale) ? "en" : "nl";
  return { email, emailVerified, name: name.slice(0, 120), locale };
}
