import type { FieldErrors } from "~/schemas/form";
import { LIMITS } from "~/schemas/note";
import { useT } from "~/utils/i18n";
import { RichTextField } from "./editor/rich-text-field";
import { FieldError, TextField } from "./form";
import { TagInput } from "./tag-input";

export type NoteFieldValues = { title?: string; body?: string; bodyPlain?: string; tags?: string; communityId?: string };

/** The fields of a field note, shared by writing a new note and editing a submitted one. */
export function NoteFields({
  errors,
  values,
  communities,
  tags,
  autoFocus = false,
}: {
  errors?: FieldErrors;
  values: NoteFieldValues;
  communities: { id: string; name: string }[];
  tags: string[];
  autoFocus?: boolean;
}) {
  const t = useT();
  return (
    <>
      <TextField
        name="title"
        label={t("note.field.title")}
        hint={t("note.field.titleHint")}
        errors={errors}
        defaultValue={values.title}
        maxLength={LIMITS.titleMax * 2}
        required
        autoFocus={autoFocus}
      />
      <RichTextField name="body" label={t("note.field.body")} errors={errors} defaultJson={values.body} defaultPlain={values.bodyPlain} />
      <TagInput
        name="tags"
        label={t("note.field.tags")}
        hint={t("note.field.tagsHint")}
        suggestions={tags}
        defaultValue={values.tags}
        errors={errors}
        removeLabel={(tag) => t("tags.remove", { tag })}
      />
      {communities.length ? (
        <div className="field">
          <label htmlFor="f-communityId">{t("note.field.community")}</label>
          <select
            id="f-communityId"
            name="communityId"
            defaultValue={values.communityId ?? ""}
            aria-invalid={errors?.communityId ? true : undefined}
            aria-describedby={errors?.communityId ? "f-communityId-error" : undefined}
          >
            <option value="">{t("note.field.noCommunity")}</option>
            {communities.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <FieldError id="f-communityId-error" errors={errors} name="communityId" />
        </div>
      ) : null}
    </>
  );
}
