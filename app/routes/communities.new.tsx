import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { createCommunity } from "~/commands/manage-community.server";
import { CommunityFields } from "~/components/community";
import { FormAlert } from "~/components/form";
import { listDepartments } from "~/models/department.server";
import { listActiveUserChoices } from "~/models/user.server";
import { authorize } from "~/utils/http.server";
import { canCreateCommunity, isAdmin } from "~/policies/policies";
import { CreateCommunitySchema } from "~/schemas/community";
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
  return (
    <div className="card form-page">
      <h1>{t("communities.new")}</h1>
      <p className="lead">{t("communities.newIntro")}</p>
      <Form method="post" noValidate>
        <FormAlert errors={errors} />
        <CommunityFields values={values} errors={errors} users={users} departments={departments} />
        <button type="submit" className="button primary" disabled={busy}>
          {t("communities.create")}
        </button>
      </Form>
    </div>
  );
}
