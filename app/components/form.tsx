import type { FieldErrors } from "~/schemas/form";
import { useT } from "~/utils/i18n";

export function FieldError({ id, errors, name }: { id: string; errors?: FieldErrors; name: string }) {
  const t = useT();
  const error = errors?.[name];
  if (!error) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {t(error.key, error.vars)}
    </p>
  );
}

type InputProps = {
  name: string;
  label: string;
  errors?: FieldErrors;
  defaultValue?: string;
  hint?: string;
  type?: string;
  required?: boolean;
  maxLength?: number;
  autoComplete?: string;
  list?: string;
  autoFocus?: boolean;
  idPrefix?: string;
};

/** The ids a field's input points at with aria-describedby: its hint and its error. */
export function describedBy(id: string, hint?: string, hasError?: boolean): string | undefined {
  return [hint ? `${id}-hint` : null, hasError ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** A field's label and, under it, its hint. */
export function FieldLabel({ id, label, hint }: { id: string; label: string; hint?: string }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </>
  );
}

/** A labelled input with its hint and its error, linked for screen readers. */
export function TextField({ name, label, errors, defaultValue, hint, type = "text", idPrefix = "f", ...rest }: InputProps) {
  const id = `${idPrefix}-${name}`;
  const error = errors?.[name];
  return (
    <div className="field">
      <FieldLabel id={id} label={label} hint={hint} />
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, Boolean(error))}
        {...rest}
      />
      <FieldError id={`${id}-error`} errors={errors} name={name} />
    </div>
  );
}

export function FormAlert({ errors }: { errors?: FieldErrors }) {
  const t = useT();
  if (!errors || Object.keys(errors).length === 0) return null;
  const general = errors._form;
  return (
    <div className="alert alert-error" role="alert">
      {general ? t(general.key, general.vars) : t("error.formTitle")}
    </div>
  );
}

export function Tags({ tags, label }: { tags: string[]; label?: string }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tags" aria-label={label}>
      {tags.map((tag) => (
        <li key={tag} className="tag">
          {tag}
        </li>
      ))}
    </ul>
  );
}
