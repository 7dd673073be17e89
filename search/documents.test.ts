import { describe, expect, it } from "vitest";
import { toQuestionDocument } from "./documents.server";

const row = (over: Partial<Parameters<typeof toQuestionDocument>[0]> = {}): Parameters<typeof toQuestionDocument>[0] => ({
  id: "q1",
  kind: "QUESTION",
  title: "Mag een gevolmachtigde sparen?",
  bodyText: "De klant is 89.",
  state: "OPEN",
  createdAt: new Date("2026-05-04T10:00:00Z"),
  acceptedAnswerId: null,
  communityId: "c1",
  community: { name: "Sparen", slug: "sparen", visibility: "OPEN", departmentId: "d1" },
  tags: [{ tag: { name: "volmacht" } }, { tag: { name: "app" } }],
  _count: { answers: 2 },
  ...over,
});

describe("toQuestionDocument", () => {
  it("keeps the index small: title, body, sorted tags, community, state, visibility, answers, accepted", () => {
    expect(toQuestionDocument(row({ acceptedAnswerId: "a1" }))).toEqual({
      id: "q1",
      title: "Mag een gevolmachtigde sparen?",
      body: "De klant is 89.",
      tags: ["app", "volmacht"],
      communityId: "c1",
      communityName: "Sparen",
      communitySlug: "sparen",
      state: "OPEN",
      visibility: ["public"],
      answerCount: 2,
      accepted: true,
      createdAt: 1777888800,
    });
  });
  it("a closed community's question is visible to its members and its department's head only", () => {
    expect(toQuestionDocument(row({ community: { name: "Fraude", slug: "fraude", visibility: "CLOSED", departmentId: "d9" } }))?.visibility).toEqual(["community:c1", "department:d9"]);
  });
  it("field notes and questions outside a community have no document", () => {
    expect(toQuestionDocument(row({ kind: "FIELD_NOTE" }))).toBeNull();
    expect(toQuestionDocument(row({ communityId: null, community: null }))).toBeNull();
  });
});
