/**
 * Who may see a community's content, written once. A document (entry, question) carries tokens
 * derived from its community; an actor holds tokens; the actor sees the document when they share one.
 * The policies (canSeeCommunityContent, canViewEntry), the Meilisearch filters, the search documents
 * and the reindex trigger of a settings change are all derived from the functions below, so they
 * cannot drift apart (visibility.test.ts checks that they agree).
 */
import type { Role } from "~/schemas/enums";

/** What visibility needs to know about a community. */
export type VisibilityCommunity = { id: string; visibility: string; departmentId: string };
type VisibilityActor = { role: Role; communityIds: readonly string[]; headOfDepartmentId: string | null };

export const PUBLIC_TOKEN = "public";
const communityToken = (id: string) => `community:${id}`;
const departmentToken = (id: string) => `department:${id}`;

/**
 * Entry states search returns, to everyone: an archived entry never shows in search, not even to a
 * knowledge manager. Its page still answers to whoever sees its community, with a notice and its
 * successor, so old links keep working (issue 10).
 */
export const SEARCHABLE_ENTRY_STATES = ["PUBLISHED", "NEEDS_REVIEW"] as const;

/**
 * Knowledge managers and admins see every community, closed ones included, and archived entries:
 * they curate the whole knowledge base.
 */
export function seesEverything(actor: Pick<VisibilityActor, "role">): boolean {
  return actor.role === "KNOWLEDGE_MANAGER" || actor.role === "ADMIN";
}

/**
 * The tokens a document of this community carries: "public" for an open community (or none), else its
 * members' token and its department head's token.
 */
export function documentTokens(community: VisibilityCommunity | null): string[] {
  if (!community || community.visibility !== "CLOSED") return [PUBLIC_TOKEN];
  return [communityToken(community.id), departmentToken(community.departmentId)];
}

/** The tokens an actor holds, or "all" for who sees every community. */
export function actorTokens(actor: VisibilityActor): string[] | "all" {
  if (seesEverything(actor)) return "all";
  const tokens = [PUBLIC_TOKEN, ...actor.communityIds.map(communityToken)];
  if (actor.headOfDepartmentId) tokens.push(departmentToken(actor.headOfDepartmentId));
  return tokens;
}

/** The rule itself: the actor sees a community's content when they hold one of its documents' tokens. */
export function tokensMatch(held: string[] | "all", carried: readonly string[]): boolean {
  return held === "all" || carried.some((token) => held.includes(token));
}

/** A Meilisearch string literal: quotes and backslashes escaped. */
export function literal(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** The visibility clause of a Meilisearch filter, from the actor's tokens. */
export function visibilityClause(actor: VisibilityActor): string {
  const held = actorTokens(actor);
  return held === "all" ? "visibility EXISTS" : `visibility IN [${held.map(literal).join(", ")}]`;
}

/**
 * The entry filter: searchable states, and for who does not see everything, the visibility clause
 * (for who does, the clause is left out: every document matches it).
 */
export function entryVisibilityFilter(actor: VisibilityActor): string {
  const stateFilter = `state IN [${SEARCHABLE_ENTRY_STATES.map(literal).join(", ")}]`;
  return seesEverything(actor) ? stateFilter : `${stateFilter} AND ${visibilityClause(actor)}`;
}

/**
 * Whether a change of a community changes the tokens its documents carry, so its entries and
 * questions must be indexed again.
 */
export function documentTokensChange(before: VisibilityCommunity, after: VisibilityCommunity): boolean {
  const a = documentTokens(before);
  const b = documentTokens(after);
  return a.length !== b.length || a.some((token, i) => token !== b[i]);
}
