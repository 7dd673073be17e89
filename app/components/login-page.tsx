import { useNavigation, useSearchParams } from "@remix-run/react";
import { ConformForm, TextField, useGildeForm } from "~/components/form";
import { useT, type Message } from "~/utils/i18n";

export type LoginPageProps = {
  sso: { name: string; startUrl: string } | null;
  passwordLogin: boolean;
  /** Why a single sign-on did not let the person in (the callback's 400, 403 or 503). */
  ssoError?: Message;
};

/**
 * The login page, also shown by the single sign-on routes when a sign-in fails. With single sign-on
 * its button comes first; with PASSWORD_LOGIN=off the password form is folded away for the
 * break-glass admin (a <details>, so it opens without JavaScript).
 */
export function LoginPage({ sso, passwordLogin, ssoError }: LoginPageProps) {
  const t = useT();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useGildeForm("login");
  const typed = fields.redirectTo.initialValue;
  const redirectTo = params.get("redirectTo") ?? (typeof typed === "string" ? typed : "");
  const passwordForm = (
    <ConformForm form={form} action="/login">
      <input type="hidden" name={fields.redirectTo.name} value={redirectTo} />
      <TextField field={fields.email} type="email" label={t("login.email")} autoComplete="username" required />
      <TextField field={fields.password} type="password" label={t("login.password")} autoComplete="current-password" required />
      <button type="submit" className={sso ? "button" : "button primary"} disabled={busy}>
        {t("login.submit")}
      </button>
    </ConformForm>
  );
  return (
    <div className="card narrow login">
      <h1>{t("login.title")}</h1>
      <p className="lead">{t("app.tagline")}</p>
      {ssoError ? (
        <div className="alert alert-error" role="alert">
          {t(ssoError.key, ssoError.vars)}
        </div>
      ) : null}
      {sso ? (
        // A plain link: the provider's page is another site, loaded as a whole document.
        <a className="button primary sso-button" href={sso.startUrl}>
          {t("sso.signInWith", { name: sso.name })}
        </a>
      ) : null}
      {passwordLogin ? (
        <>
          {sso ? <p className="login-divider">{t("sso.orPassword")}</p> : null}
          {passwordForm}
          <p className="hint demo-hint">{t("login.demoHint")}</p>
        </>
      ) : (
        <details className="break-glass" open={form.status === "error"}>
          <summary>{t("sso.breakGlass")}</summary>
          <p className="hint">{t("sso.breakGlassHint", { name: sso?.name ?? "" })}</p>
          {passwordForm}
        </details>
      )}
    </div>
  );
}
