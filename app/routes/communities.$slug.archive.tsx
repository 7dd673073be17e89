/**
 * Archiving a community asks first, on a page of its own so it also works without JavaScript: what
 * archiving does, and who can reopen it. The confirmation posts `intent=archive&confirm=yes` to the
 * community's own action (the layout's).
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { CommunitySubPageHead } from "~/components/community-tabs";
import { ConformForm, useGildeForm } from "~/components/form";
import { COMMUNITY_INTENT } from "~/schemas/community.shared";
import { requireCommunity } from "~/models/community-access.server";
import { authorize } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import { requireActor } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.community.name} · Gilde` : "Gilde" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const { community, can } = await requireCommunity(actor, params.slug);
  authorize(can.archive);
  return json({ community: { name: community.name, slug: community.slug, headName: community.department.head?.name ?? null } });
}

export default function ArchiveCommunity() {
  const t = useT();
  const { community } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const [form] = useGildeForm("community-archive");
  const base = `/communities/${community.slug}`;
  return (
    <section className="card stack" aria-labelledby="archive-confirm">
      <CommunitySubPageHead id="archive-confirm" title={t("communities.archiveConfirm.title", { name: community.name })} />
      <p>{t("communities.archiveConfirm.what")}</p>
      <p>{community.headName ? t("communities.archiveConfirm.reopen", { name: community.headName }) : t("communities.archiveConfirm.reopenAdmin")}</p>
      <ConformForm form={form} action={base} className="inline-form">
        <input type="hidden" name="intent" value={COMMUNITY_INTENT.archive} />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" className="button danger" disabled={busy}>
          {t("communities.archiveConfirm.submit")}
        </button>{" "}
        <Link to={base} className="button secondary">
          {t("communities.archiveConfirm.cancel")}
        </Link>
      </ConformForm>
    </section>
  );
}
