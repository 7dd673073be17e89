/**
 * The layout of every community page: its name, the buttons about the community itself (join,
 * leave, settings, archive, reopen), the tabs and the archived notice, then the page (<Outlet/>).
 * Its action answers POST /communities/:slug: the home page's forms (the overview re-exports it for
 * the posts that carry `?index`), and the join button of the community list.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, Outlet, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { archiveCommunity, decideRequest, joinCommunity, leaveCommunity, removeMember, restoreCommunity } from "~/commands/manage-community.server";
import { closeGoal, decideGoal, proposeGoal, recordGoalProgress, reviseGoal } from "~/commands/manage-goal.server";
import { AccessBadge } from "~/components/community";
import { CommunityTabs, IntentButton } from "~/components/community-tabs";
import { FormAlert } from "~/components/form";
import { findCommunityForAction, requireCommunity } from "~/models/community-access.server";
import { canArchiveCommunity, canManageCommunity, type Actor } from "~/policies/policies";
import { CommunityIntentSchema } from "~/schemas/community";
import { formValues, parseForm } from "~/schemas/form";
import { GoalIntentSchema, isGoalIntent } from "~/schemas/goal";
import { useT } from "~/utils/i18n";
import { forbidden } from "~/utils/http.server";
import { commandFailure, invalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.community.name} · Gilde` : "Gilde" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const { community, can } = await requireCommunity(actor, params.slug);
  return json({
    community: {
      slug: community.slug,
      name: community.name,
      visibility: community.visibility,
      archived: community.archived,
      headName: community.department.head?.name ?? null,
    },
    can: { join: can.join, leave: can.leave, settings: can.settings, restore: can.restore, archive: can.archive, reports: can.reports },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  // Outsiders may ask to join a closed community (from the overview) but learn nothing else about it.
  const community = await findCommunityForAction(params.slug);
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
        // Archiving asks first: without `confirm=yes` the post leads to the confirmation page.
        if (input.confirm !== "yes") {
          if (!canManageCommunity(actor, community)) forbidden();
          if (canArchiveCommunity(actor, community)) return redirect(`${base}/archive`);
        }
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
      case "goal-revise":
        await reviseGoal(actor, community.id, input.goalId, input);
        return redirect(`${base}?done=goalRevised`);
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

export default function CommunityLayout() {
  const t = useT();
  const { community, can } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const base = `/communities/${community.slug}`;
  return (
    <div className="stack">
      <div className="page-head">
        <h1>
          {community.name} <AccessBadge t={t} visibility={community.visibility} />
          {community.archived ? <span className="badge badge-archived"> {t("communities.archived")}</span> : null}
        </h1>
        <div>
          {can.join ? (
            <IntentButton intent="join" action={base} text={t(community.visibility === "OPEN" ? "communities.join" : "communities.request")} busy={busy} />
          ) : null}{" "}
          {can.leave ? <IntentButton intent="leave" action={base} text={t("communities.leave")} busy={busy} /> : null}{" "}
          {can.settings ? (
            <Link to={`${base}/settings`} className="button small secondary">
              {t("communitySettings.link")}
            </Link>
          ) : null}{" "}
          {can.restore ? <IntentButton intent="restore" action={base} text={t("communitySettings.restore")} busy={busy} /> : null}{" "}
          {can.archive ? (
            <Link to={`${base}/archive`} className="button small danger">
              {t("communities.archive")}
            </Link>
          ) : null}
        </div>
      </div>
      <CommunityTabs slug={community.slug} reports={can.reports} />
      {community.archived ? (
        <div className="alert alert-warning" role="status">
          {t("communities.archivedNotice")}{" "}
          {community.headName ? t("communities.reopenBy", { name: community.headName }) : t("communities.reopenByAdmin")}
        </div>
      ) : null}
      <FormAlert errors={actionData?.errors} />
      <Outlet />
    </div>
  );
}
