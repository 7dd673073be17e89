import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { createCommunity } from "~/commands/manage-community.server";
import { FieldError, FieldLabel, FormAlert, TextField, describedBy } from "~/components/form";
import { listDepartments } from "~/models/department.server";
import { listActiveUserChoices } from "~/models/user.server";
import { authorize } from "~/policies/http.server";
import { canCreateCommunity, isAdmin } from "~/policies/policies";
import { COMMUNITY_LIMITS, CreateCommunitySchema } from "~/schemas/community";
import { formValues, parseForm } from "~/schemas/form";
import { useT } from "~/utils/i18n";
import { commandFailure, invalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canCreateCommunity(actor));
  const [departments, users] = await Promise.all([listDepartments(), listActiveUserChoices()]);
  // A department head creates communities only in the department they head.
  return json({ departments: isAdmin(actor) ? departments : departments.filter((d) => d.id === actor.headOfDepartmentId), users });
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canCreateCommunity(actor));
  const form = await request.formData();
  const parsed = parseForm(CreateCommunitySchema, form);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  try {
    const community = await createCommunity(actor, parsed.data);
    return redirect(`/communities/${community.slug}?done=created`);
  } catch (error) {
    return commandFailure(error, formValues(form));
  }
}

export default function NewCommunity() {
  const t = useT();
  const { departments, users } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.errors;
  const values = actionData?.values ?? {};
  const chosenLeads = new Set((values.leadIds ?? "").split(","));
  const preset = values.budgetPreset ?? "120/14";
  return (
    <div className="card form-page">
      <h1>{t("communities.new")}</h1>
      <p className="lead">{t("communities.newIntro")}</p>
      <Form method="post" noValidate>
        <FormAlert errors={errors} />
        <TextField name="name" label={t("communities.field.name")} errors={errors} defaultValue={values.name} maxLength={COMMUNITY_LIMITS.nameMax * 2} required autoFocus />
        <div className="field">
          <FieldLabel id="f-purpose" label={t("communities.field.purpose")} hint={t("communities.field.purposeHint")} />
          <textarea id="f-purpose" name="purpose" rows={3} defaultValue={values.purpose} aria-invalid={errors?.purpose ? true : undefined} aria-describedby={describedBy("f-purpose", "hint", Boolean(errors?.purpose))} />
          <FieldError id="f-purpose-error" errors={errors} name="purpose" />
        </div>
        <div className="field">
          <label htmlFor="f-departmentId">{t("communities.field.department")}</label>
          <select id="f-departmentId" name="departmentId" defaultValue={values.departmentId} aria-invalid={errors?.departmentId ? true : undefined} aria-describedby={errors?.departmentId ? "f-departmentId-error" : undefined}>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          <FieldError id="f-departmentId-error" errors={errors} name="departmentId" />
        </div>
        <fieldset className="field">
          <legend>{t("communities.field.visibility")}</legend>
          {(["OPEN", "CLOSED"] as const).map((v) => (
            <label key={v} className="choice">
              <input type="radio" name="visibility" value={v} defaultChecked={(values.visibility ?? "OPEN") === v} /> {t(v === "OPEN" ? "communities.field.open" : "communities.field.closed")}
            </label>
          ))}
          <FieldError id="f-visibility-error" errors={errors} name="visibility" />
        </fieldset>
        <fieldset className="field">
          <legend>{t("communities.field.budget")}</legend>
          {(
            [
              ["120/14", "communities.field.preset120"],
              ["240/7", "communities.field.preset240"],
              ["custom", "communities.field.custom"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="choice">
              <input type="radio" name="budgetPreset" value={value} defaultChecked={preset === value} /> {t(label)}
            </label>
          ))}
          <FieldError id="f-budgetPreset-error" errors={errors} name="budgetPreset" />
          <div className="field-row">
            <TextField name="budgetMinutes" type="number" label={t("communities.field.minutes")} errors={errors} defaultValue={values.budgetMinutes} />
            <TextField name="budgetPeriodDays" type="number" label={t("communities.field.periodDays")} errors={errors} defaultValue={values.budgetPeriodDays} />
          </div>
        </fieldset>
        <div className="field">
          <FieldLabel id="f-leadIds" label={t("communities.field.leads")} hint={t("communities.field.leadsHint")} />
          <select id="f-leadIds" name="leadIds" multiple size={8} defaultValue={[...chosenLeads]} aria-invalid={errors?.leadIds ? true : undefined} aria-describedby={describedBy("f-leadIds", "hint", Boolean(errors?.leadIds))}>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {`${u.name} (${u.email})`}
              </option>
            ))}
          </select>
          <FieldError id="f-leadIds-error" errors={errors} name="leadIds" />
        </div>
        <button type="submit" className="button primary" disabled={busy}>
          {t("communities.create")}
        </button>
      </Form>
    </div>
  );
}
