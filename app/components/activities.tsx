import { Form, Link } from "@remix-run/react";
import { ACTIVITY_KINDS, ACTIVITY_LIMITS } from "~/schemas/activity";
import type { FieldErrors } from "~/schemas/form";
import { formatDate, formatDuration, useLocale, useT, type MessageKey } from "~/utils/i18n";
import { FieldError, FieldLabel, TextAreaField, TextField, describedBy } from "./form";

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
type Failure = { errors?: FieldErrors; values?: Record<string, string> } | undefined;
type Can = { schedule: boolean; attend: boolean };

const kindKey = (kind: string) => `activities.kind.${kind}` as MessageKey;

function ActivityButton({ intent, activity, text, label, danger, busy }: { intent: string; activity: ActivityItem; text: string; label: string; danger?: boolean; busy: boolean }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="activityId" value={activity.id} />
      <button type="submit" className={`button small${danger ? " danger" : " primary"}`} aria-label={label} disabled={busy}>
        {text}
      </button>
    </Form>
  );
}

function Activity({ activity, started, can, me, busy, failure }: { activity: ActivityItem; started: boolean; can: Can; me: string; busy: boolean; failure: Failure }) {
  const t = useT();
  const locale = useLocale();
  const attending = activity.attendances.some((a) => a.user.id === me);
  const cancelled = Boolean(activity.cancelledAt);
  const headingId = `activity-${activity.id}`;
  const ownError = failure?.values?.activityId === activity.id ? failure.errors : undefined;
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
      <FieldError id={`${headingId}-error`} errors={ownError} name="_form" />
      <div className="activity-actions">
        {can.attend && started && !cancelled && !attending ? (
          <>
            <ActivityButton intent="activity-attend" activity={activity} text={t("activities.attend")} label={t("activities.attendNamed", { title: activity.title })} busy={busy} />{" "}
            <span className="muted small">
              {t("activities.attendHint", { duration: formatDuration(t, activity.durationMinutes), date: formatDate(locale, activity.startsAt) })}
            </span>
          </>
        ) : null}
        {can.attend && attending ? (
          <>
            <span className="helped">{t("activities.youAttended")}</span>{" "}
            <ActivityButton intent="activity-unattend" activity={activity} text={t("activities.unattend")} label={t("activities.unattendNamed", { title: activity.title })} danger busy={busy} />
          </>
        ) : null}
        {can.attend && !started && !cancelled ? <span className="muted small">{t("activities.attendLater")}</span> : null}
        {can.schedule && !started && !cancelled ? (
          <ActivityButton intent="activity-cancel" activity={activity} text={t("activities.cancel")} label={t("activities.cancelNamed", { title: activity.title })} danger busy={busy} />
        ) : null}
      </div>
    </li>
  );
}

export function ActivityList({ activities, started, empty, ...rest }: { activities: ActivityItem[]; started: boolean; empty: string; can: Can; me: string; busy: boolean; failure: Failure }) {
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
export function ScheduleForm({ failure, busy, defaultDate }: { failure: Failure; busy: boolean; defaultDate: string }) {
  const t = useT();
  const own = failure?.values?.intent === "activity-schedule";
  const errors = own ? failure?.errors : undefined;
  const values = own ? (failure?.values ?? {}) : {};
  const kindError = errors?.kind;
  return (
    <details className="card schedule" open={own}>
      <summary>{t("activities.schedule")}</summary>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="activity-schedule" />
        <div className="field">
          <FieldLabel id="activity-kind" label={t("activities.field.kind")} />
          <select id="activity-kind" name="kind" defaultValue={values.kind ?? "MEETING"} aria-invalid={kindError ? true : undefined} aria-describedby={describedBy("activity-kind", undefined, Boolean(kindError))}>
            {ACTIVITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(kindKey(k))}
              </option>
            ))}
          </select>
          <FieldError id="activity-kind-error" errors={errors} name="kind" />
        </div>
        <TextField name="title" idPrefix="activity" label={t("activities.field.title")} errors={errors} defaultValue={values.title} maxLength={ACTIVITY_LIMITS.titleMax} required />
        <TextAreaField name="agenda" idPrefix="activity" label={t("activities.field.agenda")} hint={t("activities.field.agendaHint")} rows={4} maxLength={ACTIVITY_LIMITS.agendaMax} defaultValue={values.agenda} errors={errors} />
        <div className="field-row">
          <TextField name="date" idPrefix="activity" type="date" label={t("activities.field.date")} errors={errors} defaultValue={values.date ?? defaultDate} required />
          <TextField name="time" idPrefix="activity" type="time" label={t("activities.field.time")} errors={errors} defaultValue={values.time ?? "12:00"} required />
          <TextField name="durationMinutes" idPrefix="activity" label={t("activities.field.duration")} hint={t("activities.field.durationHint")} errors={errors} defaultValue={values.durationMinutes ?? "60"} required maxLength={10} />
        </div>
        <FieldError id="activity-form-error" errors={errors} name="_form" />
        <div>
          <button type="submit" className="button primary" disabled={busy}>
            {t("activities.submitSchedule")}
          </button>
        </div>
      </Form>
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
