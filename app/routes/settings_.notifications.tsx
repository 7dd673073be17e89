/**
 * Every signed-in person's notification preferences: which events (grouped), e-mail, and the daily
 * digest's time. No row yet means the defaults: everything on, digest at 08:00.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { saveNotificationPreferences } from "~/commands/manage-notification.server";
import { CheckboxField, ConformForm, MessageError, TextField, useFormReply, useGildeForm } from "~/components/form";
import { getNotificationPreferences } from "~/models/notification-list.server";
import { parseSubmission } from "~/schemas/form";
import { NotificationPreferencesSchema } from "~/schemas/notification";
import { MUTABLE_NOTIFICATION_TYPES, NOTIFICATION_TYPE_GROUPS, type MutableNotificationType, type NotificationTypeGroup } from "~/schemas/notification.shared";
import { redirectWithFlash } from "~/utils/flash.server";
import { useT, type MessageKey } from "~/utils/i18n";
import { replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

const FORM_ID = "notification-preferences";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireActor(request);
  const preferences = await getNotificationPreferences(user.id);
  return json({ ...preferences, receive: MUTABLE_NOTIFICATION_TYPES.filter((type) => !preferences.mutedTypes.includes(type)) });
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const submission = parseSubmission(NotificationPreferencesSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  await saveNotificationPreferences(actor, submission.value);
  return redirectWithFlash(request, "/settings/notifications", { key: "notify.prefs.saved" });
}

const GROUP_LABEL: Record<NotificationTypeGroup, MessageKey> = {
  notes: "notify.prefs.group.notes",
  questions: "notify.prefs.group.questions",
  flags: "notify.prefs.group.flags",
  communities: "notify.prefs.group.communities",
  goalsAndReports: "notify.prefs.group.goalsAndReports",
  recognition: "recognition.thanks.prefsGroup",
  learning: "learning.notify.group",
};

const TYPE_LABEL: Record<MutableNotificationType, MessageKey> = {
  "note.published": "notify.prefs.type.notePublished",
  "note.merged": "notify.prefs.type.noteMerged",
  "note.declined": "notify.prefs.type.noteDeclined",
  "question.answered": "notify.prefs.type.questionAnswered",
  "answer.accepted": "notify.prefs.type.answerAccepted",
  "flag.resolved": "notify.prefs.type.flagResolved",
  "membership.requested": "notify.prefs.type.membershipRequested",
  "membership.decided": "notify.prefs.type.membershipDecided",
  "activity.scheduled": "notify.prefs.type.activityScheduled",
  "goal.proposed": "notify.prefs.type.goalProposed",
  "goal.decided": "notify.prefs.type.goalDecided",
  "report.submitted": "notify.prefs.type.reportSubmitted",
  "report.acknowledged": "notify.prefs.type.reportAcknowledged",
  "report.commented": "notify.prefs.type.reportCommented",
  "thanks.received": "recognition.thanks.prefsType",
  "mentoring.paired": "learning.notify.type.paired",
  "learning.submitted": "learning.notify.type.submitted",
  "learning.decided": "learning.notify.type.decided",
};

export default function NotificationPreferences() {
  const t = useT();
  const prefs = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  const reply = useFormReply(FORM_ID, true);
  const [form, fields] = useGildeForm(FORM_ID, { digestTime: prefs.digestTime }, { only: true });
  // After a refusal the boxes show what was sent (none sent is none checked), else what is stored.
  const typed = fields.receive.initialValue;
  const checked = new Set<string>(reply ? [typed ?? []].flat().filter((v): v is string => typeof v === "string") : prefs.receive);
  const receiveError = fields.receive.errors?.[0] ?? Object.values(fields.receive.allErrors)[0]?.[0];
  return (
    <div className="card notify-prefs">
      <h1>{t("notify.prefs.title")}</h1>
      <p className="lead">{t("notify.prefs.lead")}</p>
      <p className="small">
        <Link to="/notifications">{t("notify.prefs.back")}</Link>
      </p>
      <ConformForm form={form}>
        <fieldset className="field notify-types" aria-describedby={receiveError ? `${fields.receive.id}-error` : undefined}>
          <legend>{t("notify.prefs.types")}</legend>
          {(Object.keys(NOTIFICATION_TYPE_GROUPS) as NotificationTypeGroup[]).map((group) => (
            <fieldset key={group} className="notify-group">
              <legend>{t(GROUP_LABEL[group])}</legend>
              {NOTIFICATION_TYPE_GROUPS[group].map((type) => (
                <label key={type} className="radio">
                  <input type="checkbox" name={fields.receive.name} value={type} defaultChecked={checked.has(type)} key={`${type}-${fields.receive.key}`} /> {t(TYPE_LABEL[type])}
                </label>
              ))}
            </fieldset>
          ))}
          <p className="hint">{t("notify.prefs.mandatory")}</p>
          <MessageError id={`${fields.receive.id}-error`} error={receiveError} />
        </fieldset>
        <fieldset className="field">
          <legend>{t("notify.prefs.mail")}</legend>
          <p className="hint">{t("notify.prefs.emailHint")}</p>
          <CheckboxField field={fields.email} label={t("notify.prefs.email")} defaultChecked={reply ? false : prefs.emailEnabled} />
          <CheckboxField field={fields.digest} label={t("notify.prefs.digest")} defaultChecked={reply ? false : prefs.digestEnabled} />
          <TextField field={fields.digestTime} label={t("notify.prefs.digestTime")} hint={t("notify.prefs.digestTimeHint")} defaultValue={prefs.digestTime} maxLength={5} inputMode="numeric" autoComplete="off" />
        </fieldset>
        <button type="submit" className="button primary" disabled={busy}>
          {t("notify.prefs.save")}
        </button>
      </ConformForm>
    </div>
  );
}
