import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { attendActivity, cancelActivity, scheduleActivity, unattendActivity } from "~/commands/manage-activity.server";
import { ActivityList, ScheduleForm, activityFormIds } from "~/components/activities";
import { StrandedFormAlert } from "~/components/form";
import { CommunitySubPageHead } from "~/components/community-tabs";
import { listActivities } from "~/models/time.server";
import { requireCommunity } from "~/models/community-access.server";
import { ActivityIntentSchema, toScheduleInput } from "~/schemas/activity";
import { ACTIVITY_INTENT } from "~/schemas/activity.shared";
import { parseSubmission } from "~/schemas/form";
import { today } from "~/utils/dates";
import { useT } from "~/utils/i18n";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.community.name} · Gilde` : "Gilde" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const { community, can } = await requireCommunity(actor, params.slug);
  const { upcoming, past } = await listActivities(community.id, { take: 12 });
  return json({
    community: { slug: community.slug, name: community.name },
    upcoming,
    past,
    today: today(),
    me: actor.id,
    can: { schedule: can.scheduleActivities, attend: can.attendActivities },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const { community } = await requireCommunity(actor, params.slug);
  const submission = parseSubmission(ActivityIntentSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  const base = `/communities/${community.slug}/activities`;
  const input = submission.value;
  try {
    switch (input.intent) {
      case ACTIVITY_INTENT.schedule:
        await scheduleActivity(actor, community.id, toScheduleInput(input));
        return redirectWithFlash(request, base, { key: "activities.done.scheduled" });
      case ACTIVITY_INTENT.cancel:
        await cancelActivity(actor, community.id, input.activityId);
        return redirectWithFlash(request, base, { key: "activities.done.cancelled" });
      case ACTIVITY_INTENT.attend:
        await attendActivity(actor, community.id, input.activityId);
        return redirectWithFlash(request, base, { key: "activities.done.attended" });
      case ACTIVITY_INTENT.unattend:
        await unattendActivity(actor, community.id, input.activityId);
        return redirectWithFlash(request, base, { key: "activities.done.unattended" });
      default:
        return replyInvalid(submission);
    }
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function CommunityActivities() {
  const t = useT();
  const { upcoming, past, today, me, can } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const common = { can, me, busy };
  const shown = [...(can.schedule ? ["activity-schedule"] : []), ...activityFormIds(upcoming, false, can, me), ...activityFormIds(past, true, can, me)];
  return (
    <>
      <CommunitySubPageHead title={t("activities.title")} />
      {/* A refusal for a button the page no longer shows (the activity has not started, was cancelled…) shows here. */}
      <StrandedFormAlert shown={shown} />
      {can.schedule ? <ScheduleForm busy={busy} defaultDate={today} /> : null}
      <section className="card" aria-labelledby="upcoming">
        <h2 id="upcoming">{t("activities.upcoming")}</h2>
        <ActivityList activities={upcoming} started={false} empty={t("activities.noUpcoming")} {...common} />
      </section>
      <section className="card" aria-labelledby="past">
        <h2 id="past">{t("activities.past")}</h2>
        <ActivityList activities={past} started empty={t("activities.noPast")} {...common} />
      </section>
    </>
  );
}
