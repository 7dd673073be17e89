import { Form } from "@remix-run/react";
import type { FieldErrors } from "~/schemas/form";
import { GOAL_LIMITS } from "~/schemas/goal";
import { formatDate, useLocale, useT, type MessageKey } from "~/utils/i18n";
import { FieldError, FieldLabel, TextAreaField, TextField, describedBy } from "./form";

type GoalEvent = { id: string; kind: string; comment: string; percentage: number | null; createdAt: string; actor: { name: string } };
export type GoalItem = {
  id: string;
  title: string;
  target: string;
  dueDate: string;
  status: string;
  agreedAt: string | null;
  proposedBy: { name: string };
  agreedBy: { name: string } | null;
  events: GoalEvent[];
  /** From the loader (canReviseGoal): the head sent it back and this actor leads the goals. */
  canRevise?: boolean;
};
type Failure = { errors?: FieldErrors; values?: Record<string, string> } | undefined;
type Can = { lead: boolean; agree: boolean };

/** The errors and values of the last submission, if it came from this form. */
function ownFailure(failure: Failure, intents: string[], goalId?: string) {
  const values = failure?.values;
  if (!values || !intents.includes(values.intent ?? "") || (values.goalId ?? undefined) !== goalId) return { errors: undefined, values: {} as Record<string, string> };
  return { errors: failure.errors, values };
}

function TextArea({ id, name, label, errors, defaultValue, required }: { id: string; name: string; label: string; errors?: FieldErrors; defaultValue?: string; required?: boolean }) {
  return <TextAreaField id={id} name={name} label={label} rows={2} maxLength={GOAL_LIMITS.commentMax} defaultValue={defaultValue} required={required} errors={errors} />;
}

function ProposeForm({ failure, busy }: { failure: Failure; busy: boolean }) {
  const t = useT();
  const { errors, values } = ownFailure(failure, ["goal-propose"]);
  return (
    <details className="goal-propose" open={Boolean(errors)}>
      <summary>{t("goals.propose")}</summary>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="goal-propose" />
        <TextField name="title" idPrefix="goal" label={t("goals.field.title")} errors={errors} defaultValue={values.title} maxLength={GOAL_LIMITS.titleMax} required />
        <TextField name="target" idPrefix="goal" label={t("goals.field.target")} hint={t("goals.field.targetHint")} errors={errors} defaultValue={values.target} maxLength={GOAL_LIMITS.targetMax} required />
        <TextField name="dueDate" idPrefix="goal" type="date" label={t("goals.field.dueDate")} errors={errors} defaultValue={values.dueDate} required />
        <div>
          <button type="submit" className="button" disabled={busy}>
            {t("goals.submitPropose")}
          </button>
        </div>
      </Form>
    </details>
  );
}

function DecideForm({ goal, failure, busy }: { goal: GoalItem; failure: Failure; busy: boolean }) {
  const t = useT();
  const { errors, values } = ownFailure(failure, ["goal-agree", "goal-send-back"], goal.id);
  return (
    <Form method="post" className="goal-form" aria-label={`${t("goals.decide")}: ${goal.title}`}>
      <input type="hidden" name="goalId" value={goal.id} />
      <TextArea id={`goal-${goal.id}-decide-comment`} name="comment" label={t("goals.field.comment")} errors={errors} defaultValue={values.comment} />
      <FieldError id={`goal-${goal.id}-decide-error`} errors={errors} name="_form" />
      <button type="submit" name="intent" value="goal-agree" className="button small" disabled={busy}>
        {t("goals.agree")}
      </button>{" "}
      <button type="submit" name="intent" value="goal-send-back" className="button small secondary" disabled={busy}>
        {t("goals.sendBack")}
      </button>
    </Form>
  );
}

/** A goal the head sent back: the lead changes title, target or due date and proposes it again. */
function ReviseForm({ goal, failure, busy }: { goal: GoalItem; failure: Failure; busy: boolean }) {
  const t = useT();
  const { errors, values } = ownFailure(failure, ["goal-revise"], goal.id);
  const prefix = `goal-${goal.id}-revise`;
  return (
    <details className="goal-revise" open={Boolean(errors)}>
      <summary>{t("goals.revise")}</summary>
      <Form method="post" className="stack goal-form" noValidate aria-label={`${t("goals.revise")}: ${goal.title}`}>
        <input type="hidden" name="intent" value="goal-revise" />
        <input type="hidden" name="goalId" value={goal.id} />
        <TextField name="title" idPrefix={prefix} label={t("goals.field.title")} errors={errors} defaultValue={values.title ?? goal.title} maxLength={GOAL_LIMITS.titleMax} required />
        <TextField name="target" idPrefix={prefix} label={t("goals.field.target")} hint={t("goals.field.targetHint")} errors={errors} defaultValue={values.target ?? goal.target} maxLength={GOAL_LIMITS.targetMax} required />
        <TextField name="dueDate" idPrefix={prefix} type="date" label={t("goals.field.dueDate")} errors={errors} defaultValue={values.dueDate ?? goal.dueDate.slice(0, 10)} required />
        <TextArea id={`${prefix}-comment`} name="comment" label={t("goals.field.reviseNote")} errors={errors} defaultValue={values.comment} />
        <FieldError id={`${prefix}-error`} errors={errors} name="_form" />
        <div>
          <button type="submit" className="button" disabled={busy}>
            {t("goals.submitRevise")}
          </button>
        </div>
      </Form>
    </details>
  );
}

function LeadForms({ goal, failure, busy }: { goal: GoalItem; failure: Failure; busy: boolean }) {
  const t = useT();
  const progress = ownFailure(failure, ["goal-progress"], goal.id);
  const close = ownFailure(failure, ["goal-done", "goal-drop"], goal.id);
  const agreed = goal.status === "AGREED";
  const pctId = `goal-${goal.id}-percentage`;
  const pctError = progress.errors?.percentage;
  return (
    <>
      {agreed ? (
        <Form method="post" className="goal-form" aria-label={`${t("goals.progress")}: ${goal.title}`}>
          <input type="hidden" name="intent" value="goal-progress" />
          <input type="hidden" name="goalId" value={goal.id} />
          <div className="field">
            <FieldLabel id={pctId} label={t("goals.field.percentage")} />
            <input
              id={pctId}
              name="percentage"
              inputMode="numeric"
              defaultValue={progress.values.percentage}
              aria-invalid={pctError ? true : undefined}
              aria-describedby={describedBy(pctId, undefined, Boolean(pctError))}
            />
            <FieldError id={`${pctId}-error`} errors={progress.errors} name="percentage" />
          </div>
          <TextArea id={`goal-${goal.id}-progress-comment`} name="comment" label={t("goals.field.progressNote")} errors={progress.errors} defaultValue={progress.values.comment} />
          <FieldError id={`goal-${goal.id}-progress-error`} errors={progress.errors} name="_form" />
          <button type="submit" className="button small" disabled={busy}>
            {t("goals.recordProgress")}
          </button>
        </Form>
      ) : null}
      <Form method="post" className="goal-form" aria-label={`${t("goals.update")}: ${goal.title}`}>
        <input type="hidden" name="goalId" value={goal.id} />
        <TextArea id={`goal-${goal.id}-close-comment`} name="comment" label={t("goals.field.comment")} errors={close.errors} defaultValue={close.values.comment} />
        <FieldError id={`goal-${goal.id}-close-error`} errors={close.errors} name="_form" />
        {agreed ? (
          <>
            <button type="submit" name="intent" value="goal-done" className="button small" disabled={busy}>
              {t("goals.markDone")}
            </button>{" "}
          </>
        ) : null}
        <button type="submit" name="intent" value="goal-drop" className="button small danger" disabled={busy}>
          {t("goals.drop")}
        </button>
      </Form>
    </>
  );
}

export function GoalsSection({ goals, can, failure, busy }: { goals: GoalItem[]; can: Can; failure: Failure; busy: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="card stack" aria-labelledby="goals">
      <h2 id="goals">{t("goals.title")}</h2>
      {goals.length ? (
        <ul className="goal-list">
          {goals.map((goal) => {
            const progress = [...goal.events].reverse().find((e) => e.kind === "progress");
            const sentBack = goal.status === "PROPOSED" ? [...goal.events].reverse().find((e) => e.kind === "sent_back" || e.kind === "proposed" || e.kind === "revised") : undefined;
            const open = goal.status === "PROPOSED" || goal.status === "AGREED";
            return (
              <li key={goal.id} className="goal" aria-labelledby={`goal-${goal.id}-title`}>
                <h3 id={`goal-${goal.id}-title`}>
                  {goal.title} <span className={`badge badge-goal-${goal.status.toLowerCase()}`}>{t(`goals.status.${goal.status}` as MessageKey)}</span>
                </h3>
                <dl>
                  <dt>{t("goals.target")}</dt>
                  <dd>{goal.target}</dd>
                  <dt>{t("goals.due")}</dt>
                  <dd>{formatDate(locale, goal.dueDate)}</dd>
                  <dt>{t("goals.proposedBy")}</dt>
                  <dd>{goal.proposedBy.name}</dd>
                  {goal.agreedBy && goal.agreedAt ? (
                    <>
                      <dt>{t("goals.agreedBy")}</dt>
                      <dd>{t("goals.agreedByText", { name: goal.agreedBy.name, date: formatDate(locale, goal.agreedAt) })}</dd>
                    </>
                  ) : null}
                  <dt>{t("goals.progress")}</dt>
                  <dd>
                    {progress?.percentage != null ? (
                      <>
                        <progress max={100} value={progress.percentage} aria-label={t("goals.progressLabel", { title: goal.title })} /> {progress.percentage}%
                        {progress.comment ? <span className="muted"> — {progress.comment}</span> : null}
                      </>
                    ) : (
                      <span className="muted">{t("goals.noProgress")}</span>
                    )}
                  </dd>
                </dl>
                {sentBack?.kind === "sent_back" ? (
                  <p className="alert alert-warning">{t("goals.sentBackNotice", { name: sentBack.actor.name, comment: sentBack.comment })}</p>
                ) : null}
                <details>
                  <summary>{t("goals.history", { count: goal.events.length })}</summary>
                  <ol className="goal-history">
                    {goal.events.map((e) => (
                      <li key={e.id}>
                        <time dateTime={e.createdAt}>{formatDate(locale, e.createdAt, true)}</time> · {e.actor.name} ·{" "}
                        {t(`goals.event.${e.kind}` as MessageKey, { percentage: e.percentage ?? 0 })}
                        {e.comment ? <>: {e.comment}</> : null}
                      </li>
                    ))}
                  </ol>
                </details>
                {can.agree && goal.status === "PROPOSED" ? <DecideForm goal={goal} failure={failure} busy={busy} /> : null}
                {goal.canRevise ? <ReviseForm goal={goal} failure={failure} busy={busy} /> : null}
                {can.lead && open ? <LeadForms goal={goal} failure={failure} busy={busy} /> : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">{t("goals.empty")}</p>
      )}
      {can.lead ? <ProposeForm failure={failure} busy={busy} /> : null}
    </section>
  );
}
