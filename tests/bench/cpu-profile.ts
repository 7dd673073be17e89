/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, e.g. written by `BENCH_CPU_PROF=<dir> npm run bench:pages`):
 * where the samples fall by package or app folder (self time), and the functions with the most self and total
 * time. `npx tsx tests/bench/cpu-profile.ts <file.cpuprofile> [top] [requests]` — with the number of requests
 * the profile covered, each figure is also given in milliseconds per request. PROFILE_FROM_S=<seconds> leaves out
 * the samples of the first seconds of the profile (the boot), so only the requests count; PROFILE_TO_S=<seconds> the samples
 * after that point (a second kind of request sent later).
 */
import { readFileSync } from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

const [file, topArg, requestsArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: tsx tests/bench/cpu-profile.ts <file.cpuprofile> [top] [requests]");
  process.exit(2);
}
const top = Number(topArg) || 30;
const requests = Number(requestsArg) || 0;
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;

// Each sample's duration is the delta to the next one.
const fromUs = Number(process.env.PROFILE_FROM_S ?? 0) * 1e6;
const toUs = process.env.PROFILE_TO_S ? Number(process.env.PROFILE_TO_S) * 1e6 : Infinity;
const selfMs = new Map<number, number>();
let clock = 0;
for (let i = 0; i < profile.samples.length; i++) {
  clock += profile.timeDeltas[i] ?? 0;
  if (clock < fromUs || clock > toUs) continue;
  const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  selfMs.set(profile.samples[i], (selfMs.get(profile.samples[i]) ?? 0) + ms);
}
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/** The package (node_modules/<name>) or app folder a script belongs to. */
function area(url: string): string {
  if (!url) return "(native / idle / GC)";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith("node:")) return "node internals";
  const m = /\/(build|app|server|search|prisma)\//.exec(url);
  return m ? `${m[1]}/` : url;
}

const label = (n: Node) => `${n.callFrame.functionName || "(anonymous)"} ${area(n.callFrame.url)}${n.callFrame.url && !n.callFrame.url.includes("node_modules") ? `:${n.callFrame.lineNumber + 1}` : ""}`;

const total = [...selfMs.values()].reduce((a, b) => a + b, 0);
const idle = profile.nodes.filter((n) => n.callFrame.functionName === "(idle)").reduce((a, n) => a + (selfMs.get(n.id) ?? 0), 0);
const busy = total - idle;
const fmt = (ms: number) => `${ms.toFixed(0).padStart(7)} ms ${((ms / busy) * 100).toFixed(1).padStart(5)}%${requests ? ` ${(ms / requests).toFixed(3).padStart(7)} ms/req` : ""}`;

console.log(`${file}: ${(total / 1000).toFixed(1)} s sampled, ${(busy / 1000).toFixed(1)} s busy${requests ? `, ${requests} requests: ${(busy / requests).toFixed(2)} ms CPU per request` : ""}\n`);

const areas = new Map<string, number>();
for (const n of profile.nodes) {
  if (n.callFrame.functionName === "(idle)") continue;
  const k = area(n.callFrame.url);
  areas.set(k, (areas.get(k) ?? 0) + (selfMs.get(n.id) ?? 0));
}
console.log("Self time by package or app folder:");
for (const [k, ms] of [...areas].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${fmt(ms)}  ${k}`);

const selfBy = new Map<string, number>();
for (const n of profile.nodes) if (n.callFrame.functionName !== "(idle)") selfBy.set(label(n), (selfBy.get(label(n)) ?? 0) + (selfMs.get(n.id) ?? 0));
console.log("\nSelf time by function:");
for (const [k, ms] of [...selfBy].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${fmt(ms)}  ${k}`);

// Total time: a function's own samples and those of everything it called, counted once per sample even when recursive.
const totalBy = new Map<string, number>();
for (const [id, ms] of selfMs) {
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const n = byId.get(cur)!;
    if (n.callFrame.functionName === "(idle)" || n.callFrame.functionName === "(root)") continue;
    const k = label(n);
    if (seen.has(k)) continue;
    seen.add(k);
    totalBy.set(k, (totalBy.get(k) ?? 0) + ms);
  }
}
console.log("\nTotal time by function (itself and what it called):");
for (const [k, ms] of [...totalBy].sort((a, b) => b[1] - a[1]).slice(0, top * 2)) console.log(`  ${fmt(ms)}  ${k}`);
