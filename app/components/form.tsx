import { forwardRef, useEffect, useRef, type ReactNode } from "react";
import { getFormProps, useForm, type FieldMetadata, type FormMetadata, type SubmissionResult } from "@conform-to/react";
import { Form, useActionData, type FormProps } from "@remix-run/react";
import type { FormErrors } from "~/schemas/form";
import { useT, type Message } from "~/utils/i18n";

/** A conform field of ours: its errors are translatable messages. */
export type ConformField = FieldMetadata<unknown, Record<string, unknown>, FormErrors>;

/**
 * The action's reply, if it answers the form with this id (a page may hold several forms). The only
 * form of a page also takes a reply to a post that named no form (a hand-made or older client's post).
 */
export function useFormReply(id: string, only = false): SubmissionResult<FormErrors> | undefined {
  const data = useActionData() as SubmissionResult<FormErrors> | undefined;
  if (!data || typeof data !== "object" || !("initialValue" in data)) return undefined;
  const formId = data.initialValue?.formId;
  return formId === id || (only && formId === undefined) ? data : undefined;
}

/**
 * One form of a page, with conform: `id` is unique on the page (e.g. `answer-edit-${answerId}`),
 * the server's reply (errors and what was typed) goes back to this form only. `only`: the page's
 * single form, which also answers posts that named no form.
 */
export function useGildeForm(id: string, defaultValue?: Record<string, string | null | undefined>, { only = false }: { only?: boolean } = {}) {
  const lastResult = useFormReply(id, only);
  const [form, fields] = useForm<Record<string, unknown>, Record<string, unknown>, FormErrors>({ id, lastResult, defaultValue, shouldValidate: "onSubmit" });
  // After a refusal, a success redirects back to the same page: the reply is gone but conform keeps
  // the refused state (errors, what was typed), so the form starts afresh as a newly loaded page would.
  const replied = useRef(lastResult !== undefined);
  useEffect(() => {
    // The form element's own reset: conform listens to it and starts again from `defaultValue`.
    if (replied.current && lastResult === undefined) (document.getElementById(id) as HTMLFormElement | null)?.reset();
    replied.current = lastResult !== undefined;
  }, [lastResult, id]);
  return [form, fields as Record<string, ConformField>] as const;
}

/** A Remix form bound to a conform form: its id travels along, and form-level errors show on top. */
type ConformFormProps = { form: FormMetadata<Record<string, unknown>, FormErrors> } & Omit<FormProps, "id" | "onSubmit" | "noValidate">;

export const ConformForm = forwardRef<HTMLFormElement, ConformFormProps>(function ConformForm({ form, children, ...props }, ref) {
  return (
    <Form method="post" {...props} {...getFormProps(form)} ref={ref}>
      <input type="hidden" name="formId" value={form.id} />
      <FormAlert form={form} />
      {children}
    </Form>
  );
});

type InputProps = {
  /** The conform field: name, id, error and the value typed before a refusal come from it. */
  field: ConformField;
  label: string;
  defaultValue?: string;
  hint?: string;
  type?: string;
  required?: boolean;
  maxLength?: number;
  autoComplete?: string;
  list?: string;
  autoFocus?: boolean;
  inputMode?: "numeric" | "decimal" | "text";
  /** Bounds of a date or number input (the server checks them again). */
  min?: string;
  max?: string;
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

/** The error of a field: from its conform metadata, or from the older error map. */
export function fieldError(field: ConformField): Message | undefined {
  // A list field's item ("tags[2]") reports under the item: show it at the field.
  return field.errors?.[0] ?? Object.values(field.allErrors)[0]?.[0];
}

/** What the field showed before a refusal, else the given default. */
export function fieldValue(field: ConformField, defaultValue: string | undefined): string | undefined {
  const typed = field.initialValue;
  return typeof typed === "string" ? typed : defaultValue;
}

/** A field's frame: label and hint above, the error below, and the ids that tie them to the control. */
function Field({ id, name, label, hint, error, control }: { id: string; name: string; label: string; hint?: string; error?: Message; control: (props: ControlProps) => ReactNode }) {
  return (
    <div className="field">
      <FieldLabel id={id} label={label} hint={hint} />
      {control({ id, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, hint, Boolean(error)) })}
      <MessageError id={`${id}-error`} error={error} />
    </div>
  );
}

/** One translated error under a control, announced to screen readers. */
export function MessageError({ id, error }: { id: string; error?: Message }) {
  const t = useT();
  if (!error) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {t(error.key, error.vars)}
    </p>
  );
}

/** A labelled input with its hint and its error, linked for screen readers. */
export function TextField({ field, label, defaultValue, hint, type = "text", ...rest }: InputProps) {
  const { name, id } = field;
  const value = type === "password" ? undefined : fieldValue(field, defaultValue);
  return <Field id={id} name={name} label={label} hint={hint} error={fieldError(field)} control={(props) => <input {...props} key={field.key} type={type} defaultValue={value} {...rest} />} />;
}

type TextAreaProps = Omit<InputProps, "type" | "list" | "autoComplete" | "min" | "max"> & { rows?: number; id?: string };

/** A labelled textarea with its hint and its error, linked for screen readers. `id` overrides prefix-name. */
export function TextAreaField({ field, label, defaultValue, hint, id: givenId, rows = 3, ...rest }: TextAreaProps) {
  const { name } = field;
  const id = givenId ?? field.id;
  return <Field id={id} name={name} label={label} hint={hint} error={fieldError(field)} control={(props) => <textarea {...props} key={field.key} rows={rows} defaultValue={fieldValue(field, defaultValue)} {...rest} />} />;
}

/** A labelled select over a conform field, with its hint and its error. */
export function SelectField({ field, label, options, defaultValue, hint }: { field: ConformField; label: string; options: { value: string; label: string }[]; defaultValue?: string; hint?: string }) {
  return (
    <Field
      id={field.id}
      name={field.name}
      label={label}
      hint={hint}
      error={fieldError(field)}
      control={(props) => (
        <select {...props} key={field.key} defaultValue={fieldValue(field, defaultValue)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** A checkbox over a conform field, with its error. */
export function CheckboxField({ field, label, defaultChecked }: { field: ConformField; label: string; defaultChecked?: boolean }) {
  const typed = field.initialValue;
  const checked = typed === undefined ? defaultChecked : typed === "on";
  return (
    <div className="field">
      <label className="radio">
        <input type="checkbox" key={field.key} id={field.id} name={field.name} defaultChecked={checked} aria-invalid={field.errors ? true : undefined} aria-describedby={field.errors ? `${field.id}-error` : undefined} /> {label}
      </label>
      <MessageError id={`${field.id}-error`} error={field.errors?.[0]} />
    </div>
  );
}

/**
 * A refusal addressed to a form the page no longer shows (what it acted on was decided meanwhile,
 * so the form is gone): shown on top instead. `shown` lists the ids of the forms on the page.
 */
export function StrandedFormAlert({ shown }: { shown: string[] }) {
  const t = useT();
  const reply = useActionData() as SubmissionResult<FormErrors> | undefined;
  const formId = reply && typeof reply === "object" && "initialValue" in reply ? reply.initialValue?.formId : undefined;
  const message = reply?.error?.[""]?.[0];
  if (!message || (typeof formId === "string" && shown.includes(formId))) return null;
  return (
    <div className="alert alert-error" role="alert">
      {t(message.key, message.vars)}
    </div>
  );
}

/** Above a refused form: its own error, or a pointer to the fields' errors. */
export function FormAlert({ form }: { form: FormMetadata<Record<string, unknown>, FormErrors> }) {
  const t = useT();
  const general = form.errors?.[0];
  if (!general && Object.keys(form.allErrors).length === 0) return null;
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
