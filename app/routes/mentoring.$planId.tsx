/**
 * A mentoring plan: the newcomer, the mentor and the period; each task or competence with the step it
 * waits for (the mentor shows it, the newcomer or mentor marks it practised, the mentor signs it off);
 * the time spent mentoring. The newcomer, the mentor, the department's head and admins see it.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { logMentoringTime, stepPlanItem } from "~/commands/manage-mentoring.server";
import { StrandedFormAlert } from "~/components/form";
import { LateBadge, MentoringSessions, MentoringTimeForm, PlanItems, PlanProgress, planItemFormIds } from "~/components/mentoring";
import { nextStep } from "~/models/mentoring";
import { getPlan } from "~/models/mentoring.server";
import { canLogMentoringTime, canStepPlanItem, canViewMentoringPlan } from "~/policies/policies";
import { parseSubmission } from "~/schemas/form";
import { PlanIntentSchema } from "~/schemas/mentoring";
import { MENTORING_INTENT } from "~/schemas/mentoring.shared";
import { today } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { formatDate, formatDuration, useLocale, useT } from "~/utils/i18n";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const plan = await getPlan(params.planId ?? "");
  if (!plan || !canViewMentoringPlan(actor, plan)) notFound();
  const { items, ...rest } = plan!;
  return json({
    plan: {
      ...rest,
      items: items.map((item) => {
        const step = nextStep(item.state);
        return { ...item, step: step && canStepPlanItem(actor, plan!, step) ? step : null };
      }),
    },
    today: today(),
    can: { logTime: canLogMentoringTime(actor, plan!) },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const planId = params.planId ?? "";
  const submission = parseSubmission(PlanIntentSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  const input = submission.value;
  const back = `/mentoring/${planId}`;
  try {
    switch (input.intent) {
      case MENTORING_INTENT.show:
        await stepPlanItem(actor, planId, input.itemId, "show");
        return redirectWithFlash(request, back, { key: "mentoring.done.shown" });
      case MENTORING_INTENT.practise:
        await stepPlanItem(actor, planId, input.itemId, "practise");
        return redirectWithFlash(request, back, { key: "mentoring.done.practised" });
      case MENTORING_INTENT.signOff:
        await stepPlanItem(actor, planId, input.itemId, "signOff");
        return redirectWithFlash(request, back, { key: "mentoring.done.signedOff" });
      case MENTORING_INTENT.logTime:
        await logMentoringTime(actor, planId, { date: input.date, minutes: input.hours, what: input.what });
        return redirectWithFlash(request, back, { key: "mentoring.done.timeLogged" });
      default:
        return replyInvalid(submission);
    }
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function MentoringPlanPage() {
  const t = useT();
  const locale = useLocale();
  const { plan, today, can } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="stack">
      <p className="small">
        <Link to="/mentoring">{t("mentoring.back")}</Link>
      </p>
      <div className="page-head">
        <h1>{t("mentoring.planOf", { newcomer: plan.newcomer.name, mentor: plan.mentor.name })}</h1>
        {plan.late ? <LateBadge /> : null}
      </div>
      <dl className="budget-summary">
        <div>
          <dt>{t("mentoring.field.newcomer")}</dt>
          <dd>{plan.newcomer.name}</dd>
        </div>
        <div>
          <dt>{t("mentoring.field.mentor")}</dt>
          <dd>{plan.mentor.name}</dd>
        </div>
        <div>
          <dt>{t("mentoring.periodLabel")}</dt>
          <dd>{t("mentoring.period", { start: formatDate(locale, plan.startsOn), end: formatDate(locale, plan.endsOn) })}</dd>
        </div>
        <div>
          <dt>{t("mentoring.time.total")}</dt>
          <dd>{formatDuration(t, plan.minutes)}</dd>
        </div>
      </dl>
      {plan.late ? <p className="alert alert-error">{t("mentoring.lateNotice")}</p> : null}
      <StrandedFormAlert shown={[...planItemFormIds(plan.items), "mentoring-log"]} />
      <section className="card" aria-labelledby="plan-items">
        <h2 id="plan-items">{t("mentoring.items.title")}</h2>
        <PlanProgress progress={plan.progress} id="plan-progress" />
        <p className="muted small">{t("mentoring.items.hint")}</p>
        <PlanItems items={plan.items} busy={busy} />
      </section>
      <div className="two-columns">
        <section className="card" aria-labelledby="mentoring-time">
          <h2 id="mentoring-time">{t("mentoring.time.title")}</h2>
          <p className="muted small">{t("mentoring.time.hint")}</p>
          <MentoringSessions sessions={plan.sessions} />
        </section>
        {can.logTime ? (
          <section className="card" aria-labelledby="mentoring-time-title">
            <h2 id="mentoring-time-title">{t("mentoring.time.log")}</h2>
            <MentoringTimeForm busy={busy} today={today} />
          </section>
        ) : null}
      </div>
    </div>
  );
}
