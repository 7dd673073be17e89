import { fieldError, fieldValue, type ConformField } from "~/components/form";
import type { FieldErrors } from "~/schemas/form";
import { useT } from "~/utils/i18n";
import { RichTextEditor } from "./rich-text-editor";

/**
 * The app's rich-text field: the Lexical editor with translated labels and the field's error.
 * With `field` (conform) the name, id, error and what was posted before a refusal come from it;
 * `plainField` is its `<name>Plain` twin, what the textarea posted without JavaScript.
 */
export function RichTextField({
  name: givenName,
  field,
  plainField,
  label,
  errors,
  defaultJson,
  defaultPlain,
  hint,
  idPrefix = "f",
}: {
  idPrefix?: string;
  name?: string;
  field?: ConformField;
  plainField?: ConformField;
  label: string;
  errors?: FieldErrors;
  defaultJson?: string;
  defaultPlain?: string;
  hint?: string;
}) {
  const t = useT();
  const name = field?.name ?? givenName ?? "";
  const id = field?.id ?? `${idPrefix}-${name}`;
  const error = fieldError(field, errors, name);
  return (
    <div className="field">
      <RichTextEditor
        name={name}
        id={id}
        label={label}
        defaultJson={fieldValue(field, defaultJson)}
        defaultPlain={fieldValue(plainField, defaultPlain)}
        describedBy={hint ? `${id}-hint` : undefined}
        error={error ? t(error.key, error.vars) : undefined}
        labels={{
          bold: t("editor.bold"),
          italic: t("editor.italic"),
          bulletList: t("editor.bulletList"),
          numberedList: t("editor.numberedList"),
          link: t("editor.link"),
          linkPrompt: t("editor.linkPrompt"),
          removeLink: t("editor.removeLink"),
          invalidLink: t("error.rich.unsafe_link"),
        }}
      />
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
