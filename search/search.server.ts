import type { SearchParams } from "meilisearch";
import { entrySearchFilter, type Actor } from "~/policies/policies";
import { searchClient, entriesIndexUid } from "./client.server";
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

function toHit(hit: RawHit): EntryHit {
  return {
    id: hit.id,
    title: hit.title,
    titleHighlighted: hit._formatted?.title ?? hit.title,
    snippet: hit._formatted?.body ?? (hit.body ?? "").slice(0, 200),
    tags: hit.tags ?? [],
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

export async function searchEntries(actor: Actor, params: EntrySearchParams): Promise<EntrySearch> {
  const { q, ...options } = entrySearchRequest(actor, params);
  try {
    const result = await searchClient().index(entriesIndexUid()).search<RawHit>(q, options);
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
  } catch (error) {
    console.warn(`[search] unavailable: ${error instanceof Error ? error.message : error}`);
    return { status: "unavailable" };
  }
}

/** A query built from a note: its title's meaningful words and its tags (Meilisearch reads at most 10 words). */
export function similarityQuery(note: { title: string; tags: string[] }): string {
  const stop = new Set(DUTCH_STOP_WORDS);
  const words = note.title
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2 && !stop.has(w));
  return [...new Set([...note.tags, ...words])].slice(0, 10).join(" ");
}

/** The five published entries most like a note, for the knowledge manager's side-by-side view. */
export async function similarEntries(actor: Actor, note: { title: string; tags: string[] }, limit = 5): Promise<EntrySearch> {
  try {
    const result = await searchClient()
      .index(entriesIndexUid())
      .search<RawHit>(similarityQuery(note), {
        filter: `${entrySearchFilter(actor)} AND state != "ARCHIVED"`,
        limit,
        matchingStrategy: "last",
        attributesToRetrieve: ["id", "title", "body", "tags", "communityId", "communityName", "state", "updatedAt", "helpfulCount"],
        ...HIGHLIGHT,
        cropLength: 40,
      });
    return {
      status: "ok",
      hits: result.hits.map(toHit),
      total: result.estimatedTotalHits ?? result.hits.length,
      facets: { tags: {}, communities: {} },
      processingTimeMs: result.processingTimeMs,
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
