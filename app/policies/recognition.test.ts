/** Issue 17's policies: who sees an anonymous asker, who thanks whom, who sees a contributor's figures, who pins the spotlight. */
import { describe, expect, it } from "vitest";
import {
  canPinSpotlight,
  canSeeQuestionAuthor,
  canSpotlightEntry,
  canThankForAnswer,
  canThankForEntry,
  canViewContributorFigures,
  communityAbilities,
  entryThankAbilities,
  isThankableAnswer,
  type Actor,
} from "./policies";

const actor = (over: Partial<Actor> = {}): Actor => ({ id: "u1", role: "EMPLOYEE", departmentId: "d1", communityIds: [], headOfDepartmentId: null, ...over });
const closed = { id: "c1", visibility: "CLOSED", departmentId: "d1" };
const open = { id: "c2", visibility: "OPEN", departmentId: "d1" };
const community = { ...closed, status: "ACTIVE", leadIds: ["lead"] };

describe("asking without fear", () => {
  const asked = { authorId: "asker", anonymous: true };
  it("names the asker of a question asked as a member only to the asker, the community's leads and knowledge managers", () => {
    expect(canSeeQuestionAuthor(actor({ id: "asker", communityIds: ["c1"] }), community, asked)).toBe(true);
    expect(canSeeQuestionAuthor(actor({ id: "lead", communityIds: ["c1"] }), community, asked)).toBe(true);
    expect(canSeeQuestionAuthor(actor({ id: "km", role: "KNOWLEDGE_MANAGER" }), community, asked)).toBe(true);
    expect(canSeeQuestionAuthor(actor({ id: "member", communityIds: ["c1"] }), community, asked)).toBe(false);
    expect(canSeeQuestionAuthor(actor({ id: "head", role: "DEPARTMENT_HEAD", headOfDepartmentId: "d1" }), community, asked)).toBe(false);
    expect(canSeeQuestionAuthor(actor({ id: "admin", role: "ADMIN" }), community, asked)).toBe(false);
  });
  it("names the asker of any other question to everyone who sees it", () => {
    expect(canSeeQuestionAuthor(actor({ id: "member", communityIds: ["c1"] }), community, { authorId: "asker", anonymous: false })).toBe(true);
  });
  it("does not let the asker's own answer to an anonymous question be thanked", () => {
    expect(isThankableAnswer(asked, { authorId: "asker" })).toBe(false);
    expect(isThankableAnswer(asked, { authorId: "other" })).toBe(true);
    expect(isThankableAnswer({ authorId: "asker", anonymous: false }, { authorId: "asker" })).toBe(true);
  });
});

describe("thanking a contributor", () => {
  const entry = { state: "PUBLISHED", community: closed };
  const member = actor({ id: "reader", communityIds: ["c1"] });
  it("lets a reader of a live entry thank someone it credits, never themself", () => {
    expect(canThankForEntry(member, entry, "author", ["author", "owner"])).toBe(true);
    expect(canThankForEntry(member, entry, "owner", ["author", "owner"])).toBe(true);
    expect(canThankForEntry(member, entry, "stranger", ["author", "owner"])).toBe(false);
    expect(canThankForEntry(actor({ id: "author", communityIds: ["c1"] }), entry, "author", ["author"])).toBe(false);
  });
  it("refuses an archived entry and an entry the actor may not read", () => {
    expect(canThankForEntry(member, { ...entry, state: "ARCHIVED" }, "author", ["author"])).toBe(false);
    expect(canThankForEntry(actor({ id: "outsider" }), entry, "author", ["author"])).toBe(false);
    expect(canThankForEntry(actor({ id: "outsider" }), { state: "PUBLISHED", community: open }, "author", ["author"])).toBe(true);
  });
  it("lets who sees a question thank an answer's author, not their own answer", () => {
    const question = { authorId: "asker", anonymous: false };
    expect(canThankForAnswer(member, closed, question, { authorId: "answerer" })).toBe(true);
    expect(canThankForAnswer(actor({ id: "answerer", communityIds: ["c1"] }), closed, question, { authorId: "answerer" })).toBe(false);
    expect(canThankForAnswer(actor({ id: "outsider" }), closed, question, { authorId: "answerer" })).toBe(false);
    expect(canThankForAnswer(member, closed, { authorId: "asker", anonymous: true }, { authorId: "asker" })).toBe(false);
  });
  it("hands the entry page each credit with whether the reader may thank them", () => {
    const credits = entryThankAbilities(member, entry, [{ id: "author", name: "An" }, { id: "reader", name: "Me" }], { id: "owner", name: "Km" }, ["owner"]);
    expect(credits).toEqual({
      contributors: [
        { id: "author", name: "An", thank: true, thanked: false },
        { id: "reader", name: "Me", thank: false, thanked: false },
      ],
      owner: { id: "owner", name: "Km", thank: true, thanked: true },
    });
  });
});

describe("a contributor's figures", () => {
  const person = { id: "p", departmentId: "d1", communityLeadIds: ["lead"] };
  it("are for the person, the leads of their communities, the head of their department and admins", () => {
    expect(canViewContributorFigures(actor({ id: "p" }), person)).toBe(true);
    expect(canViewContributorFigures(actor({ id: "lead" }), person)).toBe(true);
    expect(canViewContributorFigures(actor({ id: "head", role: "DEPARTMENT_HEAD", headOfDepartmentId: "d1" }), person)).toBe(true);
    expect(canViewContributorFigures(actor({ id: "admin", role: "ADMIN" }), person)).toBe(true);
  });
  it("are for nobody else: colleagues, another department's head, knowledge managers", () => {
    expect(canViewContributorFigures(actor({ id: "colleague", communityIds: ["c1"] }), person)).toBe(false);
    expect(canViewContributorFigures(actor({ id: "otherHead", role: "DEPARTMENT_HEAD", headOfDepartmentId: "d2" }), person)).toBe(false);
    expect(canViewContributorFigures(actor({ id: "km", role: "KNOWLEDGE_MANAGER" }), person)).toBe(false);
    expect(canViewContributorFigures(actor({ id: "head" }), { ...person, departmentId: null })).toBe(false);
  });
});

describe("the skill spotlight", () => {
  it("is pinned by the community's leads and admins while it is active", () => {
    expect(canPinSpotlight(actor({ id: "lead", communityIds: ["c1"] }), community)).toBe(true);
    expect(canPinSpotlight(actor({ id: "admin", role: "ADMIN" }), community)).toBe(true);
    expect(canPinSpotlight(actor({ id: "member", communityIds: ["c1"] }), community)).toBe(false);
    expect(canPinSpotlight(actor({ id: "head", role: "DEPARTMENT_HEAD", headOfDepartmentId: "d1" }), community)).toBe(false);
    expect(canPinSpotlight(actor({ id: "lead", communityIds: ["c1"] }), { ...community, status: "ARCHIVED" })).toBe(false);
    expect(communityAbilities(actor({ id: "lead", communityIds: ["c1"] }), community).pinSpotlight).toBe(true);
  });
  it("takes a live entry every member may read: the community's own, of no community, or of an open one", () => {
    expect(canSpotlightEntry(closed, { state: "PUBLISHED", community: closed })).toBe(true);
    expect(canSpotlightEntry(closed, { state: "NEEDS_REVIEW", community: null })).toBe(true);
    expect(canSpotlightEntry(closed, { state: "PUBLISHED", community: open })).toBe(true);
    expect(canSpotlightEntry(open, { state: "PUBLISHED", community: closed })).toBe(false);
    expect(canSpotlightEntry(closed, { state: "ARCHIVED", community: closed })).toBe(false);
  });
});
