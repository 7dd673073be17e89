import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.server";

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
});
