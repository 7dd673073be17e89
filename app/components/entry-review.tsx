/**
 * The review side of an entry's page: the notice readers see while it needs review, and for a knowledge
 * manager when it was last reviewed, the demand since, and the one-click confirmation (posted to
 * /entries/:id/review, so the page's own action stays as it is).
 */
import { useNavigation } from "@remix-run/react";
import { ConformForm, useGildeForm } from "~/components/form";
import { DemandSince } from "~/components/work-queue";
import { QUEUE_INTENT } from "~/schemas/work-queue.shared";
import { formatDate, useLocale, useT } from "~/utils/i18n";

type Panel = { lastReviewedAt: string | null; publishedAt: string; helpfulSince: number; reusedSince: number; notHelped: number };

/** `explained`: another notice already tells readers why the entry is in review (a product being retired). */
export function EntryReview({ entry, review, explained = false }: { entry: { id: string; state: string; reviewBy: string | null }; review: Panel | null; explained?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const [form] = useGildeForm("entry-review");
  const byReuse = review ? review.helpfulSince + review.reusedSince > 0 : false;
  return (
    <>
      {entry.state === "NEEDS_REVIEW" && !explained ? (
        <p className="alert alert-warning" role="note">
          {t("review.notice")}
        </p>
      ) : null}
      {review ? (
        <section className="card entry-review" aria-labelledby="entry-review-heading">
          <h2 id="entry-review-heading">{t("review.entry.title")}</h2>
          <p className="muted small">
            {review.lastReviewedAt ? t("review.entry.lastReviewed", { date: formatDate(locale, review.lastReviewedAt) }) : t("review.entry.never", { date: formatDate(locale, review.publishedAt) })}
            {entry.reviewBy ? ` · ${t("entry.reviewBy", { date: formatDate(locale, entry.reviewBy) })}` : ""}
          </p>
          <p className={byReuse ? "queue-demand used" : "queue-demand"}>
            <DemandSince helpfulSince={review.helpfulSince} reusedSince={review.reusedSince} />
            {review.notHelped ? ` · ${t("queue.notHelped", { count: review.notHelped })}` : ""}
          </p>
          <ConformForm form={form} action={`/entries/${entry.id}/review`}>
            <input type="hidden" name="intent" value={QUEUE_INTENT.confirmReview} />
            <button type="submit" className="button primary" disabled={busy}>
              {byReuse ? t("review.confirmByReuse") : t("review.confirm")}
            </button>
          </ConformForm>
          <p className="hint">{t("review.entry.hint")}</p>
        </section>
      ) : null}
    </>
  );
}
