import { describe, expect, it } from "vitest";
import {
  canAgreeGoals,
  canLeadGoals,
  canViewGoals,
  canArchiveCommunity,
  canCreateCommunity,
  canJoinCommunity,
  canManageCommunity,
  canCurate,
  canGiveFeedback,
  canManageUsers,
  canSeeCommunityContent,
  canViewEntry,
  canViewNote,
  canViewKnowledgeDashboard,
  entrySearchFilter,
  navigationAbilities,
  type Actor,
} from "./policies";

const actor = (over: Partial<Actor> = {}): Actor => ({
  id: "u1",
  role: "EMPLOYEE",
  departmentId: "d1",
  communityIds: [],
  headOfDepartmentId: null,
  ...over,
});
const closed = { id: "c1", visibility: "CLOSED", departmentId: "d1" };
const open = { id: "c2", visibility: "OPEN", departmentId: "d1" };

describe("curation and administration", () => {
  it("only knowledge managers and admins curate", () => {
    expect(canCurate(actor())).toBe(false);
    expect(canCurate(actor({ role: "DEPARTMENT_HEAD" }))).toBe(false);
    expect(canCurate(actor({ role: "KNOWLEDGE_MANAGER" }))).toBe(true);
    expect(canCurate(actor({ role: "ADMIN" }))).toBe(true);
  });
  it("only admins manage users", () => {
    expect(canManageUsers(actor({ role: "KNOWLEDGE_MANAGER" }))).toBe(false);
    expect(canManageUsers(actor({ role: "ADMIN" }))).toBe(true);
  });
});

describe("closed communities", () => {
  it("show content to members, knowledge managers, the department head and admins only", () => {
    expect(canSeeCommunityContent(actor(), closed)).toBe(false);
    expect(canSeeCommunityContent(actor({ communityIds: ["c1"] }), closed)).toBe(true);
    expect(canSeeCommunityContent(actor({ role: "KNOWLEDGE_MANAGER" }), closed)).toBe(true);
    expect(canSeeCommunityContent(actor({ role: "ADMIN" }), closed)).toBe(true);
    expect(canSeeCommunityContent(actor({ role: "DEPARTMENT_HEAD", headOfDepartmentId: "d1" }), closed)).toBe(true);
    expect(canSeeCommunityContent(actor({ role: "DEPARTMENT_HEAD", headOfDepartmentId: "d9" }), closed)).toBe(false);
    expect(canSeeCommunityContent(actor(), open)).toBe(true);
    expect(canSeeCommunityContent(actor(), null)).toBe(true);
  });
});

describe("entries", () => {
  it("archived entries are for curators only, and nobody gives feedback on them", () => {
    expect(canViewEntry(actor(), { state: "ARCHIVED", community: null })).toBe(false);
    expect(canViewEntry(actor({ role: "KNOWLEDGE_MANAGER" }), { state: "ARCHIVED", community: null })).toBe(true);
    expect(canGiveFeedback(actor({ role: "KNOWLEDGE_MANAGER" }), { state: "ARCHIVED", community: null })).toBe(false);
    expect(canGiveFeedback(actor(), { state: "PUBLISHED", community: null })).toBe(true);
    expect(canGiveFeedback(actor(), { state: "PUBLISHED", community: closed })).toBe(false);
  });
});

describe("notes", () => {
  it("are seen by their author and by curators", () => {
    const note = { authorId: "u1", state: "SUBMITTED", community: null };
    expect(canViewNote(actor(), note)).toBe(true);
    expect(canViewNote(actor({ id: "u2" }), note)).toBe(false);
    expect(canViewNote(actor({ id: "u2", role: "KNOWLEDGE_MANAGER" }), note)).toBe(true);
  });
});

describe("entrySearchFilter", () => {
  it("limits an employee to public entries and their own communities, never archived", () => {
    const filter = entrySearchFilter(actor({ communityIds: ["c1"] }));
    expect(filter).toBe('state IN ["PUBLISHED", "NEEDS_REVIEW"] AND visibility IN ["public", "community:c1"]');
  });
  it("lets a department head see their department's closed communities", () => {
    expect(entrySearchFilter(actor({ headOfDepartmentId: "d1" }))).toContain('"department:d1"');
  });
  it("lets knowledge managers see everything including archived entries", () => {
    expect(entrySearchFilter(actor({ role: "KNOWLEDGE_MANAGER" }))).toBe('state IN ["PUBLISHED", "NEEDS_REVIEW", "ARCHIVED"]');
  });
  it("escapes quotes so an id cannot break out of the filter", () => {
    const filter = entrySearchFilter(actor({ communityIds: ['x" OR state = "ARCHIVED'] }));
    expect(filter).toContain('"community:x\\" OR state = \\"ARCHIVED"');
  });
});

describe("community management", () => {
  const managed = { ...closed, status: "ACTIVE", leadIds: ["lead"] };
  it("admins create communities anywhere, heads only in their own department, others nowhere", () => {
    expect(canCreateCommunity(actor({ role: "ADMIN" }), "d9")).toBe(true);
    expect(canCreateCommunity(actor({ role: "DEPARTMENT_HEAD", headOfDepartmentId: "d1" }), "d1")).toBe(true);
    expect(canCreateCommunity(actor({ role: "DEPARTMENT_HEAD", headOfDepartmentId: "d1" }), "d2")).toBe(false);
    expect(canCreateCommunity(actor({ role: "DEPARTMENT_HEAD", headOfDepartmentId: "d1" }))).toBe(true);
    expect(canCreateCommunity(actor({ role: "KNOWLEDGE_MANAGER" }), "d1")).toBe(false);
    expect(canCreateCommunity(actor(), "d1")).toBe(false);
  });
  it("leads, the department head and admins manage; plain members and knowledge managers do not", () => {
    expect(canManageCommunity(actor({ id: "lead", communityIds: ["c1"] }), managed)).toBe(true);
    expect(canManageCommunity(actor({ headOfDepartmentId: "d1" }), managed)).toBe(true);
    expect(canManageCommunity(actor({ headOfDepartmentId: "d2" }), managed)).toBe(false);
    expect(canManageCommunity(actor({ role: "ADMIN" }), managed)).toBe(true);
    expect(canManageCommunity(actor({ communityIds: ["c1"] }), managed)).toBe(false);
    expect(canManageCommunity(actor({ role: "KNOWLEDGE_MANAGER" }), managed)).toBe(false);
  });
  it("an archived community cannot be archived again nor joined", () => {
    const archived = { ...managed, status: "ARCHIVED" };
    expect(canArchiveCommunity(actor({ id: "lead" }), managed)).toBe(true);
    expect(canArchiveCommunity(actor({ id: "lead" }), archived)).toBe(false);
    expect(canArchiveCommunity(actor(), managed)).toBe(false);
    expect(canJoinCommunity(actor(), archived)).toBe(false);
    expect(canJoinCommunity(actor(), managed)).toBe(true);
    expect(canJoinCommunity(actor({ communityIds: ["c1"] }), managed)).toBe(false);
  });
});

describe("goals", () => {
  const community = { ...closed, status: "ACTIVE", leadIds: ["lead"] };
  it("the community's leads and admins propose, record progress and close; not members, heads or knowledge managers", () => {
    expect(canLeadGoals(actor({ id: "lead", communityIds: ["c1"] }), community)).toBe(true);
    expect(canLeadGoals(actor({ role: "ADMIN" }), community)).toBe(true);
    expect(canLeadGoals(actor({ communityIds: ["c1"] }), community)).toBe(false);
    expect(canLeadGoals(actor({ role: "DEPARTMENT_HEAD", headOfDepartmentId: "d1" }), community)).toBe(false);
    expect(canLeadGoals(actor({ role: "KNOWLEDGE_MANAGER" }), community)).toBe(false);
    expect(canLeadGoals(actor({ id: "lead" }), { ...community, status: "ARCHIVED" })).toBe(false);
  });
  it("the head of the community's department and admins agree; not the head of another department, nor a lead", () => {
    expect(canAgreeGoals(actor({ role: "DEPARTMENT_HEAD", headOfDepartmentId: "d1" }), community)).toBe(true);
    expect(canAgreeGoals(actor({ role: "ADMIN", departmentId: null }), community)).toBe(true);
    expect(canAgreeGoals(actor({ role: "DEPARTMENT_HEAD", headOfDepartmentId: "d2" }), community)).toBe(false);
    expect(canAgreeGoals(actor({ id: "lead", communityIds: ["c1"] }), community)).toBe(false);
    expect(canAgreeGoals(actor({ headOfDepartmentId: "d1" }), { ...community, status: "ARCHIVED" })).toBe(false);
  });
  it("goals are seen by whoever sees the community's content", () => {
    expect(canViewGoals(actor(), open)).toBe(true);
    expect(canViewGoals(actor(), closed)).toBe(false);
    expect(canViewGoals(actor({ communityIds: ["c1"] }), closed)).toBe(true);
    expect(canViewGoals(actor({ headOfDepartmentId: "d1" }), closed)).toBe(true);
  });
});

describe("knowledge manager dashboard", () => {
  it("knowledge managers and admins only; not employees, leads or department heads", () => {
    expect(canViewKnowledgeDashboard(actor({ role: "KNOWLEDGE_MANAGER" }))).toBe(true);
    expect(canViewKnowledgeDashboard(actor({ role: "ADMIN" }))).toBe(true);
    expect(canViewKnowledgeDashboard(actor())).toBe(false);
    expect(canViewKnowledgeDashboard(actor({ id: "lead", communityIds: ["c1"] }))).toBe(false);
    expect(canViewKnowledgeDashboard(actor({ role: "DEPARTMENT_HEAD", headOfDepartmentId: "d1" }))).toBe(false);
  });
  it("shows in the menu for them", () => {
    expect(navigationAbilities(actor({ role: "KNOWLEDGE_MANAGER" })).knowledgeDashboard).toBe(true);
    expect(navigationAbilities(actor({ role: "DEPARTMENT_HEAD" })).knowledgeDashboard).toBe(false);
  });
});
