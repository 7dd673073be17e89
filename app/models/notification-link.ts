/**
 * Where a notification leads: the page of its subject, as the recipient may open it now. Pure, so the
 * list and its tests agree on every link.
 */
import { canSeeCommunityContent, type Actor } from "~/policies/policies";

export type NotificationLinkCommunity = { id: string; slug: string; visibility: string; departmentId: string };

export function notificationHref(
  actor: Actor,
  notification: { subjectType: string; subjectId: string },
  community: NotificationLinkCommunity | null,
  data: Record<string, unknown>,
): string {
  const id = encodeURIComponent(notification.subjectId);
  switch (notification.subjectType) {
    case "entry":
      return `/entries/${id}`;
    case "question":
      return `/questions/${id}`;
    case "note":
      // A declined note has no page of its own: its author reads the reason on their list.
      return "/notes";
    case "report":
      return `/reports/${id}`;
    case "goal":
      return community ? `/communities/${community.slug}#goals` : "/communities";
    case "activity":
      return community ? `/communities/${community.slug}/activities` : "/communities";
    case "mentoringPlan":
      return `/mentoring/${id}`;
    case "learningEntry":
      // The head decides on the department's page; the person reads the decision on their own.
      return data.approved === undefined && actor.headOfDepartmentId !== null ? "/learning/department" : "/learning";
    case "community":
      // Who was refused entry to a closed community finds it in the list, not behind its door.
      return community && canSeeCommunityContent(actor, community) ? `/communities/${community.slug}` : "/communities";
    default:
      return typeof data.entryId === "string" ? `/entries/${encodeURIComponent(data.entryId)}` : "/notifications";
  }
}
