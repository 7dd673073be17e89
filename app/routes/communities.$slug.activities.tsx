import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { attendActivity, cancelActivity, scheduleActivity, unattendActivity } from "~/commands/manage-activity.server";
import { ActivityList, ScheduleForm } from "~/components/activities";
import { CommunitySubPageHead } from "~/components/community-tabs";
import { FormAlert } from "~/components/form";
import { listActivities } from "~/models/time.server";
import { requireCommunity } from "~/models/community-access.server";
import { ActivityIntentSchema, toScheduleInput } from "~/schemas/activity";
import { formValues, parseForm } from "~/schemas/form";
import { today } from "~/utils/dates";
import { useT } from "~/utils/i18n";
import { commandFailure, invalid, requireActor } from "~/utils/request.server";

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
  const form = await request.formData();
  const parsed = parseForm(ActivityIntentSchema, form);
  if (!parsed.ok) return invalid(parsed.errors, parsed.values);
  const base = `/communities/${community.slug}/activities`;
  try {
    const input = parsed.data;
    switch (input.intent) {
      case "activity-schedule":
        await scheduleActivity(actor, community.id, toScheduleInput(input));
        return redirect(`${base}?done=scheduled`);
      case "activity-cancel":
        await cancelActivity(actor, community.id, input.activityId);
        return redirect(`${base}?done=cancelled`);
      case "activity-attend":
        await attendActivity(actor, community.id, input.activityId);
        return redirect(`${base}?done=attended`);
      case "activity-unattend":
        await unattendActivity(actor, community.id, input.activityId);
        return redirect(`${base}?done=unattended`);
    }
  } catch (error) {
    return commandFailure(error, formValues(form));
  }
}

const DONE = {
  scheduled: "activities.done.scheduled",
  cancelled: "activities.done.cancelled",
  attended: "activities.done.attended",
  unattended: "activities.done.unattended",
} as const;

export default function CommunityActivities() {
  const t = useT();
  const { upcoming, past, today, me, can } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const done = params.get("done") as keyof typeof DONE | null;
  const common = { can, me, busy, failure };
  return (
    <>
      <CommunitySubPageHead title={t("activities.title")} done={done ? DONE[done] : null} />
      <FormAlert errors={failure?.errors} />
      {can.schedule ? <ScheduleForm failure={failure} busy={busy} defaultDate={today} /> : null}
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
