/**
 * Mentoring: the plans I am in (as newcomer or mentor), every plan of the department for its head (the
 * late ones first), and the pairing form for who may pair newcomers with mentors.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { pairMentoring } from "~/commands/manage-mentoring.server";
import { DepartmentPicker } from "~/components/department-picker";
import { MentoringPlanList, PairForm } from "~/components/mentoring";
import { leadDepartmentIds, listDepartmentPlans, listPeopleIn, listPlansOf, findDepartment } from "~/models/mentoring.server";
import { listDepartments } from "~/models/department.server";
import { canPairAnyone, canViewDepartmentPlans, isAdmin } from "~/policies/policies";
import { parseSubmission } from "~/schemas/form";
import { PairSchema } from "~/schemas/mentoring";
import { today } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { authorize } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const leads = await leadDepartmentIds(actor.id);
  const departments = isAdmin(actor) ? await listDepartments() : [];
  const asked = new URL(request.url).searchParams.get("department");
  // The department whose plans are shown: the one the actor heads; an admin picks one (the first by default).
  const departmentId = isAdmin(actor) ? (asked && departments.some((d) => d.id === asked) ? asked : (departments[0]?.id ?? null)) : actor.headOfDepartmentId;
  const seesDepartment = departmentId !== null && canViewDepartmentPlans(actor, departmentId);
  const pairs = canPairAnyone(actor, leads);
  const pairIn = isAdmin(actor) ? null : [...new Set([...(actor.headOfDepartmentId ? [actor.headOfDepartmentId] : []), ...leads])];
  const [mine, departmentPlans, department, people] = await Promise.all([
    listPlansOf(actor.id),
    seesDepartment ? listDepartmentPlans(departmentId!) : Promise.resolve([]),
    seesDepartment ? findDepartment(departmentId!) : Promise.resolve(null),
    pairs ? listPeopleIn(pairIn) : Promise.resolve([]),
  ]);
  return json({ me: actor.id, mine, departments, department, departmentPlans, people, today: today(), can: { pair: pairs, template: seesDepartment } });
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canPairAnyone(actor, await leadDepartmentIds(actor.id)));
  const submission = parseSubmission(PairSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    const plan = await pairMentoring(actor, submission.value);
    return redirectWithFlash(request, `/mentoring/${plan.id}`, { key: "mentoring.done.paired" });
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function Mentoring() {
  const t = useT();
  const { me, mine, departments, department, departmentPlans, people, today, can } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const late = departmentPlans.filter((p) => p.late).length;
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t("mentoring.title")}</h1>
        {can.template ? (
          <Link to={`/mentoring/template${department && departments.length ? `?department=${department.id}` : ""}`} className="button secondary">
            {t("mentoring.template.link")}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t("mentoring.intro")}</p>
      <section className="card" aria-labelledby="mentoring-mine">
        <h2 id="mentoring-mine">{t("mentoring.mine.title")}</h2>
        <MentoringPlanList plans={mine} me={me} />
      </section>
      {department ? (
        <section className="card" aria-labelledby="mentoring-department">
          <div className="page-head">
            <h2 id="mentoring-department">
              {t("mentoring.department.title", { name: department.name })} {late ? <span className="count-badge">{t("mentoring.department.late", { count: late })}</span> : null}
            </h2>
            {departments.length ? <DepartmentPicker id="mentoring-department-choice" departments={departments} selected={department.id} /> : null}
          </div>
          <MentoringPlanList plans={departmentPlans} list="department" />
        </section>
      ) : null}
      {can.pair ? (
        <section className="card" aria-labelledby="mentoring-pair-title">
          <h2 id="mentoring-pair-title">{t("mentoring.pair.title")}</h2>
          <PairForm people={people} busy={busy} today={today} />
        </section>
      ) : null}
    </div>
  );
}
