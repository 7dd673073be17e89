import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LoginPage } from "~/components/login-page";
import { notFound } from "~/utils/http.server";
import { getUser } from "~/utils/session.server";
import { loginOptions, ssoSettings, SsoError, startSsoSignIn } from "~/utils/sso.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

/**
 * "Aanmelden met …": off to the provider, with the flow remembered in a cookie. When the provider
 * cannot be reached, the login page says so (503) and the password form, if on, still works.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const settings = ssoSettings();
  if (!settings) notFound();
  if (await getUser(request)) throw redirect("/search");
  try {
    const { location, cookie } = await startSsoSignIn(request, settings, new URL(request.url).searchParams.get("redirectTo"));
    return redirect(location, { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (!(error instanceof SsoError)) throw error;
    return json({ ...loginOptions(request), ssoError: { key: error.key, vars: { name: settings.name } } }, { status: error.status });
  }
}

export default function SsoStart() {
  return <LoginPage {...useLoaderData<typeof loader>()} />;
}
