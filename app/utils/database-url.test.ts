import { describe, expect, it } from "vitest";
import { databaseProvider, describeDatabaseError, isDatabaseUnavailable, redactDatabaseUrl } from "./database-url";

describe("databaseProvider", () => {
  it("reads PostgreSQL from postgresql:// and postgres://, SQLite from everything else", () => {
    expect(databaseProvider("postgresql://gilde:pw@db:5432/gilde")).toBe("postgresql");
    expect(databaseProvider("postgres://db/gilde")).toBe("postgresql");
    expect(databaseProvider("file:./data/gilde.db")).toBe("sqlite");
    expect(databaseProvider("libsql://example.turso.io")).toBe("sqlite");
  });
});

describe("describeDatabaseError", () => {
  const url = "postgresql://gilde:secret@db.example:5432/gilde";

  it("names the variable and the place, never the password, in one line", () => {
    const line = describeDatabaseError(url, Object.assign(new Error('password authentication failed for user "gilde"'), { code: "28P01" }));
    expect(line).toBe('DATABASE_URL: cannot use postgresql://gilde:***@db.example:5432/gilde: the server refused the login (password authentication failed for user "gilde").');
    expect(line).not.toContain("secret");
    expect(line).not.toContain("\n");
  });

  it("says what a refused connection, an unknown host and a missing database mean", () => {
    expect(describeDatabaseError(url, Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toContain("connection refused");
    expect(describeDatabaseError(url, Object.assign(new Error("getaddrinfo ENOTFOUND db.example"), { code: "ENOTFOUND" }))).toContain("host name is unknown");
    expect(describeDatabaseError(url, Object.assign(new Error('database "gilde" does not exist'), { code: "3D000" }))).toContain("does not exist");
  });

  it("finds the cause inside an AggregateError (one error per address tried)", () => {
    const inner = Object.assign(new Error("connect ECONNREFUSED ::1:5432"), { code: "ECONNREFUSED" });
    expect(describeDatabaseError(url, new AggregateError([inner], ""))).toContain("connection refused");
  });
});

describe("isDatabaseUnavailable", () => {
  it("knows a lost or refused connection however it is wrapped", () => {
    expect(isDatabaseUnavailable(new Error("x", { cause: Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }) }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable({ originalCode: "57P01", message: "db error" })).toBe(true);
    // A database closed to connections for maintenance (ALTER DATABASE … ALLOW_CONNECTIONS false).
    expect(isDatabaseUnavailable(Object.assign(new Error('database "gilde" is not currently accepting connections'), { code: "55000" }))).toBe(true);
  });

  it("does not take a wrong query or a broken rule for an outage", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('column "x" does not exist'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});

describe("redactDatabaseUrl", () => {
  it("hides the password and keeps the rest", () => {
    expect(redactDatabaseUrl("postgresql://u:p@h/d")).toBe("postgresql://u:***@h/d");
    expect(redactDatabaseUrl("file:./data/gilde.db")).toBe("file:./data/gilde.db");
  });
});
