/**
 * Who may do what. Pure functions, shared by loaders, actions, search and the UI.
 * Routes never decide permissions themselves: they ask here.
 */
import type { Role } from "~/schemas/enums";
import { actorTokens, documentTokens, entryVisibilityFilter, readableEntryStates, tokensMatch, visibilityClause } from "./visibility";

export type Actor = {
  id: string;
  role: Role;
  departmentId: string | null;
  /** Ids of the communities the actor belongs to (member or lead). */
  communityIds: readonly string[];
  /** Id of the department the actor heads, if any. */
  headOfDepartmentId: string | null;
};

export type CommunityRef = { id: string; visibility: string; departmentId: string };
export type EntryRef = { state: string; community: CommunityRef | null };
export type NoteRef = { authorId: string; state: string; community: CommunityRef | null };

export const isAdmin = (a: Pick<Actor, "role">) => a.role === "ADMIN";
export const isKnowledgeManager = (a: Pick<Actor, "role">) => a.role === "KNOWLEDGE_MANAGER";

/** Curation: the inbox, publish, merge, decline. */
export function canCurate(actor: Pick<Actor, "role">): boolean {
  return isKnowledgeManager(actor) || isAdmin(actor);
}

export function canManageUsers(actor: Pick<Actor, "role">): boolean {
  return isAdmin(actor);
}

export function canWriteNote(_actor: Actor): boolean {
  return true;
}

/** Closed communities show their content to members, knowledge managers, the department's head and admins. */
export function canSeeCommunityContent(actor: Actor, community: CommunityRef | null): boolean {
  return tokensMatch(actorTokens(actor), documentTokens(community));
}

export type ManagedCommunityRef = CommunityRef & { status: string; leadIds: readonly string[] };

/** Admins create communities anywhere; a department head only in the department they head. */
export function canCreateCommunity(actor: Actor, departmentId?: string): boolean {
  if (isAdmin(actor)) return true;
  if (!actor.headOfDepartmentId) return false;
  return departmentId === undefined || departmentId === actor.headOfDepartmentId;
}

/** Leads, the head of the community's department and admins accept requests, remove members and archive. */
export function canManageCommunity(actor: Actor, community: ManagedCommunityRef): boolean {
  return isAdmin(actor) || actor.headOfDepartmentId === community.departmentId || community.leadIds.includes(actor.id);
}

/** Settings (name, purpose, access, budget, leads) and restoring an archived community: admins and the head of its department. */
export function canEditCommunity(actor: Actor, community: ManagedCommunityRef): boolean {
  return isAdmin(actor) || (actor.headOfDepartmentId !== null && actor.headOfDepartmentId === community.departmentId);
}

export function canArchiveCommunity(actor: Actor, community: ManagedCommunityRef): boolean {
  return community.status === "ACTIVE" && canManageCommunity(actor, community);
}

/** Anyone who is not yet a member may join (open) or ask to join (closed) an active community. */
export function canJoinCommunity(actor: Actor, community: { id: string; status: string }): boolean {
  return community.status === "ACTIVE" && !actor.communityIds.includes(community.id);
}

export function canViewEntry(actor: Actor, entry: EntryRef): boolean {
  return readableEntryStates(actor).includes(entry.state) && canSeeCommunityContent(actor, entry.community);
}

export function canGiveFeedback(actor: Actor, entry: EntryRef): boolean {
  return entry.state !== "ARCHIVED" && canViewEntry(actor, entry);
}

export function canViewNote(actor: Actor, note: NoteRef): boolean {
  if (note.authorId === actor.id) return true;
  return canCurate(actor) && canSeeCommunityContent(actor, note.community);
}

/**
 * The part of every entry search that says what this actor may see. It goes into the
 * Meilisearch query itself, so nothing hidden is ever returned, counted or faceted.
 */
export function entrySearchFilter(actor: Actor): string {
  return entryVisibilityFilter(actor);
}

/** The `can` map loaders hand to the UI, so menus show only what the user may open. */
export function navigationAbilities(actor: Pick<Actor, "role" | "headOfDepartmentId">) {
  return {
    curate: canCurate(actor),
    manageUsers: canManageUsers(actor),
    departmentDashboard: isAdmin(actor) || actor.headOfDepartmentId !== null,
    knowledgeDashboard: canViewKnowledgeDashboard(actor),
  };
}

/** Goals: the community's leads (and admins) propose them, record progress and close them, while the community is active. */
export function canLeadGoals(actor: Actor, community: ManagedCommunityRef): boolean {
  return community.status === "ACTIVE" && (isAdmin(actor) || community.leadIds.includes(actor.id));
}

/** Goals: the head of the community's department (and admins) agree or send back a proposal. */
export function canAgreeGoals(actor: Actor, community: ManagedCommunityRef): boolean {
  return community.status === "ACTIVE" && (isAdmin(actor) || (actor.headOfDepartmentId !== null && actor.headOfDepartmentId === community.departmentId));
}

/** Goals are community content: whoever sees the community's content sees its goals. */
export function canViewGoals(actor: Actor, community: CommunityRef): boolean {
  return canSeeCommunityContent(actor, community);
}

export type ReportRef = { state: string; authorId: string };

/** Reports: the community's leads write them (and admins may), while the community is active. */
export function canWriteReport(actor: Actor, community: ManagedCommunityRef): boolean {
  return community.status === "ACTIVE" && (isAdmin(actor) || community.leadIds.includes(actor.id));
}

/** The head of the community's department (and admins) read, comment on and acknowledge submitted reports. */
export function canReviewReport(actor: Actor, community: ManagedCommunityRef): boolean {
  return isAdmin(actor) || (actor.headOfDepartmentId !== null && actor.headOfDepartmentId === community.departmentId);
}

/**
 * A draft is for the community's leads (and admins) only; once submitted, the head of the department
 * and the community's members read it too. Nobody else: not other heads, not knowledge managers.
 */
export function canViewReport(actor: Actor, community: ManagedCommunityRef, report: ReportRef): boolean {
  if (isAdmin(actor) || community.leadIds.includes(actor.id)) return true;
  if (report.state === "DRAFT") return false;
  return canReviewReport(actor, community) || actor.communityIds.includes(community.id);
}

/** Who sees the reports page of a community at all (its list shows each report only as canViewReport allows). */
export function canListReports(actor: Actor, community: ManagedCommunityRef): boolean {
  return isAdmin(actor) || community.leadIds.includes(actor.id) || canReviewReport(actor, community) || actor.communityIds.includes(community.id);
}

/** The department dashboard: the head of that department, and admins (for any department). */
export function canViewDepartmentDashboard(actor: Actor, departmentId: string): boolean {
  return isAdmin(actor) || actor.headOfDepartmentId === departmentId;
}

/** Time and activities: only members (and leads) of an active community log time and attend activities. */
export function canLogTime(actor: Actor, community: { id: string; status: string }): boolean {
  return community.status === "ACTIVE" && actor.communityIds.includes(community.id);
}

/**
 * Time per member (who used how much, who logged nothing) is for the community's leads, the head of its
 * department and admins. Everyone who sees the community sees its total and, if a member, their own line.
 */
export function canViewMemberTime(actor: Actor, community: ManagedCommunityRef): boolean {
  return isAdmin(actor) || community.leadIds.includes(actor.id) || (actor.headOfDepartmentId !== null && actor.headOfDepartmentId === community.departmentId);
}

/** The budget view and the activities are community content. */
export function canViewTime(actor: Actor, community: CommunityRef): boolean {
  return canSeeCommunityContent(actor, community);
}

/** Activities: the community's leads (and admins) schedule and cancel them, while the community is active. */
export function canScheduleActivities(actor: Actor, community: ManagedCommunityRef): boolean {
  return community.status === "ACTIVE" && (isAdmin(actor) || community.leadIds.includes(actor.id));
}

/** Attending an activity logs time: the same people as logging time. */
export function canAttendActivities(actor: Actor, community: { id: string; status: string }): boolean {
  return canLogTime(actor, community);
}

// ---------------------------------------------------------------------------------------------
// Questions and answers
// ---------------------------------------------------------------------------------------------

/** What the question policies need to know about a question. */
export type QuestionRef = { authorId: string; state: string; acceptedAnswerId: string | null };

/** Questions are community content: whoever sees the community's content sees its questions and answers. */
export function canViewQuestions(actor: Actor, community: CommunityRef): boolean {
  return canSeeCommunityContent(actor, community);
}

/** Members and leads ask questions in an active community. */
export function canAskQuestion(actor: Actor, community: ManagedCommunityRef): boolean {
  return community.status === "ACTIVE" && actor.communityIds.includes(community.id);
}

/** Members and leads answer an open question of an active community. */
export function canAnswerQuestion(actor: Actor, community: ManagedCommunityRef, question: QuestionRef): boolean {
  return question.state === "OPEN" && canAskQuestion(actor, community);
}

/** The asker, a lead of the community or an admin accepts an answer (or another one) while the question is open. */
export function canAcceptAnswer(actor: Actor, community: ManagedCommunityRef, question: QuestionRef): boolean {
  if (question.state !== "OPEN" || community.status !== "ACTIVE" || !canSeeCommunityContent(actor, community)) return false;
  return question.authorId === actor.id || community.leadIds.includes(actor.id) || isAdmin(actor);
}

/** The asker or a lead (or an admin) sends an answered question to the knowledge manager's inbox. */
export function canSendQuestionToCuration(actor: Actor, community: ManagedCommunityRef, question: QuestionRef): boolean {
  return question.acceptedAnswerId !== null && canAcceptAnswer(actor, community, question);
}

/**
 * The part of every question search that says what this actor may see, inside the Meilisearch query:
 * "public" for open communities, "community:<id>" for the actor's closed communities,
 * "department:<id>" for the head of a department. Knowledge managers and admins see every community.
 */
export function questionSearchFilter(actor: Actor): string {
  return visibilityClause(actor);
}

/**
 * The knowledge manager's dashboard: knowledge managers and admins. It counts over every community,
 * closed ones included, and lists what people searched for, so it is not for employees, leads or heads.
 */
export function canViewKnowledgeDashboard(actor: Pick<Actor, "role">): boolean {
  return isKnowledgeManager(actor) || isAdmin(actor);
}
