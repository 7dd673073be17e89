import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { logIn } from "~/commands/log-in.server";
import { LoginPage } from "~/components/login-page";
import { parseSubmission } from "~/schemas/form";
import { LoginSchema } from "~/schemas/user";
import { replyErrors, replyInvalid } from "~/utils/request.server";
import { createSession, getUser } from "~/utils/session.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { loginOptions, ssoSettings } from "~/utils/sso.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/search");
  return json(loginOptions(request));
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseSubmission(LoginSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  const { email, password, redirectTo } = submission.value;
  // Decided before anything is written: a hostile redirectTo only ever falls back to the search page.
  const target = safeRedirect(redirectTo, "/search");
  const result = await logIn(email, password);
  if (result.status === "rate_limited") return replyErrors(submission, { form: { key: "login.tooMany" } }, 429);
  if (result.status === "password_off") return replyErrors(submission, { form: { key: "sso.passwordOff", vars: { name: ssoSettings()?.name ?? "" } } }, 403);
  if (result.status === "invalid") return replyErrors(submission, { form: { key: "login.invalid" } });
  const cookie = await createSession(request, result.userId);
  return redirect(target, { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  return <LoginPage {...useLoaderData<typeof loader>()} />;
}
