import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { discardReport, reviewReport, saveReport } from "~/commands/manage-report.server";
import { RichTextField } from "~/components/editor/rich-text-field";
import { RichTextView } from "~/components/editor/rich-text-view";
import { ConformForm, StrandedFormAlert, TextAreaField, useGildeForm } from "~/components/form";
import { ReportFiguresView, ReportStateBadge } from "~/components/report";
import { reportAbilities } from "~/policies/policies";
import { readReportFigures, requireVisibleReport } from "~/models/report-access.server";
import { parseSubmission } from "~/schemas/form";
import { ReportIntentSchema } from "~/schemas/report";
import { REPORT_INTENT, REPORT_LIMITS } from "~/schemas/report.shared";
import { readBody } from "~/schemas/rich-text-form";
import { tryParseRichText } from "~/schemas/rich-text";
import { formatDate, useLocale, useT } from "~/utils/i18n";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyCommandError, replyErrors, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.report.community.name} · Gilde` : "Gilde" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const report = await requireVisibleReport(actor, params.reportId);
  const figures = await readReportFigures(actor, report);
  const { figures: _frozen, ...rest } = report;
  return json({
    report: rest,
    // Read here, not in the page: checking the stored JSON takes zod, which stays out of the browser (decision 0076).
    narrative: tryParseRichText(report.narrativeJson),
    figures,
    can: (({ write, review, memberTime }) => ({ write, review, memberTime }))(reportAbilities(actor, report.community, report)),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const report = await requireVisibleReport(actor, params.reportId);
  const form = await request.formData();
  const base = `/reports/${report.id}`;
  const submission = parseSubmission(ReportIntentSchema, form);
  const intent = submission.payload.intent;
  // The draft's narrative is a rich-text field read beside the schema. An empty one may be saved
  // in a draft; submitting asks for one (the command says so).
  const narrative = intent === REPORT_INTENT.save || intent === REPORT_INTENT.submit ? readBody(form, "narrative") : null;
  const narrativeError = narrative && !narrative.ok && narrative.error.key !== "error.rich.empty" ? narrative.error : undefined;
  if (submission.status !== "success" || narrativeError) return replyErrors(submission, { fields: { narrative: narrativeError } });
  const input = submission.value;
  try {
    switch (input.intent) {
      case REPORT_INTENT.discard: {
        const { communitySlug } = await discardReport(actor, report.id);
        return redirectWithFlash(request, `/communities/${communitySlug}/reports`, { key: "reports.done.discarded" });
      }
      case REPORT_INTENT.comment:
      case REPORT_INTENT.acknowledge: {
        const acknowledge = input.intent === REPORT_INTENT.acknowledge;
        await reviewReport(actor, report.id, { comment: input.comment, acknowledge });
        return redirectWithFlash(request, base, { key: acknowledge ? "reports.done.acknowledged" : "reports.done.commented" });
      }
      case REPORT_INTENT.save:
      case REPORT_INTENT.submit: {
        const submit = input.intent === REPORT_INTENT.submit;
        const body = narrative?.ok ? { json: narrative.json, text: narrative.text } : { json: "", text: "" };
        await saveReport(actor, report.id, { narrative: body, highlights: input.highlights }, submit);
        return redirectWithFlash(request, base, { key: submit ? "reports.done.submitted" : "reports.done.saved" });
      }
      default:
        return replyInvalid(submission);
    }
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function ReportPage() {
  const t = useT();
  const locale = useLocale();
  const { report, narrative, figures, can } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const [draftForm, draftFields] = useGildeForm("report-draft", { narrative: report.narrativeJson, highlights: report.highlights.join("\n") });
  const [discardForm] = useGildeForm("report-discard");
  const [reviewForm, reviewFields] = useGildeForm("report-review", { comment: report.headComment });
  const periodText = t("reports.periodText", { start: formatDate(locale, report.periodStart), end: formatDate(locale, report.periodEnd) });
  return (
    <article className="stack report">
      <p className="no-print">
        <Link to={`/communities/${report.community.slug}/reports`}>← {t("reports.title", { name: report.community.name })}</Link>
      </p>
      <div className="page-head">
        <h1>
          {t("reports.reportTitle", { period: periodText })} <ReportStateBadge state={report.state} />
        </h1>
        <div className="no-print">
          <a className="button small secondary" href={`/reports/${report.id}/pdf`} download>
            {t("reports.pdf")}
          </a>{" "}
          <a className="button small secondary" href={`/reports/${report.id}/csv`} download>
            {t("reports.csv")}
          </a>
        </div>
      </div>
      <p className="muted">
        {report.community.name} · {report.community.department.name} · {t("reports.by", { name: report.author.name })}
        {report.submittedAt ? ` · ${t("reports.submittedOn", { date: formatDate(locale, report.submittedAt) })}` : ""}
      </p>
      <StrandedFormAlert shown={[...(can.write ? [draftForm.id, discardForm.id] : []), ...(can.review ? [reviewForm.id] : [])]} />

      {report.state === "ACKNOWLEDGED" && report.acknowledgedBy && report.acknowledgedAt ? (
        <div className="alert alert-success" role="status">
          {t("reports.acknowledgedBy", { name: report.acknowledgedBy.name, date: formatDate(locale, report.acknowledgedAt) })}
        </div>
      ) : report.state === "SUBMITTED" && !can.review ? (
        <p className="muted">{t("reports.waitingHead")}</p>
      ) : null}
      {report.headComment ? (
        <section className="card" aria-labelledby="head-comment">
          <h2 id="head-comment">{t("reports.headComment")}</h2>
          <p className="pre-line">{report.headComment}</p>
        </section>
      ) : null}

      <section aria-labelledby="figures">
        <h2 id="figures">{t("reports.figures")}</h2>
        <p className="hint">{report.submittedAt ? t("reports.figuresFrozen", { date: formatDate(locale, report.submittedAt) }) : t("reports.figuresLive")}</p>
        <ReportFiguresView figures={figures} memberTime={can.memberTime} />
      </section>

      {can.write ? (
        <section className="card no-print" aria-labelledby="write">
          <h2 id="write">{t("reports.writeTitle")}</h2>
          <ConformForm form={draftForm} className="stack">
            <RichTextField field={draftFields.narrative} plainField={draftFields.narrativePlain} label={t("reports.narrative")} hint={t("reports.narrativeHint")} />
            <TextAreaField
              field={draftFields.highlights}
              label={t("reports.highlights")}
              hint={t("reports.highlightsHint")}
              rows={5}
              maxLength={REPORT_LIMITS.highlightsMax * (REPORT_LIMITS.highlightMax + 2) * 2}
            />
            <div>
              <button type="submit" name="intent" value={REPORT_INTENT.save} className="button secondary" disabled={busy}>
                {t("reports.save")}
              </button>{" "}
              <button type="submit" name="intent" value={REPORT_INTENT.submit} className="button primary" disabled={busy}>
                {t("reports.submit")}
              </button>
            </div>
          </ConformForm>
          {/* Two steps, also without JavaScript: open, then confirm. */}
          <details className="discard-report">
            <summary>{t("reports.discard")}</summary>
            <p className="hint">{t("reports.discardHint")}</p>
            <ConformForm form={discardForm}>
              <button type="submit" name="intent" value={REPORT_INTENT.discard} className="button danger" disabled={busy}>
                {t("reports.discardSubmit")}
              </button>
            </ConformForm>
          </details>
        </section>
      ) : (
        <section className="card" aria-labelledby="narrative">
          <h2 id="narrative">{t("reports.narrative")}</h2>
          {narrative ? <RichTextView json={narrative} /> : <p className="muted">{t("common.none")}</p>}
          {report.highlights.length ? (
            <>
              <h3>{t("reports.highlights")}</h3>
              <ul>
                {report.highlights.map((h, i) => (
                  <li key={i}>{h}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      )}

      {can.review ? (
        <section className="card no-print" aria-labelledby="review">
          <h2 id="review">{t("reports.reviewTitle")}</h2>
          <ConformForm form={reviewForm} className="stack">
            <TextAreaField field={reviewFields.comment} label={t("reports.comment")} maxLength={REPORT_LIMITS.commentMax} />
            <div>
              <button type="submit" name="intent" value={REPORT_INTENT.comment} className="button secondary" disabled={busy}>
                {t("reports.commentSubmit")}
              </button>{" "}
              <button type="submit" name="intent" value={REPORT_INTENT.acknowledge} className="button primary" disabled={busy}>
                {t("reports.acknowledge")}
              </button>
            </div>
          </ConformForm>
        </section>
      ) : null}
    </article>
  );
}
