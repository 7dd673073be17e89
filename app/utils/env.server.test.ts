import { describe, expect, it } from "vitest";
import { EnvError, appUrl, parseEnv } from "./env.server";

describe("parseEnv", () => {
  it("has a default for everything", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATABASE_URL: "file:./data/gilde.db", MEILI_PORT: 7700, MEILI_MAX_INDEXING_MEMORY: "512MiB", COOKIE_SECURE: "auto", SESSION_CACHE_MS: 5000 });
  });
  it("names the variable and the value when one is wrong", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT.*"eighty"/);
    expect(() => parseEnv({ MEILI_HOST: "not a url", MEILI_MASTER_KEY: "x".repeat(16) })).toThrow(/MEILI_HOST/);
    expect(() => parseEnv({ MEILI_MAX_INDEXING_MEMORY: "lots" })).toThrow(/MEILI_MAX_INDEXING_MEMORY.*"lots"/);
    expect(() => parseEnv({ MEILI_MAX_INDEXING_MEMORY: "1GiB --master-key x" })).toThrow(/MEILI_MAX_INDEXING_MEMORY/);
    expect(parseEnv({ MEILI_MAX_INDEXING_MEMORY: "2GiB" }).MEILI_MAX_INDEXING_MEMORY).toBe("2GiB");
  });
  it("requires a master key with an external Meilisearch", () => {
    expect(() => parseEnv({ MEILI_HOST: "http://127.0.0.1:7700" })).toThrow(/MEILI_MASTER_KEY/);
  });
  it("leaves e-mail off by default and links to localhost", () => {
    const env = parseEnv({ PORT: "4000" });
    expect(env.SMTP_URL).toBeUndefined();
    expect(appUrl(env)).toBe("http://localhost:4000");
    expect(appUrl(parseEnv({ APP_URL: "https://gilde.example.org/" }))).toBe("https://gilde.example.org");
  });
  it("names SMTP_URL, MAIL_FROM or APP_URL when one is malformed", () => {
    expect(() => parseEnv({ SMTP_URL: "mail.example.org:25", MAIL_FROM: "gilde@example.org" })).toThrow(/SMTP_URL.*"mail.example.org:25"/);
    expect(() => parseEnv({ SMTP_URL: "http://mail.example.org", MAIL_FROM: "gilde@example.org" })).toThrow(/SMTP_URL/);
    expect(() => parseEnv({ SMTP_URL: "smtp://mail.example.org", MAIL_FROM: "gilde" })).toThrow(/MAIL_FROM.*"gilde"/);
    expect(() => parseEnv({ SMTP_URL: "smtp://mail.example.org" })).toThrow(/MAIL_FROM: required/);
    expect(() => parseEnv({ APP_URL: "gilde.example.org" })).toThrow(/APP_URL/);
    expect(() => parseEnv({ SMTP_URL: "ftp://user:secret@mail.example.org", MAIL_FROM: "gilde@example.org" })).toThrow(/SMTP_URL.*"ftp:\/\/\*\*\*@mail.example.org"/);
    const env = parseEnv({ SMTP_URL: "smtps://user:secret@mail.example.org:465", MAIL_FROM: "Gilde <gilde@example.org>" });
    expect(env.SMTP_URL).toBe("smtps://user:secret@mail.example.org:465");
  });
});

describe("single sign-on settings", () => {
  const oidc = { OIDC_ISSUER: "https://login.bank.example/realms/bank", OIDC_CLIENT_ID: "gilde", OIDC_CLIENT_SECRET: "s3cret-value" };

  it("are off by default, with password sign-in on", () => {
    const env = parseEnv({});
    expect(env.OIDC_ISSUER).toBeUndefined();
    expect(env.PASSWORD_LOGIN).toBe("on");
    expect(env.OIDC_SCOPES).toBe("openid email profile");
  });
  it("read the role and department maps as JSON objects", () => {
    const env = parseEnv({ ...oidc, OIDC_ROLE_CLAIM: "groups", OIDC_ROLE_MAP: '{"gilde-admins":"ADMIN","gilde-km":"KNOWLEDGE_MANAGER"}', OIDC_DEPARTMENT_CLAIM: "department" });
    expect(env.OIDC_ROLE_MAP).toEqual({ "gilde-admins": "ADMIN", "gilde-km": "KNOWLEDGE_MANAGER" });
    expect(Object.keys(env.OIDC_ROLE_MAP!)).toEqual(["gilde-admins", "gilde-km"]);
  });
  it("name the variable when a map is no JSON object or names an unknown role", () => {
    expect(() => parseEnv({ ...oidc, OIDC_ROLE_CLAIM: "groups", OIDC_ROLE_MAP: "gilde-admins=ADMIN" })).toThrow(/OIDC_ROLE_MAP: must be a JSON object such as/);
    expect(() => parseEnv({ ...oidc, OIDC_ROLE_CLAIM: "groups", OIDC_ROLE_MAP: '["ADMIN"]' })).toThrow(/OIDC_ROLE_MAP: must be a JSON object/);
    expect(() => parseEnv({ ...oidc, OIDC_ROLE_CLAIM: "groups", OIDC_ROLE_MAP: '{"gilde-admins":"ROOT"}' })).toThrow(/OIDC_ROLE_MAP.gilde-admins: must be one of EMPLOYEE, KNOWLEDGE_MANAGER, DEPARTMENT_HEAD, ADMIN/);
  });
  it("want https for the issuer, except on this machine", () => {
    expect(() => parseEnv({ ...oidc, OIDC_ISSUER: "http://login.bank.example" })).toThrow(/OIDC_ISSUER: must be an https URL/);
    expect(parseEnv({ ...oidc, OIDC_ISSUER: "http://127.0.0.1:3424" }).OIDC_ISSUER).toBe("http://127.0.0.1:3424");
  });
  it("ask for what belongs together", () => {
    expect(() => parseEnv({ OIDC_ISSUER: oidc.OIDC_ISSUER })).toThrow(/OIDC_CLIENT_ID: required when OIDC_ISSUER is set/);
    expect(() => parseEnv({ OIDC_ISSUER: oidc.OIDC_ISSUER, OIDC_CLIENT_ID: "gilde" })).toThrow(/OIDC_CLIENT_SECRET: required/);
    expect(() => parseEnv({ OIDC_CLIENT_ID: "gilde" })).toThrow(/OIDC_ISSUER: required when OIDC_CLIENT_ID is set/);
    expect(() => parseEnv({ ...oidc, OIDC_ROLE_MAP: '{"a":"ADMIN"}' })).toThrow(/OIDC_ROLE_CLAIM: required/);
    expect(() => parseEnv({ ...oidc, OIDC_ROLE_CLAIM: "groups" })).toThrow(/OIDC_ROLE_MAP: required/);
    expect(() => parseEnv({ ...oidc, OIDC_DEPARTMENT_MAP: '{"SAV":"Spaardesk"}' })).toThrow(/OIDC_DEPARTMENT_CLAIM: required/);
  });
  it("switch password sign-in off only with a provider and a break-glass admin", () => {
    expect(() => parseEnv({ PASSWORD_LOGIN: "off" })).toThrow(/OIDC_ISSUER: required when PASSWORD_LOGIN=off/);
    expect(() => parseEnv({ ...oidc, PASSWORD_LOGIN: "off" })).toThrow(/BREAK_GLASS_EMAIL: required when PASSWORD_LOGIN=off/);
    expect(() => parseEnv({ ...oidc, PASSWORD_LOGIN: "no" })).toThrow(/PASSWORD_LOGIN: must be on or off/);
    expect(() => parseEnv({ ...oidc, PASSWORD_LOGIN: "off", BREAK_GLASS_EMAIL: "admin" })).toThrow(/BREAK_GLASS_EMAIL: must be an email address/);
    expect(parseEnv({ ...oidc, PASSWORD_LOGIN: "off", BREAK_GLASS_EMAIL: " Admin@Gilde.test " }).BREAK_GLASS_EMAIL).toBe("admin@gilde.test");
  });
});
