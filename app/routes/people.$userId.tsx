/**
 * A contributor page (issue 17): who a colleague is, their communities, and, for the person themself, the
 * leads of their communities, the head of their department and admins, what they contributed: entries
 * created, how often those were reused, colleagues helped, answers accepted and the thank-yous received.
 * No leaderboard: nobody else sees figures (docs/decisions/0064). `/people/me` is one's own page.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ThanksList } from "~/components/recognition";
import { contributorFigures, getContributor, listCreatedEntries, listThanksReceived } from "~/models/recognition.server";
import { canSeeCommunityContent, canViewContributorFigures } from "~/policies/policies";
import { notFound } from "~/utils/http.server";
import { formatDate, useLocale, useT } from "~/utils/i18n";
import { requireActor } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.person.name} · Gilde` : "Gilde" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const userId = params.userId === "me" ? actor.id : (params.userId ?? "");
  const person = await getContributor(userId);
  if (!person) notFound();
  const figuresShown = canViewContributorFigures(actor, person);
  // Who may not see the figures gets none of them, nor the lists they are made of.
  const [figures, entries, thanks] = await Promise.all([
    figuresShown ? contributorFigures(person.id) : null,
    figuresShown ? listCreatedEntries(actor, person.id) : ([] as Awaited<ReturnType<typeof listCreatedEntries>>),
    figuresShown ? listThanksReceived(actor, person.id) : ([] as Awaited<ReturnType<typeof listThanksReceived>>),
  ]);
  return json({
    person: { name: person.name, department: person.departmentName, self: person.id === actor.id, disabled: person.disabled },
    // A community's name is not its content (the communities page names closed ones too); a closed one the
    // viewer may not enter is named without a link, as there.
    communities: person.communities.map((c) => ({ slug: c.slug, name: c.name, lead: c.lead, archived: c.status === "ARCHIVED", link: canSeeCommunityContent(actor, c) })),
    figures,
    entries,
    thanks,
  });
}

export default function ContributorPage() {
  const t = useT();
  const locale = useLocale();
  const { person, communities, figures, entries, thanks } = useLoaderData<typeof loader>();
  return (
    <div className="stack contributor-page">
      <div className="page-head">
        <div>
          <p className="eyebrow">{t(person.self ? "recognition.people.eyebrowSelf" : "recognition.people.eyebrow")}</p>
          <h1>{person.name}</h1>
          <p className="muted">
            {person.department ?? t("recognition.people.noDepartment")}
            {person.disabled ? ` · ${t("recognition.people.disabled")}` : ""}
          </p>
        </div>
      </div>

      <section className="card" aria-labelledby="person-communities">
        <h2 id="person-communities">{t("recognition.people.communities", { count: communities.length })}</h2>
        {communities.length ? (
          <ul className="community-list">
            {communities.map((c) => (
              <li key={c.slug}>
                {c.link ? <Link to={`/communities/${c.slug}`}>{c.name}</Link> : <strong>{c.name}</strong>} {c.lead ? <span className="badge">{t("communities.lead")}</span> : null}
                {c.archived ? <span className="badge">{t("recognition.people.archived")}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("recognition.people.noCommunities")}</p>
        )}
      </section>

      {figures ? (
        <>
          <section className="card stack" aria-labelledby="person-figures">
            <h2 id="person-figures">{t("recognition.people.figures")}</h2>
            <p className="small muted">{t(person.self ? "recognition.people.whoSeesSelf" : "recognition.people.whoSees")}</p>
            <dl className="contributor-figures">
              <div>
                <dt>{t("recognition.people.entriesCreated")}</dt>
                <dd>{figures.entriesCreated}</dd>
              </div>
              <div>
                <dt>{t("recognition.people.reused")}</dt>
                <dd>
                  {figures.helpful + figures.merged}
                  <span className="small muted"> {t("recognition.people.reusedDetail", { helpful: figures.helpful, merged: figures.merged })}</span>
                </dd>
              </div>
              <div>
                <dt>{t("recognition.people.colleaguesHelped")}</dt>
                <dd>{figures.colleaguesHelped}</dd>
              </div>
              <div>
                <dt>{t("recognition.people.answersAccepted")}</dt>
                <dd>{figures.answersAccepted}</dd>
              </div>
              <div>
                <dt>{t("recognition.people.thanksReceived")}</dt>
                <dd>{figures.thanksReceived}</dd>
              </div>
            </dl>
          </section>
          <section className="card" aria-labelledby="person-entries">
            <h2 id="person-entries">{t("recognition.people.entries")}</h2>
            {entries.length ? (
              <ul className="community-list">
                {entries.map((e) => (
                  <li key={e.id}>
                    <Link to={`/entries/${e.id}`}>{e.title}</Link>{" "}
                    <span className="muted small">
                      {formatDate(locale, e.createdAt)} · {t("recognition.people.helpedCount", { count: e.helpfulCount })}
                      {e.archived ? ` · ${t("entry.state.ARCHIVED")}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t("recognition.people.noEntries")}</p>
            )}
          </section>
          <section className="card" aria-labelledby="person-thanks">
            <h2 id="person-thanks">{t("recognition.people.thanks")}</h2>
            <ThanksList thanks={thanks} />
          </section>
        </>
      ) : (
        <p className="card muted">{t("recognition.people.figuresHidden", { name: person.name })}</p>
      )}
    </div>
  );
}
