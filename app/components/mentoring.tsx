/**
 * Mentoring on the page: lists of plans with their progress, the pairing form, the department's
 * template, a plan's items with the step each waits for, and the time spent mentoring.
 */
import { Link } from "@remix-run/react";
import { MENTORING_INTENT, MENTORING_LIMITS, ONBOARDING_KINDS, type OnboardingKind } from "~/schemas/mentoring.shared";
import { formatDate, formatDuration, useLocale, useT, type MessageKey } from "~/utils/i18n";
import { ConformForm, SelectField, TextAreaField, TextField, useGildeForm } from "./form";

export const ONBOARDING_KIND_KEY: Record<OnboardingKind, MessageKey> = { TASK: "mentoring.kind.task", COMPETENCE: "mentoring.kind.competence" };
const ITEM_STATE_KEY: Record<string, MessageKey> = {
  PLANNED: "mentoring.state.planned",
  SHOWN: "mentoring.state.shown",
  PRACTISED: "mentoring.state.practised",
  SIGNED_OFF: "mentoring.state.signedOff",
};
const ITEM_STATE_CLASS: Record<string, string> = { PLANNED: "", SHOWN: "badge-submitted", PRACTISED: "badge-submitted", SIGNED_OFF: "badge-published" };
const kindLabel = (kind: string) => ONBOARDING_KIND_KEY[kind as OnboardingKind] ?? "mentoring.kind.task";

type Progress = { total: number; shown: number; practised: number; signedOff: number; percent: number };

/** Signed off of total, as a bar and in words. */
export function PlanProgress({ progress, id }: { progress: Progress; id: string }) {
  const t = useT();
  return (
    <p className="plan-progress">
      <label htmlFor={id}>{t("mentoring.progress", { done: progress.signedOff, total: progress.total })}</label>{" "}
      <progress id={id} max={progress.total || 1} value={progress.signedOff}>
        {progress.percent}%
      </progress>
    </p>
  );
}

export function LateBadge() {
  const t = useT();
  return <span className="badge badge-declined">{t("mentoring.late")}</span>;
}

export type PlanSummaryItem = {
  id: string;
  startsOn: string;
  endsOn: string;
  newcomer: { id: string; name: string };
  mentor: { id: string; name: string };
  progress: Progress;
  late: boolean;
};

/** Plans with their people, period and progress; `me` marks the viewer's role in each. `list` keeps ids unique when a page shows two lists. */
export function MentoringPlanList({ plans, me, list = "plans" }: { plans: PlanSummaryItem[]; me?: string; list?: string }) {
  const t = useT();
  const locale = useLocale();
  if (!plans.length) return <p className="muted">{t("mentoring.none")}</p>;
  return (
    <ul className="people-list plan-list">
      {plans.map((p) => (
        <li key={p.id}>
          <div>
            <Link to={`/mentoring/${p.id}`}>{t("mentoring.planOf", { newcomer: p.newcomer.name, mentor: p.mentor.name })}</Link>{" "}
            {me === p.newcomer.id ? <span className="badge">{t("mentoring.youNewcomer")}</span> : null}
            {me === p.mentor.id ? <span className="badge">{t("mentoring.youMentor")}</span> : null} {p.late ? <LateBadge /> : null}
            <p className="muted small">{t("mentoring.period", { start: formatDate(locale, p.startsOn), end: formatDate(locale, p.endsOn) })}</p>
          </div>
          <PlanProgress progress={p.progress} id={`${list}-progress-${p.id}`} />
        </li>
      ))}
    </ul>
  );
}

type Person = { id: string; name: string; department: { name: string } | null };

export function PairForm({ people, busy, today }: { people: Person[]; busy: boolean; today: string }) {
  const t = useT();
  const [form, fields] = useGildeForm("mentoring-pair", { startsOn: today });
  const options = [{ value: "", label: t("mentoring.choose") }, ...people.map((p) => ({ value: p.id, label: p.department ? `${p.name} (${p.department.name})` : p.name }))];
  return (
    <ConformForm form={form} className="stack" aria-labelledby="mentoring-pair-title">
      <input type="hidden" name="intent" value={MENTORING_INTENT.pair} />
      <div className="field-row">
        <SelectField field={fields.newcomerId} label={t("mentoring.field.newcomer")} options={options} />
        <SelectField field={fields.mentorId} label={t("mentoring.field.mentor")} options={options} />
      </div>
      <div className="field-row">
        <TextField field={fields.startsOn} type="date" label={t("mentoring.field.startsOn")} required />
        <TextField field={fields.endsOn} type="date" label={t("mentoring.field.endsOn")} hint={t("mentoring.field.endsOnHint")} required />
      </div>
      <p className="muted small">{t("mentoring.pair.hint")}</p>
      <div>
        <button type="submit" className="button primary" disabled={busy}>
          {t("mentoring.pair.submit")}
        </button>
      </div>
    </ConformForm>
  );
}

type TemplateItem = { id: string; kind: string; title: string; description: string };

function RemoveTemplateItem({ item, busy }: { item: TemplateItem; busy: boolean }) {
  const t = useT();
  const [form] = useGildeForm(`template-remove-${item.id}`);
  return (
    <ConformForm form={form} className="inline-form">
      <input type="hidden" name="intent" value={MENTORING_INTENT.removeItem} />
      <input type="hidden" name="itemId" value={item.id} />
      <button type="submit" className="button small danger" disabled={busy} aria-label={t("mentoring.template.removeNamed", { title: item.title })}>
        {t("mentoring.template.remove")}
      </button>
    </ConformForm>
  );
}

export function TemplateItems({ items, busy }: { items: TemplateItem[]; busy: boolean }) {
  const t = useT();
  if (!items.length) return <p className="muted">{t("mentoring.template.empty")}</p>;
  return (
    <ol className="people-list template-items">
      {items.map((item) => (
        <li key={item.id}>
          <div>
            <strong>{item.title}</strong> <span className="badge">{t(kindLabel(item.kind))}</span>
            {item.description ? <p className="muted small">{item.description}</p> : null}
          </div>
          <RemoveTemplateItem item={item} busy={busy} />
        </li>
      ))}
    </ol>
  );
}

export function AddTemplateItemForm({ busy }: { busy: boolean }) {
  const t = useT();
  const [form, fields] = useGildeForm("template-add", { kind: "TASK" });
  return (
    <ConformForm form={form} className="stack" aria-labelledby="template-add-heading">
      <input type="hidden" name="intent" value={MENTORING_INTENT.addItem} />
      <SelectField field={fields.kind} label={t("mentoring.field.kind")} options={ONBOARDING_KINDS.map((k) => ({ value: k, label: t(ONBOARDING_KIND_KEY[k]) }))} />
      <TextField field={fields.title} label={t("mentoring.field.title")} required maxLength={MENTORING_LIMITS.titleMax} />
      <TextAreaField field={fields.description} label={t("mentoring.field.description")} hint={t("learning.field.optional")} maxLength={MENTORING_LIMITS.descriptionMax} />
      <div>
        <button type="submit" className="button primary" disabled={busy}>
          {t("mentoring.template.add")}
        </button>
      </div>
    </ConformForm>
  );
}

type PlanItem = {
  id: string;
  kind: string;
  title: string;
  description: string;
  state: string;
  signedOffAt: string | null;
  signedOffBy: { name: string } | null;
  /** The step this viewer may take on it now, if any. */
  step: "show" | "practise" | "signOff" | null;
};

const STEP_INTENT = { show: MENTORING_INTENT.show, practise: MENTORING_INTENT.practise, signOff: MENTORING_INTENT.signOff } as const;
const STEP_LABEL: Record<keyof typeof STEP_INTENT, MessageKey> = { show: "mentoring.step.show", practise: "mentoring.step.practise", signOff: "mentoring.step.signOff" };

/** The ids of the step forms a plan page holds. */
export const planItemFormIds = (items: readonly PlanItem[]) => items.filter((i) => i.step).map((i) => `${STEP_INTENT[i.step!]}-${i.id}`);

function StepButton({ item, busy }: { item: PlanItem & { step: keyof typeof STEP_INTENT }; busy: boolean }) {
  const t = useT();
  const intent = STEP_INTENT[item.step];
  const [form] = useGildeForm(`${intent}-${item.id}`);
  return (
    <ConformForm form={form} className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="itemId" value={item.id} />
      <button type="submit" className="button small primary" disabled={busy} aria-describedby={`item-${item.id}`}>
        {t(STEP_LABEL[item.step])}
      </button>
    </ConformForm>
  );
}

export function PlanItems({ items, busy }: { items: PlanItem[]; busy: boolean }) {
  const t = useT();
  const locale = useLocale();
  if (!items.length) return <p className="muted">{t("mentoring.template.empty")}</p>;
  return (
    <ol className="people-list plan-items">
      {items.map((item) => (
        <li key={item.id}>
          <div>
            <strong id={`item-${item.id}`}>{item.title}</strong> <span className="badge">{t(kindLabel(item.kind))}</span>{" "}
            <span className={`badge ${ITEM_STATE_CLASS[item.state] ?? ""}`}>{t(ITEM_STATE_KEY[item.state] ?? "mentoring.state.planned")}</span>
            {item.description ? <p className="muted small">{item.description}</p> : null}
            {item.signedOffAt ? <p className="muted small">{t("mentoring.signedOffBy", { name: item.signedOffBy?.name ?? "", date: formatDate(locale, item.signedOffAt) })}</p> : null}
          </div>
          {item.step ? <StepButton item={{ ...item, step: item.step }} busy={busy} /> : null}
        </li>
      ))}
    </ol>
  );
}

export function MentoringTimeForm({ busy, today }: { busy: boolean; today: string }) {
  const t = useT();
  const [form, fields] = useGildeForm("mentoring-log", { date: today });
  return (
    <ConformForm form={form} className="stack" aria-labelledby="mentoring-time-title">
      <input type="hidden" name="intent" value={MENTORING_INTENT.logTime} />
      <div className="field-row">
        <TextField field={fields.date} type="date" label={t("mentoring.field.date")} required />
        <TextField field={fields.hours} label={t("learning.field.hours")} hint={t("learning.field.hoursHint")} required maxLength={10} inputMode="decimal" />
      </div>
      <TextField field={fields.what} label={t("mentoring.field.what")} required maxLength={MENTORING_LIMITS.whatMax} />
      <div>
        <button type="submit" className="button primary" disabled={busy}>
          {t("mentoring.time.submit")}
        </button>
      </div>
    </ConformForm>
  );
}

type Session = { id: string; date: string; minutes: number; what: string; loggedBy: { name: string } | null };

export function MentoringSessions({ sessions }: { sessions: Session[] }) {
  const t = useT();
  const locale = useLocale();
  if (!sessions.length) return <p className="muted">{t("mentoring.time.none")}</p>;
  return (
    <ul className="people-list plan-sessions">
      {sessions.map((s) => (
        <li key={s.id}>
          <span>
            <time dateTime={s.date.slice(0, 10)}>{formatDate(locale, s.date)}</time> · {formatDuration(t, s.minutes)} · {s.what}
          </span>
          {s.loggedBy ? <span className="muted small session-logger">{s.loggedBy.name}</span> : null}
        </li>
      ))}
    </ul>
  );
}
