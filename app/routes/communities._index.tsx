import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { joinCommunity } from "~/commands/manage-community.server";
import { AccessBadge, budgetText } from "~/components/community";
import { FormAlert } from "~/components/form";
import { listCommunityOverview } from "~/models/community.server";
import { canCreateCommunity } from "~/policies/policies";
import { JoinSchema } from "~/schemas/community";
import { formValues, parseForm } from "~/schemas/form";
import { useT } from "~/utils/i18n";
import { commandFailure, invalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const { mine, others } = await listCommunityOverview(actor);
  return json({ mine, others, canCreate: canCreateCommunity(actor) });
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const form = await request.formData();
  const parsed = parseForm(JoinSchema, form);
  if (!parsed.ok) return invalid({ _form: Object.values(parsed.errors)[0] }, parsed.values);
  try {
    const { result, slug } = await joinCommunity(actor, parsed.data.communityId);
    return redirect(result === "joined" ? `/communities/${slug}?done=joined` : "/communities?done=requested");
  } catch (error) {
    return commandFailure(error, formValues(form));
  }
}

const DONE = { requested: "communities.requested", left: "communities.left", archived: "communities.archivedDone" } as const;

export default function Communities() {
  const t = useT();
  const { mine, others, canCreate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const done = params.get("done") as keyof typeof DONE | null;
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
      {done && DONE[done] ? (
        <div className="alert alert-success" role="status">
          {t(DONE[done])}
        </div>
      ) : null}
      <FormAlert errors={actionData?.errors} />
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
                  <Form method="post">
                    <input type="hidden" name="intent" value="join" />
                    <input type="hidden" name="communityId" value={c.id} />
                    <button
                      type="submit"
                      className="button small"
                      disabled={busy}
                      aria-label={t(c.visibility === "OPEN" ? "communities.joinNamed" : "communities.requestNamed", { name: c.name })}
                    >
                      {t(c.visibility === "OPEN" ? "communities.join" : "communities.request")}
                    </button>
                  </Form>
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
