import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { createCommunity } from "~/commands/manage-community.server";
import { CommunityFields } from "~/components/community";
import { ConformForm, useGildeForm } from "~/components/form";
import { listDepartments } from "~/models/department.server";
import { listActiveUserChoices } from "~/models/user.server";
import { authorize } from "~/utils/http.server";
import { canCreateCommunity, isAdmin } from "~/policies/policies";
import { CreateCommunitySchema } from "~/schemas/community";
import { parseSubmission } from "~/schemas/form";
import { useT } from "~/utils/i18n";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canCreateCommunity(actor));
  const [departments, users] = await Promise.all([listDepartments(), listActiveUserChoices()]);
  // A department head creates communities only in the department they head.
  return json({ departments: isAdmin(actor) ? departments : departments.filter((d) => d.id === actor.headOfDepartmentId), users });
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canCreateCommunity(actor));
  const submission = parseSubmission(CreateCommunitySchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    const community = await createCommunity(actor, submission.value);
    return redirectWithFlash(request, `/communities/${community.slug}`, { key: "communities.created" });
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function NewCommunity() {
  const t = useT();
  const { departments, users } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useGildeForm("community-create");
  return (
    <div className="card form-page">
      <h1>{t("communities.new")}</h1>
      <p className="lead">{t("communities.newIntro")}</p>
      <ConformForm form={form}>
        <CommunityFields fields={fields} users={users} departments={departments} />
        <button type="submit" className="button primary" disabled={busy}>
          {t("communities.create")}
        </button>
      </ConformForm>
    </div>
  );
}
