import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useNavigation, useSearchParams } from "@remix-run/react";
import { logIn } from "~/commands/log-in.server";
import { ConformForm, TextField, useGildeForm } from "~/components/form";
import { parseSubmission } from "~/schemas/form";
import { LoginSchema } from "~/schemas/user";
import { useT } from "~/utils/i18n";
import { replyErrors, replyInvalid } from "~/utils/request.server";
import { createSession, getUser } from "~/utils/session.server";
import { safeRedirect } from "~/utils/safe-redirect";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/search");
  return json({});
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseSubmission(LoginSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  const { email, password, redirectTo } = submission.value;
  // Decided before anything is written: a hostile redirectTo only ever falls back to the search page.
  const target = safeRedirect(redirectTo, "/search");
  const result = await logIn(email, password);
  if (result.status === "rate_limited") return replyErrors(submission, { form: { key: "login.tooMany" } }, 429);
  if (result.status === "invalid") return replyErrors(submission, { form: { key: "login.invalid" } });
  const cookie = await createSession(request, result.userId);
  return redirect(target, { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const t = useT();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useGildeForm("login");
  const redirectTo = fields.redirectTo.initialValue;
  return (
    <div className="card narrow login">
      <h1>{t("login.title")}</h1>
      <p className="lead">{t("app.tagline")}</p>
      <ConformForm form={form}>
        <input type="hidden" name={fields.redirectTo.name} value={params.get("redirectTo") ?? (typeof redirectTo === "string" ? redirectTo : "")} />
        <TextField field={fields.email} type="email" label={t("login.email")} autoComplete="username" required />
        <TextField field={fields.password} type="password" label={t("login.password")} autoComplete="current-password" required />
        <button type="submit" className="button primary" disabled={busy}>
          {t("login.submit")}
        </button>
      </ConformForm>
      <p className="hint demo-hint">{t("login.demoHint")}</p>
    </div>
  );
}
