import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { recordSignOut } from "~/commands/log-in.server";
import { endSession } from "~/utils/session.server";
import { ssoLogoutUrl, ssoSettings } from "~/utils/sso.server";

/**
 * Ends the session on the server (the row is deleted), then clears the cookie. A single sign-on
 * session also ends at the provider when it offers that (RP-initiated logout), which then sends the
 * browser back to the login page.
 */
export async function action({ request }: ActionFunctionArgs) {
  const ended = await endSession(request);
  if (ended.userId) await recordSignOut(ended.userId, ended.idToken ? "sso" : "password");
  const settings = ssoSettings();
  const provider = ended.idToken && settings ? await ssoLogoutUrl(settings, ended.idToken) : null;
  return redirect(provider ?? "/login", { headers: { "Set-Cookie": ended.cookie } });
}

export async function loader() {
  return redirect("/");
}
