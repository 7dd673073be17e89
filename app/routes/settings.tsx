import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { setLocale } from "~/commands/manage-user.server";
import { ConformForm, MessageError, useGildeForm } from "~/components/form";
import { parseSubmission } from "~/schemas/form";
import { SettingsSchema } from "~/schemas/user";
import { redirectWithFlash } from "~/utils/flash.server";
import { useT } from "~/utils/i18n";
import { replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireActor(request);
  return json({ locale: user.locale, email: user.email });
}

/** Every user chooses their own language; nothing else about them can be changed here. */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireActor(request);
  const submission = parseSubmission(SettingsSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  await setLocale(user.id, submission.value.locale);
  return redirectWithFlash(request, "/settings", { key: "settings.saved" });
}

export default function Settings() {
  const t = useT();
  const { locale, email } = useLoaderData<typeof loader>();
  const [form, fields] = useGildeForm("settings", { locale });
  const chosen = fields.locale.initialValue;
  const error = fields.locale.errors?.[0];
  return (
    <div className="card narrow">
      <h1>{t("settings.title")}</h1>
      <p className="muted">{email}</p>
      <p>
        <Link to="/settings/notifications">{t("notify.preferencesLink")}</Link>
      </p>
      <ConformForm form={form}>
        <fieldset className="field" aria-describedby={error ? `${fields.locale.id}-error` : undefined}>
          <legend>{t("settings.locale")}</legend>
          {(["nl", "en"] as const).map((value) => (
            <label key={value} className="radio">
              <input type="radio" name={fields.locale.name} value={value} defaultChecked={chosen === value} /> {t(`locale.${value}`)}
            </label>
          ))}
          <MessageError id={`${fields.locale.id}-error`} error={error} />
        </fieldset>
        <button type="submit" className="button primary">
          {t("settings.save")}
        </button>
      </ConformForm>
      <p>
        <Link to="/settings/tokens">{t("apiToken.link")}</Link>
      </p>
    </div>
  );
}
