import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { startReport } from "~/commands/manage-report.server";
import { ConformForm, TextField, useGildeForm } from "~/components/form";
import { ReportStateBadge } from "~/components/report";
import { listCommunityReports, suggestedReportPeriod } from "~/models/report.server";
import { requireCommunity } from "~/models/community-access.server";
import { isoDay } from "~/utils/dates";
import { authorize } from "~/utils/http.server";
import { reportAbilities, type Actor } from "~/policies/policies";
import { parseSubmission } from "~/schemas/form";
import { StartReportSchema } from "~/schemas/report";
import { formatDate, useLocale, useT } from "~/utils/i18n";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.community.name} · Gilde` : "Gilde" }];

/** The reports page is for who may list the community's reports: 404 for who may not see it, 403 for who sees it but may not. */
async function reportsCommunity(actor: Actor, slug: string | undefined) {
  const { community, can } = await requireCommunity(actor, slug);
  authorize(can.reports);
  return { community, can };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const { community, can } = await reportsCommunity(actor, params.slug);
  const [reports, suggested] = await Promise.all([listCommunityReports(community.id), suggestedReportPeriod(community)]);
  return json({
    community: { name: community.name, slug: community.slug },
    reports: reports.filter((r) => reportAbilities(actor, community, r).view),
    canStart: can.startReport,
    suggested: { periodStart: isoDay(suggested.start), periodEnd: isoDay(suggested.end) },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const { community } = await reportsCommunity(actor, params.slug);
  const submission = parseSubmission(StartReportSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    const report = await startReport(actor, community.id, submission.value);
    return redirectWithFlash(request, `/reports/${report.id}`, { key: "reports.done.started" });
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function CommunityReports() {
  const t = useT();
  const locale = useLocale();
  const { community, reports, canStart, suggested } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useGildeForm("report-start", suggested, { only: true });
  return (
    <>
      <h2 className="page-title">{t("reports.title", { name: community.name })}</h2>
      <p className="lead">{t("reports.intro")}</p>
      {canStart ? (
        <section className="card" aria-labelledby="start-report">
          <h2 id="start-report">{t("reports.start")}</h2>
          <p className="hint">{t("reports.startHint")}</p>
          <ConformForm form={form}>
            <div className="field-row">
              <TextField field={fields.periodStart} type="date" label={t("reports.field.periodStart")} required />
              <TextField field={fields.periodEnd} type="date" label={t("reports.field.periodEnd")} required />
            </div>
            <button type="submit" className="button primary" disabled={busy}>
              {t("reports.startSubmit")}
            </button>
          </ConformForm>
        </section>
      ) : null}
      <section className="card" aria-labelledby="report-list">
        <h2 id="report-list">{t("reports.link")}</h2>
        {reports.length ? (
          <ul className="community-list">
            {reports.map((r) => (
              <li key={r.id}>
                <Link to={`/reports/${r.id}`}>
                  {t("reports.reportTitle", { period: t("reports.periodText", { start: formatDate(locale, r.periodStart), end: formatDate(locale, r.periodEnd) }) })}
                </Link>{" "}
                <ReportStateBadge state={r.state} /> <span className="muted">{t("reports.by", { name: r.author.name })}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("reports.none")}</p>
        )}
      </section>
    </>
  );
}
