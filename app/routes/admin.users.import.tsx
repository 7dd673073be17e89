import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { importUsers, previewUserImport } from "~/commands/import-users.server";
import { ConfirmForm, UploadForm, UserImportTable } from "~/components/imports";
import { listDepartments } from "~/models/department.server";
import { canImportUsers } from "~/policies/policies";
import { ROLES } from "~/schemas/enums";
import { parseSubmission } from "~/schemas/form";
import { UserImportSchema } from "~/schemas/imports";
import { IMPORT_INTENT, USER_IMPORT_LIMITS } from "~/schemas/imports.shared";
import type { UserImportPreview } from "~/schemas/user-import.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { authorize } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import { replyErrors, requireActor } from "~/utils/request.server";
import { readUploadForm } from "~/utils/upload.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

type PreviewReply = { preview: UserImportPreview; content: string };

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canImportUsers(actor));
  return json({ departments: (await listDepartments()).map((d) => d.name), roles: ROLES, maxKb: USER_IMPORT_LIMITS.maxBytes / 1024, maxRows: USER_IMPORT_LIMITS.maxRows });
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canImportUsers(actor));
  const { form, file } = await readUploadForm(request, { fileField: "file", maxBytes: USER_IMPORT_LIMITS.maxBytes });
  const submission = parseSubmission(UserImportSchema, form);
  // The file's content is never echoed back in a refusal: it may be half a megabyte.
  if (submission.status !== "success") {
    // A body that could not be read at all (too large, malformed) says so at the file field.
    if (file && !file.ok) return replyErrors(submission, { fields: { file: file.error } });
    return json(submission.reply({ hideFields: ["content"] }), { status: 400 });
  }
  switch (submission.value.intent) {
    case IMPORT_INTENT.check: {
      if (!file?.ok) return replyErrors(submission, { fields: { file: file?.error ?? { key: "upload.error.noFile" } } });
      const check = await previewUserImport(actor, file.text);
      if (!check.ok) return replyErrors(submission, { fields: { file: check.error } });
      return json<PreviewReply>({ preview: check.preview, content: file.text });
    }
    case IMPORT_INTENT.import: {
      const content = submission.value.content;
      const result = await importUsers(actor, content);
      if (result.ok) return redirectWithFlash(request, "/admin/users", { key: "userImport.done", vars: { count: result.created, skipped: result.skipped } });
      if (!result.check.ok) return replyErrors(submission, { form: result.check.error });
      return json<PreviewReply>({ preview: result.check.preview, content }, { status: 400 });
    }
    default:
      return json(submission.reply(), { status: 400 });
  }
}

export default function UserImport() {
  const t = useT();
  const { departments, roles, maxKb, maxRows } = useLoaderData<typeof loader>();
  const reply = useActionData() as PreviewReply | undefined;
  const preview = reply && "preview" in reply ? reply : undefined;
  const counts = preview?.preview.counts;
  return (
    <div className="stack">
      <p>
        <Link to="/admin/users">← {t("users.title")}</Link>
      </p>
      <h1>{t("userImport.title")}</h1>
      <section className="card form-page" aria-labelledby="user-import-upload">
        <h2 id="user-import-upload">{t("userImport.uploadTitle")}</h2>
        <p>{t("userImport.intro")}</p>
        <ul className="small">
          <li>{t("userImport.columns")}</li>
          <li>{t("userImport.departments", { list: departments.join(", ") || t("common.none") })}</li>
          <li>{t("userImport.roles", { list: roles.map((r) => t(`role.${r}`)).join(", ") })}</li>
          <li>{t("userImport.noPassword")}</li>
        </ul>
        <UploadForm formId="user-import" label={t("userImport.file")} hint={t("userImport.fileHint", { maxKb, maxRows })} accept=".csv,text/csv" submit={t("userImport.check")} />
      </section>
      {preview && counts ? (
        <section className="stack" aria-labelledby="user-import-preview">
          <h2 id="user-import-preview">{t("userImport.previewTitle")}</h2>
          <p role="status">
            {t("userImport.summary", { count: preview.preview.rows.length })} {t("userImport.summaryCreate", { count: counts.create })} {t("userImport.summaryExists", { count: counts.exists })}{" "}
            {t("userImport.summaryInvalid", { count: counts.invalid })}
          </p>
          {counts.invalid > 0 ? (
            <div className="alert alert-error" role="alert">
              {t("userImport.fixFirst")}
            </div>
          ) : counts.create === 0 ? (
            <div className="alert alert-info">{t("userImport.nothingNew")}</div>
          ) : (
            <ConfirmForm formId="user-import-confirm" content={preview.content} submit={t("userImport.import", { count: counts.create })} />
          )}
          <UserImportTable preview={preview.preview} />
        </section>
      ) : null}
    </div>
  );
}
