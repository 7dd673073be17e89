import type { ReactNode } from "react";
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

type ControlProps = { id: string; name: string; defaultValue?: string; "aria-invalid"?: true; "aria-describedby"?: string };

/** A field's frame: label and hint above, the error below, and the ids that tie them to the control. */
function Field({ id, name, label, hint, errors, control }: { id: string; name: string; label: string; hint?: string; errors?: FieldErrors; control: (props: ControlProps) => ReactNode }) {
  const error = errors?.[name];
  return (
    <div className="field">
      <FieldLabel id={id} label={label} hint={hint} />
      {control({ id, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, hint, Boolean(error)) })}
      <FieldError id={`${id}-error`} errors={errors} name={name} />
    </div>
  );
}

/** A labelled input with its hint and its error, linked for screen readers. */
export function TextField({ name, label, errors, defaultValue, hint, type = "text", idPrefix = "f", ...rest }: InputProps) {
  const id = `${idPrefix}-${name}`;
  return <Field id={id} name={name} label={label} hint={hint} errors={errors} control={(props) => <input {...props} type={type} defaultValue={defaultValue} {...rest} />} />;
}

type TextAreaProps = Omit<InputProps, "type" | "list" | "autoComplete"> & { rows?: number; id?: string };

/** A labelled textarea with its hint and its error, linked for screen readers. `id` overrides prefix-name. */
export function TextAreaField({ name, label, errors, defaultValue, hint, idPrefix = "f", id: givenId, rows = 3, ...rest }: TextAreaProps) {
  const id = givenId ?? `${idPrefix}-${name}`;
  return <Field id={id} name={name} label={label} hint={hint} errors={errors} control={(props) => <textarea {...props} rows={rows} defaultValue={defaultValue} {...rest} />} />;
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
