/**
 * The roll-out's two import pages (users from a CSV, the knowledge base from JSON Lines) share their
 * shape: choose a file, see every row's verdict, then confirm. Without JavaScript the confirmation
 * posts the checked content back in a hidden field, so nothing is kept on the server in between.
 */
import type { ReactNode } from "react";
import { ConformForm, FieldLabel, MessageError, describedBy, fieldError, useGildeForm } from "~/components/form";
import { useT, type Message } from "~/utils/i18n";
import { IMPORT_INTENT } from "~/schemas/imports.shared";
import type { UserImportPreview, UserImportColumn } from "~/schemas/user-import.server";


/** A file input over a conform form's field name, with its hint and the error the server gave it. */
export function FileField({ id, name, label, hint, accept, error }: { id: string; name: string; label: string; hint?: string; accept: string; error?: Message }) {
  return (
    <div className="field">
      <FieldLabel id={id} label={label} hint={hint} />
      <input type="file" id={id} name={name} accept={accept} required aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, Boolean(error))} />
      <MessageError id={`${id}-error`} error={error} />
    </div>
  );
}

/** The upload form of an import page: a file and the button that checks it (nothing is written). */
export function UploadForm({ formId, label, hint, accept, submit, children }: { formId: string; label: string; hint: string; accept: string; submit: string; children?: ReactNode }) {
  // A body the server could not read (too large, malformed) comes back without its form id: it is this form's.
  const [form, fields] = useGildeForm(formId, undefined, { only: true });
  const fileField = fields.file;
  return (
    <ConformForm form={form} encType="multipart/form-data">
      <input type="hidden" name="intent" value={IMPORT_INTENT.check} />
      <FileField id={fileField.id} name="file" label={label} hint={hint} accept={accept} error={fieldError(fileField)} />
      {children}
      <button type="submit" className="button primary">
        {submit}
      </button>
    </ConformForm>
  );
}

/** After a clean check: the checked content travels back with the confirmation. */
export function ConfirmForm({ formId, content, submit, children }: { formId: string; content: string; submit: string; children?: ReactNode }) {
  const [form] = useGildeForm(formId);
  return (
    <ConformForm form={form}>
      <input type="hidden" name="intent" value={IMPORT_INTENT.import} />
      <input type="hidden" name="content" value={content} />
      {children}
      <button type="submit" className="button primary">
        {submit}
      </button>
    </ConformForm>
  );
}

const COLUMNS: readonly UserImportColumn[] = ["email", "name", "department", "role"];

/** Every row of the user file with its verdict; a row with errors names them beside the column they concern. */
export function UserImportTable({ preview }: { preview: UserImportPreview }) {
  const t = useT();
  const label: Record<UserImportColumn, string> = {
    email: t("users.email"),
    name: t("users.name"),
    department: t("users.department"),
    role: t("users.role"),
    locale: t("users.locale"),
  };
  return (
    <div className="card table-wrap">
      <table className="data-table import-table">
        <caption className="visually-hidden">{t("userImport.previewTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("import.line")}</th>
            {COLUMNS.map((c) => (
              <th key={c} scope="col">
                {label[c]}
              </th>
            ))}
            <th scope="col">{t("import.verdict")}</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr key={row.line} className={row.status === "invalid" ? "import-row-invalid" : undefined}>
              <td data-label={t("import.line")}>{row.line}</td>
              {COLUMNS.map((c) => (
                <td key={c} data-label={label[c]} className={c === "email" || c === "name" ? "import-cell" : undefined}>
                  {row.cells[c]}
                </td>
              ))}
              <td data-label={t("import.verdict")}>
                {row.status === "create" ? <span className="badge badge-published">{t("userImport.status.create")}</span> : null}
                {row.status === "exists" ? <span className="badge badge-archived">{t("userImport.status.exists")}</span> : null}
                {row.status === "invalid" ? (
                  <ul className="plain-list import-errors">
                    {row.errors.map((error, i) => (
                      <li key={i}>
                        {error.column ? `${label[error.column]}: ` : ""}
                        {t(error.message.key, error.message.vars)}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Each wrong line of a knowledge-base file with what is wrong with it (the exchange format speaks English, like the terminal). */
export function KbImportErrors({ errors }: { errors: { line: number; messages: string[] }[] }) {
  const t = useT();
  return (
    <section className="stack" aria-labelledby="kb-import-errors">
      <h2 id="kb-import-errors">{t("kbImport.errorsTitle")}</h2>
      <div className="alert alert-error" role="alert">
        {t("kbImport.fixFirst", { count: errors.length })}
      </div>
      <div className="card table-wrap">
        <table className="data-table import-table">
          <thead>
            <tr>
              <th scope="col">{t("import.line")}</th>
              <th scope="col">{t("kbImport.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((error) => (
              <tr key={error.line}>
                <td data-label={t("import.line")}>{error.line}</td>
                <td lang="en" data-label={t("kbImport.problem")}>
                  <ul className="plain-list import-errors">
                    {error.messages.map((message, i) => (
                      <li key={i}>{message}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

type KbLine = { line: number; externalId: string; title: string; outcome: "created" | "updated" | "unchanged" | "archived" };

const OUTCOME_BADGE: Record<KbLine["outcome"], string> = { created: "badge-published", updated: "badge-submitted", unchanged: "badge-archived", archived: "badge-archived" };

/** What the import would do to each line (the dry run). */
export function KbImportTable({ lines }: { lines: KbLine[] }) {
  const t = useT();
  return (
    <div className="card table-wrap">
      <table className="data-table import-table">
        <caption className="visually-hidden">{t("kbImport.previewTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("import.line")}</th>
            <th scope="col">{t("kbImport.externalId")}</th>
            <th scope="col">{t("kbImport.entryTitle")}</th>
            <th scope="col">{t("import.verdict")}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.line}>
              <td data-label={t("import.line")}>{line.line}</td>
              <td className="import-cell" data-label={t("kbImport.externalId")}>
                <code>{line.externalId}</code>
              </td>
              <td className="import-cell" data-label={t("kbImport.entryTitle")}>
                {line.title}
              </td>
              <td data-label={t("import.verdict")}>
                <span className={`badge ${OUTCOME_BADGE[line.outcome]}`}>{t(`kbImport.outcome.${line.outcome}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
