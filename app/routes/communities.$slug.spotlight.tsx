/**
 * The lead's page for the community's skill spotlight (issue 17): pin an entry or a topic for the week with a
 * short note, change it, or remove it. Members see it on the community's overview and in their digest.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { pinSpotlight, removeSpotlight } from "~/commands/manage-spotlight.server";
import { CommunitySubPageHead } from "~/components/community-tabs";
import { StrandedFormAlert } from "~/components/form";
import { SpotlightForm, SpotlightRemoveForm, SpotlightView } from "~/components/spotlight";
import { requireCommunity } from "~/models/community-access.server";
import { currentSpotlight, listSpotlightEntryOptions } from "~/models/spotlight.server";
import { listPopularTagNames } from "~/models/tag.server";
import { parseSubmission } from "~/schemas/form";
import { SpotlightIntentSchema } from "~/schemas/recognition";
import { SPOTLIGHT_INTENT } from "~/schemas/recognition.shared";
import { redirectWithFlash } from "~/utils/flash.server";
import { authorize } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.community.name} · Gilde` : "Gilde" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const { community, can } = await requireCommunity(actor, params.slug);
  // Who sees the community but does not lead it: 403 (an outsider of a closed one already got 404).
  authorize(can.pinSpotlight);
  const [current, entries, tags] = await Promise.all([currentSpotlight(actor, community), listSpotlightEntryOptions(community.id), listPopularTagNames()]);
  return json({ community: { slug: community.slug, name: community.name }, current, entries, tags });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const { community, can } = await requireCommunity(actor, params.slug);
  authorize(can.pinSpotlight);
  const submission = parseSubmission(SpotlightIntentSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  const input = submission.value;
  const home = `/communities/${community.slug}`;
  try {
    switch (input.intent) {
      case SPOTLIGHT_INTENT.pin:
        await pinSpotlight(actor, community.id, { entryId: input.entryId, tag: input.tag, note: input.note });
        return redirectWithFlash(request, `${home}#spotlight`, { key: "recognition.spotlight.done.pinned" });
      case SPOTLIGHT_INTENT.remove:
        await removeSpotlight(actor, community.id);
        return redirectWithFlash(request, home, { key: "recognition.spotlight.done.removed" });
      default:
        return replyInvalid(submission);
    }
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function CommunitySpotlight() {
  const t = useT();
  const { current, entries, tags } = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <CommunitySubPageHead title={t("recognition.spotlight.manageTitle")} />
      <StrandedFormAlert shown={["spotlight-pin", ...(current ? ["spotlight-remove"] : [])]} />
      <section className="card stack" aria-labelledby="spotlight-current">
        <h2 id="spotlight-current">{t("recognition.spotlight.current")}</h2>
        {current ? (
          <>
            <SpotlightView spotlight={current} />
            <SpotlightRemoveForm busy={busy} />
          </>
        ) : (
          <p className="muted">{t("recognition.spotlight.none")}</p>
        )}
      </section>
      <section className="card stack" aria-labelledby="spotlight-pin">
        <h2 id="spotlight-pin">{t(current ? "recognition.spotlight.change" : "recognition.spotlight.pin")}</h2>
        <p className="lead">{t("recognition.spotlight.pinLead")}</p>
        <SpotlightForm entries={entries} tags={tags} busy={busy} />
      </section>
    </>
  );
}
