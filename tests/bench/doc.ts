/** docs/benchmarks.md: each benchmark replaces only its own section, between its two markers. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function writeBenchmarkSection(doc: string, name: string, section: string) {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = `${start}\n${section.trim()}\n${end}`;
  let text = existsSync(doc) ? readFileSync(doc, "utf8") : "# Benchmarks\n\nWritten by the benchmark scripts; each one replaces only its own section.\n";
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a !== -1 && b > a) text = text.slice(0, a) + block + text.slice(b + end.length);
  else text = `${text.trimEnd()}\n\n${block}\n`;
  mkdirSync(path.dirname(doc), { recursive: true });
  writeFileSync(doc, text.endsWith("\n") ? text : `${text}\n`);
}
