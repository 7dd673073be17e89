/**
 * A department's onboarding template: the tasks and competences every new plan of the department
 * starts from. Its head keeps it (an admin picks the department).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { addTemplateItem, removeTemplateItem } from "~/commands/manage-mentoring.server";
import { DepartmentPicker } from "~/components/department-picker";
import { StrandedFormAlert } from "~/components/form";
import { AddTemplateItemForm, TemplateItems } from "~/components/mentoring";
import { listDepartments } from "~/models/department.server";
import { findDepartment, listTemplateItems } from "~/models/mentoring.server";
import { canManageOnboardingTemplate, isAdmin, type Actor } from "~/policies/policies";
import { parseSubmission } from "~/schemas/form";
import { TemplateIntentSchema } from "~/schemas/mentoring";
import { MENTORING_INTENT } from "~/schemas/mentoring.shared";
import { redirectWithFlash } from "~/utils/flash.server";
import { authorize, notFound } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

async function templateDepartment(actor: Actor, request: Request) {
  const departments = isAdmin(actor) ? await listDepartments() : [];
  const asked = new URL(request.url).searchParams.get("department");
  authorize(isAdmin(actor) || !asked || asked === actor.headOfDepartmentId);
  const departmentId = isAdmin(actor) ? (asked ?? departments[0]?.id ?? null) : actor.headOfDepartmentId;
  authorize(departmentId !== null && canManageOnboardingTemplate(actor, departmentId));
  const department = await findDepartment(departmentId!);
  if (!department) notFound();
  return { departments, department: department! };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const { departments, department } = await templateDepartment(actor, request);
  return json({ departments, department, items: await listTemplateItems(department.id) });
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const { department } = await templateDepartment(actor, request);
  const submission = parseSubmission(TemplateIntentSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  const input = submission.value;
  const back = `/mentoring/template${new URL(request.url).search}`;
  try {
    switch (input.intent) {
      case MENTORING_INTENT.addItem:
        await addTemplateItem(actor, department.id, { kind: input.kind, title: input.title, description: input.description });
        return redirectWithFlash(request, back, { key: "mentoring.done.itemAdded" });
      case MENTORING_INTENT.removeItem:
        await removeTemplateItem(actor, department.id, input.itemId);
        return redirectWithFlash(request, back, { key: "mentoring.done.itemRemoved" });
      default:
        return replyInvalid(submission);
    }
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function OnboardingTemplate() {
  const t = useT();
  const { departments, department, items } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t("mentoring.template.title", { name: department.name })}</h1>
        {departments.length ? <DepartmentPicker id="template-department" departments={departments} selected={department.id} /> : null}
      </div>
      <p className="lead">{t("mentoring.template.intro")}</p>
      <p className="small">
        <Link to="/mentoring">{t("mentoring.back")}</Link>
      </p>
      <StrandedFormAlert shown={["template-add", ...items.map((i) => `template-remove-${i.id}`)]} />
      <div className="two-columns">
        <section className="card" aria-labelledby="template-items">
          <h2 id="template-items">{t("mentoring.template.items", { count: items.length })}</h2>
          <TemplateItems items={items} busy={busy} />
        </section>
        <section className="card" aria-labelledby="template-add-heading">
          <h2 id="template-add-heading">{t("mentoring.template.addTitle")}</h2>
          <AddTemplateItemForm busy={busy} />
        </section>
      </div>
    </div>
  );
}
