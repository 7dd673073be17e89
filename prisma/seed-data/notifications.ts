/**
 * The demo's notifications, derived from what the demo organisation already holds (decided notes,
 * resolved flags, accepted answers, goals waiting for the head, upcoming activities, mentoring pairings,
 * learning registered and decided, thank-yous), so the bell is not empty on first start. What happened
 * in the last days is unread; older news is read. Each one passes the same visibility rule as a live
 * notification (canSeeNotification).
 */
import type { Prisma } from "@prisma/client";
import { canSeeNotification, type Actor } from "../../app/policies/policies";
import type { Role } from "../../app/schemas/enums";
import type { NotificationType } from "../../app/models/notification.server";
import { isoDay } from "../../app/utils/dates";

type SeedRows = {
  users: Prisma.UserCreateManyInput[];
  departmentHeads: { departmentId: string; headId: string }[];
  communities: Prisma.CommunityCreateManyInput[];
  memberships: Prisma.MembershipCreateManyInput[];
  entries: Prisma.EntryCreateManyInput[];
  notes: Prisma.NoteCreateManyInput[];
  answers: Prisma.AnswerCreateManyInput[];
  acceptedAnswers: { questionId: string; answerId: string; acceptedAt: Date }[];
  flags: Prisma.FlagCreateManyInput[];
  goals: Prisma.GoalCreateManyInput[];
  activities: Prisma.ActivityCreateManyInput[];
  mentoringPlans: Prisma.MentoringPlanCreateManyInput[];
  learningEntries: Prisma.LearningEntryCreateManyInput[];
  thanks: Prisma.ThanksCreateManyInput[];
};

/** News of the last days stays unread. */
const UNREAD_DAYS = 4;
/** Per person, at most this many of each type: a realistic list, not the whole history. */
const PER_TYPE = 3;

const time = (value: Date | string | null | undefined) => (value ? new Date(value) : null);

/** The demo's people as the policies see them, by id. */
export function seedActors(rows: Pick<SeedRows, "users" | "memberships" | "departmentHeads">): Map<string, Actor> {
  return new Map<string, Actor>(
    rows.users.map((u) => [
      u.id!,
      {
        id: u.id!,
        role: u.role as Role,
        departmentId: u.departmentId ?? null,
        communityIds: rows.memberships.filter((m) => m.userId === u.id).map((m) => m.communityId),
        headOfDepartmentId: rows.departmentHeads.find((h) => h.headId === u.id)?.departmentId ?? null,
      },
    ]),
  );
}

export function demoNotifications(rows: SeedRows, now: Date, newId: () => string): Prisma.NotificationCreateManyInput[] {
  const actors = seedActors(rows);
  const communities = new Map(rows.communities.map((c) => [c.id!, { id: c.id!, visibility: c.visibility ?? "OPEN", departmentId: c.departmentId }]));
  const entries = new Map(rows.entries.map((e) => [e.id!, e]));
  const out: Prisma.NotificationCreateManyInput[] = [];
  const add = (n: { recipientId: string; actorId: string | null; type: NotificationType; subjectType: string; subjectId: string; communityId: string | null; data: object; at: Date | null }) => {
    const recipient = actors.get(n.recipientId);
    if (!recipient || !n.at || n.at > now || n.recipientId === n.actorId) return;
    const community = n.communityId ? (communities.get(n.communityId) ?? null) : null;
    if (!canSeeNotification(recipient, { subjectType: n.subjectType, community })) return;
    const unread = now.getTime() - n.at.getTime() < UNREAD_DAYS * 86_400_000;
    // Older news went out long ago: the mail side treats it as handled.
    out.push({
      id: newId(),
      recipientId: n.recipientId,
      actorId: n.actorId,
      type: n.type,
      subjectType: n.subjectType,
      subjectId: n.subjectId,
      communityId: n.communityId,
      data: JSON.stringify(n.data),
      createdAt: n.at,
      readAt: unread ? null : n.at,
      mailedAt: n.at,
    });
  };

  for (const note of rows.notes) {
    if (note.kind !== "FIELD_NOTE" || !note.decidedAt) continue;
    const at = time(note.decidedAt);
    if (note.state === "DECLINED") {
      add({ recipientId: note.authorId, actorId: note.reviewerId ?? null, type: "note.declined", subjectType: "note", subjectId: note.id!, communityId: note.communityId ?? null, data: { title: note.title, reason: note.decisionReason ?? "" }, at });
    } else if ((note.state === "PUBLISHED" || note.state === "MERGED") && note.entryId) {
      const entry = entries.get(note.entryId);
      add({
        recipientId: note.authorId,
        actorId: note.reviewerId ?? null,
        type: note.state === "PUBLISHED" ? "note.published" : "note.merged",
        subjectType: "entry",
        subjectId: note.entryId,
        communityId: entry?.communityId ?? null,
        data: { title: note.title, entryTitle: entry?.title ?? note.title },
        at,
      });
    }
  }

  for (const accepted of rows.acceptedAnswers) {
    const answer = rows.answers.find((a) => a.id === accepted.answerId);
    const question = rows.notes.find((n) => n.id === accepted.questionId);
    if (!answer || !question) continue;
    add({ recipientId: answer.authorId, actorId: question.authorId, type: "answer.accepted", subjectType: "question", subjectId: question.id!, communityId: question.communityId ?? null, data: { title: question.title }, at: accepted.acceptedAt });
  }
  for (const answer of rows.answers) {
    const question = rows.notes.find((n) => n.id === answer.questionId);
    if (!question) continue;
    add({ recipientId: question.authorId, actorId: answer.authorId, type: "question.answered", subjectType: "question", subjectId: question.id!, communityId: question.communityId ?? null, data: { title: question.title }, at: time(answer.createdAt) });
  }

  for (const flag of rows.flags) {
    if (flag.state !== "NO_CHANGE") continue;
    const entry = entries.get(flag.entryId);
    add({
      recipientId: flag.userId,
      actorId: flag.resolvedById ?? null,
      type: "flag.resolved",
      subjectType: "entry",
      subjectId: flag.entryId,
      communityId: entry?.communityId ?? null,
      data: { title: entry?.title ?? "", outcome: "NO_CHANGE", resolution: flag.resolution ?? "" },
      at: time(flag.resolvedAt),
    });
  }

  for (const goal of rows.goals) {
    if (goal.status !== "PROPOSED") continue;
    const community = communities.get(goal.communityId);
    const head = rows.departmentHeads.find((h) => h.departmentId === community?.departmentId);
    if (!head) continue;
    add({ recipientId: head.headId, actorId: goal.proposedById, type: "goal.proposed", subjectType: "goal", subjectId: goal.id!, communityId: goal.communityId, data: { title: goal.title, revised: false }, at: time(goal.createdAt) });
  }

  // The next activity of each community, told to its members a day before now.
  const announced = new Set<string>();
  const upcoming = rows.activities.filter((a) => time(a.startsAt)! > now && !a.cancelledAt).sort((a, b) => time(a.startsAt)!.getTime() - time(b.startsAt)!.getTime());
  for (const activity of upcoming) {
    if (announced.has(activity.communityId)) continue;
    announced.add(activity.communityId);
    for (const m of rows.memberships.filter((m) => m.communityId === activity.communityId)) {
      add({
        recipientId: m.userId,
        actorId: activity.createdById,
        type: "activity.scheduled",
        subjectType: "activity",
        subjectId: activity.id!,
        communityId: activity.communityId,
        data: { title: activity.title, kind: activity.kind, startsAt: time(activity.startsAt)!.toISOString() },
        at: new Date(now.getTime() - 86_400_000),
      });
    }
  }

  for (const plan of rows.mentoringPlans) {
    const data = { startsOn: isoDay(new Date(plan.startsOn)), endsOn: isoDay(new Date(plan.endsOn)) };
    for (const recipientId of [plan.newcomerId, plan.mentorId]) {
      add({ recipientId, actorId: plan.pairedById ?? null, type: "mentoring.paired", subjectType: "mentoringPlan", subjectId: plan.id!, communityId: null, data, at: time(plan.createdAt) });
    }
  }
  for (const entry of rows.learningEntries) {
    const user = rows.users.find((u) => u.id === entry.userId);
    const head = rows.departmentHeads.find((h) => h.departmentId === user?.departmentId);
    if (head) add({ recipientId: head.headId, actorId: entry.userId, type: "learning.submitted", subjectType: "learningEntry", subjectId: entry.id!, communityId: null, data: { title: entry.title }, at: time(entry.createdAt) });
    if (entry.state === "APPROVED" || entry.state === "REJECTED") {
      const approved = entry.state === "APPROVED";
      add({
        recipientId: entry.userId,
        actorId: entry.decidedById ?? null,
        type: "learning.decided",
        subjectType: "learningEntry",
        subjectId: entry.id!,
        communityId: null,
        data: { title: entry.title, approved, ...(approved ? {} : { reason: entry.decisionReason ?? "" }) },
        at: time(entry.decidedAt),
      });
    }
  }
  for (const thanks of rows.thanks) {
    const entry = thanks.entryId ? entries.get(thanks.entryId) : undefined;
    const answer = thanks.answerId ? rows.answers.find((a) => a.id === thanks.answerId) : undefined;
    const question = answer ? rows.notes.find((n) => n.id === answer.questionId) : undefined;
    const subject = entry ? { subjectType: "entry", subjectId: entry.id!, communityId: entry.communityId ?? null, title: entry.title } : question ? { subjectType: "question", subjectId: question.id!, communityId: question.communityId ?? null, title: question.title } : null;
    if (!subject) continue;
    add({
      recipientId: thanks.recipientId,
      actorId: thanks.giverId,
      type: "thanks.received",
      subjectType: subject.subjectType,
      subjectId: subject.subjectId,
      communityId: subject.communityId,
      data: { title: subject.title, message: thanks.message },
      at: time(thanks.createdAt),
    });
  }

  // Newest first per person and type, a few of each.
  out.sort((a, b) => time(b.createdAt)!.getTime() - time(a.createdAt)!.getTime());
  const kept = new Map<string, number>();
  return out.filter((n) => {
    const key = `${n.recipientId}:${n.type}`;
    kept.set(key, (kept.get(key) ?? 0) + 1);
    return kept.get(key)! <= PER_TYPE;
  });
}
