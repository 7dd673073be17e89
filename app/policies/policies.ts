/**
 * Who may do what. Pure functions, shared by loaders, actions, search and the UI.
 * Routes never decide permissions themselves: they ask here.
 */
import type { Role } from "~/schemas/enums";
import { actorTokens, documentTokens, entryVisibilityFilter, tokensMatch, visibilityClause } from "./visibility";

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
/** An entry with its owner, for the rules on changing it. */
export type OwnedEntryRef = EntryRef & { ownerId: string };
export type NoteRef = { authorId: string; state: string; community: CommunityRef | null };

export const isAdmin = (a: Pick<Actor, "role">) => a.role === "ADMIN";
export const isKnowledgeManager = (a: Pick<Actor, "role">) => a.role === "KNOWLEDGE_MANAGER";

// The vocabulary the rules below are written in: who the actor is to a community, and its state.

/** A member or a lead of the community. */
export const isMemberOf = (actor: Pick<Actor, "communityIds">, community: { id: string }) => actor.communityIds.includes(community.id);
/** One of the community's leads. */
export const isLeadOf = (actor: Pick<Actor, "id">, community: { leadIds: readonly string[] }) => community.leadIds.includes(actor.id);
/** The head of the department the community belongs to. */
export const isHeadOf = (actor: Pick<Actor, "headOfDepartmentId">, community: { departmentId: string }) =>
  actor.headOfDepartmentId !== null && actor.headOfDepartmentId === community.departmentId;
/** An active community takes changes; an archived one is read-only until its head or an admin restores it. */
export const isActive = (community: { status: string }) => community.status === "ACTIVE";
export const isArchived = (community: { status: string }) => community.status === "ARCHIVED";

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
  return isAdmin(actor) || isHeadOf(actor, community) || isLeadOf(actor, community);
}

/** Settings (name, purpose, access, budget, leads) and restoring an archived community: admins and the head of its department. */
export function canEditCommunity(actor: Actor, community: ManagedCommunityRef): boolean {
  return isAdmin(actor) || isHeadOf(actor, community);
}

/** The settings page: who may edit, while the community is active (an archived one is restored first). */
export function canChangeSettings(actor: Actor, community: ManagedCommunityRef): boolean {
  return isActive(community) && canEditCommunity(actor, community);
}

export function canArchiveCommunity(actor: Actor, community: ManagedCommunityRef): boolean {
  return isActive(community) && canManageCommunity(actor, community);
}

export function canRestoreCommunity(actor: Actor, community: ManagedCommunityRef): boolean {
  return isArchived(community) && canEditCommunity(actor, community);
}

/** Accepting requests and removing members: who manages the community, while it is active. */
export function canManageMembers(actor: Actor, community: ManagedCommunityRef): boolean {
  return isActive(community) && canManageCommunity(actor, community);
}

/** Anyone who is not yet a member may join (open) or ask to join (closed) an active community. */
export function canJoinCommunity(actor: Actor, community: { id: string; status: string }): boolean {
  return isActive(community) && !isMemberOf(actor, community);
}

/** Members leave an active community (the last lead cannot; the command says so). */
export function canLeaveCommunity(actor: Actor, community: { id: string; status: string }): boolean {
  return isActive(community) && isMemberOf(actor, community);
}

/**
 * Who sees the entry's community reads the entry, in every state: an archived entry's page answers
 * with a notice and its successor. Search never returns an archived entry (entrySearchFilter).
 */
export function canViewEntry(actor: Actor, entry: EntryRef): boolean {
  return canSeeCommunityContent(actor, entry.community);
}

/** A live entry: published or needing review. An archived one is read-only until it is restored. */
export const isLive = (entry: { state: string }) => entry.state !== "ARCHIVED";

/** Its owner: the one who answers for it besides the knowledge managers. */
export const isOwnerOf = (actor: Pick<Actor, "id">, entry: { ownerId: string }) => actor.id === entry.ownerId;

/** Any reader may flag a live entry as outdated, wrong, unclear or a duplicate (KCS: flag it or fix it). */
export function canFlagEntry(actor: Actor, entry: EntryRef): boolean {
  return isLive(entry) && canViewEntry(actor, entry);
}

/** Its flagger takes back an open flag; nobody else does (the knowledge manager resolves it instead). */
export function canWithdrawFlag(actor: Pick<Actor, "id">, flag: { userId: string; state: string }): boolean {
  return flag.userId === actor.id && flag.state === "OPEN";
}

/** Knowledge managers, admins and the entry's owner fix a live entry: a new version with a change note. */
export function canEditEntry(actor: Actor, entry: OwnedEntryRef): boolean {
  return isLive(entry) && canViewEntry(actor, entry) && (canCurate(actor) || isOwnerOf(actor, entry));
}

/**
 * Moving an entry to another community (who may read it) and handing it to another owner are the
 * knowledge managers' (and admins') calls; the owner fixes the content and its review date.
 */
export function canReassignEntry(actor: Actor, entry: OwnedEntryRef): boolean {
  return canEditEntry(actor, entry) && canManageKnowledge(actor);
}

/**
 * Whoever fixes an entry says which open flags the fix answers (KCS: the one who fixes it closes the
 * loop), the owner included; "no change needed" stays the knowledge managers' (resolveFlags).
 */
export function canResolveFlagsByEdit(actor: Actor, entry: OwnedEntryRef): boolean {
  return canEditEntry(actor, entry);
}

/**
 * The lifecycle of the knowledge base is the knowledge managers' (and admins'): reviews, flags,
 * archiving and restoring, products and synonyms.
 */
export function canManageKnowledge(actor: Pick<Actor, "role">): boolean {
  return canCurate(actor);
}

export function canGiveFeedback(actor: Actor, entry: EntryRef): boolean {
  return entry.state !== "ARCHIVED" && canViewEntry(actor, entry);
}

export function canViewNote(actor: Actor, note: NoteRef): boolean {
  if (note.authorId === actor.id) return true;
  return canCurate(actor) && canSeeCommunityContent(actor, note.community);
}

/** What the note policies need to know to let an author change a note. */
export type OwnNoteRef = { authorId: string; state: string; kind: string };

/**
 * The author edits a submitted field note until the knowledge manager decides on it. Questions have
 * their own life in the community and are not edited here.
 */
export function canEditNote(actor: Pick<Actor, "id">, note: OwnNoteRef): boolean {
  return note.authorId === actor.id && note.kind === "FIELD_NOTE" && note.state === "SUBMITTED";
}

/** The author withdraws a submitted field note (it leaves the inbox) on the same terms as editing it. */
export function canWithdrawNote(actor: Pick<Actor, "id">, note: OwnNoteRef): boolean {
  return canEditNote(actor, note);
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
  return isActive(community) && (isAdmin(actor) || isLeadOf(actor, community));
}

/** Goals: the head of the community's department (and admins) agree or send back a proposal. */
export function canAgreeGoals(actor: Actor, community: ManagedCommunityRef): boolean {
  return isActive(community) && (isAdmin(actor) || isHeadOf(actor, community));
}

/** A goal the head sent back: still proposed, and the last word on it was the head's "send back". */
export function isSentBack(goal: { status: string; events: readonly { kind: string }[] }): boolean {
  if (goal.status !== "PROPOSED") return false;
  const last = [...goal.events].reverse().find((e) => e.kind === "sent_back" || e.kind === "proposed" || e.kind === "revised");
  return last?.kind === "sent_back";
}

/** The lead revises a goal the head sent back (title, target, due date) and proposes it again. */
export function canReviseGoal(actor: Actor, community: ManagedCommunityRef, goal: { status: string; events: readonly { kind: string }[] }): boolean {
  return canLeadGoals(actor, community) && isSentBack(goal);
}

/** Goals are community content: whoever sees the community's content sees its goals. */
export function canViewGoals(actor: Actor, community: CommunityRef): boolean {
  return canSeeCommunityContent(actor, community);
}

export type ReportRef = { state: string; authorId: string };

/** Reports: the community's leads write them (and admins may), while the community is active. */
export function canWriteReport(actor: Actor, community: ManagedCommunityRef): boolean {
  return isActive(community) && (isAdmin(actor) || isLeadOf(actor, community));
}

/** The head of the community's department (and admins) read, comment on and acknowledge submitted reports. */
export function canReviewReport(actor: Actor, community: ManagedCommunityRef): boolean {
  return isAdmin(actor) || isHeadOf(actor, community);
}

/**
 * A draft is for the community's leads (and admins) only; once submitted, the head of the department
 * and the community's members read it too. Nobody else: not other heads, not knowledge managers.
 */
export function canViewReport(actor: Actor, community: ManagedCommunityRef, report: ReportRef): boolean {
  if (isAdmin(actor) || isLeadOf(actor, community)) return true;
  if (report.state === "DRAFT") return false;
  return canReviewReport(actor, community) || isMemberOf(actor, community);
}

/** Who sees the reports page of a community at all (its list shows each report only as canViewReport allows). */
export function canListReports(actor: Actor, community: ManagedCommunityRef): boolean {
  return isAdmin(actor) || isLeadOf(actor, community) || canReviewReport(actor, community) || isMemberOf(actor, community);
}

/** The department dashboard: the head of that department, and admins (for any department). */
export function canViewDepartmentDashboard(actor: Actor, departmentId: string): boolean {
  return isAdmin(actor) || actor.headOfDepartmentId === departmentId;
}

/** Time and activities: only members (and leads) of an active community log time and attend activities. */
export function canLogTime(actor: Actor, community: { id: string; status: string }): boolean {
  return isActive(community) && isMemberOf(actor, community);
}

/**
 * Time per member (who used how much, who logged nothing) is for the community's leads, the head of its
 * department and admins. Everyone who sees the community sees its total and, if a member, their own line.
 * The same holds for a report and its PDF and CSV: members read the totals, not each colleague's minutes.
 */
export function canViewMemberTime(actor: Actor, community: ManagedCommunityRef): boolean {
  return isAdmin(actor) || isLeadOf(actor, community) || isHeadOf(actor, community);
}

/** The budget view and the activities are community content. */
export function canViewTime(actor: Actor, community: CommunityRef): boolean {
  return canSeeCommunityContent(actor, community);
}

/** Activities: the community's leads (and admins) schedule and cancel them, while the community is active. */
export function canScheduleActivities(actor: Actor, community: ManagedCommunityRef): boolean {
  return isActive(community) && (isAdmin(actor) || isLeadOf(actor, community));
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
  return isActive(community) && isMemberOf(actor, community);
}

/** Members and leads answer an open question of an active community. */
export function canAnswerQuestion(actor: Actor, community: ManagedCommunityRef, question: QuestionRef): boolean {
  return question.state === "OPEN" && canAskQuestion(actor, community);
}

/** What the answer policies need to know about an answer. */
export type AnswerRef = { id: string; authorId: string };

/**
 * Authors edit or delete their own answer while it is not the accepted one and the question is still
 * open in an active community they belong to: once accepted, the answer is what the question stands on.
 */
export function canEditAnswer(actor: Actor, community: ManagedCommunityRef, question: QuestionRef, answer: AnswerRef): boolean {
  return answer.authorId === actor.id && question.acceptedAnswerId !== answer.id && canAnswerQuestion(actor, community, question);
}

/** The asker, a lead of the community or an admin accepts an answer (or another one) while the question is open. */
export function canAcceptAnswer(actor: Actor, community: ManagedCommunityRef, question: QuestionRef): boolean {
  if (question.state !== "OPEN" || !isActive(community) || !canSeeCommunityContent(actor, community)) return false;
  return question.authorId === actor.id || isLeadOf(actor, community) || isAdmin(actor);
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

/**
 * Mandatory reads: knowledge managers and admins make a live entry they see required reading, follow
 * who confirmed, remind and withdraw. Who sees the reads and their reports sees who read what.
 */
export function canManageMandatoryReads(actor: Pick<Actor, "role">): boolean {
  return canManageKnowledge(actor);
}

export function canAssignMandatoryRead(actor: Actor, entry: EntryRef): boolean {
  return canManageMandatoryReads(actor) && isLive(entry) && canViewEntry(actor, entry);
}

/** The reader confirms their own assignment of an open read, for a live entry they still see. */
export function canConfirmMandatoryRead(actor: Actor, entry: EntryRef, assignment: { userId: string; withdrawn: boolean } | null): boolean {
  return assignment !== null && assignment.userId === actor.id && !assignment.withdrawn && isLive(entry) && canViewEntry(actor, entry);
}

// ---------------------------------------------------------------------------------------------
// Abilities: computed once by a loader and sent to the UI, which never re-derives a permission.
// ---------------------------------------------------------------------------------------------

/** Who the actor is to a community. */
export function communityRelation(actor: Actor, community: ManagedCommunityRef) {
  return { member: isMemberOf(actor, community), lead: isLeadOf(actor, community), head: isHeadOf(actor, community) };
}

/**
 * Everything the community pages may offer this actor. `requesterIds`: who asked to join, so the
 * join button is not offered twice.
 */
export function communityAbilities(actor: Actor, community: ManagedCommunityRef & { requesterIds?: readonly string[] }) {
  return {
    join: canJoinCommunity(actor, community) && !(community.requesterIds ?? []).includes(actor.id),
    leave: canLeaveCommunity(actor, community),
    manageMembers: canManageMembers(actor, community),
    archive: canArchiveCommunity(actor, community),
    restore: canRestoreCommunity(actor, community),
    settings: canChangeSettings(actor, community),
    reports: canListReports(actor, community),
    startReport: canWriteReport(actor, community),
    goals: { lead: canLeadGoals(actor, community), agree: canAgreeGoals(actor, community) },
    logTime: canLogTime(actor, community),
    memberTime: canViewMemberTime(actor, community),
    scheduleActivities: canScheduleActivities(actor, community),
    attendActivities: canAttendActivities(actor, community),
    askQuestion: canAskQuestion(actor, community),
    pinSpotlight: canPinSpotlight(actor, community),
  };
}
export type CommunityAbilities = ReturnType<typeof communityAbilities>;

export function entryAbilities(actor: Actor, entry: OwnedEntryRef) {
  const manage = canManageKnowledge(actor) && canViewEntry(actor, entry);
  return {
    view: canViewEntry(actor, entry),
    feedback: canGiveFeedback(actor, entry),
    flag: canFlagEntry(actor, entry),
    edit: canEditEntry(actor, entry),
    /** Confirm a review, resolve flags, archive. */
    review: manage && isLive(entry),
    resolveFlags: manage,
    archive: manage && isLive(entry),
    restore: manage && !isLive(entry),
  };
}

/** A note (field note or question): who reads it, and whether the curator's decision is pending. */
export function noteAbilities(actor: Actor, note: NoteRef) {
  return { view: canViewNote(actor, note), curate: canCurate(actor) && note.state === "SUBMITTED" };
}

/** A report: a draft is written by its community's leads; a submitted one is reviewed by the head. */
export function reportAbilities(actor: Actor, community: ManagedCommunityRef, report: ReportRef) {
  return {
    view: canViewReport(actor, community, report),
    write: report.state === "DRAFT" && canWriteReport(actor, community),
    review: report.state === "SUBMITTED" && canReviewReport(actor, community),
    memberTime: canViewMemberTime(actor, community),
  };
}

// ---------------------------------------------------------------------------------------------
// Notifications
// ---------------------------------------------------------------------------------------------

/** What the notification policy needs to know: what it is about, and the community that lives in. */
export type NotificationSubjectRef = { subjectType: string; community: CommunityRef | null };

/**
 * Whether a notification may reach this person, and (asked again when listing) may still be shown: a
 * person who left a closed community no longer reads what happens in it. A community's name and the
 * outcome of a request to join are not its content; a report reaches its community, its head and admins
 * (canListReports), not knowledge managers.
 */
export function canSeeNotification(actor: Actor, notification: NotificationSubjectRef): boolean {
  const { community } = notification;
  if (!community || notification.subjectType === "community") return true;
  if (notification.subjectType === "report") return isAdmin(actor) || isHeadOf(actor, community) || isMemberOf(actor, community);
  return canSeeCommunityContent(actor, community);
}

// API tokens (issue 16). A token acts as its owner, narrowed to its scopes.

export type ApiTokenRef = { userId: string; scopes: readonly string[]; expiresAt: Date; revokedAt: Date | null };

/** A token works until it is revoked or expires, and only while its owner is not disabled. */
export function isApiTokenUsable(token: ApiTokenRef, owner: { disabledAt: Date | null }, now = new Date()): boolean {
  return token.revokedAt === null && token.expiresAt.getTime() > now.getTime() && owner.disabledAt === null;
}

/** What a token may be used for: only the scopes it was given. */
export function apiTokenAllows(token: Pick<ApiTokenRef, "scopes">, scope: string): boolean {
  return token.scopes.includes(scope);
}

/** Everyone makes tokens for themselves; an admin also makes service tokens for another (service) user. */
export function canCreateApiTokenFor(actor: Pick<Actor, "id" | "role">, owner: { id: string }): boolean {
  return actor.id === owner.id || isAdmin(actor);
}

/** The owner revokes their own tokens; an admin revokes anyone's. */
export function canRevokeApiToken(actor: Pick<Actor, "id" | "role">, token: Pick<ApiTokenRef, "userId">): boolean {
  return actor.id === token.userId || isAdmin(actor);
}

/** Through the API a note is read by its author only: the knowledge manager reads notes in the app. */
export function canReadNoteThroughApi(actor: Pick<Actor, "id">, note: { authorId: string }): boolean {
  return actor.id === note.authorId;
}

// The roll-out (issue 16): users from a CSV, the knowledge base in and out.

/** Creating people from a CSV file is user management: admins. */
export function canImportUsers(actor: Pick<Actor, "role">): boolean {
  return canManageUsers(actor);
}

/**
 * Importing and exporting the whole knowledge base (page, API, terminal): knowledge managers and admins.
 * An export holds every closed community's entries, so it is not for anyone who sees less than they do.
 */
export function canExchangeKnowledge(actor: Pick<Actor, "role">): boolean {
  return canManageKnowledge(actor);
}

/** Webhooks tell other systems about every entry, closed communities' too: admins add and remove them. */
export function canManageWebhooks(actor: Pick<Actor, "role">): boolean {
  return isAdmin(actor);
}

// ---------------------------------------------------------------------------------------------
// Recognition, skill spotlight and asking without fear (issue 17; docs/decisions/0064, 0065)
// ---------------------------------------------------------------------------------------------

/**
 * Who asked a question: everyone who sees the question, unless it was asked as "a member". Then only the
 * asker, the community's leads and knowledge managers: the people who help the asker, and nobody who
 * merely reads along (not the department head, not an admin acting as a reader).
 */
export function canSeeQuestionAuthor(actor: Actor, community: { leadIds: readonly string[] }, question: { authorId: string; anonymous: boolean }): boolean {
  if (!question.anonymous) return true;
  return question.authorId === actor.id || isLeadOf(actor, community) || isKnowledgeManager(actor);
}

/** Who reads a live entry thanks someone credited on it (its authors, its owner), never themself. */
export function canThankForEntry(actor: Actor, entry: EntryRef, recipientId: string, contributorIds: readonly string[]): boolean {
  return canGiveFeedback(actor, entry) && recipientId !== actor.id && contributorIds.includes(recipientId);
}

/**
 * An answer whose author may be thanked: any, except the asker's own answer to a question asked as
 * "a member" (the thank-you page would have to name them).
 */
export function isThankableAnswer(question: { authorId: string; anonymous: boolean }, answer: { authorId: string }): boolean {
  return !(question.anonymous && answer.authorId === question.authorId);
}

/** Who sees a question thanks the author of one of its answers, never themself. */
export function canThankForAnswer(actor: Actor, community: CommunityRef, question: { authorId: string; anonymous: boolean }, answer: { authorId: string }): boolean {
  return canSeeCommunityContent(actor, community) && answer.authorId !== actor.id && isThankableAnswer(question, answer);
}

/** What the contributor page needs to know about the person shown. */
export type PersonRef = { id: string; departmentId: string | null; /** The leads of the communities the person belongs to. */ communityLeadIds: readonly string[] };

/**
 * A contributor's figures (entries, reuse, colleagues helped, answers accepted, thanks) are for the person,
 * the leads of their communities, the head of their department and admins. There is no leaderboard:
 * colleagues see the page without figures (docs/decisions/0064).
 */
export function canViewContributorFigures(actor: Actor, person: PersonRef): boolean {
  if (actor.id === person.id || isAdmin(actor)) return true;
  if (actor.headOfDepartmentId !== null && actor.headOfDepartmentId === person.departmentId) return true;
  return person.communityLeadIds.includes(actor.id);
}

/** A community's leads (and admins) pin, change and remove its weekly spotlight while it is active. */
export function canPinSpotlight(actor: Actor, community: ManagedCommunityRef): boolean {
  return isActive(community) && (isAdmin(actor) || isLeadOf(actor, community));
}

/**
 * An entry fits a community's spotlight when it is live and every member may read it: an entry of the
 * community itself, of no community, or of an open community (never another closed community's).
 */
export function canSpotlightEntry(community: { id: string }, entry: EntryRef): boolean {
  if (!isLive(entry)) return false;
  return entry.community === null || entry.community.id === community.id || entry.community.visibility !== "CLOSED";
}

/**
 * The entry page's credits: its contributors and owner, each with whether this reader may thank them and
 * whether they already did (`thankedIds`).
 */
export function entryThankAbilities<P extends { id: string; name: string }>(actor: Actor, entry: EntryRef, contributors: readonly P[], owner: P, thankedIds: readonly string[] = []) {
  const ids = [...contributors.map((c) => c.id), owner.id];
  const credit = (person: P) => ({ id: person.id, name: person.name, thank: canThankForEntry(actor, entry, person.id, ids), thanked: thankedIds.includes(person.id) });
  return { contributors: contributors.map(credit), owner: credit(owner) };
}

// ---------------------------------------------------------------------------------------------
// Mentoring and learning registration (issue 17)
// ---------------------------------------------------------------------------------------------

/** Heads the department (the department a plan, a template or a person belongs to). */
export const headsDepartment = (actor: Pick<Actor, "headOfDepartmentId">, departmentId: string | null) =>
  departmentId !== null && actor.headOfDepartmentId === departmentId;

/** What the mentoring policies need to know about a plan. */
export type MentoringPlanRef = { newcomerId: string; mentorId: string; departmentId: string };

/** The department's head (and admins) keep its onboarding template: its tasks and competences. */
export function canManageOnboardingTemplate(actor: Actor, departmentId: string): boolean {
  return isAdmin(actor) || headsDepartment(actor, departmentId);
}

/**
 * The head of the newcomer's department, a lead of one of that department's communities, or an admin
 * pairs a newcomer with a mentor. `leadDepartmentIds`: the departments of the communities the actor leads.
 */
export function canPairMentoring(actor: Actor, newcomerDepartmentId: string | null, leadDepartmentIds: readonly string[]): boolean {
  if (newcomerDepartmentId === null) return false;
  return isAdmin(actor) || headsDepartment(actor, newcomerDepartmentId) || leadDepartmentIds.includes(newcomerDepartmentId);
}

/** Whether the actor may pair anybody at all: the pairing form is offered only then. */
export function canPairAnyone(actor: Actor, leadDepartmentIds: readonly string[]): boolean {
  return isAdmin(actor) || actor.headOfDepartmentId !== null || leadDepartmentIds.length > 0;
}

export const isNewcomerOf = (actor: Pick<Actor, "id">, plan: Pick<MentoringPlanRef, "newcomerId">) => actor.id === plan.newcomerId;
export const isMentorOf = (actor: Pick<Actor, "id">, plan: Pick<MentoringPlanRef, "mentorId">) => actor.id === plan.mentorId;

/** A plan is read by its newcomer, its mentor, the head of its department and admins; nobody else. */
export function canViewMentoringPlan(actor: Actor, plan: MentoringPlanRef): boolean {
  return isNewcomerOf(actor, plan) || isMentorOf(actor, plan) || headsDepartment(actor, plan.departmentId) || isAdmin(actor);
}

/** Every plan of a department, with the late ones: its head and admins. */
export function canViewDepartmentPlans(actor: Actor, departmentId: string): boolean {
  return isAdmin(actor) || headsDepartment(actor, departmentId);
}

/** An item's steps: the mentor shows it, either of the two marks it practised, and only the mentor signs it off. */
export type PlanItemStep = "show" | "practise" | "signOff";

export function canStepPlanItem(actor: Pick<Actor, "id">, plan: Pick<MentoringPlanRef, "newcomerId" | "mentorId">, step: PlanItemStep): boolean {
  if (step === "practise") return isNewcomerOf(actor, plan) || isMentorOf(actor, plan);
  return isMentorOf(actor, plan);
}

/** Time spent mentoring is logged on the plan by the mentor or the newcomer. */
export function canLogMentoringTime(actor: Pick<Actor, "id">, plan: Pick<MentoringPlanRef, "newcomerId" | "mentorId">): boolean {
  return isNewcomerOf(actor, plan) || isMentorOf(actor, plan);
}

/** What the learning policies need to know about a formal learning entry and its person. */
export type LearningEntryRef = { userId: string; departmentId: string | null; state: string };

/**
 * A person's learning, costs included, is for that person, the head of their department and admins.
 * Nobody else sees a cost: not colleagues, not leads, not other heads, not knowledge managers.
 */
export function canViewPersonLearning(actor: Actor, person: { id: string; departmentId: string | null }): boolean {
  return actor.id === person.id || isAdmin(actor) || headsDepartment(actor, person.departmentId);
}

/** Costs follow the same rule as the person's learning. */
export function canSeeLearningCosts(actor: Actor, person: { id: string; departmentId: string | null }): boolean {
  return canViewPersonLearning(actor, person);
}

/**
 * The head of the person's department (or an admin) approves or rejects a pending formal entry; never
 * the person themself, so a head's own entry is decided by an admin.
 */
export function canDecideLearning(actor: Actor, entry: LearningEntryRef): boolean {
  if (entry.state !== "PENDING" || actor.id === entry.userId) return false;
  return isAdmin(actor) || headsDepartment(actor, entry.departmentId);
}

/** Its person withdraws (deletes) a pending entry; a decided one stays as it was decided. */
export function canWithdrawLearning(actor: Pick<Actor, "id">, entry: Pick<LearningEntryRef, "userId" | "state">): boolean {
  return actor.id === entry.userId && entry.state === "PENDING";
}

/** The learning figures of a department (per person, per community) and its social-balance export. */
export function canViewDepartmentLearning(actor: Actor, departmentId: string): boolean {
  return isAdmin(actor) || headsDepartment(actor, departmentId);
}
