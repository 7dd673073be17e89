import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { importEntriesFromText, type TextImportResult } from "~/commands/import-entries.server";
import { ConfirmForm, KbImportErrors, KbImportTable, UploadForm } from "~/components/imports";
import { KnowledgeNav } from "~/components/knowledge-nav";
import { canExchangeKnowledge } from "~/policies/policies";
import { parseSubmission } from "~/schemas/form";
import { KbImportSchema } from "~/schemas/imports";
import { IMPORT_INTENT, KB_IMPORT_LIMITS } from "~/schemas/imports.shared";
import { redirectWithFlash } from "~/utils/flash.server";
import { authorize } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import { replyErrors, requireActor } from "~/utils/request.server";
import { readUploadForm } from "~/utils/upload.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

type CheckReply = { check: TextImportResult; content: string };

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canExchangeKnowledge(actor));
  return json({ maxKb: KB_IMPORT_LIMITS.maxBytes / 1024 });
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canExchangeKnowledge(actor));
  const { form, file } = await readUploadForm(request, { fileField: "file", maxBytes: KB_IMPORT_LIMITS.maxBytes });
  const submission = parseSubmission(KbImportSchema, form);
  // The file's content is never echoed back in a refusal: it may be megabytes.
  if (submission.status !== "success") {
    // A body that could not be read at all (too large, malformed) says so at the file field.
    if (file && !file.ok) return replyErrors(submission, { fields: { file: file.error } });
    return json(submission.reply({ hideFields: ["content"] }), { status: 400 });
  }
  switch (submission.value.intent) {
    case IMPORT_INTENT.check: {
      if (!file?.ok) return replyErrors(submission, { fields: { file: file?.error ?? { key: "upload.error.noFile" } } });
      // The check is a dry run: every line validated, every community looked up, what would happen counted.
      const check = await importEntriesFromText(actor, file.text, { dryRun: true });
      return json<CheckReply>({ check, content: check.ok ? file.text : "" }, { status: check.ok ? 200 : 400 });
    }
    case IMPORT_INTENT.import: {
      const content = submission.value.content;
      const result = await importEntriesFromText(actor, content, { dryRun: false });
      if (!result.ok) return json<CheckReply>({ check: result, content: "" }, { status: 400 });
      const { created, updated, unchanged, archived } = result.summary;
      return redirectWithFlash(request, "/knowledge/import", { key: "kbImport.done", vars: { created, updated, unchanged, archived } });
    }
    default:
      return json(submission.reply(), { status: 400 });
  }
}

export default function KnowledgeImport() {
  const t = useT();
  const { maxKb } = useLoaderData<typeof loader>();
  const reply = useActionData() as CheckReply | undefined;
  const check = reply && "check" in reply ? reply.check : undefined;
  return (
    <div className="stack">
      <KnowledgeNav />
      <h1>{t("kbImport.title")}</h1>
      <section className="card form-page" aria-labelledby="kb-import-upload">
        <h2 id="kb-import-upload">{t("kbImport.uploadTitle")}</h2>
        <p>{t("kbImport.intro")}</p>
        <UploadForm formId="kb-import" label={t("kbImport.file")} hint={t("kbImport.fileHint", { maxKb: maxKb })} accept=".jsonl,.ndjson,application/x-ndjson,application/jsonl" submit={t("kbImport.check")} />
      </section>
      {check && !check.ok ? <KbImportErrors errors={check.errors} /> : null}
      {check && check.ok && reply ? (
        <section className="stack" aria-labelledby="kb-import-preview">
          <h2 id="kb-import-preview">{t("kbImport.previewTitle")}</h2>
          <p role="status">{t("kbImport.dryRunSummary", { ...check.summary, count: check.lines.length })}</p>
          {check.summary.created + check.summary.updated > 0 ? (
            <ConfirmForm formId="kb-import-confirm" content={reply.content} submit={t("kbImport.import", { count: check.summary.created + check.summary.updated })} />
          ) : (
            <div className="alert alert-info">{t("kbImport.nothingToDo")}</div>
          )}
          <KbImportTable lines={check.lines} />
        </section>
      ) : null}
      <section className="card" aria-labelledby="kb-export">
        <h2 id="kb-export">{t("kbImport.exportTitle")}</h2>
        <p>{t("kbImport.exportIntro")}</p>
        <p>
          <a className="button" href="/knowledge/export.jsonl" download>
            {t("kbImport.export")}
          </a>
        </p>
      </section>
    </div>
  );
}
