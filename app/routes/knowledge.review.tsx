import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { setCommunityReviewInterval } from "~/commands/review-entry.server";
import { ConformForm, TextField, useGildeForm } from "~/components/form";
import { listCommunityReviewIntervals } from "~/models/entry-review.server";
import { canManageKnowledge } from "~/policies/policies";
import { parseSubmission } from "~/schemas/form";
import { ReviewIntervalSchema } from "~/schemas/work-queue";
import { redirectWithFlash } from "~/utils/flash.server";
import { authorize } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";
import { DEFAULT_REVIEW_INTERVAL_DAYS, REVIEW_INTERVAL_LIMITS } from "~/utils/review-schedule";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

/** Review intervals per community: how long after a review an entry comes back to the work queue. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canManageKnowledge(actor));
  const communities = await listCommunityReviewIntervals();
  return json({ communities: communities.map((c) => ({ id: c.id, name: c.name, status: c.status, visibility: c.visibility, days: c.reviewIntervalDays, entries: c._count.entries })) });
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canManageKnowledge(actor));
  const submission = parseSubmission(ReviewIntervalSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await setCommunityReviewInterval(actor, submission.value.communityId, submission.value.days);
  } catch (error) {
    return replyCommandError(submission, error);
  }
  return redirectWithFlash(request, "/knowledge/review", { key: "review.settings.saved" });
}

export default function ReviewIntervals() {
  const t = useT();
  const { communities } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p>
        <Link to="/curation">← {t("inbox.title")}</Link>
      </p>
      <h1>{t("review.settings.title")}</h1>
      <p className="lead">{t("review.settings.intro", { days: DEFAULT_REVIEW_INTERVAL_DAYS })}</p>
      <ul className="interval-list" aria-label={t("review.settings.title")}>
        {communities.map((c) => (
          // A saved value remounts its row, so the field starts from it.
          <IntervalRow key={`${c.id}-${c.days ?? ""}`} community={c} />
        ))}
      </ul>
    </div>
  );
}

function IntervalRow({ community }: { community: { id: string; name: string; status: string; visibility: string; days: number | null; entries: number } }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useGildeForm(`interval-${community.id}`, { days: community.days === null ? "" : String(community.days) });
  return (
    <li className="card interval-row">
      <div>
        <h2>{community.name}</h2>
        <p className="muted small">
          {t("review.settings.entries", { count: community.entries })}
          {community.visibility === "CLOSED" ? ` · ${t("review.settings.closed")}` : ""}
          {community.status === "ARCHIVED" ? ` · ${t("review.settings.archived")}` : ""} ·{" "}
          {community.days === null ? t("review.settings.default", { days: DEFAULT_REVIEW_INTERVAL_DAYS }) : t("review.settings.current", { count: community.days })}
        </p>
      </div>
      <ConformForm form={form} className="interval-form">
        <input type="hidden" name="communityId" value={community.id} />
        <TextField
          field={fields.days}
          label={t("review.settings.days", { name: community.name })}
          hint={t("review.settings.daysHint", { min: REVIEW_INTERVAL_LIMITS.min, max: REVIEW_INTERVAL_LIMITS.max, days: DEFAULT_REVIEW_INTERVAL_DAYS })}
          inputMode="numeric"
          maxLength={4}
        />
        <button type="submit" className="button" disabled={busy} aria-label={`${t("review.settings.save")}: ${community.name}`}>
          {t("review.settings.save")}
        </button>
      </ConformForm>
    </li>
  );
}
