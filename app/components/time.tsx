import { Link } from "@remix-run/react";
import { TIME_INTENT, TIME_LIMITS } from "~/schemas/time.shared";
import { addDays } from "~/utils/dates";
import { formatDate, formatDuration, useLocale, useT, type Translate } from "~/utils/i18n";
import type { Locale } from "~/schemas/enums";
import { BarChart, type BarDatum } from "./charts/bar-chart";
import { ConformForm, MessageError, SelectField, TextField, useGildeForm } from "./form";

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

/** Whether the server refused this form (a closed form opens again to show why). */
function refused(form: { errors?: unknown[]; allErrors: Record<string, unknown> }) {
  return Boolean(form.errors?.length) || Object.keys(form.allErrors).length > 0;
}

/** The log form: day, time, what, and optionally one of the recent activities. */
export function LogTimeForm({ busy, activities, today }: { busy: boolean; activities: { id: string; title: string; startsAt: string }[]; today: string }) {
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useGildeForm("time-log", { date: today, activityId: "" });
  return (
    <ConformForm form={form} className="stack log-form" aria-labelledby="log-time">
      <input type="hidden" name="intent" value={TIME_INTENT.log} />
      <div className="field-row">
        <TextField field={fields.date} type="date" label={t("time.field.date")} required />
        <TextField field={fields.minutes} label={t("time.field.minutes")} hint={t("time.field.minutesHint")} required maxLength={10} />
      </div>
      <TextField field={fields.what} label={t("time.field.what")} hint={t("time.field.whatHint")} required maxLength={TIME_LIMITS.whatMax} />
      {activities.length ? (
        <SelectField
          field={fields.activityId}
          label={t("time.field.activity")}
          options={[{ value: "", label: t("time.field.noActivity") }, ...activities.map((a) => ({ value: a.id, label: `${formatDate(locale, a.startsAt)} · ${a.title}` }))]}
        />
      ) : null}
      <div>
        <button type="submit" className="button primary" disabled={busy}>
          {t("time.submit")}
        </button>
      </div>
    </ConformForm>
  );
}

type OwnEntry = { id: string; date: string; minutes: number; what: string; activity: { id: string; title: string } | null };

/**
 * The viewer's own entries in the period, each with "change" (a small form that opens in place, also
 * without JavaScript) and delete, while they may still change them. A refused correction opens its
 * form again with what was typed and the field's error.
 */
export function OwnEntries({ entries, canChange, busy }: { entries: OwnEntry[]; canChange: boolean; busy: boolean }) {
  const t = useT();
  if (!entries.length) return <p className="muted">{t("time.mine.empty")}</p>;
  return (
    <ul className="people-list time-entries">
      {entries.map((e) => (
        <OwnEntryItem key={e.id} entry={e} canChange={canChange} busy={busy} />
      ))}
    </ul>
  );
}

function OwnEntryItem({ entry: e, canChange, busy }: { entry: OwnEntry; canChange: boolean; busy: boolean }) {
  const t = useT();
  const locale = useLocale();
  const day = e.date.slice(0, 10);
  const named = { date: formatDate(locale, e.date), what: e.what };
  const [deleteForm] = useGildeForm(`time-delete-${e.id}`);
  const [editForm, fields] = useGildeForm(`time-edit-${e.id}`, { date: day, minutes: String(e.minutes), what: e.what });
  return (
    <li>
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
          <ConformForm form={deleteForm} className="inline-form">
            <input type="hidden" name="intent" value={TIME_INTENT.delete} />
            <input type="hidden" name="entryId" value={e.id} />
            <button type="submit" className="button small danger" disabled={busy} aria-label={t("time.deleteNamed", named)}>
              {t("time.delete")}
            </button>
          </ConformForm>
        ) : null}
      </div>
      {canChange ? (
        <details className="time-entry-edit" open={refused(editForm) || undefined}>
          <summary>
            {t("time.edit")}
            <span className="visually-hidden"> {t("time.editNamed", named)}</span>
          </summary>
          <ConformForm form={editForm} className="stack">
            <input type="hidden" name="intent" value={TIME_INTENT.edit} />
            <input type="hidden" name="entryId" value={e.id} />
            <div className="field-row">
              {e.activity ? (
                // An activity's time stays on the activity's day.
                <input type="hidden" name="date" value={day} />
              ) : (
                <TextField field={fields.date} type="date" label={t("time.field.date")} required />
              )}
              <TextField field={fields.minutes} label={t("time.field.minutes")} hint={t("time.field.minutesHint")} required maxLength={10} />
            </div>
            <TextField field={fields.what} label={t("time.field.what")} required maxLength={TIME_LIMITS.whatMax} />
            {e.activity ? <MessageError id={`${fields.date.id}-error`} error={fields.date.errors?.[0]} /> : null}
            <div>
              <button type="submit" className="button small primary" disabled={busy}>
                {t("time.editSubmit")}
              </button>
            </div>
          </ConformForm>
        </details>
      ) : null}
    </li>
  );
}
