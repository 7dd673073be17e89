import { describe, expect, it } from "vitest";
import { toEntryDocument, toQuestionDocument } from "../../search/documents.server";
import { canSeeCommunityContent, canViewEntry, isLive,
  canViewQuestions, entrySearchFilter, questionSearchFilter, type Actor } from "./policies";
import { documentTokensChange, type VisibilityCommunity } from "./visibility";

/**
 * A small evaluator of the Meilisearch filters the policies build (`field IN [..]`, `field EXISTS`,
 * joined by AND), so the test checks the very string sent to Meilisearch against a document.
 */
function matches(filter: string, doc: Record<string, unknown>): boolean {
  return filter.split(" AND ").every((clause) => {
    const exists = /^(\w+) EXISTS$/.exec(clause);
    if (exists) return doc[exists[1]] !== undefined;
    const within = /^(\w+) IN \[(.*)\]$/.exec(clause);
    if (!within) throw new Error(`unexpected clause: ${clause}`);
    const allowed = (within[2].match(/"(?:[^"\\]|\\.)*"/g) ?? []).map((l) => JSON.parse(l) as string);
    const value = doc[within[1]];
    return (Array.isArray(value) ? value : [value]).some((v) => allowed.includes(v as string));
  });
}

const base = { departmentId: "d1", communityIds: [] as string[], headOfDepartmentId: null as string | null };
const ACTORS: Record<string, Actor> = {
  outsider: { id: "u1", role: "EMPLOYEE", ...base },
  member: { id: "u2", role: "EMPLOYEE", ...base, communityIds: ["c1"] },
  memberElsewhere: { id: "u3", role: "EMPLOYEE", ...base, communityIds: ["c9"] },
  head: { id: "u4", role: "DEPARTMENT_HEAD", ...base, headOfDepartmentId: "d1" },
  otherHead: { id: "u5", role: "DEPARTMENT_HEAD", ...base, headOfDepartmentId: "d2" },
  km: { id: "u6", role: "KNOWLEDGE_MANAGER", ...base },
  admin: { id: "u7", role: "ADMIN", ...base },
};
const COMMUNITIES: Record<string, VisibilityCommunity | null> = {
  open: { id: "c1", visibility: "OPEN", departmentId: "d1" },
  closed: { id: "c1", visibility: "CLOSED", departmentId: "d1" },
  none: null,
};
const ENTRY_STATES = ["PUBLISHED", "NEEDS_REVIEW", "ARCHIVED"];

const entryDocument = (community: VisibilityCommunity | null, state: string) =>
  toEntryDocument({
    id: "e1",
    title: "t",
    bodyText: "b",
    state,
    updatedAt: new Date(0),
    helpfulCount: 0,
    reuseCount: 0,
    communityId: community?.id ?? null,
    community: community ? { name: "n", ...community } : null,
    tags: [],
  });

const questionDocument = (community: VisibilityCommunity) =>
  toQuestionDocument({
    id: "q1",
    kind: "QUESTION",
    title: "t",
    bodyText: "b",
    state: "OPEN",
    createdAt: new Date(0),
    acceptedAnswerId: null,
    communityId: community.id,
    community: { name: "n", slug: "s", ...community },
    tags: [],
    _count: { answers: 0 },
  })!;

describe("one visibility scheme", () => {
  for (const [who, actor] of Object.entries(ACTORS)) {
    for (const [kind, community] of Object.entries(COMMUNITIES)) {
      for (const state of ENTRY_STATES) {
        it(`entry: ${who} × ${kind} community × ${state}: the search filter agrees with the policy`, () => {
          const doc = entryDocument(community, state);
          // Search shows what the actor may read, except archived entries, which it shows nobody.
          expect(matches(entrySearchFilter(actor), doc)).toBe(canViewEntry(actor, { state, community }) && isLive({ state }));
        });
      }
      if (community) {
        it(`question: ${who} × ${kind} community: the search filter agrees with the policy`, () => {
          expect(matches(questionSearchFilter(actor), questionDocument(community))).toBe(canViewQuestions(actor, community));
        });
      }
    }
  }

  it("a community's documents are indexed again exactly when a change alters who sees them", () => {
    const settings = [COMMUNITIES.open!, COMMUNITIES.closed!, { ...COMMUNITIES.closed!, departmentId: "d2" }];
    for (const before of settings) {
      for (const after of settings) {
        const someoneSeesDifferently = Object.values(ACTORS).some((a) => canSeeCommunityContent(a, before) !== canSeeCommunityContent(a, after));
        expect(documentTokensChange(before, after), `${JSON.stringify(before)} → ${JSON.stringify(after)}`).toBe(someoneSeesDifferently);
      }
    }
  });
});
