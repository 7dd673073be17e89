import type { MultiSearchParams, SearchParams } from "meilisearch";
import { entrySearchFilter, questionSearchFilter, type Actor } from "~/policies/policies";
import { searchClient, entriesIndexUid, questionsIndexUid } from "./client.server";
import { DUTCH_STOP_WORDS } from "./settings";

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
function shownText(hit: { id: string; title: string; body?: string; tags?: string[]; _formatted?: { title?: string; body?: string } }) {
  return {
    id: hit.id,
    title: hit.title,
    titleHighlighted: hit._formatted?.title ?? hit.title,
    snippet: hit._formatted?.body ?? (hit.body ?? "").slice(0, 200),
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
 * The Meilisearch search request for this actor: what the actor may not see is filtered out inside
 * the query (entrySearchFilter), so it is never returned, counted or faceted. Exported so the
 * benchmark sends Meilisearch exactly what the route sends.
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

function toEntrySearch(result: RawEntryResult): EntrySearch {
  return {
    status: "ok",
    hits: result.hits.map(toHit),
    total: result.estimatedTotalHits ?? result.hits.length,
    facets: {
      tags: result.facetDistribution?.tags ?? {},
      communities: result.facetDistribution?.communityId ?? {},
    },
    processingTimeMs: result.processingTimeMs,
  };
}

export async function searchEntries(actor: Actor, params: EntrySearchParams): Promise<EntrySearch> {
  const { q, ...options } = entrySearchRequest(actor, params);
  try {
    return toEntrySearch(await searchClient().index(entriesIndexUid()).search<RawHit>(q, options));
  } catch (error) {
    console.warn(`[search] unavailable: ${error instanceof Error ? error.message : error}`);
    return { status: "unavailable" };
  }
}

/** Words every note in a call centre contains: they say nothing about which entry is alike. */
const NOTE_FILLER_WORDS = ["klant", "klanten", "belde", "vraagt", "vroeg", "wil", "wilde", "nieuwe", "nieuw", "geen", "heeft", "had"];

function meaningfulWords(title: string): string[] {
  const stop = new Set([...DUTCH_STOP_WORDS, ...NOTE_FILLER_WORDS]);
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
 * queries in one Meilisearch request, their results taken in turns.
 */
export async function similarEntries(actor: Actor, note: { title: string; tags: string[] }, limit = 5): Promise<EntrySearch> {
  const queries = similarityQueries(note);
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
        { ...common, q: queries.distinctive, matchingStrategy: "frequency", limit },
        { ...common, q: queries.broad, matchingStrategy: "last", limit },
      ],
    });
    // Take turns, broad first, so both kinds of likeness are on screen; a document found twice appears once.
    const [distinctive, broad] = results.map((r) => r.hits);
    const seen = new Set<string>();
    const hits: EntryHit[] = [];
    for (let i = 0; i < limit && hits.length < limit; i++) {
      for (const hit of [broad[i], distinctive[i]]) {
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
    console.warn(`[search] questions unavailable: ${error instanceof Error ? error.message : error}`);
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
  const entryQuery = (text: string) => ({
    indexUid: entriesIndexUid(),
    q: text,
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

export type KnowledgeSearch = { entries: EntrySearch; questions: QuestionSearch | null };

/**
 * The search page's one Meilisearch request: the entries and, when there is a query, the questions this
 * actor may see, as one multiSearch (one round trip). Exported so the benchmark sends Meilisearch
 * exactly what the route sends.
 */
export function knowledgeSearchRequest(actor: Actor, params: EntrySearchParams): MultiSearchParams {
  const queries: MultiSearchParams["queries"] = [{ indexUid: entriesIndexUid(), ...entrySearchRequest(actor, params) }];
  if (params.q.trim()) queries.push({ indexUid: questionsIndexUid(), ...questionSearchRequest(actor, { q: params.q, limit: 5 }) });
  return { queries };
}

export async function searchKnowledge(actor: Actor, params: EntrySearchParams): Promise<KnowledgeSearch> {
  try {
    const { results } = await searchClient().multiSearch<MultiSearchParams, RawHit | RawQuestionHit>(knowledgeSearchRequest(actor, params));
    const [entries, questions] = results;
    return {
      entries: toEntrySearch(entries as unknown as RawEntryResult),
      questions: questions ? { status: "ok", hits: (questions.hits as RawQuestionHit[]).map(toQuestionHit) } : null,
    };
  } catch (error) {
    console.warn(`[search] unavailable: ${error instanceof Error ? error.message : error}`);
    return { entries: { status: "unavailable" }, questions: params.q.trim() ? { status: "unavailable" } : null };
  }
}
