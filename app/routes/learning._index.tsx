/**
 * My learning: the year's totals (formal, approved; informal, flowing in from community time,
 * activities and mentoring), the formal entries I registered, and the form to add one.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { addLearning, withdrawLearning } from "~/commands/manage-learning.server";
import { StrandedFormAlert } from "~/components/form";
import { AddLearningForm, LearningTotals, OwnLearningList, YearPicker } from "~/components/learning";
import { MentoringPlanList } from "~/components/mentoring";
import { learningYears, listOwnLearning, personLearning } from "~/models/learning.server";
import { listPlansOf } from "~/models/mentoring.server";
import { canSeeLearningCosts, canViewDepartmentLearning, isAdmin } from "~/policies/policies";
import { parseSubmission } from "~/schemas/form";
import { OwnLearningIntentSchema, toAddLearningInput } from "~/schemas/learning";
import { LEARNING_INTENT, learningYear } from "~/schemas/learning.shared";
import { today } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { useT } from "~/utils/i18n";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, actor } = await requireActor(request);
  const year = learningYear(new URL(request.url).searchParams.get("year"));
  const [totals, entries, plans] = await Promise.all([personLearning(actor.id, year), listOwnLearning(actor.id, year), listPlansOf(actor.id)]);
  return json({
    year,
    years: learningYears(),
    totals,
    entries,
    plans,
    today: today(),
    me: actor.id,
    can: {
      costs: canSeeLearningCosts(actor, { id: actor.id, departmentId: user.departmentId }),
      // Heads open their department's page; admins pick a department there.
      department: isAdmin(actor) || (actor.headOfDepartmentId !== null && canViewDepartmentLearning(actor, actor.headOfDepartmentId)),
    },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const submission = parseSubmission(OwnLearningIntentSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  const input = submission.value;
  try {
    switch (input.intent) {
      case LEARNING_INTENT.add:
        await addLearning(actor, toAddLearningInput(input));
        return redirectWithFlash(request, `/learning?year=${input.date.getUTCFullYear()}`, { key: "learning.done.added" });
      case LEARNING_INTENT.withdraw:
        await withdrawLearning(actor, input.entryId);
        return redirectWithFlash(request, "/learning", { key: "learning.done.withdrawn" });
      default:
        return replyInvalid(submission);
    }
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function MyLearning() {
  const t = useT();
  const { year, years, totals, entries, plans, today, me, can } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t("learning.title")}</h1>
        <YearPicker year={year} years={years} />
      </div>
      <p className="lead">{t("learning.intro")}</p>
      <StrandedFormAlert shown={["learning-add", ...entries.filter((e) => e.state === "PENDING").map((e) => `learning-withdraw-${e.id}`)]} />
      {can.department ? (
        <p>
          <Link to="/learning/department">{t("learning.toDepartment")}</Link>
        </p>
      ) : null}
      <section className="card" aria-labelledby="learning-totals">
        <h2 id="learning-totals">{t("learning.totals.title", { year })}</h2>
        {totals ? <LearningTotals totals={totals} showCost={can.costs} /> : null}
        <p className="muted small">{t("learning.totals.hint")}</p>
      </section>
      <div className="two-columns">
        <section className="card" aria-labelledby="learning-add-heading">
          <h2 id="learning-add-heading">{t("learning.add.title")}</h2>
          <p className="muted small">{t("learning.add.hint")}</p>
          <AddLearningForm busy={busy} today={today} />
        </section>
        <section className="card" aria-labelledby="learning-mine">
          <h2 id="learning-mine">{t("learning.mine.title", { year })}</h2>
          <OwnLearningList entries={entries} busy={busy} />
        </section>
      </div>
      <section className="card" aria-labelledby="learning-plans">
        <h2 id="learning-plans">{t("mentoring.mine.title")}</h2>
        <MentoringPlanList plans={plans} me={me} />
        <p className="small">
          <Link to="/mentoring">{t("mentoring.toOverview")}</Link>
        </p>
      </section>
    </div>
  );
}
