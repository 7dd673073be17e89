/**
 * Query understanding: what an agent types, turned into what Meilisearch is asked. Pure (no I/O), so
 * every rule is unit-tested; search/search.server.ts builds the requests from it.
 *
 * - Question words and fillers ("wanneer", "mag een klant", "wat moet ik doen als", "kan ik mijn") are
 *   taken out, because with Meilisearch's matching strategy an entry that lacks the first word of the
 *   query is never returned. A query of fillers only is left as it was.
 * - Word forms: each remaining word's Dutch stem, sent to the extra fields that hold the documents'
 *   stems and compound parts (search/dutch.ts).
 * - Junk (control and direction marks, emoji, endless input) never reaches Meilisearch as such.
 */
import { stem, tokenize } from "./dutch";

/** The steps of the search pipeline. All are on in the app; the quality evaluation switches them one by one. */
export type SearchSteps = {
  /** Question words and fillers no longer lead the query. */
  understand: boolean;
  /** Dutch stems of documents and queries, in extra fields. */
  stems: boolean;
  /** Compound parts of documents, in the same extra fields. */
  compounds: boolean;
  /** A relaxed query fills the page when the strict one finds too little. */
  relaxed: boolean;
};

export const ALL_STEPS: SearchSteps = { understand: true, stems: true, compounds: true, relaxed: true };
const STEP_NAMES = Object.keys(ALL_STEPS) as (keyof SearchSteps)[];

/**
 * The steps from SEARCH_PIPELINE, an evaluation knob (the ablation in docs/search-quality.md): unset or
 * "all" is every step, "none" is none, otherwise a comma-separated list of step names.
 */
export function parseSearchSteps(value: string | undefined): SearchSteps {
  const text = (value ?? "").trim().toLowerCase();
  if (!text || text === "all") return { ...ALL_STEPS };
  const named = new Set(text.split(/[\s,]+/));
  return Object.fromEntries(STEP_NAMES.map((name) => [name, named.has(name)])) as SearchSteps;
}

/** Longer input is cut here: a query is a few words, and Meilisearch reads at most ten of them anyway. */
export const QUERY_CHARS_MAX = 200;
const QUERY_WORDS_MAX = 10;
/** No Dutch word is longer; a longer "word" (pasted junk) only costs Meilisearch time in typo matching. */
const WORD_CHARS_MAX = 40;

/**
 * Words that say how an agent asks, not what about: question words, pronouns, auxiliary and modal
 * verbs, articles and prepositions, and "klant", which every article of a customer desk is about.
 */
export const QUERY_FILLER_WORDS: ReadonlySet<string> = new Set([
  // question words
  "wat", "wanneer", "hoe", "hoeveel", "hoelang", "waarom", "wie", "wiens", "waar", "waarvoor", "waarmee", "welk", "welke", "vanaf", "tot",
  // pronouns
  "ik", "mij", "me", "mijn", "je", "jij", "jou", "jouw", "u", "uw", "we", "wij", "ons", "onze", "hij", "zij", "ze", "hem", "haar", "hun", "hen", "men", "iemand", "die", "dat", "deze", "dit", "daar", "hier", "zich",
  // auxiliary and modal verbs, in the forms agents type
  "is", "zijn", "was", "ben", "bent", "wordt", "worden", "werd", "heeft", "hebben", "heb", "hebt", "had", "kan", "kun", "kunt", "kunnen", "mag", "mogen", "moet", "moeten", "zal", "zou", "zullen", "wil", "wilt", "willen", "doe", "doen", "doet", "gebeurt", "gebeuren", "krijgt", "krijg", "krijgen", "gaat", "gaan",
  // articles, conjunctions, prepositions, particles
  "de", "het", "een", "en", "of", "als", "dan", "maar", "om", "te", "van", "in", "op", "aan", "met", "voor", "bij", "naar", "door", "over", "uit", "nog", "al", "wel", "ook", "even", "eigenlijk", "precies", "graag", "toch", "nu", "dus", "zo", "na", "per", "zelf",
  // the desk's subject itself
  "klant", "klanten",
]);

/** Direction marks, zero-width characters, control characters: invisible, and nothing to search for. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

export type UnderstoodQuery = {
  /** What the agent typed, cleaned of invisible characters and cut to length. */
  raw: string;
  /** Sent to the real text (title, tags, body). Empty when there is nothing to search for. */
  text: string;
  /** The words of `text`, for the relaxed and the "did you mean" queries. */
  words: string[];
  /** Sent to the word-forms fields; empty when stems are off or there are no words. */
  forms: string;
};

/** Cleans and rewrites one query for the given steps. Never throws. */
export function understandQuery(input: string, steps: SearchSteps = ALL_STEPS): UnderstoodQuery {
  const raw = input.replace(INVISIBLE, " ").slice(0, QUERY_CHARS_MAX).replace(/\s+/g, " ").trim();
  const tokens = tokenize(raw)
    .slice(0, 2 * QUERY_WORDS_MAX)
    .map((w) => w.slice(0, WORD_CHARS_MAX));
  // A phrase in quotes is the agent's own precise request: it goes as typed.
  if (raw.includes('"') && tokens.length) return { raw, text: raw, words: tokens, forms: "" };
  const content = steps.understand ? tokens.filter((w) => !QUERY_FILLER_WORDS.has(w)) : tokens;
  const kept = (content.length ? content : tokens).slice(0, QUERY_WORDS_MAX);
  // Meilisearch drops words from the end when no entry has them all: a number ("van 15", "500 euro") is
  // a detail of the case, rarely in the entry's words, so it goes last, where it is dropped first.
  const words = steps.understand ? [...kept.filter((w) => !/^\d+$/.test(w)), ...kept.filter((w) => /^\d+$/.test(w))] : kept;
  const text = words.join(" ");
  const forms = steps.stems || steps.compounds ? [...new Set(words.map((w) => (steps.stems ? stem(w) : w)))].join(" ") : "";
  return { raw, text, words, forms };
}

/** Levenshtein distance, stopping early once it exceeds `max` (then max + 1). */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length];
}

/**
 * "Did you mean …?": the query with each word the index does not hold replaced by the closest word
 * the best hits do hold (at most two typing errors, same first letter, four letters or more), or null
 * when nothing would change. `found` are the words Meilisearch marked in those hits.
 */
export function didYouMean(words: readonly string[], found: readonly string[]): string | null {
  const vocabulary = [...new Set(found.flatMap((w) => tokenize(w)))];
  const known = new Set(vocabulary);
  let changed = false;
  const out = words.map((word) => {
    if (known.has(word) || word.length < 4 || /\d/.test(word)) return word;
    let best: { word: string; distance: number } | null = null;
    for (const candidate of vocabulary) {
      if (candidate[0] !== word[0]) continue;
      const distance = editDistance(word, candidate, 2);
      if (distance > 0 && distance <= 2 && (!best || distance < best.distance)) best = { word: candidate, distance };
    }
    if (!best) return word;
    changed = true;
    return best.word;
  });
  return changed ? out.join(" ") : null;
}
