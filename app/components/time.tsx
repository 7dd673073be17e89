import { Form, Link } from "@remix-run/react";
import type { FieldErrors } from "~/schemas/form";
import { TIME_LIMITS } from "~/schemas/time";
import { addDays } from "~/utils/dates";
import { formatDate, formatDuration, useLocale, useT, type Translate } from "~/utils/i18n";
import type { Locale } from "~/schemas/enums";
import { BarChart, type BarDatum } from "./charts/bar-chart";
import { FieldError, FieldLabel, TextField, describedBy } from "./form";

type PeriodLike = { start: string; end: string };

/** "3 nov. 2026 – 16 nov. 2026": the period's first and last day (its end is exclusive). */
export function periodRange(t: Translate, locale: Locale, period: PeriodLike): string {
  const last = addDays(new Date(period.end), -1);
  return t("time.periodRange", { start: formatDate(locale, period.start), end: formatDate(locale, last) });
}

/** Used against budget in words, with "over" when it is. */
export function usageText(t: Translate, used: number, budget: number): string {
  const base = t("time.usedOfBudget", { used: formatDuration(t, used), budget: formatDuration(t, budget) });
  if (used > budget) return `${base} · ${t("time.overBy", { time: formatDuration(t, used - budget) })}`;
  return `${base} · ${t("time.remaining", { time: formatDuration(t, budget - used) })}`;
}

export type BudgetStatus = { period: PeriodLike & { key: string }; totals: { budget: number; used: number; over: boolean; members: number } } | null;

/** The community home's card: this period's time used against the budget of all members, and a link. */
export function BudgetCard({ slug, status }: { slug: string; status: BudgetStatus }) {
  const t = useT();
  const locale = useLocale();
  if (!status) return null;
  const { totals, period } = status;
  return (
    <section className="card budget-card" aria-labelledby="budget-card">
      <h2 id="budget-card">{t("time.card.title")}</h2>
      <p className={`budget-figure${totals.over ? " over" : ""}`}>{usageText(t, totals.used, totals.budget)}</p>
      <progress
        className={totals.over ? "over" : undefined}
        max={Math.max(1, totals.budget)}
        value={Math.min(totals.used, Math.max(1, totals.budget))}
        aria-label={t("time.card.progress")}
      />
      <p className="muted small">{t("time.card.period", { range: periodRange(t, locale, period), count: totals.members })}</p>
      <p>
        <Link to={`/communities/${slug}/time`}>{t("time.card.link")}</Link>
      </p>
    </section>
  );
}

type Line = { userId: string; name: string; budget: number; used: number; over: boolean; overBy: number };

/** The chart of the budget page: a bar per member (or only the viewer's own), with the budget as marker. */
export function BudgetChart({ lines, perMember, me, range }: { lines: Line[]; perMember: boolean; me: string; range: string }) {
  const t = useT();
  const data: BarDatum[] = lines.map((l) => ({ key: l.userId, label: l.userId === me ? `${l.name} (${t("time.you").toLowerCase()})` : l.name, value: l.used, reference: l.budget, emphasis: l.userId === me }));
  if (!data.length) return null;
  return (
    <BarChart
      id="budget-chart"
      title={t(perMember ? "time.chart.title" : "time.chart.ownTitle", { range })}
      description={t(perMember ? "time.chart.desc" : "time.chart.ownDesc")}
      data={data}
      formatValue={(m) => formatDuration(t, m)}
      labels={{ category: t("time.member"), value: t("time.used"), reference: t("time.budget"), over: t("time.over"), table: t("chart.showTable") }}
    />
  );
}

type Failure = { errors?: FieldErrors; values?: Record<string, string> } | undefined;

/** The log form: day, time, what, and optionally one of the recent activities. */
export function LogTimeForm({ failure, busy, activities, today }: { failure: Failure; busy: boolean; activities: { id: string; title: string; startsAt: string }[]; today: string }) {
  const t = useT();
  const locale = useLocale();
  const own = failure?.values?.intent === "time-log";
  const errors = own ? failure?.errors : undefined;
  const values = own ? (failure?.values ?? {}) : {};
  const activityError = errors?.activityId;
  return (
    <Form method="post" className="stack log-form" noValidate aria-labelledby="log-time">
      <input type="hidden" name="intent" value="time-log" />
      <div className="field-row">
        <TextField name="date" idPrefix="time" type="date" label={t("time.field.date")} errors={errors} defaultValue={values.date ?? today} required />
        <TextField name="minutes" idPrefix="time" label={t("time.field.minutes")} hint={t("time.field.minutesHint")} errors={errors} defaultValue={values.minutes} required maxLength={10} />
      </div>
      <TextField name="what" idPrefix="time" label={t("time.field.what")} hint={t("time.field.whatHint")} errors={errors} defaultValue={values.what} required maxLength={TIME_LIMITS.whatMax} />
      {activities.length ? (
        <div className="field">
          <FieldLabel id="time-activityId" label={t("time.field.activity")} />
          <select
            id="time-activityId"
            name="activityId"
            defaultValue={values.activityId ?? ""}
            aria-invalid={activityError ? true : undefined}
            aria-describedby={describedBy("time-activityId", undefined, Boolean(activityError))}
          >
            <option value="">{t("time.field.noActivity")}</option>
            {activities.map((a) => (
              <option key={a.id} value={a.id}>
                {formatDate(locale, a.startsAt)} · {a.title}
              </option>
            ))}
          </select>
          <FieldError id="time-activityId-error" errors={errors} name="activityId" />
        </div>
      ) : null}
      <FieldError id="time-form-error" errors={errors} name="_form" />
      <div>
        <button type="submit" className="button primary" disabled={busy}>
          {t("time.submit")}
        </button>
      </div>
    </Form>
  );
}

type OwnEntry = { id: string; date: string; minutes: number; what: string; activity: { id: string; title: string } | null };

/**
 * The viewer's own entries in the period, each with "change" (a small form that opens in place, also
 * without JavaScript) and delete, while they may still change them. A refused correction opens its
 * form again with what was typed and the field's error.
 */
export function OwnEntries({ entries, canChange, busy, failure }: { entries: OwnEntry[]; canChange: boolean; busy: boolean; failure: Failure }) {
  const t = useT();
  const locale = useLocale();
  if (!entries.length) return <p className="muted">{t("time.mine.empty")}</p>;
  const failed = failure?.values?.intent === "time-edit" ? failure.values : undefined;
  return (
    <ul className="people-list time-entries">
      {entries.map((e) => {
        const day = e.date.slice(0, 10);
        const named = { date: formatDate(locale, e.date), what: e.what };
        const editing = failed?.entryId === e.id;
        const errors = editing ? failure?.errors : undefined;
        const values = editing ? failed : undefined;
        const prefix = `time-${e.id}`;
        return (
          <li key={e.id}>
            <div className="time-entry-line">
              <span>
                <time dateTime={day}>{formatDate(locale, e.date)}</time> · <strong>{formatDuration(t, e.minutes)}</strong> · {e.what}
                {e.activity ? (
                  <>
                    {" "}
                    <span className="badge">{t("time.mine.activity")}</span>
                  </>
                ) : null}
              </span>
              {canChange ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="time-delete" />
                  <input type="hidden" name="entryId" value={e.id} />
                  <button type="submit" className="button small danger" disabled={busy} aria-label={t("time.deleteNamed", named)}>
                    {t("time.delete")}
                  </button>
                </Form>
              ) : null}
            </div>
            {canChange ? (
              <details className="time-entry-edit" open={editing || undefined}>
                <summary>
                  {t("time.edit")}
                  <span className="visually-hidden"> {t("time.editNamed", named)}</span>
                </summary>
                <Form method="post" className="stack" noValidate>
                  <input type="hidden" name="intent" value="time-edit" />
                  <input type="hidden" name="entryId" value={e.id} />
                  <div className="field-row">
                    {e.activity ? (
                      // An activity's time stays on the activity's day.
                      <input type="hidden" name="date" value={day} />
                    ) : (
                      <TextField name="date" idPrefix={prefix} type="date" label={t("time.field.date")} errors={errors} defaultValue={values?.date ?? day} required />
                    )}
                    <TextField name="minutes" idPrefix={prefix} label={t("time.field.minutes")} hint={t("time.field.minutesHint")} errors={errors} defaultValue={values?.minutes ?? String(e.minutes)} required maxLength={10} />
                  </div>
                  <TextField name="what" idPrefix={prefix} label={t("time.field.what")} errors={errors} defaultValue={values?.what ?? e.what} required maxLength={TIME_LIMITS.whatMax} />
                  {e.activity && errors?.date ? <FieldError id={`${prefix}-date-error`} errors={errors} name="date" /> : null}
                  <FieldError id={`${prefix}-form-error`} errors={errors} name="_form" />
                  <div>
                    <button type="submit" className="button small primary" disabled={busy}>
                      {t("time.editSubmit")}
                    </button>
                  </div>
                </Form>
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
