import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { updateCommunity } from "~/commands/manage-community.server";
import { CommunityFields } from "~/components/community";
import { ConformForm, useGildeForm } from "~/components/form";
import { requireCommunity } from "~/models/community-access.server";
import { listActiveUserChoices } from "~/models/user.server";
import { authorize, notFound } from "~/utils/http.server";
import { canEditCommunity, type Actor } from "~/policies/policies";
import { UpdateCommunitySchema } from "~/schemas/community";
import { BUDGET_PRESETS } from "~/schemas/community.shared";
import { parseSubmission } from "~/schemas/form";
import { useT } from "~/utils/i18n";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

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
  const submission = parseSubmission(UpdateCommunitySchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await updateCommunity(actor, community.id, submission.value);
  } catch (error) {
    return replyCommandError(submission, error);
  }
  return redirectWithFlash(request, `/communities/${community.slug}`, { key: "communitySettings.saved" });
}

export default function CommunitySettings() {
  const t = useT();
  const { community, values, users } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useGildeForm("community-settings", values, { only: true });
  return (
    <div className="card form-page">
      <h2 className="page-title">{t("communitySettings.title", { name: community.name })}</h2>
      <p className="lead">{t("communitySettings.intro")}</p>
      <ConformForm form={form}>
        <CommunityFields fields={fields} users={users} />
        <p className="hint">{t("communitySettings.budgetNote")}</p>
        <button type="submit" className="button primary" disabled={busy}>
          {t("communitySettings.save")}
        </button>
      </ConformForm>
    </div>
  );
}
