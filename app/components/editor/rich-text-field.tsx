import { fieldError, fieldValue, type ConformField } from "~/components/form";
import { useT } from "~/utils/i18n";
import { RichTextEditor } from "./rich-text-editor";

/**
 * The app's rich-text field: the Lexical editor with translated labels and the field's error.
 * The conform `field` gives the name, id, error and what was posted before a refusal;
 * `plainField` is its `<name>Plain` twin, what the textarea posted without JavaScript.
 */
export function RichTextField({
  field,
  plainField,
  label,
  defaultJson,
  defaultPlain,
  hint,
}: {
  field: ConformField;
  plainField?: ConformField;
  label: string;
  defaultJson?: string;
  defaultPlain?: string;
  hint?: string;
}) {
  const t = useT();
  const { name, id } = field;
  const error = fieldError(field);
  return (
    <div className="field">
      <RichTextEditor
        name={name}
        id={id}
        label={label}
        defaultJson={fieldValue(field, defaultJson)}
        defaultPlain={plainField ? fieldValue(plainField, defaultPlain) : defaultPlain}
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
