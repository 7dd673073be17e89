import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { joinCommunity } from "~/commands/manage-community.server";
import { AccessBadge, budgetText } from "~/components/community";
import { ConformForm, StrandedFormAlert, useGildeForm } from "~/components/form";
import { listCommunityOverview } from "~/models/community.server";
import { canCreateCommunity } from "~/policies/policies";
import { JoinSchema } from "~/schemas/community";
import { parseSubmission } from "~/schemas/form";
import { useT } from "~/utils/i18n";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyCommandError, replyErrors, requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const { mine, others } = await listCommunityOverview(actor);
  return json({ mine, others, canCreate: canCreateCommunity(actor) });
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const submission = parseSubmission(JoinSchema, await request.formData());
  // A join button holds no field to show an error beside: its first error goes above the button.
  if (submission.status !== "success") return replyErrors(submission, { form: Object.values(submission.error ?? {})[0]?.[0] });
  try {
    const { result, slug } = await joinCommunity(actor, submission.value.communityId);
    return result === "joined"
      ? redirectWithFlash(request, `/communities/${slug}`, { key: "communities.joined" })
      : redirectWithFlash(request, "/communities", { key: "communities.requested" });
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function Communities() {
  const t = useT();
  const { mine, others, canCreate } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t("communities.title")}</h1>
        {canCreate ? (
          <Link to="/communities/new" className="button primary">
            {t("communities.new")}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t("communities.intro")}</p>
      <StrandedFormAlert shown={others.filter((c) => !c.requested).map((c) => joinFormId(c.id))} />
      <section className="card" aria-labelledby="mine">
        <h2 id="mine">{t("communities.mine")}</h2>
        {mine.length ? (
          <ul className="community-list">
            {mine.map((c) => (
              <li key={c.id}>
                <Link to={`/communities/${c.slug}`}>{c.name}</Link> <AccessBadge t={t} visibility={c.visibility} />{" "}
                {c.role === "LEAD" ? <span className="badge">{t("communities.lead")}</span> : null}
                <p className="muted">
                  {c.departmentName} · {t("communities.members", { count: c.memberCount })} · {budgetText(t, c.budgetMinutes, c.budgetPeriodDays)}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("communities.mineEmpty")}</p>
        )}
      </section>
      <section className="card" aria-labelledby="others">
        <h2 id="others">{t("communities.others")}</h2>
        {others.length ? (
          <ul className="community-list">
            {others.map((c) => (
              <li key={c.id}>
                {c.visibility === "OPEN" ? <Link to={`/communities/${c.slug}`}>{c.name}</Link> : <strong>{c.name}</strong>}{" "}
                <AccessBadge t={t} visibility={c.visibility} />
                <p className="muted">
                  {c.departmentName}
                  {c.purpose ? ` · ${c.purpose}` : ""}
                </p>
                {c.requested ? (
                  <span className="badge">{t("communities.pending")}</span>
                ) : (
                  <JoinButton community={c} busy={busy} />
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("communities.othersEmpty")}</p>
        )}
      </section>
    </div>
  );
}

const joinFormId = (communityId: string) => `join-${communityId}`;

/** Join an open community, or ask to join a closed one: one form per community. */
function JoinButton({ community, busy }: { community: { id: string; name: string; visibility: string }; busy: boolean }) {
  const t = useT();
  const [form] = useGildeForm(joinFormId(community.id));
  const open = community.visibility === "OPEN";
  return (
    <ConformForm form={form}>
      <input type="hidden" name="intent" value="join" />
      <input type="hidden" name="communityId" value={community.id} />
      <button type="submit" className="button small" disabled={busy} aria-label={t(open ? "communities.joinNamed" : "communities.requestNamed", { name: community.name })}>
        {t(open ? "communities.join" : "communities.request")}
      </button>
    </ConformForm>
  );
}
