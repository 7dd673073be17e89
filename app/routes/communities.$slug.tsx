import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import {
  archiveCommunity,
  decideRequest,
  joinCommunity,
  leaveCommunity,
  removeMember,
  restoreCommunity,
} from "~/commands/manage-community.server";
import { closeGoal, decideGoal, proposeGoal, recordGoalProgress } from "~/commands/manage-goal.server";
import { AccessBadge, budgetText } from "~/components/community";
import { GoalsSection } from "~/components/goals";
import { ActivitiesCard } from "~/components/activities";
import { CommunityTabs } from "~/components/community-tabs";
import { BudgetCard } from "~/components/time";
import { currentBudgetStatusOf, listActivities } from "~/models/time.server";
import { LatestQuestionsCard } from "~/components/questions";
import { FormAlert } from "~/components/form";
import { getCommunityBySlug, latestCommunityContent } from "~/models/community.server";
import { listGoals } from "~/models/goal.server";
import { latestQuestions } from "~/models/question.server";
import { notFound } from "~/utils/http.server";
import {
  canAgreeGoals,
  canArchiveCommunity,
  canAskQuestion,
  canCurate,
  canEditCommunity,
  canJoinCommunity,
  canLeadGoals,
  canListReports,
  canManageCommunity,
  canSeeCommunityContent,
  canViewEntry,
  canViewGoals,
  canViewNote,
  type Actor,
} from "~/policies/policies";
import { CommunityIntentSchema } from "~/schemas/community";
import { formValues, parseForm } from "~/schemas/form";
import { GoalIntentSchema, isGoalIntent } from "~/schemas/goal";
import { formatDate, useLocale, useT } from "~/utils/i18n";
import { commandFailure, invalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.community.name} · Gilde` : "Gilde" }];

/** The community if this actor may know it exists: a closed one is 404 for outsiders. */
async function visibleCommunity(actor: Actor, slug: string | undefined) {
  const community = slug ? await getCommunityBySlug(slug) : null;
  if (!community || !canSeeCommunityContent(actor, community)) notFound();
  const leadIds = community.memberships.filter((m) => m.role === "LEAD").map((m) => m.user.id);
  return { community, ref: { ...community, leadIds } };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const { community, ref } = await visibleCommunity(actor, params.slug);
  const content = await latestCommunityContent(community.id, canCurate(actor) ? {} : { authorId: actor.id });
  const entryRef = { id: community.id, visibility: community.visibility, departmentId: community.departmentId };
  const manage = canManageCommunity(actor, ref) && community.status === "ACTIVE";
  const member = community.memberships.find((m) => m.user.id === actor.id);
  const goals = canViewGoals(actor, community) ? await listGoals(community.id) : [];
  const [budget, activities, questions] = await Promise.all([
    currentBudgetStatusOf(community.id),
    listActivities(community.id, { take: 3 }),
    latestQuestions(community.id),
  ]);
  return json({
    goals,
    budget,
    activities,
    questions: { ...questions, ask: canAskQuestion(actor, ref) },
    community: { ...community, requests: manage ? community.requests : [] },
    entries: content.entries.filter((e) => canViewEntry(actor, { state: e.state, community: entryRef })),
    notes: content.notes.filter((n) => canViewNote(actor, { authorId: n.authorId, state: n.state, community: entryRef })),
    can: {
      manage,
      archive: canArchiveCommunity(actor, ref),
      edit: canEditCommunity(actor, ref) && community.status === "ACTIVE",
      reports: canListReports(actor, ref),
      restore: canEditCommunity(actor, ref) && community.status === "ARCHIVED",
      join: canJoinCommunity(actor, community) && !community.requests.some((r) => r.user.id === actor.id),
      leave: Boolean(member) && community.status === "ACTIVE",
      goals: { lead: canLeadGoals(actor, ref), agree: canAgreeGoals(actor, ref) },
    },
    me: actor.id,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const community = params.slug ? await getCommunityBySlug(params.slug) : null;
  // Outsiders may ask to join a closed community (from the overview) but learn nothing else about it.
  if (!community) notFound();
  const form = await request.formData();
  if (isGoalIntent(form.get("intent"))) return goalAction(actor, community, form);
  const parsed = parseForm(CommunityIntentSchema, form);
  if (!parsed.ok) return invalid({ _form: { key: "error.invalid" } }, parsed.values);
  const base = `/communities/${community.slug}`;
  try {
    const input = parsed.data;
    switch (input.intent) {
      case "join": {
        const { result } = await joinCommunity(actor, community.id);
        return redirect(result === "joined" ? `${base}?done=joined` : "/communities?done=requested");
      }
      case "leave":
        await leaveCommunity(actor, community.id);
        return redirect(community.visibility === "CLOSED" ? "/communities?done=left" : `${base}?done=left`);
      case "archive":
        await archiveCommunity(actor, community.id);
        return redirect("/communities?done=archived");
      case "restore":
        await restoreCommunity(actor, community.id);
        return redirect(`${base}?done=restored`);
      case "accept":
      case "refuse":
        await decideRequest(actor, community.id, input.userId, input.intent === "accept");
        return redirect(`${base}?done=${input.intent === "accept" ? "accepted" : "refused"}`);
      case "remove":
        await removeMember(actor, community.id, input.userId);
        return redirect(`${base}?done=removed`);
    }
  } catch (error) {
    return commandFailure(error, formValues(form));
  }
}

/** The goal forms of the Goals section: parse, then the goal command decides who may and in which state. */
async function goalAction(actor: Actor, community: { id: string; slug: string }, form: FormData) {
  const parsed = parseForm(GoalIntentSchema, form);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const base = `/communities/${community.slug}`;
  try {
    const input = parsed.data;
    switch (input.intent) {
      case "goal-propose":
        await proposeGoal(actor, community.id, input);
        return redirect(`${base}?done=goalProposed`);
      case "goal-agree":
      case "goal-send-back":
        await decideGoal(actor, community.id, input.goalId, input.intent === "goal-agree", input.comment);
        return redirect(`${base}?done=${input.intent === "goal-agree" ? "goalAgreed" : "goalSentBack"}`);
      case "goal-progress":
        await recordGoalProgress(actor, community.id, input.goalId, { percentage: input.percentage, comment: input.comment });
        return redirect(`${base}?done=goalProgress`);
      case "goal-done":
      case "goal-drop":
        await closeGoal(actor, community.id, input.goalId, input.intent === "goal-done" ? "DONE" : "DROPPED", input.comment);
        return redirect(`${base}?done=goalClosed`);
    }
  } catch (error) {
    return commandFailure(error, formValues(form));
  }
}

const DONE = {
  goalProposed: "goals.done.proposed",
  goalAgreed: "goals.done.agreed",
  goalSentBack: "goals.done.sentBack",
  goalProgress: "goals.done.progress",
  goalClosed: "goals.done.closed",
  created: "communities.created",
  settingsSaved: "communitySettings.saved",
  restored: "communitySettings.restored",
  joined: "communities.joined",
  left: "communities.left",
  accepted: "communities.accepted",
  refused: "communities.refused",
  removed: "communities.removed",
} as const;

function IntentButton({ intent, userId, label, text, danger, busy }: { intent: string; userId?: string; label?: string; text: string; danger?: boolean; busy: boolean }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      {userId ? <input type="hidden" name="userId" value={userId} /> : null}
      <button type="submit" className={`button small${danger ? " danger" : ""}`} aria-label={label} disabled={busy}>
        {text}
      </button>
    </Form>
  );
}

export default function CommunityHome() {
  const t = useT();
  const locale = useLocale();
  const { community, entries, notes, goals, budget, activities, questions, can, me } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const done = params.get("done") as keyof typeof DONE | null;
  const leads = community.memberships.filter((m) => m.role === "LEAD");
  const archived = community.status !== "ACTIVE";
  return (
    <div className="stack">
      <div className="page-head">
        <h1>
          {community.name} <AccessBadge t={t} visibility={community.visibility} />
          {archived ? <span className="badge badge-archived"> {t("communities.archived")}</span> : null}
        </h1>
        <div>
          {can.join ? (
            <IntentButton intent="join" text={t(community.visibility === "OPEN" ? "communities.join" : "communities.request")} busy={busy} />
          ) : null}{" "}
          {can.leave ? <IntentButton intent="leave" text={t("communities.leave")} busy={busy} /> : null}{" "}
          {can.edit ? (
            <Link to={`/communities/${community.slug}/settings`} className="button small secondary">
              {t("communitySettings.link")}
            </Link>
          ) : null}{" "}
          {can.restore ? <IntentButton intent="restore" text={t("communitySettings.restore")} busy={busy} /> : null}{" "}
          {can.archive ? <IntentButton intent="archive" text={t("communities.archive")} danger busy={busy} /> : null}
        </div>
      </div>
      <CommunityTabs slug={community.slug} current="home" reports={can.reports} />
      {done && DONE[done] ? (
        <div className="alert alert-success" role="status">
          {t(DONE[done])}
        </div>
      ) : null}
      {archived ? (
        <div className="alert alert-warning" role="status">
          {t("communities.archivedNotice")}
        </div>
      ) : null}
      <FormAlert errors={actionData?.errors} />
      <section className="card">
        <dl>
          <dt>{t("communities.purpose")}</dt>
          <dd>{community.purpose || t("common.none")}</dd>
          <dt>{t("communities.department")}</dt>
          <dd>{community.department.name}</dd>
          <dt>{t("communities.budget")}</dt>
          <dd>{budgetText(t, community.budgetMinutes, community.budgetPeriodDays)}</dd>
          <dt>{t("communities.leads")}</dt>
          <dd>{leads.map((m) => m.user.name).join(", ") || t("common.none")}</dd>
        </dl>
      </section>
      <div className="two-columns">
        <BudgetCard slug={community.slug} status={budget} />
        <ActivitiesCard slug={community.slug} upcoming={activities.upcoming} past={activities.past} />
      </div>
      <LatestQuestionsCard slug={community.slug} count={questions.count} questions={questions.questions} canAsk={questions.ask} />
      <GoalsSection goals={goals} can={can.goals} failure={actionData} busy={busy} />
      {community.requests.length ? (
        <section className="card" aria-labelledby="requests">
          <h2 id="requests">{t("communities.requests")}</h2>
          <ul className="people-list">
            {community.requests.map((r) => (
              <li key={r.user.id}>
                <span>{r.user.name}</span>
                <span>
                  <IntentButton intent="accept" userId={r.user.id} text={t("communities.accept")} label={t("communities.acceptNamed", { name: r.user.name })} busy={busy} />{" "}
                  <IntentButton intent="refuse" userId={r.user.id} text={t("communities.refuse")} label={t("communities.refuseNamed", { name: r.user.name })} danger busy={busy} />
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
                {m.user.name} {m.role === "LEAD" ? <span className="badge">{t("communities.lead")}</span> : null}
              </span>
              {can.manage && m.user.id !== me ? (
                <IntentButton intent="remove" userId={m.user.id} text={t("communities.remove")} label={t("communities.removeNamed", { name: m.user.name })} danger busy={busy} />
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
    </div>
  );
}
