import { Link } from "@remix-run/react";
import { ACTIVITY_INTENT, ACTIVITY_KINDS, ACTIVITY_LIMITS } from "~/schemas/activity.shared";
import { formatDate, formatDuration, useLocale, useT, type MessageKey } from "~/utils/i18n";
import { ConformForm, SelectField, TextAreaField, TextField, useGildeForm } from "./form";

export type ActivityItem = {
  id: string;
  kind: string;
  title: string;
  agenda: string;
  startsAt: string;
  durationMinutes: number;
  cancelledAt: string | null;
  createdBy: { name: string };
  attendances: { user: { id: string; name: string } }[];
};
type Can = { schedule: boolean; attend: boolean };

const kindKey = (kind: string) => `activities.kind.${kind}` as MessageKey;

/** The buttons an activity shows this viewer: the page also needs them to tell which forms it holds. */
export function activityIntents(activity: ActivityItem, started: boolean, can: Can, me: string): string[] {
  const attending = activity.attendances.some((a) => a.user.id === me);
  const cancelled = Boolean(activity.cancelledAt);
  const intents: (string | null)[] = [
    can.attend && started && !cancelled && !attending ? ACTIVITY_INTENT.attend : null,
    can.attend && attending ? ACTIVITY_INTENT.unattend : null,
    can.schedule && !started && !cancelled ? ACTIVITY_INTENT.cancel : null,
  ];
  return intents.filter((intent): intent is string => intent !== null);
}

/** The ids of the forms a list of activities holds (`activity-attend-${id}`…). */
export function activityFormIds(activities: ActivityItem[], started: boolean, can: Can, me: string): string[] {
  return activities.flatMap((a) => activityIntents(a, started, can, me).map((intent) => `${intent}-${a.id}`));
}

/** One button of one activity; its form id (`activity-attend-${id}`) keeps a refusal beside the activity it was for. */
function ActivityButton({ intent, activity, text, label, danger, busy }: { intent: string; activity: ActivityItem; text: string; label: string; danger?: boolean; busy: boolean }) {
  const [form] = useGildeForm(`${intent}-${activity.id}`);
  return (
    <ConformForm form={form} className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="activityId" value={activity.id} />
      <button type="submit" className={`button small${danger ? " danger" : " primary"}`} aria-label={label} disabled={busy}>
        {text}
      </button>
    </ConformForm>
  );
}

function Activity({ activity, started, can, me, busy }: { activity: ActivityItem; started: boolean; can: Can; me: string; busy: boolean }) {
  const t = useT();
  const locale = useLocale();
  const cancelled = Boolean(activity.cancelledAt);
  const buttons = activityIntents(activity, started, can, me);
  const headingId = `activity-${activity.id}`;
  return (
    <li className={`activity${cancelled ? " cancelled" : ""}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {activity.title} <span className={`badge badge-activity-${activity.kind.toLowerCase()}`}>{t(kindKey(activity.kind))}</span>
        {cancelled ? (
          <>
            {" "}
            <span className="badge badge-declined">{t("activities.cancelled")}</span>
          </>
        ) : null}
      </h3>
      <p className="muted">
        <time dateTime={activity.startsAt}>{formatDate(locale, activity.startsAt, true)}</time> · {formatDuration(t, activity.durationMinutes)} ·{" "}
        {t("activities.by", { name: activity.createdBy.name })}
      </p>
      {activity.agenda ? (
        <details>
          <summary>{t("activities.agenda")}</summary>
          <p className="agenda">{activity.agenda}</p>
        </details>
      ) : null}
      {started && !cancelled ? (
        <p className="attendees">
          <strong>{t("activities.attendees", { count: activity.attendances.length })}:</strong>{" "}
          {activity.attendances.length ? activity.attendances.map((a) => a.user.name).join(", ") : <span className="muted">{t("activities.noAttendees")}</span>}
        </p>
      ) : null}
      <div className="activity-actions">
        {buttons.includes(ACTIVITY_INTENT.attend) ? (
          <>
            <ActivityButton intent={ACTIVITY_INTENT.attend} activity={activity} text={t("activities.attend")} label={t("activities.attendNamed", { title: activity.title })} busy={busy} />{" "}
            <span className="muted small">
              {t("activities.attendHint", { duration: formatDuration(t, activity.durationMinutes), date: formatDate(locale, activity.startsAt) })}
            </span>
          </>
        ) : null}
        {buttons.includes(ACTIVITY_INTENT.unattend) ? (
          <>
            <span className="helped">{t("activities.youAttended")}</span>{" "}
            <ActivityButton intent={ACTIVITY_INTENT.unattend} activity={activity} text={t("activities.unattend")} label={t("activities.unattendNamed", { title: activity.title })} danger busy={busy} />
          </>
        ) : null}
        {can.attend && !started && !cancelled ? <span className="muted small">{t("activities.attendLater")}</span> : null}
        {buttons.includes(ACTIVITY_INTENT.cancel) ? (
          <ActivityButton intent={ACTIVITY_INTENT.cancel} activity={activity} text={t("activities.cancel")} label={t("activities.cancelNamed", { title: activity.title })} danger busy={busy} />
        ) : null}
      </div>
    </li>
  );
}

export function ActivityList({ activities, started, empty, ...rest }: { activities: ActivityItem[]; started: boolean; empty: string; can: Can; me: string; busy: boolean }) {
  if (!activities.length) return <p className="muted">{empty}</p>;
  return (
    <ul className="activity-list">
      {activities.map((a) => (
        <Activity key={a.id} activity={a} started={started} {...rest} />
      ))}
    </ul>
  );
}

/** The lead's form: kind, title, agenda, day, start time, duration. */
export function ScheduleForm({ busy, defaultDate }: { busy: boolean; defaultDate: string }) {
  const t = useT();
  const [form, fields] = useGildeForm("activity-schedule", { kind: "MEETING", date: defaultDate, time: "12:00", durationMinutes: "60" });
  const refused = Boolean(form.errors?.length) || Object.keys(form.allErrors).length > 0;
  return (
    <details className="card schedule" open={refused}>
      <summary>{t("activities.schedule")}</summary>
      <ConformForm form={form} className="stack">
        <input type="hidden" name="intent" value={ACTIVITY_INTENT.schedule} />
        <SelectField field={fields.kind} label={t("activities.field.kind")} options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))} />
        <TextField field={fields.title} label={t("activities.field.title")} maxLength={ACTIVITY_LIMITS.titleMax} required />
        <TextAreaField field={fields.agenda} label={t("activities.field.agenda")} hint={t("activities.field.agendaHint")} rows={4} maxLength={ACTIVITY_LIMITS.agendaMax} />
        <div className="field-row">
          <TextField field={fields.date} type="date" label={t("activities.field.date")} required />
          <TextField field={fields.time} type="time" label={t("activities.field.time")} required />
          <TextField field={fields.durationMinutes} label={t("activities.field.duration")} hint={t("activities.field.durationHint")} required maxLength={10} />
        </div>
        <div>
          <button type="submit" className="button primary" disabled={busy}>
            {t("activities.submitSchedule")}
          </button>
        </div>
      </ConformForm>
    </details>
  );
}

type Brief = { id: string; title: string; kind: string; startsAt: string; cancelledAt: string | null; attendances: unknown[] };

/** The community home's card: the next activities and the latest ones, with a link to all. */
export function ActivitiesCard({ slug, upcoming, past }: { slug: string; upcoming: Brief[]; past: Brief[] }) {
  const t = useT();
  const locale = useLocale();
  const item = (a: Brief, showCount: boolean) => (
    <li key={a.id}>
      <Link to={`/communities/${slug}/activities#activity-${a.id}`}>{a.title}</Link>{" "}
      <span className={`badge badge-activity-${a.kind.toLowerCase()}`}>{t(kindKey(a.kind))}</span>
      {a.cancelledAt ? (
        <>
          {" "}
          <span className="badge badge-declined">{t("activities.cancelled")}</span>
        </>
      ) : null}
      <br />
      <span className="muted small">
        {formatDate(locale, a.startsAt, true)}
        {showCount && !a.cancelledAt ? ` · ${t("activities.attendees", { count: a.attendances.length })}` : ""}
      </span>
    </li>
  );
  return (
    <section className="card activities-card" aria-labelledby="activities-card">
      <h2 id="activities-card">{t("activities.title")}</h2>
      <div className="two-columns">
        <div>
          <h3>{t("activities.home.upcoming")}</h3>
          {upcoming.length ? <ul className="community-list">{upcoming.map((a) => item(a, false))}</ul> : <p className="muted">{t("activities.noUpcoming")}</p>}
        </div>
        <div>
          <h3>{t("activities.home.recent")}</h3>
          {past.length ? <ul className="community-list">{past.map((a) => item(a, true))}</ul> : <p className="muted">{t("activities.noPast")}</p>}
        </div>
      </div>
      <p>
        <Link to={`/communities/${slug}/activities`}>{t("activities.home.all")}</Link>
      </p>
    </section>
  );
}
