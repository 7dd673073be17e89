/**
 * Meilisearch asked directly for what the app asks it: a search plan of the search pipeline
 * (search/search.server.ts entrySearchPlan) sent as one multi-search with the master key, and the relaxed
 * request after it when the strict queries found too little. The benchmarks' "Meilisearch direct" rows.
 */
import type http from "node:http";
import type { entrySearchPlan } from "../../search/search.server";
import { request } from "./http";
import type { Sample } from "./rounds";

type SearchPlan = ReturnType<typeof entrySearchPlan>;
type Results = { results: Parameters<SearchPlan["read"]>[0] };

/** One sample: the time of both requests together, and what the entries query found. */
export async function searchDirect(
  meili: { agent: http.Agent; host: string; masterKey: string },
  plan: SearchPlan,
  base: Pick<Sample, "typo" | "q">,
): Promise<Sample> {
  const post = (body: unknown) =>
    request(meili.agent, `${meili.host}/multi-search`, {
      method: "POST",
      headers: { Authorization: `Bearer ${meili.masterKey}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  const r = await post(plan.request);
  if (r.status !== 200) return { ...base, ms: r.ms, empty: false, failed: true, total: 0 };
  let { entries } = plan.read((JSON.parse(r.body) as Results).results);
  let ms = r.ms;
  const again = plan.relaxed(entries);
  if (again) {
    const r2 = await post(again);
    if (r2.status !== 200) return { ...base, ms: ms + r2.ms, empty: false, failed: true, total: 0 };
    entries = plan.fill(entries, (JSON.parse(r2.body) as Results).results);
    ms += r2.ms;
  }
  return { ...base, ms, empty: entries.hits.length === 0, failed: false, total: entries.total, processingMs: entries.processingTimeMs };
}
