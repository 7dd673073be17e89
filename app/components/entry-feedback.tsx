import { useNavigation } from "@remix-run/react";
import { ConformForm, TextAreaField, useGildeForm } from "~/components/form";
import { FEEDBACK_INTENT, FEEDBACK_LIMITS } from "~/schemas/feedback.shared";
import { useT } from "~/utils/i18n";

export type EntryFeedbackView = { answer: "helped" | "notHelpful" | null; reason: string | null; helpfulCount: number; can: { feedback: boolean } };

/**
 * "This helped me" and "this did not help" (with an optional reason), each undoable. One answer per
 * reader: giving the other one replaces it. Without JavaScript the reason form opens in a <details>.
 */
export function EntryFeedback({ feedback }: { feedback: EntryFeedbackView }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [helpedForm] = useGildeForm("entry-feedback");
  const [notHelpfulForm, fields] = useGildeForm("entry-not-helpful");
  const { answer, reason, can } = feedback;
  const undo = (
    <button type="submit" name="intent" value={answer === "notHelpful" ? FEEDBACK_INTENT.notHelpfulUndo : FEEDBACK_INTENT.undo} className="button small secondary" disabled={busy}>
      {t("entry.helpedUndo")}
    </button>
  );
  return (
    <div className="feedback">
      {answer === "helped" ? (
        <>
          <p className="helped" role="status">
            ✓ {t("entry.helpedDone")}
          </p>
          {can.feedback ? <ConformForm form={helpedForm}>{undo}</ConformForm> : null}
        </>
      ) : answer === "notHelpful" ? (
        <>
          <div role="status">
            <p className="not-helped">{t("entry.notHelpful.done")}</p>
            {reason ? <p className="muted small pre-line">{t("entry.notHelpful.yourReason", { reason })}</p> : null}
          </div>
          {can.feedback ? <ConformForm form={helpedForm}>{undo}</ConformForm> : null}
        </>
      ) : can.feedback ? (
        <>
          <ConformForm form={helpedForm}>
            <button type="submit" name="intent" value={FEEDBACK_INTENT.helped} className="button" disabled={busy}>
              {t("entry.helped")}
            </button>
          </ConformForm>
          <details className="not-helpful" open={Boolean(fields.reason.errors) || undefined}>
            <summary className="button secondary">{t("entry.notHelpful")}</summary>
            <ConformForm form={notHelpfulForm}>
              <TextAreaField field={fields.reason} label={t("entry.notHelpful.reason")} rows={2} maxLength={FEEDBACK_LIMITS.reasonMax} />
              <button type="submit" name="intent" value={FEEDBACK_INTENT.notHelpful} className="button small" disabled={busy}>
                {t("entry.notHelpful.submit")}
              </button>
            </ConformForm>
          </details>
        </>
      ) : null}
      <p className="muted small">{t("entry.helpedCount", { count: feedback.helpfulCount })}</p>
    </div>
  );
}
