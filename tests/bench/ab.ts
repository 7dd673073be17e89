/**
 * A/B of one change, request by request: two app servers (the code before and after, each its own process on a
 * copy of the same database) get the same requests alternately, one at a time, and each server's CPU per request
 * is read from /proc. Other load on a shared machine then hits both alike, which separate benchmark runs cannot
 * promise (docs/benchmarks.md, "What a request costs").
 *
 *   AB_A=3401:<pid> AB_B=3402:<pid> AB_PATHS=/login,/entries/<id> [AB_N=400] [AB_EMAIL=agent@gilde.test] [AB_PASSWORD=gilde-demo] npx tsx tests/bench/ab.ts
 *
 * Start each server with WEB_CONCURRENCY=1 and HOST=127.0.0.1 (its pid is then the app's process), e.g. a git
 * worktree of the old commit for A. Signs in on each with the demo password; paths other than /login… are asked
 * signed in. Linux only (/proc).
 */
import { readFileSync } from "node:fs";
import http from "node:http";

const server = (name: "A" | "B", spec = "") => {
  const [port, pid] = spec.split(":").map(Number);
  if (!port || !pid) throw new Error(`AB_${name} must be <port>:<pid>`);
  return { name, port, pid };
};
const servers = [server("A", process.env.AB_A), server("B", process.env.AB_B)];
const paths = (process.env.AB_PATHS ?? "/login").split(",");
const N = Number(process.env.AB_N ?? 400);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

type Answer = { status: number; headers: http.IncomingHttpHeaders; ms: number };
function send(port: number, path: string, headers: Record<string, string>, method = "GET", body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.request({ host: "127.0.0.1", port, path, method, headers, agent }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, ms: performance.now() - started }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

/** CPU time (user + system) of a process so far, in milliseconds (clock ticks of 10 ms). */
function cpuMs(pid: number) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const cookies = new Map<string, string>();
for (const s of servers) {
  const body = `email=${encodeURIComponent(process.env.AB_EMAIL ?? "agent@gilde.test")}&password=${encodeURIComponent(process.env.AB_PASSWORD ?? "gilde-demo")}`;
  const answer = await send(s.port, "/login", { Origin: `http://127.0.0.1:${s.port}`, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(body.length) }, "POST", body);
  const set = answer.headers["set-cookie"];
  if (!set) throw new Error(`${s.name}: signing in answered ${answer.status} without a cookie`);
  cookies.set(s.name, set.map((c) => c.split(";")[0]).join("; "));
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
for (const path of paths) {
  const headers = (name: string): Record<string, string> => ({ "Accept-Encoding": "gzip, deflate, br", ...(path.startsWith("/login") ? {} : { Cookie: cookies.get(name) ?? "" }) });
  for (const s of servers) for (let i = 0; i < 30; i++) await send(s.port, path, headers(s.name));
  const used = { A: 0, B: 0 };
  const ms = { A: [] as number[], B: [] as number[] };
  for (let i = 0; i < N; i++) {
    // Alternate which goes first, so neither always follows the other.
    for (const s of i % 2 ? servers : [...servers].reverse()) {
      const before = cpuMs(s.pid);
      const answer = await send(s.port, path, headers(s.name));
      if (answer.status !== 200) throw new Error(`${s.name} ${path}: ${answer.status}`);
      used[s.name] += cpuMs(s.pid) - before;
      ms[s.name].push(answer.ms);
    }
  }
  console.log(`${path}: CPU ms per request A ${(used.A / N).toFixed(2)}, B ${(used.B / N).toFixed(2)}; p50 ms A ${median(ms.A).toFixed(1)}, B ${median(ms.B).toFixed(1)}`);
}
process.exit(0);
