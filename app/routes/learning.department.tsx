/**
 * A department's learning, for its head (and admins, who pick the department): formal entries waiting
 * for a decision, the year's totals per person and per community, and the social-balance export.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { decideLearning } from "~/commands/manage-learning.server";
import { DepartmentSelect } from "~/components/department-picker";
import { StrandedFormAlert } from "~/components/form";
import { CommunityTable, PeopleTable, PendingDecisions, YearPicker, formatEuro, formatHours, pendingFormIds } from "~/components/learning";
import { learningFigures, learningYears, listPendingLearning } from "~/models/learning.server";
import { communitySlugs, requireLearningDepartment } from "~/models/learning-access.server";
import { parseSubmission } from "~/schemas/form";
import { DecideLearningIntentSchema } from "~/schemas/learning";
import { LEARNING_INTENT, learningYear } from "~/schemas/learning.shared";
import { redirectWithFlash } from "~/utils/flash.server";
import { useLocale, useT } from "~/utils/i18n";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const url = new URL(request.url);
  const { departments, department } = await requireLearningDepartment(actor, url.searchParams.get("department"));
  const departmentId = department.id;
  const year = learningYear(url.searchParams.get("year"));
  const [figures, pending, slugs] = await Promise.all([learningFigures({ year, departmentId }), listPendingLearning(departmentId), communitySlugs(departmentId)]);
  // A head's own entry is decided by an admin, so the head does not see it among the decisions.
  const decisions = pending.filter((e) => e.user.id !== actor.id);
  return json({
    year,
    years: learningYears(),
    departments,
    department,
    figures: { people: figures.people, communities: figures.communities, balance: figures.departments.find((d) => d.departmentId === departmentId) ?? null },
    pending: decisions,
    slugs,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  // Only who sees a department's learning decides on it (the command checks the entry's own department).
  await requireLearningDepartment(actor, null);
  const submission = parseSubmission(DecideLearningIntentSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  const input = submission.value;
  const back = `/learning/department${new URL(request.url).search}`;
  try {
    switch (input.intent) {
      case LEARNING_INTENT.approve:
        await decideLearning(actor, input.entryId, { approve: true });
        return redirectWithFlash(request, back, { key: "learning.done.approved" });
      case LEARNING_INTENT.reject:
        await decideLearning(actor, input.entryId, { approve: false, reason: input.reason });
        return redirectWithFlash(request, back, { key: "learning.done.rejected" });
      default:
        return replyInvalid(submission);
    }
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function DepartmentLearning() {
  const t = useT();
  const locale = useLocale();
  const { year, years, departments, department, figures, pending, slugs } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const b = figures.balance;
  const query = `year=${year}${departments.length ? `&department=${department.id}` : ""}`;
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t("learning.department.title", { name: department.name })}</h1>
        <YearPicker
          year={year}
          years={years}
          extra={
            departments.length ? <DepartmentSelect id="learning-department" departments={departments} selected={department.id} /> : null
          }
        />
      </div>
      <p className="lead">{t("learning.department.intro")}</p>
      <StrandedFormAlert shown={pendingFormIds(pending)} />
      <section className="stack" aria-labelledby="learning-pending">
        <h2 id="learning-pending">
          {t("learning.pending.title")} <span className="count-badge">{pending.length}</span>
        </h2>
        <PendingDecisions entries={pending} busy={busy} />
      </section>
      {b ? (
        <section className="card" aria-labelledby="learning-balance">
          <h2 id="learning-balance">{t("learning.department.totals", { year })}</h2>
          <dl className="budget-summary">
            <div>
              <dt>{t("learning.balance.formalParticipants")}</dt>
              <dd>{b.formal.participants}</dd>
            </div>
            <div>
              <dt>{t("learning.balance.formalHours")}</dt>
              <dd>{formatHours(t, locale, b.formal.minutes)}</dd>
            </div>
            <div>
              <dt>{t("learning.balance.formalCost")}</dt>
              <dd>{formatEuro(locale, b.formal.costCents)}</dd>
            </div>
            <div>
              <dt>{t("learning.balance.informalParticipants")}</dt>
              <dd>{b.informal.participants}</dd>
            </div>
            <div>
              <dt>{t("learning.balance.informalHours")}</dt>
              <dd>{formatHours(t, locale, b.informal.minutes)}</dd>
            </div>
          </dl>
          <p className="small">
            {t("learning.export.lead")} <a href={`/learning/department/csv?${query}`}>{t("learning.export.csv")}</a> ·{" "}
            <a href={`/learning/department/pdf?${query}`}>{t("learning.export.pdf")}</a>
          </p>
          <p className="muted small">{t("learning.export.hint")}</p>
        </section>
      ) : null}
      <section className="card" aria-labelledby="learning-people">
        <h2 id="learning-people">{t("learning.people.title")}</h2>
        <PeopleTable people={figures.people} />
      </section>
      <section className="card" aria-labelledby="learning-communities">
        <h2 id="learning-communities">{t("learning.communities.title")}</h2>
        <p className="muted small">{t("learning.communities.hint")}</p>
        <CommunityTable communities={figures.communities} slugs={slugs} />
      </section>
    </div>
  );
}
