import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Tags } from "~/components/form";
import { Highlighted } from "~/components/highlight";
import { communityNames } from "~/models/community.server";
import { SearchParamsSchema } from "~/schemas/note";
import { SEARCH_PAGE_SIZE, lastSearchPage } from "~/schemas/note.shared";
import { formatDate, useLocale, useT } from "~/utils/i18n";
import { requireActor } from "~/utils/request.server";
import { searchKnowledge } from "~/models/search.server";
import { QuestionSearchHits } from "~/components/questions";
import { recordSearch } from "~/commands/log-search.server";
import { ClosestHeading, DidYouMean, NoExactMatch } from "~/components/search-fallback";
import { MandatoryReadsDue } from "~/components/mandatory-reads";
import { listOpenMandatoryReadsFor } from "~/models/mandatory-read.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const url = new URL(request.url);
  const params = SearchParamsSchema.parse({
    q: url.searchParams.get("q") ?? "",
    page: url.searchParams.get("page") ?? undefined,
    tag: url.searchParams.getAll("tag"),
    community: url.searchParams.getAll("community"),
  });
  // Questions of the communities the actor may see, filtered inside their own query, beside the entries.
  const offset = (params.page - 1) * SEARCH_PAGE_SIZE;
  const { entries: result, questions } = await searchKnowledge(actor, { q: params.q, tags: params.tag, communities: params.community, limit: SEARCH_PAGE_SIZE, offset });
  // A page past the last (an old link, a hand-edited address): the last page instead of "nothing found".
  if (result.status === "ok" && result.hits.length === 0 && params.page > 1) {
    const last = lastSearchPage(result.total);
    if (params.page > last) throw redirect(`/search${searchHref(params, { page: last })}`);
  }
  // Only plain searches go into the log (a facet only narrows a search already logged, a page turn repeats it); not awaited.
  if (result.status === "ok" && params.tag.length === 0 && params.community.length === 0 && params.page === 1) recordSearch(actor.id, params.q, result.strictTotal);
  const names = result.status === "ok" ? await communityNames(Object.keys(result.facets.communities)) : {};
  const questionHits = questions?.status === "ok" ? questions.hits.map(({ id, title, titleHighlighted, communityName, state, answerCount, accepted }) => ({ id, title, titleHighlighted, communityName, state, answerCount, accepted })) : [];
  // The start page (no search yet) opens with what the reader must still read.
  const mandatoryReads = params.q === "" && params.page === 1 ? await listOpenMandatoryReadsFor(actor) : [];
  return json({ params, result, communityNames: names, questionHits, mandatoryReads });
}

/** The same search with a facet switched on or off (back to the first page), or on another page. */
function searchHref(params: { q: string; tag: string[]; community: string[] }, change: { tag?: string; community?: string; page?: number }) {
  const next = new URLSearchParams();
  if (params.q) next.set("q", params.q);
  const toggle = (list: string[], value?: string) => (value === undefined ? list : list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  for (const tag of toggle(params.tag, change.tag)) next.append("tag", tag);
  for (const c of toggle(params.community, change.community)) next.append("community", c);
  if (change.page && change.page > 1) next.set("page", String(change.page));
  return `?${next}`;
}

function Pages({ params, total }: { params: { q: string; tag: string[]; community: string[]; page: number }; total: number }) {
  const t = useT();
  const pages = lastSearchPage(total);
  if (pages === 1) return null;
  const from = (params.page - 1) * SEARCH_PAGE_SIZE + 1;
  const to = Math.min(params.page * SEARCH_PAGE_SIZE, total);
  return (
    <nav className="pages" aria-label={t("search.pages")}>
      {params.page > 1 ? (
        <Link to={searchHref(params, { page: params.page - 1 })} rel="prev" className="button small">
          ← {t("search.previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="muted small">{t("search.range", { from, to, total })}</span>
      {params.page < pages ? (
        <Link to={searchHref(params, { page: params.page + 1 })} rel="next" className="button small">
          {t("search.next")} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

type ResultHit = ReturnType<typeof useLoaderData<typeof loader>>["result"] extends infer R ? (R extends { hits: (infer H)[] } ? H : never) : never;

function ResultList({ hits }: { hits: ResultHit[] }) {
  const t = useT();
  const locale = useLocale();
  if (hits.length === 0) return null;
  return (
    <ol className="result-list">
      {hits.map((hit) => (
        <li key={hit.id} className="card result">
          <h2>
            <Link to={`/entries/${hit.id}`}>
              <Highlighted text={hit.titleHighlighted} />
            </Link>
          </h2>
          <p className="snippet">
            <Highlighted text={hit.snippet} />
          </p>
          <div className="result-meta">
            <Tags tags={hit.tags} label={t("entry.tags")} />
            <span className="muted small">
              {hit.communityName ? `${hit.communityName} · ` : ""}
              {t("search.updated", { date: formatDate(locale, new Date(hit.updatedAt * 1000)) })}
              {hit.helpfulCount ? ` · ${t("search.helpful", { count: hit.helpfulCount })}` : ""}
              {hit.state !== "PUBLISHED" ? ` · ${t(`entry.state.${hit.state as "PUBLISHED"}`)}` : ""}
            </span>
          </div>
        </li>
      ))}
    </ol>
  );
}

export default function Search() {
  const t = useT();
  const { params, result, communityNames: names, questionHits, mandatoryReads } = useLoaderData<typeof loader>();
  const submit = useSubmit();
  const navigation = useNavigation();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const searching = navigation.state === "loading" && navigation.location?.pathname === "/search";
  const filtered = params.tag.length > 0 || params.community.length > 0;

  return (
    <div className="search-page">
      <MandatoryReadsDue reads={mandatoryReads} />
      <h1>{t("search.title")}</h1>
      <Form
        method="get"
        role="search"
        className="search-form"
        onChange={(event) => {
          // Results follow the typing; without JavaScript the button submits the same form.
          const form = event.currentTarget;
          clearTimeout(timer.current);
          timer.current = setTimeout(() => submit(form, { replace: true, preventScrollReset: true }), 150);
        }}
      >
        <label htmlFor="q" className="search-label">
          {t("search.label")}
        </label>
        <div className="search-row">
          <input id="q" name="q" type="search" defaultValue={params.q} placeholder={t("search.placeholder")} maxLength={200} autoComplete="off" autoFocus />
          {params.tag.map((tag) => (
            <input key={`t-${tag}`} type="hidden" name="tag" value={tag} />
          ))}
          {params.community.map((c) => (
            <input key={`c-${c}`} type="hidden" name="community" value={c} />
          ))}
          <button type="submit" className="button primary">
            {t("search.submit")}
          </button>
        </div>
        <p className="hint">{t("search.intro")}</p>
      </Form>

      {result.status === "unavailable" ? (
        <div className="alert alert-warning" role="status">
          {t("search.unavailable")}
        </div>
      ) : (
        <div className="search-layout" aria-busy={searching}>
          <aside className="facets" id="facets" aria-label={t("search.facets")}>
            {Object.keys(result.facets.tags).length ? (
              <section>
                <h2>{t("search.facet.tags")}</h2>
                <ul>
                  {Object.entries(result.facets.tags)
                    .sort((a, b) => b[1] - a[1])
                    .slice(0, 15)
                    .map(([tag, count]) => (
                      <li key={tag}>
                        <Link to={searchHref(params, { tag })} aria-current={params.tag.includes(tag) ? "true" : undefined} className={params.tag.includes(tag) ? "facet active" : "facet"} preventScrollReset>
                          <span>{tag}</span> <span className="facet-count">{count}</span>
                        </Link>
                      </li>
                    ))}
                </ul>
              </section>
            ) : null}
            {Object.keys(result.facets.communities).length ? (
              <section>
                <h2>{t("search.facet.community")}</h2>
                <ul>
                  {Object.entries(result.facets.communities).map(([id, count]) => (
                    <li key={id}>
                      <Link to={searchHref(params, { community: id })} aria-current={params.community.includes(id) ? "true" : undefined} className={params.community.includes(id) ? "facet active" : "facet"} preventScrollReset>
                        <span>{names[id] ?? id}</span> <span className="facet-count">{count}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {filtered ? (
              <Link to={params.q ? `?q=${encodeURIComponent(params.q)}` : "?"} className="button small">
                {t("search.clearFilters")}
              </Link>
            ) : null}
            <QuestionSearchHits hits={questionHits} />
          </aside>
          <section className="results" aria-live="polite">
            <p className="result-count">
              <span>{t("search.results", { count: result.total })}</span>
              {/* On a phone the filters come after the results (CSS); this link is the way there. */}
              <a href="#facets" className="to-facets">
                {t("search.toFacets")}
              </a>
            </p>
            <DidYouMean suggestion={result.suggestion} href={(q) => searchHref({ ...params, q }, {})} />
            {result.closestFrom === 0 || result.hits.length === 0 ? <NoExactMatch q={params.q} closest={result.hits.length > 0} /> : null}
            <ResultList hits={result.closestFrom === null ? result.hits : result.hits.slice(0, result.closestFrom)} />
            {result.closestFrom !== null ? (
              <>
                <ClosestHeading all={result.closestFrom === 0} />
                <ResultList hits={result.hits.slice(result.closestFrom)} />
              </>
            ) : null}
            <Pages params={params} total={result.total} />
          </section>
        </div>
      )}
    </div>
  );
}
