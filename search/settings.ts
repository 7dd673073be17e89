import type { Settings } from "meilisearch";
import { stem, tokenize } from "./dutch";

/** Index names carry a prefix, so several installations (or test runs) can share one Meilisearch. */
export function entriesIndexName(prefix: string): string {
  return `${prefix}entries`;
}

export function questionsIndexName(prefix: string): string {
  return `${prefix}questions`;
}

/** A small index of Gilde's own bookkeeping: which document format each index was built with. */
export function metaIndexName(prefix: string): string {
  return `${prefix}meta`;
}

/** Dutch words too common to help ranking (a short, curated list; Meilisearch still matches them when typed). */
export const DUTCH_STOP_WORDS = [
  "de", "het", "een", "en", "van", "in", "op", "te", "dat", "die", "is", "voor", "met", "aan", "er", "om",
  "zijn", "wordt", "bij", "ook", "als", "of", "door", "naar", "dan", "nog", "wel", "niet", "maar", "uit",
  "ze", "zij", "hij", "je", "u", "wat", "hoe", "wanneer", "kan", "mag", "moet",
];

/** A synonym rule as the search side needs it: a group of equivalent words, or a term expanded one way. */
export type SynonymRuleShape = { kind: string; term: string | null; words: readonly string[] };

/**
 * The rules knowledge managers keep, as Meilisearch's synonyms map. Meilisearch synonyms are one-way,
 * so every word of a group gets the others; an expansion's term gets its words. Words a term reaches
 * by more than one rule are merged. Each rule is added a second time in stemmed form, because the
 * word-forms query sends stems ("gp" must reach "getrouwheidsprem", the stem the word-forms fields
 * hold for "getrouwheidspremies"); the stems are not words of the real text, so they cost it nothing.
 */
export function rulesToSynonyms(rules: readonly SynonymRuleShape[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (word: string, others: readonly string[]) => {
    const merged = [...new Set([...(out[word] ?? []), ...others.filter((w) => w !== word)])];
    if (merged.length) out[word] = merged;
  };
  const stemmed = (phrase: string) => tokenize(phrase).map(stem).join(" ");
  for (const form of [(w: string) => w, stemmed]) {
    for (const rule of rules) {
      const words = rule.words.map(form);
      if (rule.kind === "GROUP") for (const word of words) add(word, words);
      else if (rule.kind === "EXPANSION" && rule.term) add(form(rule.term), words);
    }
  }
  return out;
}

/**
 * The entries' ranking: "attribute" before "proximity" (Meilisearch's default is the other way round),
 * so an entry whose title says what was asked beats one whose body has the words side by side. No rule
 * ranks by reuse ("helped me"): the judged set could not show a gain, and a signal unrelated to the
 * query cost a little (docs/search-quality.md). SEARCH_RANKING_RULES (comma-separated) lets the
 * evaluation compare.
 */
const ENTRY_RANKING_RULES = process.env.SEARCH_RANKING_RULES?.split(",").filter(Boolean) ?? ["words", "typo", "attribute", "proximity", "sort", "exactness"];

/** The real text of an entry, searched first; the word-forms fields (search/dutch.ts) come after it. */
export const ENTRY_TEXT_ATTRIBUTES = ["title", "tags", "body"];
export const ENTRY_FORMS_ATTRIBUTES = ["titleTerms", "bodyTerms"];

/**
 * The entries index. Synonyms are not among these settings: they are data (SynonymRule rows), applied
 * at boot, by a reindex and through the outbox (search/index.server.ts, search/outbox.server.ts).
 */
export const ENTRY_INDEX_SETTINGS: Omit<Settings, "synonyms"> = {
  searchableAttributes: [...ENTRY_TEXT_ATTRIBUTES, ...ENTRY_FORMS_ATTRIBUTES],
  displayedAttributes: ["id", "title", "tags", "body", "communityId", "communityName", "state", "updatedAt", "helpfulCount"],
  filterableAttributes: ["state", "communityId", "tags", "visibility"],
  sortableAttributes: ["updatedAt", "reuseCount", "helpfulCount"],
  rankingRules: ENTRY_RANKING_RULES,
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  stopWords: DUTCH_STOP_WORDS,
  faceting: { maxValuesPerFacet: 30 },
  pagination: { maxTotalHits: 1000 },
};

/**
 * Questions asked in communities: a small index (title, body text, tags, community, state, visibility,
 * answer count, accepted), searched with the same visibility scheme as entries (questionSearchFilter).
 */
export const QUESTION_INDEX_SETTINGS: Omit<Settings, "synonyms"> = {
  searchableAttributes: ["title", "tags", "body"],
  displayedAttributes: ["id", "title", "tags", "body", "communityId", "communityName", "communitySlug", "state", "answerCount", "accepted", "createdAt"],
  filterableAttributes: ["state", "communityId", "tags", "visibility", "accepted"],
  sortableAttributes: ["createdAt", "answerCount"],
  rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness", "accepted:desc", "answerCount:desc"],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  stopWords: DUTCH_STOP_WORDS,
  faceting: { maxValuesPerFacet: 30 },
  pagination: { maxTotalHits: 1000 },
};
