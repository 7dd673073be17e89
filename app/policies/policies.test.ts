import { describe, expect, it } from "vitest";
import {
  canManageWebhooks,
  canExchangeKnowledge,
  canImportUsers,
  apiTokenAllows,
  canCreateApiTokenFor,
  canReadNoteThroughApi,
  canRevokeApiToken,
  isApiTokenUsable,
  canAttendActivities,
  canLogTime,
  canScheduleActivities,
  canViewMemberTime,
  canViewTime,
  canAgreeGoals,
  canLeadGoals,
  canViewGoals,
  canArchiveCommunity,
  canEditCommunity,
  canCreateCommunity,
  canJoinCommunity,
  canManageCommunity,
  canCurate,
  canGiveFeedback,
  canWithdrawFlag,
  canManageUsers,
  canSeeCommunityContent,
  canSeeNotification,
  canViewEntry,
  canViewNote,
  canEditNote,
  canWithdrawNote,
  canEditAnswer,
  canListReports,
  canReviewReport,
  canViewReport,
  canWriteReport,
  entrySearchFilter,
  canAcceptAnswer,
  canAnswerQuestion,
  canAskQuestion,
  canSendQuestionToCuration,
  canViewQuestions,
  questionSearchFilter,
  canViewKnowledgeDashboard,
  canManageMandatoryReads,
  canAssignMandatoryRead,
  canConfirmMandatoryRead,
  navigationAbilities,
  communityAbilities,
  communityRelation,
  entryAbilities,
  canReassignEntry,
  canResolveFlagsByEdit,
  isActive,
  isArchived,
  isHeadOf,
  isLeadOf,
  isMemberOf,
  canReviseGoal,
  isSentBack,
  noteAbilities,
  reportAbilities,
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
    // An archived entry's page answers with a notice and its successor; search never shows it (below).
    expect(canViewEntry(actor(), { state: "ARCHIVED", community: null })).toBe(true);
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
  it("are edited and withdrawn by their author while submitted; not after a decision, not by others, not questions", () => {
    const note = { authorId: "u1", state: "SUBMITTED", kind: "FIELD_NOTE" };
    for (const can of [canEditNote, canWithdrawNote]) {
      expect(can(actor(), note)).toBe(true);
      for (const state of ["PUBLISHED", "MERGED", "DECLINED", "WITHDRAWN"]) expect(can(actor(), { ...note, state })).toBe(false);
      expect(can(actor({ id: "u2", role: "KNOWLEDGE_MANAGER" }), note)).toBe(false);
      expect(can(actor({ id: "u2", role: "ADMIN" }), note)).toBe(false);
      expect(can(actor(), { ...note, kind: "QUESTION" })).toBe(false);
    }
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
    expect(entrySearchFilter(actor({ role: "KNOWLEDGE_MANAGER" }))).toBe('state IN ["PUBLISHED", "NEEDS_REVIEW"]');
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
  it("only admins and the head of the community's department change its settings; a lead does not", () => {
    expect(canEditCommunity(actor({ role: "ADMIN" }), managed)).toBe(true);
    expect(canEditCommunity(actor({ role: "DEPARTMENT_HEAD", headOfDepartmentId: "d1" }), managed)).toBe(true);
    expect(canEditCommunity(actor({ role: "DEPARTMENT_HEAD", headOfDepartmentId: "d2" }), managed)).toBe(false);
    expect(canEditCommunity(actor({ id: "lead", communityIds: ["c1"] }), managed)).toBe(false);
    expect(canEditCommunity(actor({ role: "KNOWLEDGE_MANAGER" }), managed)).toBe(false);
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

describe("reports", () => {
  const community = { id: "c1", visibility: "OPEN", departmentId: "d1", status: "ACTIVE", leadIds: ["lead"] };
  const lead = actor({ id: "lead", communityIds: ["c1"] });
  const member = actor({ id: "m", communityIds: ["c1"] });
  const head = actor({ id: "h", role: "DEPARTMENT_HEAD", headOfDepartmentId: "d1" });
  const otherHead = actor({ id: "h2", role: "DEPARTMENT_HEAD", headOfDepartmentId: "d2" });
  const km = actor({ id: "k", role: "KNOWLEDGE_MANAGER" });
  const draft = { state: "DRAFT", authorId: "lead" };
  const submitted = { state: "SUBMITTED", authorId: "lead" };

  it("leads write; the head of the department reviews; nobody else does either", () => {
    expect(canWriteReport(lead, community)).toBe(true);
    expect(canWriteReport(lead, { ...community, status: "ARCHIVED" })).toBe(false);
    for (const who of [member, head, km]) expect(canWriteReport(who, community)).toBe(false);
    expect(canReviewReport(head, community)).toBe(true);
    for (const who of [lead, member, otherHead, km]) expect(canReviewReport(who, community)).toBe(false);
  });

  it("a draft is for the leads; a submitted report also for the head and the members; never for other heads or knowledge managers", () => {
    expect(canViewReport(lead, community, draft)).toBe(true);
    for (const who of [member, head, otherHead, km]) expect(canViewReport(who, community, draft)).toBe(false);
    for (const who of [lead, member, head]) expect(canViewReport(who, community, submitted)).toBe(true);
    for (const who of [otherHead, km, actor()]) expect(canViewReport(who, community, submitted)).toBe(false);
    expect(canListReports(member, community)).toBe(true);
    expect(canListReports(otherHead, community)).toBe(false);
    expect(canListReports(actor({ role: "ADMIN" }), community)).toBe(true);
  });
});

describe("time and activities", () => {
  const community = { id: "c1", visibility: "CLOSED", departmentId: "d1", status: "ACTIVE", leadIds: ["lead"] };
  const archived = { ...community, status: "ARCHIVED" };
  const member = actor({ communityIds: ["c1"] });
  const lead = actor({ id: "lead", communityIds: ["c1"] });
  const head = actor({ role: "DEPARTMENT_HEAD", headOfDepartmentId: "d1" });
  const otherHead = actor({ role: "DEPARTMENT_HEAD", headOfDepartmentId: "d2" });
  const km = actor({ role: "KNOWLEDGE_MANAGER" });
  const admin = actor({ role: "ADMIN" });
  const outsider = actor({ communityIds: ["c9"] });

  it("members and leads of an active community log time and attend; nobody in an archived one", () => {
    for (const a of [member, lead]) {
      expect(canLogTime(a, community)).toBe(true);
      expect(canAttendActivities(a, community)).toBe(true);
      expect(canLogTime(a, archived)).toBe(false);
      expect(canAttendActivities(a, archived)).toBe(false);
    }
    for (const a of [head, otherHead, km, admin, outsider]) {
      expect(canLogTime(a, community)).toBe(false);
      expect(canAttendActivities(a, community)).toBe(false);
    }
  });

  it("per-member time is for leads, the head of the community's department and admins", () => {
    expect(canViewMemberTime(lead, community)).toBe(true);
    expect(canViewMemberTime(head, community)).toBe(true);
    expect(canViewMemberTime(admin, community)).toBe(true);
    expect(canViewMemberTime(member, community)).toBe(false);
    expect(canViewMemberTime(km, community)).toBe(false);
    expect(canViewMemberTime(otherHead, community)).toBe(false);
  });

  it("the budget view of a closed community is for those who see its content", () => {
    for (const a of [member, lead, head, km, admin]) expect(canViewTime(a, community)).toBe(true);
    expect(canViewTime(outsider, community)).toBe(false);
    expect(canViewTime(otherHead, community)).toBe(false);
    expect(canViewTime(outsider, { ...community, visibility: "OPEN" })).toBe(true);
  });

  it("leads and admins schedule activities in an active community", () => {
    expect(canScheduleActivities(lead, community)).toBe(true);
    expect(canScheduleActivities(admin, community)).toBe(true);
    for (const a of [member, head, km, outsider]) expect(canScheduleActivities(a, community)).toBe(false);
    expect(canScheduleActivities(lead, archived)).toBe(false);
  });
});

describe("questions and answers", () => {
  const community = (over: Partial<{ status: string; leadIds: string[]; visibility: string }> = {}) => ({ ...closed, status: "ACTIVE", leadIds: ["lead"], ...over });
  const question = (over: Partial<{ authorId: string; state: string; acceptedAnswerId: string | null }> = {}) => ({ authorId: "asker", state: "OPEN", acceptedAnswerId: null, ...over });
  const member = actor({ id: "m", communityIds: ["c1"] });
  const asker = actor({ id: "asker", communityIds: ["c1"] });
  const lead = actor({ id: "lead", communityIds: ["c1"] });
  const outsider = actor({ id: "o" });
  const km = actor({ id: "km", role: "KNOWLEDGE_MANAGER" });
  const head = actor({ id: "h", role: "DEPARTMENT_HEAD", headOfDepartmentId: "d1" });
  const otherHead = actor({ id: "h2", role: "DEPARTMENT_HEAD", headOfDepartmentId: "d2" });
  const admin = actor({ id: "a", role: "ADMIN" });

  it("members and leads ask and answer in an active community; nobody else", () => {
    expect(canAskQuestion(member, community())).toBe(true);
    expect(canAskQuestion(lead, community())).toBe(true);
    for (const who of [outsider, km, head, admin]) expect(canAskQuestion(who, community())).toBe(false);
    expect(canAskQuestion(member, community({ status: "ARCHIVED" }))).toBe(false);
    expect(canAnswerQuestion(member, community(), question())).toBe(true);
    expect(canAnswerQuestion(member, community(), question({ state: "SUBMITTED" }))).toBe(false);
    expect(canAnswerQuestion(outsider, community({ visibility: "OPEN" }), question())).toBe(false);
  });
  it("authors edit their own answer while it is not accepted and the question is open in an active community", () => {
    const answer = { id: "a1", authorId: "m" };
    expect(canEditAnswer(member, community(), question(), answer)).toBe(true);
    expect(canEditAnswer(member, community(), question({ acceptedAnswerId: "a2" }), answer)).toBe(true);
    expect(canEditAnswer(member, community(), question({ acceptedAnswerId: "a1" }), answer)).toBe(false);
    expect(canEditAnswer(member, community(), question({ state: "SUBMITTED" }), answer)).toBe(false);
    expect(canEditAnswer(member, community({ status: "ARCHIVED" }), question(), answer)).toBe(false);
    for (const who of [asker, lead, admin, km]) expect(canEditAnswer(who, community(), question(), answer)).toBe(false);
  });
  it("the asker, a lead or an admin accept while the question is open; a plain member or the KM may not", () => {
    expect(canAcceptAnswer(asker, community(), question())).toBe(true);
    expect(canAcceptAnswer(lead, community(), question())).toBe(true);
    expect(canAcceptAnswer(admin, community(), question())).toBe(true);
    for (const who of [member, km, head, otherHead, outsider]) expect(canAcceptAnswer(who, community(), question())).toBe(false);
    expect(canAcceptAnswer(asker, community(), question({ state: "SUBMITTED" }))).toBe(false);
    expect(canAcceptAnswer(asker, community({ status: "ARCHIVED" }), question())).toBe(false);
  });
  it("sending to the knowledge manager needs an accepted answer and the asker, a lead or an admin", () => {
    expect(canSendQuestionToCuration(asker, community(), question())).toBe(false);
    const answered = question({ acceptedAnswerId: "ans" });
    expect(canSendQuestionToCuration(asker, community(), answered)).toBe(true);
    expect(canSendQuestionToCuration(lead, community(), answered)).toBe(true);
    expect(canSendQuestionToCuration(member, community(), answered)).toBe(false);
    expect(canSendQuestionToCuration(asker, community(), { ...answered, state: "SUBMITTED" })).toBe(false);
  });
  it("closed communities show their questions to members, KMs, the department head and admins only", () => {
    for (const who of [member, lead, km, head, admin]) expect(canViewQuestions(who, closed)).toBe(true);
    for (const who of [outsider, otherHead]) expect(canViewQuestions(who, closed)).toBe(false);
    expect(canViewQuestions(outsider, open)).toBe(true);
  });
  it("questionSearchFilter: public, the actor's communities and headed department; everything for KMs", () => {
    expect(questionSearchFilter(member)).toBe('visibility IN ["public", "community:c1"]');
    expect(questionSearchFilter(head)).toBe('visibility IN ["public", "department:d1"]');
    expect(questionSearchFilter(outsider)).toBe('visibility IN ["public"]');
    expect(questionSearchFilter(km)).toBe("visibility EXISTS");
    expect(questionSearchFilter(actor({ communityIds: ['x" OR visibility EXISTS OR "'] }))).toContain('\\"');
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

describe("the vocabulary of the rules", () => {
  const community = { id: "c1", visibility: "CLOSED", departmentId: "d1", status: "ACTIVE", leadIds: ["lead"] };
  it("names who the actor is to a community", () => {
    expect(isMemberOf(actor({ communityIds: ["c1"] }), community)).toBe(true);
    expect(isMemberOf(actor(), community)).toBe(false);
    expect(isLeadOf(actor({ id: "lead" }), community)).toBe(true);
    expect(isLeadOf(actor(), community)).toBe(false);
    expect(isHeadOf(actor({ headOfDepartmentId: "d1" }), community)).toBe(true);
    expect(isHeadOf(actor({ headOfDepartmentId: "d2" }), community)).toBe(false);
    expect(isHeadOf(actor({ headOfDepartmentId: null }), { departmentId: "d1" })).toBe(false);
    expect(communityRelation(actor({ id: "lead", communityIds: ["c1"] }), community)).toEqual({ member: true, lead: true, head: false });
  });
  it("names the state of a community", () => {
    expect(isActive(community)).toBe(true);
    expect(isArchived(community)).toBe(false);
    expect(isActive({ status: "ARCHIVED" })).toBe(false);
    expect(isArchived({ status: "ARCHIVED" })).toBe(true);
  });
});

describe("abilities handed to the UI", () => {
  const active = { id: "c1", visibility: "OPEN", departmentId: "d1", status: "ACTIVE", leadIds: ["lead"], requesterIds: ["asker"] };
  const archived = { ...active, status: "ARCHIVED" };
  const lead = actor({ id: "lead", communityIds: ["c1"] });
  const head = actor({ id: "head", role: "DEPARTMENT_HEAD", headOfDepartmentId: "d1" });
  it("a lead of an active community leads goals, schedules, archives and reports, but does not change settings", () => {
    expect(communityAbilities(lead, active)).toMatchObject({
      join: false,
      leave: true,
      manageMembers: true,
      archive: true,
      restore: false,
      settings: false,
      reports: true,
      startReport: true,
      goals: { lead: true, agree: false },
      logTime: true,
      memberTime: true,
      scheduleActivities: true,
      attendActivities: true,
      askQuestion: true,
    });
  });
  it("an archived community offers nothing that changes it; its head may restore it", () => {
    const abilities = communityAbilities(head, archived);
    expect(abilities).toMatchObject({ archive: false, restore: true, settings: false, manageMembers: false, startReport: false, goals: { lead: false, agree: false } });
    expect(communityAbilities(lead, archived)).toMatchObject({ leave: false, logTime: false, askQuestion: false, archive: false, restore: false });
  });
  it("join is not offered twice to someone who already asked", () => {
    expect(communityAbilities(actor({ id: "asker" }), active).join).toBe(false);
    expect(communityAbilities(actor({ id: "other" }), active).join).toBe(true);
    expect(communityAbilities(actor({ id: "other" }), archived).join).toBe(false);
  });
  it("entries, notes and reports carry their state rules", () => {
    const entry = (state: string) => ({ state, community: null, ownerId: "owner" });
    const none = { feedback: false, flag: false, edit: false, review: false, resolveFlags: false, archive: false, restore: false };
    expect(entryAbilities(actor(), entry("ARCHIVED"))).toEqual({ ...none, view: true });
    expect(entryAbilities(actor(), entry("PUBLISHED"))).toEqual({ ...none, view: true, feedback: true, flag: true });
    expect(entryAbilities(actor({ id: "owner" }), entry("PUBLISHED"))).toEqual({ ...none, view: true, feedback: true, flag: true, edit: true });
    expect(entryAbilities(actor({ id: "owner" }), entry("ARCHIVED"))).toEqual({ ...none, view: true });
    expect(entryAbilities(actor({ role: "KNOWLEDGE_MANAGER" }), entry("ARCHIVED"))).toEqual({ ...none, view: true, resolveFlags: true, restore: true });
    expect(entryAbilities(actor({ role: "KNOWLEDGE_MANAGER" }), entry("NEEDS_REVIEW"))).toEqual({
      view: true, feedback: true, flag: true, edit: true, review: true, resolveFlags: true, archive: true, restore: false,
    });
    expect(noteAbilities(actor({ role: "KNOWLEDGE_MANAGER" }), { authorId: "x", state: "SUBMITTED", community: null })).toEqual({ view: true, curate: true });
    expect(noteAbilities(actor({ role: "KNOWLEDGE_MANAGER" }), { authorId: "x", state: "PUBLISHED", community: null }).curate).toBe(false);
    expect(reportAbilities(lead, active, { state: "DRAFT", authorId: "lead" })).toEqual({ view: true, write: true, review: false, memberTime: true });
    expect(reportAbilities(lead, archived, { state: "DRAFT", authorId: "lead" })).toEqual({ view: true, write: false, review: false, memberTime: true });
    expect(reportAbilities(head, active, { state: "SUBMITTED", authorId: "lead" })).toEqual({ view: true, write: false, review: true, memberTime: true });
    expect(reportAbilities(head, active, { state: "DRAFT", authorId: "lead" })).toEqual({ view: false, write: false, review: false, memberTime: true });
    // A member reads a submitted report, with the totals but not each colleague's minutes.
    const member = actor({ id: "member", communityIds: ["c1"] });
    expect(reportAbilities(member, active, { state: "SUBMITTED", authorId: "lead" })).toEqual({ view: true, write: false, review: false, memberTime: false });
    expect(reportAbilities(actor({ role: "ADMIN" }), active, { state: "SUBMITTED", authorId: "lead" }).memberTime).toBe(true);
  });
  it("a flag is withdrawn by its flagger while it is open, by nobody else", () => {
    expect(canWithdrawFlag({ id: "reader" }, { userId: "reader", state: "OPEN" })).toBe(true);
    expect(canWithdrawFlag({ id: "reader" }, { userId: "reader", state: "NO_CHANGE" })).toBe(false);
    expect(canWithdrawFlag({ id: "km" }, { userId: "reader", state: "OPEN" })).toBe(false);
  });
  it("a goal the head sent back is revised by a lead; a fresh or revised proposal is not", () => {
    const sentBack = { status: "PROPOSED", events: [{ kind: "proposed" }, { kind: "sent_back" }] };
    expect(isSentBack(sentBack)).toBe(true);
    expect(isSentBack({ status: "PROPOSED", events: [{ kind: "proposed" }] })).toBe(false);
    expect(isSentBack({ status: "PROPOSED", events: [...sentBack.events, { kind: "revised" }] })).toBe(false);
    expect(isSentBack({ status: "DROPPED", events: sentBack.events })).toBe(false);
    expect(canReviseGoal(lead, active, sentBack)).toBe(true);
    expect(canReviseGoal(head, active, sentBack)).toBe(false);
    expect(canReviseGoal(lead, archived, sentBack)).toBe(false);
  });
});

describe("fixing an entry: content for its owner too, community and owner for knowledge managers", () => {
  const closed = { id: "c1", visibility: "CLOSED", departmentId: "d1" };
  const entry = (state = "PUBLISHED", community: typeof closed | null = null) => ({ state, community, ownerId: "owner" });
  it("the owner fixes the content and resolves the flags the fix answers, but does not move or hand over the entry", () => {
    const owner = actor({ id: "owner" });
    expect(canResolveFlagsByEdit(owner, entry())).toBe(true);
    expect(canReassignEntry(owner, entry())).toBe(false);
  });
  it("knowledge managers and admins do all of it, on live entries they see", () => {
    for (const role of ["KNOWLEDGE_MANAGER", "ADMIN"] as const) {
      expect(canReassignEntry(actor({ role }), entry("NEEDS_REVIEW", closed))).toBe(true);
      expect(canResolveFlagsByEdit(actor({ role }), entry())).toBe(true);
      expect(canReassignEntry(actor({ role }), entry("ARCHIVED"))).toBe(false);
      expect(canResolveFlagsByEdit(actor({ role }), entry("ARCHIVED"))).toBe(false);
    }
  });
  it("nobody else, and not an owner who left the closed community", () => {
    expect(canResolveFlagsByEdit(actor(), entry())).toBe(false);
    expect(canReassignEntry(actor({ role: "DEPARTMENT_HEAD" }), entry())).toBe(false);
    expect(canResolveFlagsByEdit(actor({ id: "owner" }), entry("PUBLISHED", closed))).toBe(false);
    expect(canResolveFlagsByEdit(actor({ id: "owner", communityIds: ["c1"] }), entry("PUBLISHED", closed))).toBe(true);
  });
});

describe("notifications", () => {
  const about = (subjectType: string, community: typeof closed | null) => ({ subjectType, community });

  it("reach who sees the community's content, and nobody else", () => {
    expect(canSeeNotification(actor({ communityIds: ["c1"] }), about("question", closed))).toBe(true);
    expect(canSeeNotification(actor(), about("question", closed))).toBe(false);
    expect(canSeeNotification(actor(), about("activity", closed))).toBe(false);
    expect(canSeeNotification(actor({ role: "KNOWLEDGE_MANAGER" }), about("entry", closed))).toBe(true);
    expect(canSeeNotification(actor({ headOfDepartmentId: "d1" }), about("goal", closed))).toBe(true);
    expect(canSeeNotification(actor(), about("entry", open))).toBe(true);
    expect(canSeeNotification(actor(), about("note", null))).toBe(true);
  });

  it("tell an outsider what became of their request to join, not what happens inside", () => {
    expect(canSeeNotification(actor(), about("community", closed))).toBe(true);
  });

  it("keep reports to the community, its head and admins", () => {
    expect(canSeeNotification(actor({ role: "KNOWLEDGE_MANAGER" }), about("report", open))).toBe(false);
    expect(canSeeNotification(actor(), about("report", open))).toBe(false);
    expect(canSeeNotification(actor({ communityIds: ["c2"] }), about("report", open))).toBe(true);
    expect(canSeeNotification(actor({ headOfDepartmentId: "d1" }), about("report", closed))).toBe(true);
    expect(canSeeNotification(actor({ role: "ADMIN" }), about("report", closed))).toBe(true);
  });
});

describe("mandatory reads", () => {
  const liveOpen = { state: "PUBLISHED", community: open };
  const liveClosed = { state: "NEEDS_REVIEW", community: closed };
  const archived = { state: "ARCHIVED", community: null };
  it("knowledge managers and admins manage them; employees, leads and heads do not", () => {
    expect(canManageMandatoryReads(actor({ role: "KNOWLEDGE_MANAGER" }))).toBe(true);
    expect(canManageMandatoryReads(actor({ role: "ADMIN" }))).toBe(true);
    expect(canManageMandatoryReads(actor())).toBe(false);
    expect(canManageMandatoryReads(actor({ role: "DEPARTMENT_HEAD", headOfDepartmentId: "d1" }))).toBe(false);
  });
  it("assigning takes a live entry", () => {
    expect(canAssignMandatoryRead(actor({ role: "KNOWLEDGE_MANAGER" }), liveOpen)).toBe(true);
    expect(canAssignMandatoryRead(actor({ role: "KNOWLEDGE_MANAGER" }), liveClosed)).toBe(true);
    expect(canAssignMandatoryRead(actor({ role: "KNOWLEDGE_MANAGER" }), archived)).toBe(false);
    expect(canAssignMandatoryRead(actor({ communityIds: ["c1"] }), liveClosed)).toBe(false);
  });
  it("a reader confirms only their own assignment of an open read of a live entry they see", () => {
    const mine = { userId: "u1", withdrawn: false };
    expect(canConfirmMandatoryRead(actor(), liveOpen, mine)).toBe(true);
    expect(canConfirmMandatoryRead(actor(), liveOpen, null)).toBe(false);
    expect(canConfirmMandatoryRead(actor(), liveOpen, { userId: "u2", withdrawn: false })).toBe(false);
    expect(canConfirmMandatoryRead(actor(), liveOpen, { userId: "u1", withdrawn: true })).toBe(false);
    expect(canConfirmMandatoryRead(actor(), archived, mine)).toBe(false);
    // Moved into a closed community the reader is not in: no longer theirs to confirm.
    expect(canConfirmMandatoryRead(actor(), liveClosed, mine)).toBe(false);
    expect(canConfirmMandatoryRead(actor({ communityIds: ["c1"] }), liveClosed, mine)).toBe(true);
  });
});

describe("API tokens", () => {
  const now = new Date("2026-12-06T10:00:00Z");
  const token = { userId: "u1", scopes: ["notes:write", "search:read"], expiresAt: new Date("2027-01-01T00:00:00Z"), revokedAt: null };
  const active = { disabledAt: null };
  it("works until revoked, expired or its owner is disabled", () => {
    expect(isApiTokenUsable(token, active, now)).toBe(true);
    expect(isApiTokenUsable({ ...token, revokedAt: now }, active, now)).toBe(false);
    expect(isApiTokenUsable({ ...token, expiresAt: now }, active, now)).toBe(false);
    expect(isApiTokenUsable(token, { disabledAt: now }, now)).toBe(false);
  });
  it("allows only its scopes", () => {
    expect(apiTokenAllows(token, "search:read")).toBe(true);
    expect(apiTokenAllows(token, "entries:read")).toBe(false);
  });
  it("is made and revoked by its owner or an admin", () => {
    const employee = { id: "u1", role: "EMPLOYEE" as const };
    const other = { id: "u2", role: "EMPLOYEE" as const };
    const admin = { id: "a", role: "ADMIN" as const };
    expect(canCreateApiTokenFor(employee, { id: "u1" })).toBe(true);
    expect(canCreateApiTokenFor(other, { id: "u1" })).toBe(false);
    expect(canCreateApiTokenFor(admin, { id: "u1" })).toBe(true);
    expect(canRevokeApiToken(employee, token)).toBe(true);
    expect(canRevokeApiToken(other, token)).toBe(false);
    expect(canRevokeApiToken(admin, token)).toBe(true);
  });
  it("reads a note through the API for its author only", () => {
    expect(canReadNoteThroughApi({ id: "u1" }, { authorId: "u1" })).toBe(true);
    expect(canReadNoteThroughApi({ id: "km" }, { authorId: "u1" })).toBe(false);
  });
});

describe("the roll-out's imports", () => {
  const as = (role: "EMPLOYEE" | "KNOWLEDGE_MANAGER" | "DEPARTMENT_HEAD" | "ADMIN") => ({ role });
  it("lets admins import users, nobody else", () => {
    expect(canImportUsers(as("ADMIN"))).toBe(true);
    for (const role of ["EMPLOYEE", "KNOWLEDGE_MANAGER", "DEPARTMENT_HEAD"] as const) expect(canImportUsers(as(role))).toBe(false);
  });
  it("lets admins manage webhooks, nobody else", () => {
    expect(canManageWebhooks(as("ADMIN"))).toBe(true);
    for (const role of ["EMPLOYEE", "KNOWLEDGE_MANAGER", "DEPARTMENT_HEAD"] as const) expect(canManageWebhooks(as(role))).toBe(false);
  });
  it("lets knowledge managers and admins import and export the knowledge base", () => {
    expect(canExchangeKnowledge(as("KNOWLEDGE_MANAGER"))).toBe(true);
    expect(canExchangeKnowledge(as("ADMIN"))).toBe(true);
    expect(canExchangeKnowledge(as("EMPLOYEE"))).toBe(false);
    expect(canExchangeKnowledge(as("DEPARTMENT_HEAD"))).toBe(false);
  });
});
