import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { setUserDisabled, updateUser } from "~/commands/manage-user.server";
import { CheckboxField, ConformForm, TextField, useGildeForm } from "~/components/form";
import { listDepartments } from "~/models/department.server";
import { getUserForAdmin } from "~/models/user.server";
import { authorize, notFound } from "~/utils/http.server";
import { canManageUsers } from "~/policies/policies";
import { parseSubmission } from "~/schemas/form";
import { UserIntentSchema } from "~/schemas/user";
import { USER_INTENT } from "~/schemas/user.shared";
import { useT } from "~/utils/i18n";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";
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
  const userId = params.userId ?? "";
  const submission = parseSubmission(UserIntentSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  const input = submission.value;
  try {
    switch (input.intent) {
      case USER_INTENT.update: {
        const { intent: _intent, ...data } = input;
        await updateUser(actor, userId, data);
        return redirectWithFlash(request, "/admin/users", { key: "users.saved" });
      }
      case USER_INTENT.disable:
      case USER_INTENT.enable:
        await setUserDisabled(actor, userId, input.intent === USER_INTENT.disable);
        return redirectWithFlash(request, `/admin/users/${userId}`, { key: input.intent === USER_INTENT.disable ? "users.disabledDone" : "users.enabledDone" });
      default:
        return replyInvalid(submission);
    }
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function EditUser() {
  const t = useT();
  const { user, departments, isSelf } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useGildeForm("user-update", { name: user.name, role: user.role, departmentId: user.departmentId, locale: user.locale });
  const [statusForm] = useGildeForm("user-status");
  return (
    <div className="stack">
      <p>
        <Link to="/admin/users">← {t("users.title")}</Link>
      </p>
      <section className="card form-page">
        <h1>
          {user.name} <span className="muted small">{user.email}</span>
        </h1>
        <ConformForm form={form}>
          <input type="hidden" name="intent" value={USER_INTENT.update} />
          <TextField field={fields.name} label={t("users.name")} required />
          <UserSelects t={t} departments={departments} fields={fields} />
          <CheckboxField field={fields.headOfDepartment} label={t("users.headOfDepartment")} defaultChecked={Boolean(user.headOf)} />
          <button type="submit" className="button primary" disabled={busy}>
            {t("users.save")}
          </button>
        </ConformForm>
      </section>
      <section className="card form-page">
        <h2>
          {t("users.status")}: {user.disabledAt ? t("users.disabled") : t("users.active")}
        </h2>
        {isSelf ? (
          <p className="muted">{t("users.cannotDisableSelf")}</p>
        ) : (
          <ConformForm form={statusForm}>
            <input type="hidden" name="intent" value={user.disabledAt ? USER_INTENT.enable : USER_INTENT.disable} />
            <button type="submit" className={user.disabledAt ? "button" : "button danger"} disabled={busy}>
              {user.disabledAt ? t("users.enable") : t("users.disable")}
            </button>
          </ConformForm>
        )}
      </section>
    </div>
  );
}
