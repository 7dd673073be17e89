import { db, type Tx } from "~/utils/db.server";
import type { StoredSynonymRule, SynonymKind } from "~/schemas/synonym.shared";

function parseWords(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((w): w is string => typeof w === "string") : [];
  } catch {
    return [];
  }
}

/** Every rule, as the search side and the validation need them (a few hundred rows at most). */
export async function listSynonymRules(client: Tx = db): Promise<StoredSynonymRule[]> {
  const rows = await client.synonymRule.findMany({ select: { id: true, kind: true, term: true, words: true }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => ({ id: r.id, kind: r.kind as SynonymKind, term: r.term, words: parseWords(r.words) }));
}

/** The knowledge manager's page: every rule with who changed it last and when, groups first, alphabetical. */
export async function listSynonymRulesForPage() {
  const rows = await db.synonymRule.findMany({
    select: { id: true, kind: true, term: true, words: true, updatedAt: true, updatedBy: { select: { name: true } } },
  });
  const rules = rows.map((r) => ({ ...r, kind: r.kind as SynonymKind, words: parseWords(r.words) }));
  const sortKey = (r: (typeof rules)[number]) => r.term ?? r.words[0] ?? "";
  return rules.sort((a, b) => a.kind.localeCompare(b.kind) * -1 || sortKey(a).localeCompare(sortKey(b), "nl"));
}

export async function getSynonymRule(tx: Tx, id: string) {
  const row = await tx.synonymRule.findUnique({ where: { id }, select: { id: true, kind: true, term: true, words: true } });
  return row ? { ...row, kind: row.kind as SynonymKind, words: parseWords(row.words) } : null;
}
