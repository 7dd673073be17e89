import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { discardReport, reviewReport, saveReport } from "~/commands/manage-report.server";
import { RichTextField } from "~/components/editor/rich-text-field";
import { RichTextView } from "~/components/editor/rich-text-view";
import { FormAlert, TextAreaField } from "~/components/form";
import { ReportFiguresView, ReportStateBadge } from "~/components/report";
import { reportFigures } from "~/models/report.server";
import { reportAbilities } from "~/policies/policies";
import { requireVisibleReport } from "~/models/report-access.server";
import { formValues, parseForm, type FieldErrors } from "~/schemas/form";
import { REPORT_LIMITS, ReportDraftSchema, ReportReviewSchema } from "~/schemas/report";
import { readBody } from "~/schemas/rich-text-form";
import { tryParseRichText } from "~/schemas/rich-text";
import { formatDate, useLocale, useT } from "~/utils/i18n";
import { commandFailure, invalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.report.community.name} · Gilde` : "Gilde" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const report = await requireVisibleReport(actor, params.reportId);
  const figures = await reportFigures(report);
  const { figures: _frozen, ...rest } = report;
  return json({
    report: rest,
    figures,
    can: (({ write, review }) => ({ write, review }))(reportAbilities(actor, report.community, report)),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const report = await requireVisibleReport(actor, params.reportId);
  const form = await request.formData();
  const base = `/reports/${report.id}`;
  try {
    const intent = form.get("intent");
    if (intent === "discard") {
      const { communitySlug } = await discardReport(actor, report.id);
      return redirect(`/communities/${communitySlug}/reports?done=discarded`);
    }
    if (intent === "comment" || intent === "acknowledge") {
      const parsed = parseForm(ReportReviewSchema, form);
      if (!parsed.ok) return invalid(parsed.errors, parsed.values);
      await reviewReport(actor, report.id, { comment: parsed.data.comment, acknowledge: parsed.data.intent === "acknowledge" });
      return redirect(`${base}?done=${parsed.data.intent === "acknowledge" ? "acknowledged" : "commented"}`);
    }
    const parsed = parseForm(ReportDraftSchema, form);
    const narrative = readBody(form, "narrative");
    // An empty narrative may be saved in a draft; submitting asks for one (the command says so).
    const emptyNarrative = !narrative.ok && narrative.error.key === "error.rich.empty";
    if (!parsed.ok || (!narrative.ok && !emptyNarrative)) {
      const errors: FieldErrors = { ...(parsed.ok ? {} : parsed.errors), ...(!narrative.ok && !emptyNarrative ? { narrative: narrative.error } : {}) };
      return invalid(errors, formValues(form));
    }
    const body = narrative.ok ? { json: narrative.json, text: narrative.text } : { json: "", text: "" };
    await saveReport(actor, report.id, { narrative: body, highlights: parsed.data.highlights }, parsed.data.intent === "submit");
    return redirect(`${base}?done=${parsed.data.intent === "submit" ? "submitted" : "saved"}`);
  } catch (error) {
    return commandFailure(error, formValues(form));
  }
}

const DONE = {
  started: "reports.done.started",
  saved: "reports.done.saved",
  submitted: "reports.done.submitted",
  commented: "reports.done.commented",
  acknowledged: "reports.done.acknowledged",
} as const;

export default function ReportPage() {
  const t = useT();
  const locale = useLocale();
  const { report, figures, can } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const done = params.get("done") as keyof typeof DONE | null;
  const errors = actionData?.errors;
  const values = actionData?.values ?? {};
  const periodText = t("reports.periodText", { start: formatDate(locale, report.periodStart), end: formatDate(locale, report.periodEnd) });
  const narrative = tryParseRichText(report.narrativeJson);
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
      {done && DONE[done] ? (
        <div className="alert alert-success no-print" role="status">
          {t(DONE[done])}
        </div>
      ) : null}
      <FormAlert errors={errors} />

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
        <ReportFiguresView figures={figures} />
      </section>

      {can.write ? (
        <section className="card no-print" aria-labelledby="write">
          <h2 id="write">{t("reports.writeTitle")}</h2>
          <Form method="post" noValidate className="stack">
            <RichTextField
              name="narrative"
              idPrefix="report"
              label={t("reports.narrative")}
              hint={t("reports.narrativeHint")}
              errors={errors}
              defaultJson={values.narrative ?? report.narrativeJson}
              defaultPlain={values.narrativePlain}
            />
            <TextAreaField
              name="highlights"
              idPrefix="report"
              label={t("reports.highlights")}
              hint={t("reports.highlightsHint")}
              rows={5}
              maxLength={REPORT_LIMITS.highlightsMax * (REPORT_LIMITS.highlightMax + 2) * 2}
              defaultValue={values.highlights ?? report.highlights.join("\n")}
              errors={errors}
            />
            <div>
              <button type="submit" name="intent" value="save" className="button secondary" disabled={busy}>
                {t("reports.save")}
              </button>{" "}
              <button type="submit" name="intent" value="submit" className="button primary" disabled={busy}>
                {t("reports.submit")}
              </button>
            </div>
          </Form>
          {/* Two steps, also without JavaScript: open, then confirm. */}
          <details className="discard-report">
            <summary>{t("reports.discard")}</summary>
            <p className="hint">{t("reports.discardHint")}</p>
            <Form method="post">
              <button type="submit" name="intent" value="discard" className="button danger" disabled={busy}>
                {t("reports.discardSubmit")}
              </button>
            </Form>
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
          <Form method="post" noValidate className="stack">
            <TextAreaField name="comment" idPrefix="report" label={t("reports.comment")} maxLength={REPORT_LIMITS.commentMax} defaultValue={values.comment ?? report.headComment} errors={errors} />
            <div>
              <button type="submit" name="intent" value="comment" className="button secondary" disabled={busy}>
                {t("reports.commentSubmit")}
              </button>{" "}
              <button type="submit" name="intent" value="acknowledge" className="button primary" disabled={busy}>
                {t("reports.acknowledge")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </article>
  );
}
