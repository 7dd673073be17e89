import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { createUser } from "~/commands/manage-user.server";
import { FieldError, FormAlert, TextField } from "~/components/form";
import { listDepartments } from "~/models/department.server";
import { listUsers } from "~/models/user.server";
import { authorize } from "~/utils/http.server";
import { canManageUsers } from "~/policies/policies";
import { ROLES } from "~/schemas/enums";
import { formValues, parseForm } from "~/schemas/form";
import { CreateUserSchema } from "~/schemas/user";
import { useT } from "~/utils/i18n";
import { commandFailure, invalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canManageUsers(actor));
  const [users, departments] = await Promise.all([listUsers(), listDepartments()]);
  return json({ users, departments });
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canManageUsers(actor));
  const form = await request.formData();
  const parsed = parseForm(CreateUserSchema, form);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  try {
    await createUser(actor, parsed.data);
  } catch (error) {
    return commandFailure(error, formValues(form));
  }
  return redirect("/admin/users?created=1");
}

export default function Users() {
  const t = useT();
  const { users, departments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const errors = actionData?.errors;
  const values = actionData?.values ?? {};
  return (
    <div className="stack">
      <h1>{t("users.title")}</h1>
      {params.get("created") ? (
        <div className="alert alert-success" role="status">
          {t("users.created")}
        </div>
      ) : null}
      <div className="card table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("users.name")}</th>
              <th scope="col">{t("users.email")}</th>
              <th scope="col">{t("users.role")}</th>
              <th scope="col">{t("users.department")}</th>
              <th scope="col">{t("users.status")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("users.edit")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className={u.disabledAt ? "disabled-row" : undefined}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{t(`role.${u.role as "EMPLOYEE"}`)}</td>
                <td>{u.department?.name ?? t("common.none")}</td>
                <td>{u.disabledAt ? t("users.disabled") : t("users.active")}</td>
                <td>
                  <Link to={`/admin/users/${u.id}`} aria-label={`${t("users.edit")}: ${u.name}`}>
                    {t("users.edit")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="card form-page" aria-labelledby="new-user">
        <h2 id="new-user">{t("users.new")}</h2>
        <Form method="post" noValidate>
          <FormAlert errors={errors} />
          <TextField name="name" label={t("users.name")} errors={errors} defaultValue={values.name} required />
          <TextField name="email" type="email" label={t("users.email")} errors={errors} defaultValue={values.email} required />
          <TextField name="password" type="password" label={t("users.password")} hint={t("users.passwordHint")} errors={errors} autoComplete="new-password" required />
          <UserSelects t={t} departments={departments} errors={errors} values={values} />
          <button type="submit" className="button primary" disabled={busy}>
            {t("users.create")}
          </button>
        </Form>
      </section>
    </div>
  );
}

export function UserSelects({
  t,
  departments,
  errors,
  values,
}: {
  t: ReturnType<typeof useT>;
  departments: { id: string; name: string }[];
  errors?: Partial<Record<string, { key: Parameters<ReturnType<typeof useT>>[0] }>>;
  values: Record<string, string | null | undefined>;
}) {
  return (
    <div className="field-row">
      <div className="field">
        <label htmlFor="f-role">{t("users.role")}</label>
        <select id="f-role" name="role" defaultValue={values.role ?? "EMPLOYEE"} aria-describedby={errors?.role ? "f-role-error" : undefined}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <FieldError id="f-role-error" errors={errors} name="role" />
      </div>
      <div className="field">
        <label htmlFor="f-departmentId">{t("users.department")}</label>
        <select id="f-departmentId" name="departmentId" defaultValue={values.departmentId ?? ""} aria-describedby={errors?.departmentId ? "f-departmentId-error" : undefined}>
          <option value="">{t("users.noDepartment")}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        <FieldError id="f-departmentId-error" errors={errors} name="departmentId" />
      </div>
      <div className="field">
        <label htmlFor="f-locale">{t("users.locale")}</label>
        <select id="f-locale" name="locale" defaultValue={values.locale ?? "nl"}>
          <option value="nl">{t("locale.nl")}</option>
          <option value="en">{t("locale.en")}</option>
        </select>
      </div>
    </div>
  );
}
