/**
 * The layout of every community page: its name, the buttons about the community itself (join,
 * leave, settings, archive, reopen), the tabs and the archived notice, then the page (<Outlet/>).
 * Its action answers POST /communities/:slug: the home page's forms (the overview re-exports it for
 * the posts that carry `?index`), and the join button of the community list.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useNavigation } from "@remix-run/react";
import { archiveCommunity, decideRequest, joinCommunity, leaveCommunity, removeMember, restoreCommunity } from "~/commands/manage-community.server";
import { closeGoal, decideGoal, proposeGoal, recordGoalProgress, reviseGoal } from "~/commands/manage-goal.server";
import { AccessBadge } from "~/components/community";
import { StrandedFormAlert } from "~/components/form";
import { CommunityTabs, IntentButton } from "~/components/community-tabs";
import { findCommunityForAction, requireCommunity } from "~/models/community-access.server";
import { canArchiveCommunity, canManageCommunity } from "~/policies/policies";
import { CommunityPageIntentSchema } from "~/schemas/community";
import { COMMUNITY_INTENT } from "~/schemas/community.shared";
import { parseSubmission } from "~/schemas/form";
import { GOAL_INTENT } from "~/schemas/goal.shared";
import { redirectWithFlash } from "~/utils/flash.server";
import { useT, type MessageKey } from "~/utils/i18n";
import { forbidden } from "~/utils/http.server";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

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
  const submission = parseSubmission(CommunityPageIntentSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  const base = `/communities/${community.slug}`;
  const done = (url: string, key: MessageKey) => redirectWithFlash(request, url, { key });
  const input = submission.value;
  try {
    switch (input.intent) {
      case COMMUNITY_INTENT.join: {
        const { result } = await joinCommunity(actor, community.id);
        return result === "joined" ? done(base, "communities.joined") : done("/communities", "communities.requested");
      }
      case COMMUNITY_INTENT.leave:
        await leaveCommunity(actor, community.id);
        return done(community.visibility === "CLOSED" ? "/communities" : base, "communities.left");
      case COMMUNITY_INTENT.archive:
        // Archiving asks first: without `confirm=yes` the post leads to the confirmation page.
        if (input.confirm !== "yes") {
          if (!canManageCommunity(actor, community)) forbidden();
          if (canArchiveCommunity(actor, community)) return redirect(`${base}/archive`);
        }
        await archiveCommunity(actor, community.id);
        return done("/communities", "communities.archivedDone");
      case COMMUNITY_INTENT.restore:
        await restoreCommunity(actor, community.id);
        return done(base, "communitySettings.restored");
      case COMMUNITY_INTENT.accept:
      case COMMUNITY_INTENT.refuse:
        await decideRequest(actor, community.id, input.userId, input.intent === COMMUNITY_INTENT.accept);
        return done(base, input.intent === COMMUNITY_INTENT.accept ? "communities.accepted" : "communities.refused");
      case COMMUNITY_INTENT.remove:
        await removeMember(actor, community.id, input.userId);
        return done(base, "communities.removed");
      case GOAL_INTENT.propose: {
        const { intent: _intent, ...goal } = input;
        await proposeGoal(actor, community.id, goal);
        return done(base, "goals.done.proposed");
      }
      case GOAL_INTENT.revise:
        await reviseGoal(actor, community.id, input.goalId, input);
        return done(base, "goals.done.revised");
      case GOAL_INTENT.agree:
      case GOAL_INTENT.sendBack:
        await decideGoal(actor, community.id, input.goalId, input.intent === GOAL_INTENT.agree, input.comment);
        return done(base, input.intent === GOAL_INTENT.agree ? "goals.done.agreed" : "goals.done.sentBack");
      case GOAL_INTENT.progress:
        await recordGoalProgress(actor, community.id, input.goalId, { percentage: input.percentage, comment: input.comment });
        return done(base, "goals.done.progress");
      case GOAL_INTENT.done:
      case GOAL_INTENT.drop:
        await closeGoal(actor, community.id, input.goalId, input.intent === GOAL_INTENT.done ? "DONE" : "DROPPED", input.comment);
        return done(base, "goals.done.closed");
      default:
        return replyInvalid(submission);
    }
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function CommunityLayout() {
  const t = useT();
  const { community, can } = useLoaderData<typeof loader>();
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
            <IntentButton formId="community-join" intent={COMMUNITY_INTENT.join} action={base} text={t(community.visibility === "OPEN" ? "communities.join" : "communities.request")} busy={busy} />
          ) : null}{" "}
          {can.leave ? <IntentButton formId="community-leave" intent={COMMUNITY_INTENT.leave} action={base} text={t("communities.leave")} busy={busy} /> : null}{" "}
          {can.settings ? (
            <Link to={`${base}/settings`} className="button small secondary">
              {t("communitySettings.link")}
            </Link>
          ) : null}{" "}
          {can.restore ? <IntentButton formId="community-restore" intent={COMMUNITY_INTENT.restore} action={base} text={t("communitySettings.restore")} busy={busy} /> : null}{" "}
          {can.archive ? (
            <Link to={`${base}/archive`} className="button small danger">
              {t("communities.archive")}
            </Link>
          ) : null}
        </div>
      </div>
      <StrandedFormAlert shown={[can.join ? "community-join" : "", can.leave ? "community-leave" : "", can.restore ? "community-restore" : ""]} />
      <CommunityTabs slug={community.slug} reports={can.reports} />
      {community.archived ? (
        <div className="alert alert-warning" role="status">
          {t("communities.archivedNotice")}{" "}
          {community.headName ? t("communities.reopenBy", { name: community.headName }) : t("communities.reopenByAdmin")}
        </div>
      ) : null}
      <Outlet />
    </div>
  );
}
