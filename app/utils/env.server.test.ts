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
