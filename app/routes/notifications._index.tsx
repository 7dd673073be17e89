/**
 * "Notificaties": what happened that concerns the signed-in person, newest first. Each links to its
 * subject through /notifications/:id (which marks it read); one or all are marked read here. Only the
 * person's own notifications, and only those whose subject they may still see.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { markNotificationsRead } from "~/commands/manage-notification.server";
import { ConformForm, StrandedFormAlert, useGildeForm } from "~/components/form";
import { NotificationItem, notificationFormIds } from "~/components/notifications";
import { countUnreadNotifications, listNotifications } from "~/models/notification-list.server";
import { parseSubmission } from "~/schemas/form";
import { NotificationIntentSchema } from "~/schemas/notification";
import { NOTIFICATION_INTENT } from "~/schemas/notification.shared";
import { redirectWithFlash } from "~/utils/flash.server";
import { useT } from "~/utils/i18n";
import { replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

const ID = /^[a-z0-9]{10,40}$/;

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const url = new URL(request.url);
  const unreadOnly = url.searchParams.get("show") === "unread";
  const before = url.searchParams.get("before") ?? "";
  const [list, unread] = await Promise.all([
    listNotifications(actor, { unreadOnly, before: ID.test(before) ? before : undefined }),
    countUnreadNotifications(actor),
  ]);
  return json({ ...list, unread, unreadOnly, paged: ID.test(before) });
}

/** Back to the list as the person saw it (all or unread only). */
function listUrl(request: Request) {
  return new URL(request.url).searchParams.get("show") === "unread" ? "/notifications?show=unread" : "/notifications";
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const submission = parseSubmission(NotificationIntentSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  const input = submission.value;
  switch (input.intent) {
    case NOTIFICATION_INTENT.read:
      await markNotificationsRead(actor, [input.notificationId]);
      return redirectWithFlash(request, listUrl(request), { key: "notify.done.read" });
    case NOTIFICATION_INTENT.readAll:
      await markNotificationsRead(actor, "all");
      return redirectWithFlash(request, listUrl(request), { key: "notify.done.readAll" });
    default:
      return replyInvalid(submission);
  }
}

export default function Notifications() {
  const t = useT();
  const { items, next, unread, unreadOnly, paged } = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  const [readAllForm] = useGildeForm("notification-read-all");
  const show = unreadOnly ? "show=unread&" : "";
  return (
    <div className="stack narrow-page">
      <div className="page-head">
        <div>
          <h1>{t("notify.title")}</h1>
          <p className="lead">{t("notify.lead")}</p>
        </div>
        <Link to="/settings/notifications" className="button secondary small">
          {t("notify.preferencesLink")}
        </Link>
      </div>
      <StrandedFormAlert shown={notificationFormIds(items)} />
      <div className="notify-toolbar">
        <nav aria-label={t("notify.filter.label")} className="notify-filter">
          <Link to="/notifications" aria-current={unreadOnly ? undefined : "page"}>
            {t("notify.filter.all")}
          </Link>
          <Link to="/notifications?show=unread" aria-current={unreadOnly ? "page" : undefined}>
            {t("notify.filter.unread")} ({unread})
          </Link>
        </nav>
        {unread > 0 ? (
          <ConformForm form={readAllForm} action={unreadOnly ? "/notifications?index&show=unread" : "/notifications?index"}>
            <button type="submit" name="intent" value={NOTIFICATION_INTENT.readAll} className="button small" disabled={busy}>
              {t("notify.readAll")}
            </button>
          </ConformForm>
        ) : null}
      </div>
      {items.length === 0 ? <p className="empty">{unreadOnly ? t("notify.emptyUnread") : t("notify.empty")}</p> : null}
      <ul className="notify-list">
        {items.map((n) => (
          <NotificationItem key={n.id} notification={n} busy={busy} />
        ))}
      </ul>
      {next || paged ? (
        <p className="notify-pages">
          {paged ? <Link to={unreadOnly ? "/notifications?show=unread" : "/notifications"}>{t("notify.newest")}</Link> : null}
          {next ? <Link to={`/notifications?${show}before=${next}`}>{t("notify.older")}</Link> : null}
        </p>
      ) : null}
    </div>
  );
}
