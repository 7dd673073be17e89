import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { setUserDisabled, updateUser } from "~/commands/manage-user.server";
import { FieldError, FormAlert, TextField } from "~/components/form";
import { listDepartments } from "~/models/department.server";
import { getUserForAdmin } from "~/models/user.server";
import { authorize, notFound } from "~/utils/http.server";
import { canManageUsers } from "~/policies/policies";
import { formValues, parseForm } from "~/schemas/form";
import { UpdateUserSchema } from "~/schemas/user";
import { useT } from "~/utils/i18n";
import { commandFailure, invalid, requireActor } from "~/utils/request.server";
import { UserSelects } from "./admin.users._index";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canManageUsers(actor));
  const [user, departments] = await Promise.all([getUserForAdmin(params.userId ?? ""), listDepartments()]);
  if (!user) notFound();
  return json({ user, departments, isSelf: user.id === actor.id });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canManageUsers(actor));
  const form = await request.formData();
  const userId = params.userId ?? "";
  const intent = form.get("intent");
  try {
    if (intent === "disable" || intent === "enable") {
      await setUserDisabled(actor, userId, intent === "disable");
      return redirect(`/admin/users/${userId}?saved=1`);
    }
    const parsed = parseForm(UpdateUserSchema, form);
    if (!parsed.ok) return invalid(parsed.errors, parsed.values);
    const { intent: _intent, ...data } = parsed.data;
    await updateUser(actor, userId, data);
  } catch (error) {
    return commandFailure(error, formValues(form));
  }
  return redirect("/admin/users?saved=1");
}

export default function EditUser() {
  const t = useT();
  const { user, departments, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.errors;
  const { headOf, ...editable } = user;
  const values = { ...editable, headOfDepartment: headOf ? "on" : "", ...(actionData?.values ?? {}) };
  return (
    <div className="stack">
      <p>
        <Link to="/admin/users">← {t("users.title")}</Link>
      </p>
      <section className="card form-page">
        <h1>
          {user.name} <span className="muted small">{user.email}</span>
        </h1>
        <Form method="post" noValidate>
          <FormAlert errors={errors} />
          <input type="hidden" name="intent" value="update" />
          <TextField name="name" label={t("users.name")} errors={errors} defaultValue={values.name} required />
          <UserSelects t={t} departments={departments} errors={errors} values={values} />
          <div className="field">
            <label className="radio">
              <input type="checkbox" name="headOfDepartment" defaultChecked={values.headOfDepartment === "on"} aria-describedby={errors?.headOfDepartment ? "f-headOfDepartment-error" : undefined} />{" "}
              {t("users.headOfDepartment")}
            </label>
            <FieldError id="f-headOfDepartment-error" errors={errors} name="headOfDepartment" />
          </div>
          <button type="submit" className="button primary" disabled={busy}>
            {t("users.save")}
          </button>
        </Form>
      </section>
      <section className="card form-page">
        <h2>{t("users.status")}: {user.disabledAt ? t("users.disabled") : t("users.active")}</h2>
        {isSelf ? (
          <p className="muted">{t("users.cannotDisableSelf")}</p>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value={user.disabledAt ? "enable" : "disable"} />
            <button type="submit" className={user.disabledAt ? "button" : "button danger"} disabled={busy}>
              {user.disabledAt ? t("users.enable") : t("users.disable")}
            </button>
          </Form>
        )}
      </section>
    </div>
  );
}
