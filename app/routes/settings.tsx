import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { setLocale } from "~/commands/manage-user.server";
import { parseForm } from "~/schemas/form";
import { SettingsSchema } from "~/schemas/user";
import { useT } from "~/utils/i18n";
import { invalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireActor(request);
  return json({ locale: user.locale, email: user.email });
}

/** Every user chooses their own language; nothing else about them can be changed here. */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireActor(request);
  const parsed = parseForm(SettingsSchema, await request.formData());
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  await setLocale(user.id, parsed.data.locale);
  return redirect("/settings?saved=1");
}

export default function Settings() {
  const t = useT();
  const { locale, email } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="card narrow">
      <h1>{t("settings.title")}</h1>
      <p className="muted">{email}</p>
      {params.get("saved") ? (
        <div className="alert alert-success" role="status">
          {t("settings.saved")}
        </div>
      ) : null}
      <Form method="post">
        <fieldset className="field">
          <legend>{t("settings.locale")}</legend>
          <label className="radio">
            <input type="radio" name="locale" value="nl" defaultChecked={locale === "nl"} /> {t("locale.nl")}
          </label>
          <label className="radio">
            <input type="radio" name="locale" value="en" defaultChecked={locale === "en"} /> {t("locale.en")}
          </label>
        </fieldset>
        <button type="submit" className="button primary">
          {t("settings.save")}
        </button>
      </Form>
    </div>
  );
}
