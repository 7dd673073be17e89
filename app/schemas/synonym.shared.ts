/**
 * The synonym forms' intents, limits and choices, without zod: what a page's component needs in the browser
 * (decision 0076). The zod schemas that check the posted forms against them are in synonym.ts.
 */
import type { Message } from "~/utils/i18n";

export const SYNONYM_KINDS = ["GROUP", "EXPANSION"] as const;

export type SynonymKind = (typeof SYNONYM_KINDS)[number];

export const SYNONYM_LIMITS = {
  wordMax: 50,
  groupMin: 2,
  groupMax: 20,
  expansionMin: 1,
  expansionMax: 10,
  rulesMax: 1000,
  /** What the words field takes at all: far beyond any rule, so a pasted list is told how many words it held. */
  inputMax: 200_000,
  queryMax: 100,
} as const;

export type SynonymRuleInput = { kind: SynonymKind; term: string | null; words: string[] };

export type StoredSynonymRule = SynonymRuleInput & { id: string };

/** Letters and digits, with spaces, hyphens and apostrophes between them: no markup, no punctuation. */
const WORD = /^[\p{L}\p{N}][\p{L}\p{N} '’-]*$/u;

/** How a word is stored: lower-case, trimmed, inner spaces collapsed. */
export function normaliseWord(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

/** The words of the field: separated by commas, semicolons or new lines. */
export function splitWords(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map(normaliseWord)
    .filter((w) => w.length > 0);
}

export const message = (key: Message["key"], vars?: Message["vars"]) => JSON.stringify({ key, vars });

export const shown = (word: string) => (word.length > 40 ? `${word.slice(0, 40)}…` : word);

/** The first thing wrong with one word, if any. */
export function wordProblem(word: string): string | null {
  if (word.length > SYNONYM_LIMITS.wordMax) return message("error.synonym.wordTooLong", { word: shown(word), max: SYNONYM_LIMITS.wordMax });
  if (!WORD.test(word)) return message("error.synonym.wordChars", { word: shown(word) });
  return null;
}

export const SYNONYM_INTENT = { create: "create", update: "update", delete: "delete" } as const;

export type RuleFields = { kind: SynonymKind; term: string; words: string };

/** The rule a valid form describes, normalised as it is stored. */
export function toRuleInput(value: RuleFields): SynonymRuleInput {
  return { kind: value.kind, term: value.kind === "EXPANSION" ? normaliseWord(value.term) : null, words: splitWords(value.words) };
}

/** A refusal of a rule in the light of the others: the message and the field it belongs to. */
export type RuleSetProblem = { field: "term" | "words" | "_form"; message: Message };

/**
 * Checks `rule` (new, or replacing the stored rule with the same id) against the other rules: a word
 * belongs to one group only, a term has one expansion, expansions never lead back to where they
 * started, and the list stays within its size.
 */
export function checkRuleSet(others: readonly StoredSynonymRule[], rule: SynonymRuleInput & { id?: string }): RuleSetProblem | null {
  const rest = others.filter((r) => r.id !== rule.id);
  if (rest.length + 1 > SYNONYM_LIMITS.rulesMax) return { field: "_form", message: { key: "error.synonym.tooManyRules", vars: { max: SYNONYM_LIMITS.rulesMax } } };
  if (rule.kind === "GROUP") {
    for (const other of rest) {
      if (other.kind !== "GROUP") continue;
      const shared = rule.words.find((w) => other.words.includes(w));
      if (shared) return { field: "words", message: { key: "error.synonym.inOtherGroup", vars: { word: shared, group: other.words.join(", ") } } };
    }
    return null;
  }
  const term = rule.term ?? "";
  if (rest.some((r) => r.kind === "EXPANSION" && r.term === term)) return { field: "term", message: { key: "error.synonym.termTaken", vars: { term } } };
  // Expansions form a directed graph (term → word); with this rule added it must stay free of cycles.
  const edges = new Map<string, string[]>();
  for (const r of [...rest, rule]) if (r.kind === "EXPANSION" && r.term) edges.set(r.term, [...(edges.get(r.term) ?? []), ...r.words]);
  const path = pathBack(edges, term);
  if (path) return { field: "words", message: { key: "error.synonym.cycle", vars: { path: path.join(" → ") } } };
  return null;
}

/** A path of expansions from `start` back to itself, if there is one (depth first, each word once). */
function pathBack(edges: Map<string, string[]>, start: string): string[] | null {
  const visited = new Set<string>();
  const walk = (word: string, path: string[]): string[] | null => {
    for (const next of edges.get(word) ?? []) {
      if (next === start) return [...path, next];
      if (visited.has(next)) continue;
      visited.add(next);
      const found = walk(next, [...path, next]);
      if (found) return found;
    }
    return null;
  };
  return walk(start, [start]);
}
