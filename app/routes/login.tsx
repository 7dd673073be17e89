import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { logIn } from "~/commands/log-in.server";
import { FormAlert, TextField } from "~/components/form";
import { formValues, parseForm } from "~/schemas/form";
import { LoginSchema } from "~/schemas/user";
import { useT } from "~/utils/i18n";
import { invalid } from "~/utils/request.server";
import { createSession, getUser, safeRedirect } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/search");
  return json({});
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = parseForm(LoginSchema, form);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const result = await logIn(parsed.data.email, parsed.data.password);
  if (result.status === "rate_limited") return invalid({ _form: { key: "login.tooMany" } }, formValues(form), 429);
  if (result.status === "invalid") return invalid({ _form: { key: "login.invalid" } }, formValues(form));
  const cookie = await createSession(request, result.userId);
  return redirect(safeRedirect(parsed.data.redirectTo, "/search"), { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const values = actionData?.values ?? {};
  return (
    <div className="card narrow login">
      <h1>{t("login.title")}</h1>
      <p className="lead">{t("app.tagline")}</p>
      <Form method="post" noValidate>
        <FormAlert errors={actionData?.errors} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? values.redirectTo ?? ""} />
        <TextField name="email" type="email" label={t("login.email")} errors={actionData?.errors} defaultValue={values.email} autoComplete="username" required />
        <TextField name="password" type="password" label={t("login.password")} errors={actionData?.errors} autoComplete="current-password" required />
        <button type="submit" className="button primary" disabled={busy}>
          {t("login.submit")}
        </button>
      </Form>
      <p className="hint demo-hint">{t("login.demoHint")}</p>
    </div>
  );
}
