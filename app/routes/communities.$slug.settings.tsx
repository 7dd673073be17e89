import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { updateCommunity } from "~/commands/manage-community.server";
import { CommunityFields } from "~/components/community";
import { FormAlert } from "~/components/form";
import { requireCommunity } from "~/models/community-access.server";
import { listActiveUserChoices } from "~/models/user.server";
import { authorize, notFound } from "~/utils/http.server";
import { canEditCommunity, type Actor } from "~/policies/policies";
import { BUDGET_PRESETS, UpdateCommunitySchema } from "~/schemas/community";
import { formValues, parseForm } from "~/schemas/form";
import { useT } from "~/utils/i18n";
import { commandFailure, invalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.community.name} · Gilde` : "Gilde" }];

/** The community if this actor may change its settings: 404 for who may not see it, 403 for who sees it but may not. */
async function editableCommunity(actor: Actor, slug: string | undefined) {
  const { community, can } = await requireCommunity(actor, slug);
  authorize(canEditCommunity(actor, community));
  // An archived community has no settings page: it is reopened first (the button on its page).
  if (!can.settings) notFound();
  return { community, leadIds: community.leadIds };
}

/** The current settings as form values, so the form starts from what is saved. */
function currentValues(community: { name: string; purpose: string; visibility: string; budgetMinutes: number; budgetPeriodDays: number }, leadIds: string[]) {
  const preset = Object.entries(BUDGET_PRESETS).find(([, b]) => b.budgetMinutes === community.budgetMinutes && b.budgetPeriodDays === community.budgetPeriodDays)?.[0];
  return {
    name: community.name,
    purpose: community.purpose,
    visibility: community.visibility,
    budgetPreset: preset ?? "custom",
    budgetMinutes: String(community.budgetMinutes),
    budgetPeriodDays: String(community.budgetPeriodDays),
    leadIds: leadIds.join(","),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const { community, leadIds } = await editableCommunity(actor, params.slug);
  const users = await listActiveUserChoices();
  return json({ community: { name: community.name, slug: community.slug }, values: currentValues(community, leadIds), users });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const { community } = await editableCommunity(actor, params.slug);
  const form = await request.formData();
  const parsed = parseForm(UpdateCommunitySchema, form);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  try {
    await updateCommunity(actor, community.id, parsed.data);
    return redirect(`/communities/${community.slug}?done=settingsSaved`);
  } catch (error) {
    return commandFailure(error, formValues(form));
  }
}

export default function CommunitySettings() {
  const t = useT();
  const { community, values: saved, users } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.errors;
  const values = actionData?.values ?? saved;
  return (
    <div className="card form-page">
      <h2 className="page-title">{t("communitySettings.title", { name: community.name })}</h2>
      <p className="lead">{t("communitySettings.intro")}</p>
      <Form method="post" noValidate>
        <FormAlert errors={errors} />
        <CommunityFields values={values} errors={errors} users={users} />
        <p className="hint">{t("communitySettings.budgetNote")}</p>
        <button type="submit" className="button primary" disabled={busy}>
          {t("communitySettings.save")}
        </button>
      </Form>
    </div>
  );
}
