import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { createUser } from "~/commands/manage-user.server";
import { ConformForm, SelectField, TextField, useGildeForm, type ConformField } from "~/components/form";
import { listDepartments } from "~/models/department.server";
import { listUsers } from "~/models/user.server";
import { authorize } from "~/utils/http.server";
import { canManageUsers } from "~/policies/policies";
import { ROLES } from "~/schemas/enums";
import { parseSubmission } from "~/schemas/form";
import { CreateUserSchema } from "~/schemas/user";
import { useT, type Translate } from "~/utils/i18n";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

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
  const submission = parseSubmission(CreateUserSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await createUser(actor, submission.value);
  } catch (error) {
    return replyCommandError(submission, error);
  }
  return redirectWithFlash(request, "/admin/users", { key: "users.created" });
}

export default function Users() {
  const t = useT();
  const { users, departments } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useGildeForm("user-create");
  return (
    <div className="stack">
      <h1>{t("users.title")}</h1>
      <p>
        <Link to="/admin/users/import">{t("userImport.link")}</Link>
        {" · "}
        <Link to="/admin/webhooks">{t("webhooks.link")}</Link>
      </p>
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
        <ConformForm form={form}>
          <TextField field={fields.name} label={t("users.name")} required />
          <TextField field={fields.email} type="email" label={t("users.email")} required />
          <TextField field={fields.password} type="password" label={t("users.password")} hint={t("users.passwordHint")} autoComplete="new-password" required />
          <UserSelects t={t} departments={departments} fields={fields} />
          <button type="submit" className="button primary" disabled={busy}>
            {t("users.create")}
          </button>
        </ConformForm>
      </section>
    </div>
  );
}

export function UserSelects({
  t,
  departments,
  fields,
  values = {},
}: {
  t: Translate;
  departments: { id: string; name: string }[];
  fields: Record<string, ConformField>;
  values?: { role?: string; departmentId?: string | null; locale?: string };
}) {
  return (
    <div className="field-row">
      <SelectField field={fields.role} label={t("users.role")} defaultValue={values.role ?? "EMPLOYEE"} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      <SelectField
        field={fields.departmentId}
        label={t("users.department")}
        defaultValue={values.departmentId ?? ""}
        options={[{ value: "", label: t("users.noDepartment") }, ...departments.map((d) => ({ value: d.id, label: d.name }))]}
      />
      <SelectField field={fields.locale} label={t("users.locale")} defaultValue={values.locale ?? "nl"} options={[{ value: "nl", label: t("locale.nl") }, { value: "en", label: t("locale.en") }]} />
    </div>
  );
}
