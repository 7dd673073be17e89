import { describe, expect, it } from "vitest";
import { databaseOutageLog } from "./database-outage";

function recorder() {
  const lines: string[] = [];
  return { lines, log: { warn: (l: string) => lines.push(`warn ${l}`), info: (l: string) => lines.push(`info ${l}`) } };
}

const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
const terminated = () => new Error("x", { cause: Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }) });

describe("databaseOutageLog", () => {
  it("says once that the database went away and once that it is back, however many ticks fail between", () => {
    const { lines, log } = recorder();
    const outage = databaseOutageLog("[mail] worker", log);
    outage.succeeded();
    for (let tick = 0; tick < 50; tick++) expect(outage.failed(tick % 2 ? refused() : terminated())).toBe(true);
    expect(outage.down).toBe(true);
    outage.succeeded();
    outage.succeeded();
    expect(outage.down).toBe(false);
    expect(lines).toEqual([
      "warn [mail] worker: the database is unavailable; retrying quietly until it is back",
      expect.stringMatching(/^info \[mail\] worker: the database is back \(away for \d+\.\d s\)$/),
    ]);

    // The next outage is said again.
    outage.failed(refused());
    outage.succeeded();
    expect(lines).toHaveLength(4);
  });

  it("leaves any other error to the worker, and says nothing for it", () => {
    const { lines, log } = recorder();
    const outage = databaseOutageLog("[webhooks] worker", log);
    expect(outage.failed(new Error('column "x" does not exist'))).toBe(false);
    expect(outage.down).toBe(false);
    outage.succeeded();
    expect(lines).toEqual([]);
  });
});
