/**
 * The dictionaries stay honest: every key is used somewhere in the code (a dead key is a string nobody
 * sees, and it hides the real ones from translators), both languages have the same keys and the same
 * plural shape, and the Dutch UI has one word for the knowledge manager's role.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "./en";
import { nl } from "./nl";

const ROOT = path.resolve(__dirname, "../../..");
const SOURCE_DIRS = ["app", "search", "server", "prisma"];
const DICTIONARY_DIR = path.resolve(__dirname);

/**
 * Keys the code builds from a prefix and a value (`goals.status.${status}`): every key under one of these
 * prefixes counts as used. A new prefix must be added here on purpose, and one the code no longer builds fails.
 */
const DYNAMIC_PREFIXES = [
  "activities.kind.",
  "entry.state.",
  "error.rich.",
  "flags.reason.",
  "goals.event.",
  "goals.status.",
  "kbImport.outcome.",
  "km.decision.",
  "km.definition.",
  "km.figure.",
  "locale.",
  "mail.type.",
  "apiToken.scope.",
  "apiToken.status.",
  "note.kind.",
  "note.state.",
  "questions.state.",
  "queue.assigned.",
  "queue.badge.",
  "queue.kind.",
  "queue.sort.",
  "reports.state.",
  "role.",
  "webhooks.event.",
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "node_modules" || name === "migrations" || file === DICTIONARY_DIR ? [] : sourceFiles(file);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

const source = SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
  .map((file) => readFileSync(file, "utf8"))
  .join("\n");
// Template literals whose fixed start is the start of some message key (audit actions like `goal.${…}` are not).
const builtPrefixes = new Set(
  [...source.matchAll(/`([a-zA-Z][\w.]*\.)\$\{/g)].map((m) => m[1]).filter((prefix) => Object.keys(nl).some((key) => key.startsWith(prefix))),
);

describe("i18n dictionaries", () => {
  it("define no key that the code never uses", () => {
    const quoted = new Set([...source.matchAll(/["'`]([a-zA-Z][\w]*(?:\.[\w]+)+)["'`]/g)].map((m) => m[1]));
    const dead = Object.keys(nl).filter((key) => !quoted.has(key) && !DYNAMIC_PREFIXES.some((prefix) => key.startsWith(prefix)));
    expect(dead).toEqual([]);
  });

  it("list exactly the key prefixes the code builds", () => {
    expect([...builtPrefixes].sort()).toEqual([...DYNAMIC_PREFIXES].sort());
    for (const prefix of DYNAMIC_PREFIXES) expect(Object.keys(nl).some((key) => key.startsWith(prefix)), prefix).toBe(true);
  });

  it("have the same keys and plural shapes in Dutch and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const [key, value] of Object.entries(nl)) {
      const english = (en as Record<string, unknown>)[key];
      if (typeof value === "string") expect(typeof english, key).toBe("string");
      else expect(Object.keys(english as object).sort(), key).toEqual(Object.keys(value).sort());
    }
  });

  it("call the knowledge manager a kennisbeheerder in Dutch, never a kennismanager", () => {
    const texts = Object.values(nl).flatMap((value) => (typeof value === "string" ? [value] : Object.values(value)));
    expect(texts.filter((text) => /kennismanager/i.test(text))).toEqual([]);
    expect(nl["role.KNOWLEDGE_MANAGER"]).toBe("Kennisbeheerder");
  });
});
