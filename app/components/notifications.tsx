/**
 * Notifications on the page: the bell in the header and the list. A message is written at display time
 * from its type and the values stored with it, in the reader's language.
 */
import { Link, NavLink } from "@remix-run/react";
import { ConformForm, useGildeForm } from "~/components/form";
import type { Locale } from "~/schemas/enums";
import { NOTIFICATION_INTENT } from "~/schemas/notification.shared";
import { formatDate, useLocale, useT, type Translate } from "~/utils/i18n";

/** The bell: a link to the list, with the number of unread notifications when there are any. */
export function NotificationBell({ unread }: { unread: number }) {
  const t = useT();
  const label = unread > 0 ? t("notify.bell", { count: unread }) : t("notify.bell.none");
  return (
    <NavLink to="/notifications" end className="notify-bell" aria-label={label} title={label}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span className="notify-count" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </NavLink>
  );
}

export type NotificationView = {
  id: string;
  type: string;
  data: Record<string, string | number | boolean>;
  actorName: string | null;
  communityName: string | null;
  createdAt: string;
  read: boolean;
  href: string;
};

const text = (value: unknown) => (typeof value === "string" ? value : "");

function period(locale: Locale, data: NotificationView["data"]) {
  const start = text(data.periodStart);
  const end = text(data.periodEnd);
  return start && end ? `${formatDate(locale, start)} – ${formatDate(locale, end)}` : "";
}

/** The sentence of a notification, in the reader's language. */
export function notificationMessage(t: Translate, locale: Locale, n: Pick<NotificationView, "type" | "data" | "actorName" | "communityName">): string {
  const d = n.data;
  const vars = { actor: n.actorName ?? t("notify.system"), title: text(d.title), community: n.communityName ?? "" };
  switch (n.type) {
    case "note.published":
      return t("notify.msg.notePublished", vars);
    case "note.merged":
      return t("notify.msg.noteMerged", { ...vars, entryTitle: text(d.entryTitle) });
    case "note.declined":
      return t("notify.msg.noteDeclined", vars);
    case "question.answered":
      return t("notify.msg.questionAnswered", vars);
    case "answer.accepted":
      // Nobody named: the asker of a question asked as "a member" accepted it.
      return t(n.actorName ? "notify.msg.answerAccepted" : "recognition.anonymous.notifyAccepted", vars);
    case "thanks.received":
      return t("recognition.thanks.notify", vars);
    case "flag.resolved":
      return t(d.outcome === "FIXED" ? "notify.msg.flagFixed" : d.outcome === "NO_CHANGE" ? "notify.msg.flagNoChange" : "notify.msg.flagArchived", vars);
    case "membership.requested":
      return t("notify.msg.membershipRequested", vars);
    case "membership.decided":
      return t(d.accepted ? "notify.msg.membershipAccepted" : "notify.msg.membershipRefused", vars);
    case "goal.proposed":
      return t(d.revised ? "notify.msg.goalRevised" : "notify.msg.goalProposed", vars);
    case "goal.decided":
      return t(d.agreed ? "notify.msg.goalAgreed" : "notify.msg.goalSentBack", vars);
    case "report.submitted":
      return t("notify.msg.reportSubmitted", { ...vars, period: period(locale, d) });
    case "report.acknowledged":
      return t("notify.msg.reportAcknowledged", { ...vars, period: period(locale, d) });
    case "report.commented":
      return t("notify.msg.reportCommented", { ...vars, period: period(locale, d) });
    case "activity.scheduled":
      return t("notify.msg.activityScheduled", { ...vars, date: text(d.startsAt) ? formatDate(locale, text(d.startsAt), true) : "" });
    case "mandatoryRead.reminder":
      return t("notify.msg.mandatoryReminder", vars);
    case "mandatoryRead.changed":
      return t("notify.msg.mandatoryChanged", vars);
    case "mentoring.paired":
      return t("learning.notify.msg.paired", { ...vars, start: text(d.startsOn) ? formatDate(locale, text(d.startsOn)) : "", end: text(d.endsOn) ? formatDate(locale, text(d.endsOn)) : "" });
    case "learning.submitted":
      return t("learning.notify.msg.submitted", vars);
    case "learning.decided":
      return t(d.approved ? "learning.notify.msg.approved" : "learning.notify.msg.rejected", vars);
    default:
      return t("notify.msg.mandatoryAssigned", vars);
  }
}

/** What the person who decided wrote along: a decline's reason, a head's comment, a flag's resolution. */
function quoted(t: Translate, data: NotificationView["data"]) {
  if (text(data.reason)) return { label: t("notify.reason"), text: text(data.reason) };
  if (text(data.comment)) return { label: t("notify.comment"), text: text(data.comment) };
  if (text(data.resolution)) return { label: t("notify.resolution"), text: text(data.resolution) };
  if (text(data.message)) return { label: t("recognition.thanks.quote"), text: text(data.message) };
  return null;
}

/**
 * One notification: its sentence links to its subject through /notifications/:id, which marks it read
 * on the way (so it works without JavaScript, and in a new tab).
 */
/** The ids of the list's forms, for the alert of a refusal whose form is gone. */
export const notificationFormIds = (items: readonly { id: string; read: boolean }[]) => [
  "notification-read-all",
  ...items.filter((n) => !n.read).map((n) => `notification-read-${n.id}`),
];

export function NotificationItem({ notification: n, busy }: { notification: NotificationView; busy: boolean }) {
  const t = useT();
  const locale = useLocale();
  const quote = quoted(t, n.data);
  const messageId = `notification-${n.id}`;
  const [form] = useGildeForm(`notification-read-${n.id}`);
  return (
    <li className={`card notify-item${n.read ? "" : " unread"}`}>
      <div className="notify-item-head">
        <p className="notify-message">
          {n.read ? null : <span className="badge notify-new">{t("notify.new")}</span>}{" "}
          <Link to={`/notifications/${n.id}`} id={messageId}>
            {notificationMessage(t, locale, n)}
          </Link>
        </p>
        {n.read ? null : (
          <ConformForm form={form} className="notify-read">
            <input type="hidden" name="notificationId" value={n.id} />
            <button type="submit" name="intent" value={NOTIFICATION_INTENT.read} className="button small secondary" disabled={busy} aria-describedby={messageId}>
              {t("notify.readOne")}
            </button>
          </ConformForm>
        )}
      </div>
      {quote ? (
        <div className="reason">
          <strong>{quote.label}:</strong> {quote.text}
        </div>
      ) : null}
      <p className="muted small">
        <time dateTime={n.createdAt}>{formatDate(locale, n.createdAt, true)}</time>
      </p>
    </li>
  );
}
