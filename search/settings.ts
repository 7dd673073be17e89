import type { Settings } from "meilisearch";

/** Index names carry a prefix, so several installations (or test runs) can share one Meilisearch. */
export function entriesIndexName(prefix: string): string {
  return `${prefix}entries`;
}

export function questionsIndexName(prefix: string): string {
  return `${prefix}questions`;
}

/** Dutch words too common to help ranking (a short, curated list; Meilisearch still matches them when typed). */
export const DUTCH_STOP_WORDS = [
  "de", "het", "een", "en", "van", "in", "op", "te", "dat", "die", "is", "voor", "met", "aan", "er", "om",
  "zijn", "wordt", "bij", "ook", "als", "of", "door", "naar", "dan", "nog", "wel", "niet", "maar", "uit",
  "ze", "zij", "hij", "je", "u", "wat", "hoe", "wanneer", "kan", "mag", "moet",
];

/** Starting synonyms: the words customers and agents use for the same thing. Knowledge managers extend them. */
/**
 * Starting synonym groups: words customers and agents use for the same thing. Meilisearch synonyms
 * are one-way, so every word of a group gets the others (see `groupsToSynonyms`).
 */
export const SYNONYM_GROUPS: string[][] = [
  ["spaarrekening", "spaarboekje"],
  ["getrouwheidspremie", "trouwpremie", "getrouwheidsrente"],
  ["termijnrekening", "termijndeposito", "deposito"],
  ["volmacht", "mandaat", "gevolmachtigde"],
  ["overlijden", "nalatenschap", "erfenis", "overleden"],
  ["phishing", "valse sms", "oplichting"],
  ["itsme", "digitale identiteit"],
  ["app", "mobiel bankieren", "applicatie"],
];

export function groupsToSynonyms(groups: string[][]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of groups) for (const word of group) out[word] = [...new Set([...(out[word] ?? []), ...group.filter((w) => w !== word)])];
  return out;
}

export const DEFAULT_SYNONYMS = groupsToSynonyms(SYNONYM_GROUPS);

export const ENTRY_INDEX_SETTINGS: Settings = {
  searchableAttributes: ["title", "tags", "body"],
  displayedAttributes: ["id", "title", "tags", "body", "communityId", "communityName", "state", "updatedAt", "helpfulCount"],
  filterableAttributes: ["state", "communityId", "tags", "visibility"],
  sortableAttributes: ["updatedAt", "reuseCount", "helpfulCount"],
  rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness", "helpfulCount:desc"],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  stopWords: DUTCH_STOP_WORDS,
  synonyms: DEFAULT_SYNONYMS,
  faceting: { maxValuesPerFacet: 30 },
  pagination: { maxTotalHits: 1000 },
};

/**
 * Questions asked in communities: a small index (title, body text, tags, community, state, visibility,
 * answer count, accepted), searched with the same visibility scheme as entries (questionSearchFilter).
 */
export const QUESTION_INDEX_SETTINGS: Settings = {
  searchableAttributes: ["title", "tags", "body"],
  displayedAttributes: ["id", "title", "tags", "body", "communityId", "communityName", "communitySlug", "state", "answerCount", "accepted", "createdAt"],
  filterableAttributes: ["state", "communityId", "tags", "visibility", "accepted"],
  sortableAttributes: ["createdAt", "answerCount"],
  rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness", "accepted:desc", "answerCount:desc"],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  stopWords: DUTCH_STOP_WORDS,
  synonyms: DEFAULT_SYNONYMS,
  faceting: { maxValuesPerFacet: 30 },
  pagination: { maxTotalHits: 1000 },
};
