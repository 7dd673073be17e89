/**
 * Learning registration on the page: the person's form and list of formal entries, their year's totals,
 * the head's pending decisions and the department's tables. Hours are shown as decimal hours (the unit of
 * the social balance), costs in euro.
 */
import type { ReactNode } from "react";
import { Form, Link } from "@remix-run/react";
import { LEARNING_INTENT, LEARNING_KINDS, LEARNING_LIMITS, type LearningKind } from "~/schemas/learning.shared";
import { formatDate, useLocale, useT, type MessageKey, type Translate } from "~/utils/i18n";
import type { Locale } from "~/schemas/enums";
import { ConformForm, SelectField, TextAreaField, TextField, useGildeForm } from "./form";

const INTL: Record<Locale, string> = { nl: "nl-BE", en: "en-GB" };

/** Minutes as decimal hours: "7,5 u" / "7.5 h". */
export function formatHours(t: Translate, locale: Locale, minutes: number): string {
  return t("learning.hoursValue", { hours: new Intl.NumberFormat(INTL[locale], { maximumFractionDigits: 1 }).format(minutes / 60) });
}

export function formatEuro(locale: Locale, cents: number): string {
  return new Intl.NumberFormat(INTL[locale], { style: "currency", currency: "EUR" }).format(cents / 100);
}

export const LEARNING_KIND_KEY: Record<LearningKind, MessageKey> = {
  COURSE: "learning.kind.course",
  E_LEARNING: "learning.kind.eLearning",
  EXTERNAL_TRAINING: "learning.kind.external",
};

const STATE_KEY: Record<string, MessageKey> = { PENDING: "learning.state.pending", APPROVED: "learning.state.approved", REJECTED: "learning.state.rejected" };
const STATE_CLASS: Record<string, string> = { PENDING: "badge-submitted", APPROVED: "badge-published", REJECTED: "badge-declined" };

export function LearningStateBadge({ state }: { state: string }) {
  const t = useT();
  return <span className={`badge ${STATE_CLASS[state] ?? ""}`}>{t(STATE_KEY[state] ?? "learning.state.pending")}</span>;
}

/** The year picker of the learning pages (a GET form, so it works without JavaScript). */
export function YearPicker({ year, years, extra }: { year: number; years: number[]; extra?: ReactNode }) {
  const t = useT();
  return (
    <Form method="get" className="inline-filter">
      {extra}
      <label htmlFor="learning-year">{t("learning.year")}</label>{" "}
      <select id="learning-year" name="year" defaultValue={String(year)}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>{" "}
      <button type="submit" className="button small secondary">
        {t("learning.show")}
      </button>
    </Form>
  );
}

export function AddLearningForm({ busy, today }: { busy: boolean; today: string }) {
  const t = useT();
  const [form, fields] = useGildeForm("learning-add", { date: today, kind: "COURSE" });
  return (
    <ConformForm form={form} className="stack" aria-labelledby="learning-add-heading">
      <input type="hidden" name="intent" value={LEARNING_INTENT.add} />
      <SelectField field={fields.kind} label={t("learning.field.kind")} options={LEARNING_KINDS.map((k) => ({ value: k, label: t(LEARNING_KIND_KEY[k]) }))} />
      <TextField field={fields.title} label={t("learning.field.title")} required maxLength={LEARNING_LIMITS.titleMax} />
      <TextField field={fields.provider} label={t("learning.field.provider")} hint={t("learning.field.providerHint")} required maxLength={LEARNING_LIMITS.providerMax} />
      <div className="field-row">
        <TextField field={fields.date} type="date" label={t("learning.field.date")} hint={t("learning.field.dateHint")} required />
        <TextField field={fields.certificateOn} type="date" label={t("learning.field.certificateOn")} hint={t("learning.field.optional")} />
      </div>
      <div className="field-row">
        <TextField field={fields.hours} label={t("learning.field.hours")} hint={t("learning.field.hoursHint")} required maxLength={10} inputMode="decimal" />
        <TextField field={fields.cost} label={t("learning.field.cost")} hint={t("learning.field.costHint")} required maxLength={14} inputMode="decimal" />
      </div>
      <div>
        <button type="submit" className="button primary" disabled={busy}>
          {t("learning.add.submit")}
        </button>
      </div>
    </ConformForm>
  );
}

export type LearningEntryItem = {
  id: string;
  kind: string;
  title: string;
  provider: string;
  date: string;
  minutes: number;
  costCents: number;
  certificateOn: string | null;
  state: string;
  decisionReason: string;
  decidedBy: { name: string } | null;
};

function WithdrawButton({ entry, busy }: { entry: LearningEntryItem; busy: boolean }) {
  const t = useT();
  const [form] = useGildeForm(`learning-withdraw-${entry.id}`);
  return (
    <ConformForm form={form} className="inline-form">
      <input type="hidden" name="intent" value={LEARNING_INTENT.withdraw} />
      <input type="hidden" name="entryId" value={entry.id} />
      <button type="submit" className="button small danger" disabled={busy} aria-label={t("learning.withdrawNamed", { title: entry.title })}>
        {t("learning.withdraw")}
      </button>
    </ConformForm>
  );
}

/** One formal entry: what, where, when, hours, cost, certificate and its state (with who decided, and why not). */
function EntryFacts({ entry }: { entry: LearningEntryItem }) {
  const t = useT();
  const locale = useLocale();
  return (
    <p className="muted small">
      {t(LEARNING_KIND_KEY[entry.kind as LearningKind] ?? "learning.kind.course")} · {entry.provider} · <time dateTime={entry.date.slice(0, 10)}>{formatDate(locale, entry.date)}</time> ·{" "}
      {formatHours(t, locale, entry.minutes)} · {formatEuro(locale, entry.costCents)}
      {entry.certificateOn ? ` · ${t("learning.certificateOn", { date: formatDate(locale, entry.certificateOn) })}` : ""}
    </p>
  );
}

export function OwnLearningList({ entries, busy }: { entries: LearningEntryItem[]; busy: boolean }) {
  const t = useT();
  if (!entries.length) return <p className="muted">{t("learning.mine.empty")}</p>;
  return (
    <ul className="people-list learning-list">
      {entries.map((e) => (
        <li key={e.id}>
          <div>
            <strong>{e.title}</strong> <LearningStateBadge state={e.state} />
            <EntryFacts entry={e} />
            {e.state === "REJECTED" && e.decisionReason ? <p className="small">{t("learning.rejectedBecause", { name: e.decidedBy?.name ?? "", reason: e.decisionReason })}</p> : null}
            {e.state === "APPROVED" && e.decidedBy ? <p className="small muted">{t("learning.approvedBy", { name: e.decidedBy.name })}</p> : null}
          </div>
          {e.state === "PENDING" ? <WithdrawButton entry={e} busy={busy} /> : null}
        </li>
      ))}
    </ul>
  );
}

export type TotalsItem = { formalMinutes: number; formalCostCents: number; formalCount: number; communityMinutes: number; activityMinutes: number; mentoringMinutes: number };

/** A person's year: formal (approved) and informal learning, each source on its own line. */
export function LearningTotals({ totals, showCost }: { totals: TotalsItem; showCost: boolean }) {
  const t = useT();
  const locale = useLocale();
  const hours = (m: number) => formatHours(t, locale, m);
  const informal = totals.communityMinutes + totals.activityMinutes + totals.mentoringMinutes;
  return (
    <dl className="budget-summary learning-totals">
      <div>
        <dt>{t("learning.totals.formal")}</dt>
        <dd>
          {hours(totals.formalMinutes)}
          {showCost ? ` · ${formatEuro(locale, totals.formalCostCents)}` : ""}
        </dd>
      </div>
      <div>
        <dt>{t("learning.totals.informal")}</dt>
        <dd>{hours(informal)}</dd>
      </div>
      <div>
        <dt>{t("learning.totals.community")}</dt>
        <dd>{hours(totals.communityMinutes)}</dd>
      </div>
      <div>
        <dt>{t("learning.totals.activities")}</dt>
        <dd>{hours(totals.activityMinutes)}</dd>
      </div>
      <div>
        <dt>{t("learning.totals.mentoring")}</dt>
        <dd>{hours(totals.mentoringMinutes)}</dd>
      </div>
    </dl>
  );
}

type PendingItem = LearningEntryItem & { user: { id: string; name: string } };

/** The ids of the decision forms a list of pending entries holds. */
export const pendingFormIds = (entries: readonly { id: string }[]) => entries.flatMap((e) => [`learning-approve-${e.id}`, `learning-reject-${e.id}`]);

function Decision({ entry, busy }: { entry: PendingItem; busy: boolean }) {
  const t = useT();
  const [approve] = useGildeForm(`learning-approve-${entry.id}`);
  const [reject, fields] = useGildeForm(`learning-reject-${entry.id}`);
  const headingId = `pending-${entry.id}`;
  return (
    <li className="card stack" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {entry.user.name}: {entry.title}
      </h3>
      <EntryFacts entry={entry} />
      <div className="two-columns">
        <ConformForm form={approve}>
          <input type="hidden" name="intent" value={LEARNING_INTENT.approve} />
          <input type="hidden" name="entryId" value={entry.id} />
          <button type="submit" className="button primary" disabled={busy} aria-describedby={headingId}>
            {t("learning.approve")}
          </button>
        </ConformForm>
        <ConformForm form={reject} className="stack">
          <input type="hidden" name="intent" value={LEARNING_INTENT.reject} />
          <input type="hidden" name="entryId" value={entry.id} />
          <TextAreaField field={fields.reason} label={t("learning.reason")} rows={2} maxLength={LEARNING_LIMITS.reasonMax} />
          <div>
            <button type="submit" className="button danger" disabled={busy} aria-describedby={headingId}>
              {t("learning.reject")}
            </button>
          </div>
        </ConformForm>
      </div>
    </li>
  );
}

export function PendingDecisions({ entries, busy }: { entries: PendingItem[]; busy: boolean }) {
  const t = useT();
  if (!entries.length) return <p className="muted">{t("learning.pending.none")}</p>;
  return (
    <ul className="plain-list stack">
      {entries.map((e) => (
        <Decision key={e.id} entry={e} busy={busy} />
      ))}
    </ul>
  );
}

export type PersonRow = TotalsItem & { userId: string; name: string };

/** Totals per person: who learned how much, formally (with cost) and informally. */
export function PeopleTable({ people }: { people: PersonRow[] }) {
  const t = useT();
  const locale = useLocale();
  const hours = (m: number) => formatHours(t, locale, m);
  if (!people.length) return <p className="muted">{t("learning.people.none")}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{t("learning.people.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("learning.col.person")}</th>
            <th scope="col">{t("learning.col.formalHours")}</th>
            <th scope="col">{t("learning.col.cost")}</th>
            <th scope="col">{t("learning.col.community")}</th>
            <th scope="col">{t("learning.col.activities")}</th>
            <th scope="col">{t("learning.col.mentoring")}</th>
            <th scope="col">{t("learning.col.informalHours")}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.userId}>
              <th scope="row">{p.name}</th>
              <td>{hours(p.formalMinutes)}</td>
              <td>{formatEuro(locale, p.formalCostCents)}</td>
              <td>{hours(p.communityMinutes)}</td>
              <td>{hours(p.activityMinutes)}</td>
              <td>{hours(p.mentoringMinutes)}</td>
              <td>{hours(p.communityMinutes + p.activityMinutes + p.mentoringMinutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export type CommunityRow = { communityId: string; name: string; participants: number; communityMinutes: number; activityMinutes: number };

/** Totals per community: the informal learning logged there. */
export function CommunityTable({ communities, slugs }: { communities: CommunityRow[]; slugs: Record<string, string> }) {
  const t = useT();
  const locale = useLocale();
  const hours = (m: number) => formatHours(t, locale, m);
  if (!communities.length) return <p className="muted">{t("learning.communities.none")}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{t("learning.communities.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("learning.col.communityName")}</th>
            <th scope="col">{t("learning.col.participants")}</th>
            <th scope="col">{t("learning.col.community")}</th>
            <th scope="col">{t("learning.col.activities")}</th>
          </tr>
        </thead>
        <tbody>
          {communities.map((c) => (
            <tr key={c.communityId}>
              <th scope="row">{slugs[c.communityId] ? <Link to={`/communities/${slugs[c.communityId]}`}>{c.name}</Link> : c.name}</th>
              <td>{c.participants}</td>
              <td>{hours(c.communityMinutes)}</td>
              <td>{hours(c.activityMinutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
