/**
 * The client Gilde is at the test OpenID provider (tests/support/oidc-provider.ts), and the claim
 * mapping the journeys run with: shared by playwright.config.ts (the server's environment) and the specs.
 */
export const TEST_OIDC = {
  clientId: "gilde-test",
  clientSecret: "gilde-test-client-secret",
  providerName: "Gilde-ID",
  roleClaim: "groups",
  roleMap: { "gilde-beheer": "ADMIN", "gilde-kennisbeheer": "KNOWLEDGE_MANAGER", "gilde-afdelingshoofden": "DEPARTMENT_HEAD" },
  departmentClaim: "department",
} as const;

/** The environment of a Gilde server that signs in through the test provider at this address. */
export function testOidcEnv(issuer: string): Record<string, string> {
  return {
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: TEST_OIDC.clientId,
    OIDC_CLIENT_SECRET: TEST_OIDC.clientSecret,
    OIDC_PROVIDER_NAME: TEST_OIDC.providerName,
    OIDC_ROLE_CLAIM: TEST_OIDC.roleClaim,
    OIDC_ROLE_MAP: JSON.stringify(TEST_OIDC.roleMap),
    OIDC_DEPARTMENT_CLAIM: TEST_OIDC.departmentClaim,
  };
}
