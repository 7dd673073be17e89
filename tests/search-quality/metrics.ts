/**
 * The figures of the search evaluation, for one query's ranked result list against its judgements
 * (externalId → grade: 2 = the answer, 1 = related; anything not judged is 0).
 */
export type Grades = Readonly<Record<string, number>>;

/** 1 when an answer (grade 2) is among the first k results, else 0. */
export function successAt(k: number, ranked: readonly string[], grades: Grades): number {
  return ranked.slice(0, k).some((id) => grades[id] === 2) ? 1 : 0;
}

/** 1 / the rank of the first answer (grade 2), 0 when no answer came back at all. */
export function reciprocalRank(ranked: readonly string[], grades: Grades): number {
  const index = ranked.findIndex((id) => grades[id] === 2);
  return index === -1 ? 0 : 1 / (index + 1);
}

const gain = (grade: number) => 2 ** grade - 1;
const discount = (position: number) => Math.log2(position + 2);

/** Graded nDCG at k with gain 2^grade − 1: 1 when the first k are the best possible order, 0 when none is relevant. */
export function ndcgAt(k: number, ranked: readonly string[], grades: Grades): number {
  const dcg = ranked.slice(0, k).reduce((sum, id, i) => sum + gain(grades[id] ?? 0) / discount(i), 0);
  const ideal = Object.values(grades)
    .filter((g) => g > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, g, i) => sum + gain(g) / discount(i), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

export type QueryScore = { success3: number; rr: number; ndcg5: number; empty: boolean };

export function scoreQuery(ranked: readonly string[], grades: Grades): QueryScore {
  return { success3: successAt(3, ranked, grades), rr: reciprocalRank(ranked, grades), ndcg5: ndcgAt(5, ranked, grades), empty: ranked.length === 0 };
}

export type Summary = { n: number; success3: number; mrr: number; ndcg5: number; empty: number };

/** Means over the queries (empty is a count). */
export function summarize(scores: readonly QueryScore[]): Summary {
  const n = scores.length;
  const mean = (pick: (s: QueryScore) => number) => (n === 0 ? 0 : scores.reduce((sum, s) => sum + pick(s), 0) / n);
  return { n, success3: mean((s) => s.success3), mrr: mean((s) => s.rr), ndcg5: mean((s) => s.ndcg5), empty: scores.filter((s) => s.empty).length };
}
