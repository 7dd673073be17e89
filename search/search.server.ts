import type { MultiSearchParams, SearchParams } from "meilisearch";
import { entrySearchFilter, questionSearchFilter, type Actor } from "~/policies/policies";
import { searchClient, entriesIndexUid, questionsIndexUid } from "./client.server";
import { describeSearchError } from "./http-client.server";
import { DUTCH_STOP_WORDS, ENTRY_FORMS_ATTRIBUTES, ENTRY_TEXT_ATTRIBUTES } from "./settings";
import { QUERY_FILLER_WORDS, didYouMean, understandQuery, type SearchSteps } from "./query";
import { activeSearchSteps } from "./steps.server";

/** Markers around highlighted words; the page turns them into <mark> elements (no HTML strings). */
export const HIGHLIGHT_PRE = "\u0001";
export const HIGHLIGHT_POST = "\u0002";

export type EntryHit = {
  id: string;
  title: string;
  titleHighlighted: string;
  snippet: string;
  tags: string[];
  communityId: string | null;
  communityName: string | null;
  state: string;
  updatedAt: number;
  helpfulCount: number;
};

export type EntrySearch =
  | {
      status: "ok";
      hits: EntryHit[];
      total: number;
      facets: { tags: Record<string, number>; communities: Record<string, number> };
      processingTimeMs: number;
    }
  | { status: "unavailable" };

function literal(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

type RawHit = {
  id: string;
  title: string;
  body?: string;
  tags?: string[];
  communityId?: string | null;
  communityName?: string | null;
  state: string;
  updatedAt: number;
  helpfulCount?: number;
  _formatted?: { title?: string; body?: string };
};

/** What every hit shows: its title with the matched words marked, and a cropped, marked body. */
/**
 * A mark that ends inside a word is carried to the word's end: Meilisearch marks what matched, which for
 * a stem or a prefix is part of a word ("<mark>boekj</mark>e"); a reader sees the whole word marked.
 */
const PARTIAL_MARK = new RegExp(`${HIGHLIGHT_POST}([\\p{L}\\p{N}]+)`, "gu");
export function wholeWordMarks(text: string): string {
  return text.replace(PARTIAL_MARK, `$1${HIGHLIGHT_POST}`);
}

function shownText(hit: { id: string; title: string; body?: string; tags?: string[]; _formatted?: { title?: string; body?: string } }) {
  return {
    id: hit.id,
    title: hit.title,
    titleHighlighted: wholeWordMarks(hit._formatted?.title ?? hit.title),
    snippet: wholeWordMarks(hit._formatted?.body ?? (hit.body ?? "").slice(0, 200)),
    tags: hit.tags ?? [],
  };
}

function toHit(hit: RawHit): EntryHit {
  return {
    ...shownText(hit),
    communityId: hit.communityId ?? null,
    communityName: hit.communityName ?? null,
    state: hit.state,
    updatedAt: hit.updatedAt,
    helpfulCount: hit.helpfulCount ?? 0,
  };
}

const HIGHLIGHT: Pick<SearchParams, "attributesToHighlight" | "attributesToCrop" | "highlightPreTag" | "highlightPostTag"> = {
  attributesToHighlight: ["title", "body"],
  attributesToCrop: ["body"],
  highlightPreTag: HIGHLIGHT_PRE,
  highlightPostTag: HIGHLIGHT_POST,
};

export type EntrySearchParams = { q: string; tags?: string[]; communities?: string[]; limit?: number; offset?: number };

/**
 * The Meilisearch search request for this actor over the real text of the entries: what the actor may
 * not see is filtered out inside the query (entrySearchFilter), so it is never returned, counted or
 * faceted. `q` is sent as given; the pipeline (entrySearchPlan) passes the understood query.
 */
export function entrySearchRequest(actor: Actor, params: EntrySearchParams): SearchParams & { q: string } {
  const filter = [entrySearchFilter(actor)];
  for (const tag of params.tags ?? []) filter.push(`tags = ${literal(tag)}`);
  if (params.communities?.length) filter.push(`communityId IN [${params.communities.map(literal).join(", ")}]`);
  return {
    q: params.q,
    filter: filter.join(" AND "),
    facets: ["tags", "communityId"],
    limit: params.limit ?? 20,
    offset: params.offset ?? 0,
    attributesToRetrieve: ["id", "title", "tags", "communityId", "communityName", "state", "updatedAt", "helpfulCount"],
    ...HIGHLIGHT,
    cropLength: 28,
  };
}

type RawEntryResult = { hits: RawHit[]; estimatedTotalHits?: number; facetDistribution?: Record<string, Record<string, number>>; processingTimeMs: number };

/**
 * How much a match in the word-forms fields counts against a match of the words as typed: a little
 * less, so an entry that says exactly what was asked comes first.
 */
const FORMS_WEIGHT = Number(process.env.SEARCH_FORMS_WEIGHT) || 0.9;
/**
 * How the strict queries drop words when no entry has them all. Meilisearch's default ("last") keeps
 * the first word no matter what; SEARCH_STRATEGY lets the evaluation compare.
 */
const STRICT_STRATEGY = (["last", "frequency", "all"] as const).find((s) => s === process.env.SEARCH_STRATEGY) ?? "last";
/**
 * How the word-forms query drops words: "frequency" drops the most common first, so the rarest word of a
 * long query is kept ("pensioen" in "geld opzij zetten voor later pensioen", which "last" dropped first).
 * The text query keeps "last", so the words as typed still decide the top; SEARCH_FORMS_STRATEGY compares.
 */
const FORMS_STRATEGY = (["last", "frequency", "all"] as const).find((s) => s === process.env.SEARCH_FORMS_STRATEGY) ?? "frequency";
/** The strict queries finding fewer entries than this on the first page calls in the relaxed query. */
export const RELAX_BELOW = 3;

type ScoredHit = RawHit & { _rankingScore?: number; _rankingScoreDetails?: { words?: { matchingWords: number; maxMatchingWords: number } } };

/** Whether a hit holds every word of the query (in some form), by Meilisearch's account of its ranking. */
function holdsEveryWord(hit: ScoredHit): boolean {
  const words = hit._rankingScoreDetails?.words;
  return !words || words.matchingWords >= words.maxMatchingWords;
}

/**
 * Merges ranked lists of the same index: each hit's ranking score times its list's weight, the best
 * of a document's scores kept (shown as the first list has it); ties keep the order of the lists.
 */
export function mergeRanked<T extends { id: string; _rankingScore?: number }>(lists: { hits: T[]; weight: number }[]): T[] {
  const best = new Map<string, { hit: T; score: number; order: number }>();
  let order = 0;
  for (const { hits, weight } of lists) {
    for (const hit of hits) {
      const score = (hit._rankingScore ?? 0) * weight;
      const known = best.get(hit.id);
      // The best score counts; the hit shown is the one of the first list that has it, so the words as
      // typed are highlighted, not their stems ("boekj" in "boekje").
      if (!known) best.set(hit.id, { hit, score, order });
      else if (score > known.score) known.score = score;
      order++;
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.order - b.order).map((x) => x.hit);
}

function maxCounts(maps: (Record<string, number> | undefined)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const map of maps) for (const [key, count] of Object.entries(map ?? {})) out[key] = Math.max(out[key] ?? 0, count);
  return out;
}

export type EntryPipelineSearch = EntrySearch & { status: "ok"; strictTotal: number; closestFrom: number | null; suggestion: string | null };

/**
 * The search pipeline for one query (search/query.ts): the understood query over the real text, and
 * its stems over the word-forms fields, as one multi-search (with the questions when asked for); if
 * those find too little on the first page, a relaxed request fills it. Exported whole so the
 * benchmark sends Meilisearch exactly what the route sends.
 */
export function entrySearchPlan(actor: Actor, params: EntrySearchParams, options: { questions?: boolean; steps?: SearchSteps; indexes?: { entries: string; questions: string } } = {}) {
  const steps = options.steps ?? activeSearchSteps();
  const understood = understandQuery(params.q, steps);
  const limit = params.limit ?? 20;
  const offset = params.offset ?? 0;
  const withForms = understood.forms !== "" && (steps.stems || steps.compounds);
  const indexUid = options.indexes?.entries ?? entriesIndexUid();
  const base = entrySearchRequest(actor, { ...params, q: understood.text });
  const entryQueries: MultiSearchParams["queries"] = withForms
    ? [
        { indexUid, ...base, limit: offset + limit, offset: 0, matchingStrategy: STRICT_STRATEGY, attributesToSearchOn: ENTRY_TEXT_ATTRIBUTES, showRankingScore: true },
        { indexUid, ...base, q: understood.forms, limit: offset + limit, offset: 0, matchingStrategy: FORMS_STRATEGY, attributesToSearchOn: ENTRY_FORMS_ATTRIBUTES, showRankingScore: true, showRankingScoreDetails: true },
      ]
    : [{ indexUid, ...base, ...(understood.text ? { attributesToSearchOn: ENTRY_TEXT_ATTRIBUTES } : {}) }];
  const askQuestions = options.questions && understood.text !== "";
  const request: MultiSearchParams = {
    queries: [...entryQueries, ...(askQuestions ? [{ indexUid: options.indexes?.questions ?? questionsIndexUid(), ...questionSearchRequest(actor, { q: understood.text, limit: 5 }) }] : [])],
  };

  /** The entries of the first request's results, and the questions if asked. */
  function read(results: RawEntryResult[]): { entries: EntryPipelineSearch; questions: RawQuestionHit[] | null } {
    const entryResults = results.slice(0, entryQueries.length);
    const hits = withForms
      ? mergeRanked(entryResults.map((r, i) => ({ hits: r.hits as ScoredHit[], weight: i === 0 ? 1 : FORMS_WEIGHT }))).slice(offset, offset + limit)
      : entryResults[0].hits;
    const total = Math.max(...entryResults.map((r) => r.estimatedTotalHits ?? r.hits.length));
    // The word-forms query drops words by frequency, so its hits may hold only some of the words. When
    // the words as typed found nothing and no hit holds every word, they are all "closest" entries.
    const textTotal = entryResults[0].estimatedTotalHits ?? entryResults[0].hits.length;
    const fullForms = withForms ? (entryResults[1].hits as ScoredHit[]).filter(holdsEveryWord).length : 0;
    const strictTotal = Math.max(textTotal, fullForms);
    return {
      entries: {
        status: "ok",
        hits: hits.map(toHit),
        total,
        strictTotal,
        closestFrom: strictTotal === 0 && hits.length > 0 && offset === 0 ? 0 : null,
        suggestion: null,
        facets: {
          tags: maxCounts(entryResults.map((r) => r.facetDistribution?.tags)),
          communities: maxCounts(entryResults.map((r) => r.facetDistribution?.communityId)),
        },
        processingTimeMs: Math.max(...entryResults.map((r) => r.processingTimeMs)),
      },
      questions: askQuestions ? (results[entryQueries.length].hits as unknown as RawQuestionHit[]) : null,
    };
  }

  /** The relaxed request when the strict one found too little (first page, a real query, the step on), else null. */
  function relaxed(first: EntryPipelineSearch): MultiSearchParams | null {
    if (!steps.relaxed || offset > 0 || understood.words.length === 0 || first.hits.length >= RELAX_BELOW) return null;
    const common = { indexUid, ...base, facets: undefined, limit, offset: 0, matchingStrategy: "frequency" as const, showRankingScore: true };
    return {
      queries: [
        { ...common, q: understood.text, attributesToSearchOn: ENTRY_TEXT_ATTRIBUTES },
        ...(withForms ? [{ ...common, q: understood.forms, attributesToSearchOn: ENTRY_FORMS_ATTRIBUTES }] : []),
      ],
    };
  }

  /** The first page filled with the relaxed hits, marked as the closest entries, and a "did you mean". */
  function fill(first: EntryPipelineSearch, results: RawEntryResult[]): EntryPipelineSearch {
    const seen = new Set(first.hits.map((h) => h.id));
    const more = mergeRanked(results.map((r, i) => ({ hits: r.hits as ScoredHit[], weight: i === 0 ? 1 : FORMS_WEIGHT })))
      .filter((h) => !seen.has(h.id))
      .slice(0, limit - first.hits.length)
      .map(toHit);
    const hits = [...first.hits, ...more];
    const marked = hits.flatMap((h) => markedWords(h.titleHighlighted).concat(markedWords(h.snippet)));
    return {
      ...first,
      hits,
      total: Math.max(first.total, hits.length),
      closestFrom: first.closestFrom ?? (more.length ? first.hits.length : null),
      suggestion: didYouMean(understood.words, marked),
    };
  }

  return { understood, request, read, relaxed, fill };
}

/** The words Meilisearch marked in a highlighted text. */
function markedWords(text: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`${HIGHLIGHT_PRE}([^${HIGHLIGHT_POST}]*)${HIGHLIGHT_POST}`, "g");
  for (const m of text.matchAll(re)) out.push(m[1].toLowerCase());
  return out;
}

async function runPlan(plan: ReturnType<typeof entrySearchPlan>) {
  const client = searchClient();
  const { results } = await client.multiSearch<MultiSearchParams, RawHit | RawQuestionHit>(plan.request);
  const first = plan.read(results as unknown as RawEntryResult[]);
  const again = plan.relaxed(first.entries);
  if (!again) return first;
  const more = await client.multiSearch<MultiSearchParams, RawHit>(again);
  return { ...first, entries: plan.fill(first.entries, more.results as unknown as RawEntryResult[]) };
}

export async function searchEntries(actor: Actor, params: EntrySearchParams): Promise<EntrySearch> {
  try {
    return (await runPlan(entrySearchPlan(actor, params))).entries;
  } catch (error) {
    console.warn(`[search] unavailable: ${describeSearchError(error)}`);
    return { status: "unavailable" };
  }
}

/** Words every note in a call centre contains: they say nothing about which entry is alike. */
const NOTE_FILLER_WORDS = ["klant", "klanten", "belde", "vraagt", "vroeg", "wil", "wilde", "nieuwe", "nieuw", "geen", "heeft", "had"];

/** A title's words that say what it is about: the search pipeline's fillers, stop words and a note's own fillers out. */
function meaningfulWords(title: string): string[] {
  const stop = new Set([...DUTCH_STOP_WORDS, ...NOTE_FILLER_WORDS, ...QUERY_FILLER_WORDS]);
  return title
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2 && !stop.has(w));
}

/**
 * The query built from a note: the title's meaningful words (its subject usually comes first), then
 * its tags; Meilisearch reads at most 10 words. It is sent twice:
 * - `broad` drops words from the end until entries match, so entries on the same subject fill the list;
 * - `distinctive` keeps the rarest words, so an entry that shares an unusual word with the note
 *   surfaces even when it is tagged differently.
 */
export function similarityQueries(note: { title: string; tags: string[] }) {
  const words = meaningfulWords(note.title);
  const unique = (list: string[]) => [...new Set(list)].slice(0, 10).join(" ");
  const query = unique([...words, ...note.tags]);
  return { distinctive: query, broad: query };
}

/**
 * The published entries most like a note, for the knowledge manager's side-by-side view: both
 * queries in one Meilisearch request, with the search pipeline's word forms (stems and compound
 * parts of the same words) as a third, their results taken in turns.
 */
export async function similarEntries(actor: Actor, note: { title: string; tags: string[] }, limit = 5): Promise<EntrySearch> {
  const queries = similarityQueries(note);
  const forms = understandQuery(queries.broad, activeSearchSteps()).forms;
  const indexUid = entriesIndexUid();
  const common = {
    indexUid,
    filter: `${entrySearchFilter(actor)} AND state != "ARCHIVED"`,
    attributesToRetrieve: ["id", "title", "body", "tags", "communityId", "communityName", "state", "updatedAt", "helpfulCount"],
    ...HIGHLIGHT,
    cropLength: 40,
  };
  try {
    const { results } = await searchClient().multiSearch<MultiSearchParams, RawHit>({
      queries: [
        { ...common, q: queries.distinctive, matchingStrategy: "frequency", limit, attributesToSearchOn: ENTRY_TEXT_ATTRIBUTES },
        { ...common, q: queries.broad, matchingStrategy: "last", limit, attributesToSearchOn: ENTRY_TEXT_ATTRIBUTES },
        ...(forms ? [{ ...common, q: forms, matchingStrategy: "frequency" as const, limit, attributesToSearchOn: ENTRY_FORMS_ATTRIBUTES }] : []),
      ],
    });
    // Take turns, broad first, so all kinds of likeness are on screen; a document found twice appears once.
    const [distinctive, broad, byForm = { hits: [] }] = results;
    const seen = new Set<string>();
    const hits: EntryHit[] = [];
    for (let i = 0; i < limit && hits.length < limit; i++) {
      for (const hit of [broad.hits[i], distinctive.hits[i], byForm.hits[i]]) {
        if (hit && !seen.has(hit.id) && hits.length < limit) {
          seen.add(hit.id);
          hits.push(toHit(hit));
        }
      }
    }
    return {
      status: "ok",
      hits,
      total: hits.length,
      facets: { tags: {}, communities: {} },
      processingTimeMs: Math.max(...results.map((r) => r.processingTimeMs)),
    };
  } catch {
    return { status: "unavailable" };
  }
}

export async function searchHealth(): Promise<"ok" | "degraded"> {
  try {
    await searchClient().health();
    return "ok";
  } catch {
    return "degraded";
  }
}

// ---------------------------------------------------------------------------------------------
// Questions
// ---------------------------------------------------------------------------------------------

export type QuestionHit = {
  id: string;
  title: string;
  titleHighlighted: string;
  snippet: string;
  tags: string[];
  communityId: string;
  communityName: string;
  communitySlug: string;
  state: string;
  answerCount: number;
  accepted: boolean;
};

type RawQuestionHit = {
  id: string;
  title: string;
  body?: string;
  tags?: string[];
  communityId: string;
  communityName: string;
  communitySlug: string;
  state: string;
  answerCount?: number;
  accepted?: boolean;
  _formatted?: { title?: string; body?: string };
};

function toQuestionHit(hit: RawQuestionHit): QuestionHit {
  return {
    ...shownText(hit),
    communityId: hit.communityId,
    communityName: hit.communityName,
    communitySlug: hit.communitySlug,
    state: hit.state,
    answerCount: hit.answerCount ?? 0,
    accepted: hit.accepted ?? false,
  };
}

const QUESTION_FIELDS = ["id", "title", "body", "tags", "communityId", "communityName", "communitySlug", "state", "answerCount", "accepted"];

/** The questions request for this actor: what the actor may not see is filtered inside the query (questionSearchFilter). */
export function questionSearchRequest(actor: Actor, params: { q: string; communityId?: string; limit?: number }): SearchParams & { q: string } {
  const filter = [questionSearchFilter(actor)];
  if (params.communityId) filter.push(`communityId = ${literal(params.communityId)}`);
  return {
    q: params.q,
    filter: filter.join(" AND "),
    limit: params.limit ?? 5,
    attributesToRetrieve: QUESTION_FIELDS,
    ...HIGHLIGHT,
    cropLength: 24,
  };
}

export type QuestionSearch = { status: "ok"; hits: QuestionHit[] } | { status: "unavailable" };

/** Questions of the communities this actor may see that match a query (the search page's side list). */
export async function searchQuestions(actor: Actor, params: { q: string; communityId?: string; limit?: number }): Promise<QuestionSearch> {
  const { q, ...options } = questionSearchRequest(actor, params);
  try {
    const result = await searchClient().index(questionsIndexUid()).search<RawQuestionHit>(q, options);
    return { status: "ok", hits: result.hits.map(toQuestionHit) };
  } catch (error) {
    console.warn(`[search] questions unavailable: ${describeSearchError(error)}`);
    return { status: "unavailable" };
  }
}

export type SimilarToTitle =
  | { status: "ok"; questions: QuestionHit[]; entries: EntryHit[] }
  | { status: "unavailable"; questions: []; entries: [] };

/**
 * Merges the hits of a title's queries: first what matches every word, then the hits of the single
 * words taken in turns, the rarest word (fewest hits) first, since a rare word says most about what
 * the question is about. A document found twice appears once.
 */
export function mergeByRarity<T extends { id: string }>(all: T[], perWord: { hits: T[]; total: number }[], limit: number): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  const add = (hit: T | undefined) => {
    if (hit && !seen.has(hit.id) && out.length < limit) {
      seen.add(hit.id);
      out.push(hit);
    }
  };
  all.forEach(add);
  const lists = perWord.filter((w) => w.hits.length > 0).sort((a, b) => a.total - b.total);
  for (let i = 0; out.length < limit && lists.some((l) => i < l.hits.length); i++) for (const list of lists) add(list.hits[i]);
  return out;
}

const SIMILAR_MAX_WORDS = 6;

/**
 * "Similar as you type": the questions and entries most like the title being typed, in one
 * Meilisearch request (per index: the whole title, then each meaningful word). Both are filtered by
 * what the actor may see inside the queries; questions of the community being asked in come first.
 */
export async function similarToTitle(actor: Actor, params: { title: string; communityId?: string; limit?: number }): Promise<SimilarToTitle> {
  const limit = params.limit ?? 5;
  const words = [...new Set(meaningfulWords(params.title))].slice(0, SIMILAR_MAX_WORDS);
  if (words.length === 0) return { status: "ok", questions: [], entries: [] };
  const q = words.join(" ");
  const questionQuery = (text: string) => ({ indexUid: questionsIndexUid(), ...questionSearchRequest(actor, { q: text, limit }), matchingStrategy: "all" as const });
  // Entries are matched on the words' forms too (stems and compound parts, search/dutch.ts), like the search page.
  const steps = activeSearchSteps();
  const withForms = steps.stems || steps.compounds;
  const formOf = (text: string) => (withForms ? understandQuery(text, steps).forms : "");
  const entryQuery = (text: string) => ({
    indexUid: entriesIndexUid(),
    q: formOf(text) || text,
    ...(withForms ? { attributesToSearchOn: ENTRY_FORMS_ATTRIBUTES } : {}),
    filter: `${entrySearchFilter(actor)} AND state != "ARCHIVED"`,
    limit,
    matchingStrategy: "all" as const,
    attributesToRetrieve: ["id", "title", "body", "tags", "communityId", "communityName", "state", "updatedAt", "helpfulCount"],
    ...HIGHLIGHT,
    cropLength: 24,
  });
  // With one word, the whole title is that word: no per-word queries.
  const single = words.length > 1 ? words : [];
  try {
    const { results } = await searchClient().multiSearch<MultiSearchParams, RawHit | RawQuestionHit>({
      queries: [questionQuery(q), ...single.map(questionQuery), entryQuery(q), ...single.map(entryQuery)],
    });
    const n = single.length + 1;
    const pick = <T,>(from: number, map: (hit: never) => T) => {
      const part = results.slice(from, from + n).map((r) => ({ hits: (r.hits as never[]).map(map), total: r.estimatedTotalHits ?? r.hits.length }));
      return mergeByRarity(part[0].hits as (T & { id: string })[], part.slice(1) as { hits: (T & { id: string })[]; total: number }[], limit);
    };
    const questions = pick<QuestionHit>(0, toQuestionHit);
    const entries = pick<EntryHit>(n, toHit);
    // The community being asked in first; otherwise the order stays.
    if (params.communityId) questions.sort((a, b) => Number(b.communityId === params.communityId) - Number(a.communityId === params.communityId));
    return { status: "ok", questions, entries };
  } catch {
    return { status: "unavailable", questions: [], entries: [] };
  }
}

export type KnowledgeSearch = { entries: EntryPipelineSearch | { status: "unavailable" }; questions: QuestionSearch | null };

/**
 * The search page's Meilisearch work: the entries (search pipeline) and, when there is a query, the
 * questions this actor may see, as one multi-search; a second request only when the first found too
 * little (entrySearchPlan).
 */
export async function searchKnowledge(actor: Actor, params: EntrySearchParams): Promise<KnowledgeSearch> {
  const plan = entrySearchPlan(actor, params, { questions: true });
  try {
    const { entries, questions } = await runPlan(plan);
    return { entries, questions: questions ? { status: "ok", hits: questions.map(toQuestionHit) } : null };
  } catch (error) {
    console.warn(`[search] unavailable: ${describeSearchError(error)}`);
    return { entries: { status: "unavailable" }, questions: plan.understood.text ? { status: "unavailable" } : null };
  }
}
