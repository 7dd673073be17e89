/**
 * A community's overview: its facts, budget, activities, questions, goals, requests, members and
 * latest content. The layout above it (communities.$slug.tsx) shows the name, the buttons and the tabs.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { budgetText } from "~/components/community";
import { IntentButton } from "~/components/community-tabs";
import { GoalsSection, goalFormIds } from "~/components/goals";
import { StrandedFormAlert } from "~/components/form";
import { ActivitiesCard } from "~/components/activities";
import { BudgetCard } from "~/components/time";
import { currentBudgetStatusOf, listActivities } from "~/models/time.server";
import { LatestQuestionsCard } from "~/components/questions";
import { SpotlightCard } from "~/components/spotlight";
import { PersonLink } from "~/components/recognition";
import { currentSpotlight } from "~/models/spotlight.server";
import { latestCommunityContent } from "~/models/community.server";
import { requireCommunity } from "~/models/community-access.server";
import { listGoals } from "~/models/goal.server";
import { latestQuestions } from "~/models/question.server";
import { canCurate, canReviseGoal, canViewGoals, canViewEntry, noteAbilities } from "~/policies/policies";
import { formatDate, useLocale, useT } from "~/utils/i18n";
import { requireActor } from "~/utils/request.server";
import { COMMUNITY_INTENT } from "~/schemas/community.shared";

// The home page's forms post to `?index`; the layout's action answers them as it answers POST /communities/:slug.
export { action } from "./communities.$slug";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.community.name} · Gilde` : "Gilde" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const { community, can } = await requireCommunity(actor, params.slug);
  const content = await latestCommunityContent(community.id, canCurate(actor) ? {} : { authorId: actor.id });
  const ref = { id: community.id, visibility: community.visibility, departmentId: community.departmentId };
  const goals = canViewGoals(actor, community) ? (await listGoals(community.id)).map((g) => ({ ...g, canRevise: canReviseGoal(actor, community, g) })) : [];
  const [budget, activities, questions, spotlight] = await Promise.all([
    currentBudgetStatusOf(community.id),
    listActivities(community.id, { take: 3 }),
    latestQuestions({ actor, community }),
    currentSpotlight(actor, community),
  ]);
  return json({
    goals,
    spotlight: { current: spotlight, pin: can.pinSpotlight },
    budget,
    activities,
    questions: { ...questions, ask: can.askQuestion },
    community: {
      name: community.name,
      slug: community.slug,
      purpose: community.purpose,
      department: community.department.name,
      budgetMinutes: community.budgetMinutes,
      budgetPeriodDays: community.budgetPeriodDays,
      memberships: community.memberships,
      requests: can.manageMembers ? community.requests : [],
    },
    entries: content.entries.filter((e) => canViewEntry(actor, { state: e.state, community: ref })),
    notes: content.notes.filter((n) => noteAbilities(actor, { authorId: n.authorId, state: n.state, community: ref }).view),
    can: { manageMembers: can.manageMembers, goals: can.goals },
    me: actor.id,
  });
}

export default function CommunityHome() {
  const t = useT();
  const locale = useLocale();
  const { community, entries, notes, goals, spotlight, budget, activities, questions, can, me } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const leads = community.memberships.filter((m) => m.role === "LEAD");
  const shown = [
    ...goalFormIds(goals, can.goals),
    ...community.requests.flatMap((r) => [`member-accept-${r.user.id}`, `member-refuse-${r.user.id}`]),
    ...(can.manageMembers ? community.memberships.filter((m) => m.user.id !== me).map((m) => `member-remove-${m.user.id}`) : []),
  ];
  return (
    <>
      {/* A refusal for a form the page no longer shows (the goal was decided, the request answered…) shows here. */}
      <StrandedFormAlert shown={shown} />
      <section className="card">
        <dl>
          <dt>{t("communities.purpose")}</dt>
          <dd>{community.purpose || t("common.none")}</dd>
          <dt>{t("communities.department")}</dt>
          <dd>{community.department}</dd>
          <dt>{t("communities.budget")}</dt>
          <dd>{budgetText(t, community.budgetMinutes, community.budgetPeriodDays)}</dd>
          <dt>{t("communities.leads")}</dt>
          <dd>{leads.map((m) => m.user.name).join(", ") || t("common.none")}</dd>
        </dl>
      </section>
      <SpotlightCard slug={community.slug} spotlight={spotlight.current} canPin={spotlight.pin} />
      <div className="two-columns">
        <BudgetCard slug={community.slug} status={budget} />
        <ActivitiesCard slug={community.slug} upcoming={activities.upcoming} past={activities.past} />
      </div>
      <LatestQuestionsCard slug={community.slug} count={questions.count} questions={questions.questions} canAsk={questions.ask} />
      <GoalsSection goals={goals} can={can.goals} busy={busy} />
      {community.requests.length ? (
        <section className="card" aria-labelledby="requests">
          <h2 id="requests">{t("communities.requests")}</h2>
          <ul className="people-list">
            {community.requests.map((r) => (
              <li key={r.user.id}>
                <span>{r.user.name}</span>
                <span>
                  <IntentButton formId={`member-accept-${r.user.id}`} intent={COMMUNITY_INTENT.accept} userId={r.user.id} text={t("communities.accept")} label={t("communities.acceptNamed", { name: r.user.name })} busy={busy} />{" "}
                  <IntentButton formId={`member-refuse-${r.user.id}`} intent={COMMUNITY_INTENT.refuse} userId={r.user.id} text={t("communities.refuse")} label={t("communities.refuseNamed", { name: r.user.name })} danger busy={busy} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card" aria-labelledby="members">
        <h2 id="members">{t("communities.members", { count: community.memberships.length })}</h2>
        <ul className="people-list">
          {community.memberships.map((m) => (
            <li key={m.user.id}>
              <span>
                <PersonLink id={m.user.id} name={m.user.name} /> {m.role === "LEAD" ? <span className="badge">{t("communities.lead")}</span> : null}
              </span>
              {can.manageMembers && m.user.id !== me ? (
                <IntentButton formId={`member-remove-${m.user.id}`} intent={COMMUNITY_INTENT.remove} userId={m.user.id} text={t("communities.remove")} label={t("communities.removeNamed", { name: m.user.name })} danger busy={busy} />
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="entries">
        <h2 id="entries">{t("communities.latestEntries")}</h2>
        {entries.length ? (
          <ul className="community-list">
            {entries.map((e) => (
              <li key={e.id}>
                <Link to={`/entries/${e.id}`}>{e.title}</Link> <span className="muted">{formatDate(locale, e.updatedAt)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("communities.noEntries")}</p>
        )}
      </section>
      <section className="card" aria-labelledby="notes">
        <h2 id="notes">{t("communities.latestNotes")}</h2>
        {notes.length ? (
          <ul className="community-list">
            {notes.map((n) => (
              <li key={n.id}>
                {n.title} <span className="muted">{formatDate(locale, n.createdAt)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("communities.noNotes")}</p>
        )}
      </section>
    </>
  );
}
