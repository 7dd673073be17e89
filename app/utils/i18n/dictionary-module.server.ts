import { readFileSync } from "node:fs";
import path from "node:path";
import type { Locale } from "~/schemas/enums";

type Metafile = { outputs: Record<string, { entryPoint?: string }> };

let modules: Partial<Record<Locale, string>> | undefined;

/**
 * The URL of the browser chunk holding this language's dictionary, for a modulepreload link: the
 * browser then fetches it alongside the page's other modules instead of after them. Read once from
 * the build's metafile; without one (tests, development) there is no link and nothing else changes.
 */
export function dictionaryModuleUrl(locale: Locale): string | null {
  modules ??= readDictionaryModules();
  return modules[locale] ?? null;
}

function readDictionaryModules(): Partial<Record<Locale, string>> {
  try {
    const metafile = JSON.parse(readFileSync(path.resolve("build/metafile.js.json"), "utf8")) as Metafile;
    const found: Partial<Record<Locale, string>> = {};
    for (const [output, { entryPoint }] of Object.entries(metafile.outputs)) {
      const match = /^app\/utils\/i18n\/(nl|en)\.ts$/.exec(entryPoint ?? "");
      if (match && output.startsWith("public/build/") && output.endsWith(".js")) found[match[1] as Locale] = `/build/${output.slice("public/build/".length)}`;
    }
    return found;
  } catch {
    return {};
  }
}
