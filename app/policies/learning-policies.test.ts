/**
 * The mentoring and learning-registration rules (issue 17): who reads a plan, who steps its items, who
 * pairs, who decides a formal entry, and that costs stay with the person, their head and admins.
 */
import { describe, expect, it } from "vitest";
import {
  canDecideLearning,
  canLogMentoringTime,
  canManageOnboardingTemplate,
  canPairAnyone,
  canPairMentoring,
  canSeeLearningCosts,
  canStepPlanItem,
  canViewDepartmentLearning,
  canViewDepartmentPlans,
  canViewMentoringPlan,
  canViewPersonLearning,
  canWithdrawLearning,
  type Actor,
} from "./policies";

const actor = (over: Partial<Actor> = {}): Actor => ({ id: "someone", role: "EMPLOYEE", departmentId: "sales", communityIds: [], headOfDepartmentId: null, ...over });

const newcomer = actor({ id: "newcomer" });
const mentor = actor({ id: "mentor" });
const colleague = actor({ id: "colleague" });
const head = actor({ id: "head", role: "DEPARTMENT_HEAD", headOfDepartmentId: "sales" });
const otherHead = actor({ id: "other-head", role: "DEPARTMENT_HEAD", departmentId: "support", headOfDepartmentId: "support" });
const km = actor({ id: "km", role: "KNOWLEDGE_MANAGER" });
const admin = actor({ id: "admin", role: "ADMIN", departmentId: null });
const plan = { newcomerId: "newcomer", mentorId: "mentor", departmentId: "sales" };

describe("mentoring plans", () => {
  it("are read by their newcomer, their mentor, the department's head and admins only", () => {
    expect(canViewMentoringPlan(newcomer, plan)).toBe(true);
    expect(canViewMentoringPlan(mentor, plan)).toBe(true);
    expect(canViewMentoringPlan(head, plan)).toBe(true);
    expect(canViewMentoringPlan(admin, plan)).toBe(true);
    for (const outsider of [colleague, otherHead, km]) expect(canViewMentoringPlan(outsider, plan), outsider.id).toBe(false);
  });

  it("a newcomer sees only their own plan, a mentor only theirs", () => {
    const another = { newcomerId: "colleague", mentorId: "someone-else", departmentId: "sales" };
    expect(canViewMentoringPlan(newcomer, another)).toBe(false);
    expect(canViewMentoringPlan(mentor, another)).toBe(false);
  });

  it("show every plan of a department to its head and admins, not to another head or a member", () => {
    expect(canViewDepartmentPlans(head, "sales")).toBe(true);
    expect(canViewDepartmentPlans(admin, "sales")).toBe(true);
    expect(canViewDepartmentPlans(otherHead, "sales")).toBe(false);
    expect(canViewDepartmentPlans(newcomer, "sales")).toBe(false);
  });

  it("let only the mentor show and sign off an item; the newcomer may mark it practised", () => {
    expect(canStepPlanItem(mentor, plan, "show")).toBe(true);
    expect(canStepPlanItem(mentor, plan, "signOff")).toBe(true);
    expect(canStepPlanItem(mentor, plan, "practise")).toBe(true);
    expect(canStepPlanItem(newcomer, plan, "practise")).toBe(true);
    expect(canStepPlanItem(newcomer, plan, "signOff")).toBe(false);
    expect(canStepPlanItem(newcomer, plan, "show")).toBe(false);
    for (const other of [head, admin, colleague]) expect(canStepPlanItem(other, plan, "signOff"), other.id).toBe(false);
  });

  it("take mentoring time from the newcomer and the mentor only", () => {
    expect(canLogMentoringTime(newcomer, plan)).toBe(true);
    expect(canLogMentoringTime(mentor, plan)).toBe(true);
    expect(canLogMentoringTime(head, plan)).toBe(false);
  });

  it("are paired by the head of the newcomer's department, a lead in that department or an admin", () => {
    expect(canPairMentoring(head, "sales", [])).toBe(true);
    expect(canPairMentoring(admin, "sales", [])).toBe(true);
    expect(canPairMentoring(colleague, "sales", ["sales"])).toBe(true);
    expect(canPairMentoring(colleague, "sales", ["support"])).toBe(false);
    expect(canPairMentoring(otherHead, "sales", [])).toBe(false);
    expect(canPairMentoring(head, null, [])).toBe(false);
    expect(canPairAnyone(colleague, [])).toBe(false);
    expect(canPairAnyone(colleague, ["support"])).toBe(true);
    expect(canPairAnyone(head, [])).toBe(true);
  });

  it("have their template kept by the department's head and admins", () => {
    expect(canManageOnboardingTemplate(head, "sales")).toBe(true);
    expect(canManageOnboardingTemplate(admin, "sales")).toBe(true);
    expect(canManageOnboardingTemplate(otherHead, "sales")).toBe(false);
    expect(canManageOnboardingTemplate(km, "sales")).toBe(false);
  });
});

describe("learning registration", () => {
  const pending = { userId: "colleague", departmentId: "sales", state: "PENDING" };

  it("is decided by the head of the person's department or an admin, while pending", () => {
    expect(canDecideLearning(head, pending)).toBe(true);
    expect(canDecideLearning(admin, pending)).toBe(true);
    expect(canDecideLearning(otherHead, pending)).toBe(false);
    expect(canDecideLearning(km, pending)).toBe(false);
    expect(canDecideLearning(colleague, pending)).toBe(false);
    expect(canDecideLearning(head, { ...pending, state: "APPROVED" })).toBe(false);
  });

  it("is never approved by its own person, a head or an admin included", () => {
    expect(canDecideLearning(head, { userId: "head", departmentId: "sales", state: "PENDING" })).toBe(false);
    expect(canDecideLearning(admin, { userId: "admin", departmentId: null, state: "PENDING" })).toBe(false);
  });

  it("is withdrawn by its person while pending", () => {
    expect(canWithdrawLearning(colleague, pending)).toBe(true);
    expect(canWithdrawLearning(colleague, { ...pending, state: "REJECTED" })).toBe(false);
    expect(canWithdrawLearning(head, pending)).toBe(false);
  });

  it("shows costs to the person, their head and admins, and to nobody outside", () => {
    const person = { id: "colleague", departmentId: "sales" };
    expect(canSeeLearningCosts(colleague, person)).toBe(true);
    expect(canSeeLearningCosts(head, person)).toBe(true);
    expect(canSeeLearningCosts(admin, person)).toBe(true);
    for (const outsider of [newcomer, mentor, otherHead, km]) expect(canSeeLearningCosts(outsider, person), outsider.id).toBe(false);
    expect(canViewPersonLearning(km, person)).toBe(false);
  });

  it("gives a department's figures and export to its head and admins only", () => {
    expect(canViewDepartmentLearning(head, "sales")).toBe(true);
    expect(canViewDepartmentLearning(admin, "sales")).toBe(true);
    expect(canViewDepartmentLearning(otherHead, "sales")).toBe(false);
    expect(canViewDepartmentLearning(km, "sales")).toBe(false);
    expect(canViewDepartmentLearning(colleague, "sales")).toBe(false);
  });
});
