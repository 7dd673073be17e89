import type { FieldErrors } from "~/schemas/form";
import { useT } from "~/utils/i18n";
import { RichTextEditor } from "./rich-text-editor";

/** The app's rich-text field: the Lexical editor with translated labels and the field's error. */
export function RichTextField({
  name,
  label,
  errors,
  defaultJson,
  defaultPlain,
  hint,
  idPrefix = "f",
}: {
  idPrefix?: string;
  name: string;
  label: string;
  errors?: FieldErrors;
  defaultJson?: string;
  defaultPlain?: string;
  hint?: string;
}) {
  const t = useT();
  const error = errors?.[name];
  return (
    <div className="field">
      <RichTextEditor
        name={name}
        id={`${idPrefix}-${name}`}
        label={label}
        defaultJson={defaultJson}
        defaultPlain={defaultPlain}
        describedBy={hint ? `${idPrefix}-${name}-hint` : undefined}
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
        <p className="hint" id={`${idPrefix}-${name}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
