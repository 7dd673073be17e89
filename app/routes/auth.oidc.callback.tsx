import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { signInWithSso, type SsoSignInResult } from "~/commands/sign-in-with-sso.server";
import { LoginPage } from "~/components/login-page";
import { getEnv } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";
import { createSession } from "~/utils/session.server";
import { clearFlowCookie, finishSsoSignIn, loginOptions, ssoSettings, SsoError, type SsoAnswer, type SsoErrorKey } from "~/utils/sso.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

const REFUSALS: Record<Extract<SsoSignInResult, { status: "refused" }>["reason"], { key: SsoErrorKey; status: 400 | 403 }> = {
  disabled: { key: "sso.error.disabled", status: 403 },
  emailUnverified: { key: "sso.error.emailUnverified", status: 400 },
  linkedElsewhere: { key: "sso.error.linkedElsewhere", status: 400 },
};

/**
 * The provider sends the browser back here with a code (or an error). A sign-in that is refused shows
 * the login page with the reason and a 4xx (503 when the provider does not answer), never a 500.
 * Every answer clears the flow cookie: a code and its state are used once.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const settings = ssoSettings();
  if (!settings) notFound();
  const clear = clearFlowCookie(request);
  const refuse = (key: SsoErrorKey, status: number) =>
    json({ ...loginOptions(request), ssoError: { key, vars: { name: settings.name } } }, { status, headers: { "Set-Cookie": clear } });

  let answer: SsoAnswer;
  try {
    answer = await finishSsoSignIn(request, settings);
  } catch (error) {
    if (!(error instanceof SsoError)) throw error;
    // The reason for the operator: a wrong client secret and a tampered state look alike to the person.
    console.warn(`[sso] sign-in refused (${error.key})${describeCause(error.cause)}`);
    return refuse(error.key, error.status);
  }
  const result = await signInWithSso(answer, { mapping: settings.mapping, breakGlassEmail: getEnv().BREAK_GLASS_EMAIL });
  if (result.status === "refused") return refuse(REFUSALS[result.reason].key, REFUSALS[result.reason].status);
  const headers = new Headers();
  headers.append("Set-Cookie", clear);
  headers.append("Set-Cookie", await createSession(request, result.userId, { idToken: answer.idToken }));
  return redirect(answer.redirectTo, { headers });
}

/** The chain of causes, with the OAuth error code and description a provider sent. */
function describeCause(cause: unknown): string {
  const parts: string[] = [];
  for (let c = cause, depth = 0; c instanceof Error && depth < 4; c = c.cause, depth++) {
    const oauth = c as Error & { error?: unknown; error_description?: unknown };
    const code = typeof oauth.error === "string" ? ` [${oauth.error}${typeof oauth.error_description === "string" ? `: ${oauth.error_description}` : ""}]` : "";
    parts.push(`${c.message}${code}`);
  }
  return parts.length ? `: ${parts.join(" ← ")}` : "";
}

export default function SsoCallback() {
  return <LoginPage {...useLoaderData<typeof loader>()} />;
}
