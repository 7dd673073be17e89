import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { remindMandatoryRead, withdrawMandatoryRead } from "~/commands/manage-mandatory-read.server";
import { StrandedFormAlert } from "~/components/form";
import { KnowledgeNav } from "~/components/knowledge-nav";
import { AcknowledgementTable, audienceLabel, Progress, ReadState, ReportActions } from "~/components/mandatory-reads";
import { getMandatoryReadReport } from "~/models/mandatory-read.server";
import { canManageMandatoryReads } from "~/policies/policies";
import { parseSubmission } from "~/schemas/form";
import { MandatoryReportIntentSchema } from "~/schemas/mandatory-read";
import { MANDATORY_INTENT } from "~/schemas/mandatory-read.shared";
import { redirectWithFlash } from "~/utils/flash.server";
import { authorize, notFound } from "~/utils/http.server";
import { formatDate, useLocale, useT } from "~/utils/i18n";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.read.entry.title} · Gilde` : "Gilde" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canManageMandatoryReads(actor));
  const read = await getMandatoryReadReport(params.readId ?? "");
  if (!read) notFound();
  return json({ read });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canManageMandatoryReads(actor));
  const submission = parseSubmission(MandatoryReportIntentSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  const input = submission.value;
  // The read in the address is the one acted on; a form naming another is refused like any unknown read.
  if (input.readId !== params.readId) notFound();
  const here = `/knowledge/mandatory-reads/${input.readId}`;
  try {
    switch (input.intent) {
      case MANDATORY_INTENT.remind: {
        const { reminded } = await remindMandatoryRead(actor, input.readId);
        return redirectWithFlash(request, here, { key: "mandatory.flash.reminded", vars: { count: reminded } });
      }
      case MANDATORY_INTENT.withdraw:
        await withdrawMandatoryRead(actor, input.readId);
        return redirectWithFlash(request, here, { key: "mandatory.flash.withdrawn" });
      default:
        return replyInvalid(submission);
    }
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function MandatoryReadReport() {
  const t = useT();
  const locale = useLocale();
  const { read } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <KnowledgeNav />
      <p>
        <Link to="/knowledge/mandatory-reads">← {t("mandatory.list.title")}</Link>
      </p>
      {/* A refusal for a form the page no longer shows (the read was closed, everyone reminded meanwhile) shows on top. */}
      <StrandedFormAlert shown={read.open ? [...(read.remindable > 0 ? ["mandatory-remind"] : []), "mandatory-withdraw"] : []} />
      <header className="card">
        <div className="mandatory-report-head">
          <h1>{read.entry.title}</h1>
          <ReadState read={read} />
        </div>
        <p className="muted small">
          {audienceLabel(t, read.audience)} · {t("mandatory.due.by", { date: formatDate(locale, read.dueAt) })} · {t("entry.version", { version: read.entry.version })} ·{" "}
          {t("mandatory.report.by", { name: read.createdBy.name, date: formatDate(locale, read.createdAt) })}
          {read.withdrawnAt ? ` · ${t("mandatory.report.withdrawnOn", { date: formatDate(locale, read.withdrawnAt) })}` : ""} ·{" "}
          <Link to={`/entries/${read.entry.id}`}>{t("mandatory.report.openEntry")}</Link>
        </p>
        {!read.open && !read.withdrawnAt ? <p className="small">{t("mandatory.report.closedHint")}</p> : null}
        <p>
          <Progress counts={read.counts} />
        </p>
        <ReportActions readId={read.id} open={read.open} remindable={read.remindable} allConfirmed={read.counts.CONFIRMED === read.counts.total} />
      </header>
      <AcknowledgementTable rows={read.rows} readDueAt={read.dueAt} />
    </div>
  );
}
