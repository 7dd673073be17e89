import { GOAL_INTENT, GOAL_LIMITS } from "~/schemas/goal.shared";
import { formatDate, useLocale, useT, type MessageKey } from "~/utils/i18n";
import { ConformForm, TextAreaField, TextField, useGildeForm, type ConformField } from "./form";

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
type Can = { lead: boolean; agree: boolean };

/** The ids of the goal forms the section shows: a refusal for any other shows above the page. */
export function goalFormIds(goals: GoalItem[], can: Can): string[] {
  const ids = can.lead ? ["goal-propose"] : [];
  for (const goal of goals) {
    if (can.agree && goal.status === "PROPOSED") ids.push(`goal-decide-${goal.id}`);
    if (goal.canRevise) ids.push(`goal-revise-${goal.id}`);
    if (can.lead && goal.status === "AGREED") ids.push(`goal-progress-${goal.id}`);
    if (can.lead && (goal.status === "PROPOSED" || goal.status === "AGREED")) ids.push(`goal-close-${goal.id}`);
  }
  return ids;
}

/** Whether the server refused this form (its details open again to show why). */
function refused(form: { errors?: unknown[]; allErrors: Record<string, unknown> }) {
  return Boolean(form.errors?.length) || Object.keys(form.allErrors).length > 0;
}

function Comment({ field, label, required }: { field: ConformField; label: string; required?: boolean }) {
  return <TextAreaField field={field} label={label} rows={2} maxLength={GOAL_LIMITS.commentMax} required={required} />;
}

function ProposeForm({ busy }: { busy: boolean }) {
  const t = useT();
  const [form, fields] = useGildeForm("goal-propose");
  return (
    <details className="goal-propose" open={refused(form)}>
      <summary>{t("goals.propose")}</summary>
      <ConformForm form={form} className="stack">
        <input type="hidden" name="intent" value={GOAL_INTENT.propose} />
        <TextField field={fields.title} label={t("goals.field.title")} maxLength={GOAL_LIMITS.titleMax} required />
        <TextField field={fields.target} label={t("goals.field.target")} hint={t("goals.field.targetHint")} maxLength={GOAL_LIMITS.targetMax} required />
        <TextField field={fields.dueDate} type="date" label={t("goals.field.dueDate")} required />
        <div>
          <button type="submit" className="button" disabled={busy}>
            {t("goals.submitPropose")}
          </button>
        </div>
      </ConformForm>
    </details>
  );
}

function DecideForm({ goal, busy }: { goal: GoalItem; busy: boolean }) {
  const t = useT();
  const [form, fields] = useGildeForm(`goal-decide-${goal.id}`);
  return (
    <ConformForm form={form} className="goal-form" aria-label={`${t("goals.decide")}: ${goal.title}`}>
      <input type="hidden" name="goalId" value={goal.id} />
      <Comment field={fields.comment} label={t("goals.field.comment")} />
      <button type="submit" name="intent" value={GOAL_INTENT.agree} className="button small" disabled={busy}>
        {t("goals.agree")}
      </button>{" "}
      <button type="submit" name="intent" value={GOAL_INTENT.sendBack} className="button small secondary" disabled={busy}>
        {t("goals.sendBack")}
      </button>
    </ConformForm>
  );
}

/** A goal the head sent back: the lead changes title, target or due date and proposes it again. */
function ReviseForm({ goal, busy }: { goal: GoalItem; busy: boolean }) {
  const t = useT();
  const [form, fields] = useGildeForm(`goal-revise-${goal.id}`, { title: goal.title, target: goal.target, dueDate: goal.dueDate.slice(0, 10) });
  return (
    <details className="goal-revise" open={refused(form)}>
      <summary>{t("goals.revise")}</summary>
      <ConformForm form={form} className="stack goal-form" aria-label={`${t("goals.revise")}: ${goal.title}`}>
        <input type="hidden" name="intent" value={GOAL_INTENT.revise} />
        <input type="hidden" name="goalId" value={goal.id} />
        <TextField field={fields.title} label={t("goals.field.title")} maxLength={GOAL_LIMITS.titleMax} required />
        <TextField field={fields.target} label={t("goals.field.target")} hint={t("goals.field.targetHint")} maxLength={GOAL_LIMITS.targetMax} required />
        <TextField field={fields.dueDate} type="date" label={t("goals.field.dueDate")} required />
        <Comment field={fields.comment} label={t("goals.field.reviseNote")} />
        <div>
          <button type="submit" className="button" disabled={busy}>
            {t("goals.submitRevise")}
          </button>
        </div>
      </ConformForm>
    </details>
  );
}

function LeadForms({ goal, busy }: { goal: GoalItem; busy: boolean }) {
  const t = useT();
  const [progressForm, progress] = useGildeForm(`goal-progress-${goal.id}`);
  const [closeForm, close] = useGildeForm(`goal-close-${goal.id}`);
  const agreed = goal.status === "AGREED";
  return (
    <>
      {agreed ? (
        <ConformForm form={progressForm} className="goal-form" aria-label={`${t("goals.progress")}: ${goal.title}`}>
          <input type="hidden" name="intent" value={GOAL_INTENT.progress} />
          <input type="hidden" name="goalId" value={goal.id} />
          <TextField field={progress.percentage} label={t("goals.field.percentage")} inputMode="numeric" />
          <Comment field={progress.comment} label={t("goals.field.progressNote")} />
          <button type="submit" className="button small" disabled={busy}>
            {t("goals.recordProgress")}
          </button>
        </ConformForm>
      ) : null}
      <ConformForm form={closeForm} className="goal-form" aria-label={`${t("goals.update")}: ${goal.title}`}>
        <input type="hidden" name="goalId" value={goal.id} />
        <Comment field={close.comment} label={t("goals.field.comment")} />
        {agreed ? (
          <>
            <button type="submit" name="intent" value={GOAL_INTENT.done} className="button small" disabled={busy}>
              {t("goals.markDone")}
            </button>{" "}
          </>
        ) : null}
        <button type="submit" name="intent" value={GOAL_INTENT.drop} className="button small danger" disabled={busy}>
          {t("goals.drop")}
        </button>
      </ConformForm>
    </>
  );
}

export function GoalsSection({ goals, can, busy }: { goals: GoalItem[]; can: Can; busy: boolean }) {
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
                {can.agree && goal.status === "PROPOSED" ? <DecideForm goal={goal} busy={busy} /> : null}
                {goal.canRevise ? <ReviseForm goal={goal} busy={busy} /> : null}
                {can.lead && open ? <LeadForms goal={goal} busy={busy} /> : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">{t("goals.empty")}</p>
      )}
      {can.lead ? <ProposeForm busy={busy} /> : null}
    </section>
  );
}
