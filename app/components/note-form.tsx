import { LIMITS } from "~/schemas/note.shared";
import { useT } from "~/utils/i18n";
import { RichTextField } from "./editor/rich-text-field";
import { SelectField, TextField, type ConformField } from "./form";
import { TagInput } from "./tag-input";

export type NoteFieldValues = { title?: string; body?: string; bodyPlain?: string; tags?: string; communityId?: string };

/** The fields of a field note, shared by writing a new note and editing a submitted one. */
export function NoteFields({
  fields,
  values,
  communities,
  tags,
  autoFocus = false,
}: {
  fields: Record<string, ConformField>;
  /** What the form starts from (a restored draft, the note being edited); what was typed before a refusal wins. */
  values: NoteFieldValues;
  communities: { id: string; name: string }[];
  tags: string[];
  autoFocus?: boolean;
}) {
  const t = useT();
  return (
    <>
      <TextField
        field={fields.title}
        label={t("note.field.title")}
        hint={t("note.field.titleHint")}
        defaultValue={values.title}
        maxLength={LIMITS.titleMax * 2}
        required
        autoFocus={autoFocus}
      />
      <RichTextField field={fields.body} plainField={fields.bodyPlain} label={t("note.field.body")} defaultJson={values.body} defaultPlain={values.bodyPlain} />
      <TagInput
        field={fields.tags}
        label={t("note.field.tags")}
        hint={t("note.field.tagsHint")}
        suggestions={tags}
        defaultValue={values.tags}
        removeLabel={(tag) => t("tags.remove", { tag })}
      />
      {communities.length ? (
        <SelectField
          field={fields.communityId}
          label={t("note.field.community")}
          defaultValue={values.communityId ?? ""}
          options={[{ value: "", label: t("note.field.noCommunity") }, ...communities.map((c) => ({ value: c.id, label: c.name }))]}
        />
      ) : null}
    </>
  );
}
