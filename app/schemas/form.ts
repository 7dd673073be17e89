import { parseWithZod } from "@conform-to/zod/v4";
import type { Submission } from "@conform-to/react";
import type { z } from "zod";
import type { Message, MessageKey } from "~/utils/i18n";
import { LIMITS } from "./note.shared";

export type FieldErrors = Partial<Record<string, Message>>;
export type ParseResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Turns a zod issue into a translatable message. Schemas may set `message` to a message key. */
export function issueToMessage(issue: z.core.$ZodIssue): Message {
  if (issue.message === "error.tag") return { key: "error.tag", vars: { max: LIMITS.tagMax } };
  if (issue.message?.startsWith("error.")) return { key: issue.message as MessageKey };
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) <= 1) return { key: "error.required" };
      if (issue.origin === "array" && Number(issue.minimum) <= 1) return { key: "error.required" };
      return { key: "error.tooShort", vars: { min: Number(issue.minimum) } };
    case "too_big":
      if (issue.origin === "array") return { key: "error.tooManyTags", vars: { max: Number(issue.maximum) } };
      return { key: "error.tooLong", vars: { max: Number(issue.maximum) } };
    case "invalid_format":
      return issue.format === "email" ? { key: "error.email" } : { key: "error.invalid" };
    case "invalid_type":
      return issue.input === undefined ? { key: "error.required" } : { key: "error.invalid" };
    default:
      return { key: "error.invalid" };
  }
}

/** Each zod issue becomes a serialised Message, so schema-level keys ("error.…") and built-in checks read alike. */
const messageErrorMap: z.core.$ZodErrorMap = (issue) => JSON.stringify(issueToMessage({ ...issue, message: undefined } as unknown as z.core.$ZodIssue));

function toMessage(issue: z.core.$ZodIssue): Message {
  if (issue.message.startsWith("{")) return JSON.parse(issue.message) as Message;
  return issueToMessage(issue);
}

/** The errors a conform form carries: translatable messages, first one per field. */
export type FormErrors = Message[];
export type FormSubmission<T> = Submission<Record<string, unknown>, FormErrors, T>;

/**
 * Parses a submitted form with conform and a zod schema. The schema reads raw strings as it always
 * did (no auto coercion), so the same schema serves the server and the form's field names.
 */
export function parseSubmission<S extends z.ZodType>(schema: S, form: FormData): FormSubmission<z.output<S>> {
  return parseWithZod(form, {
    schema,
    disableAutoCoercion: true,
    error: messageErrorMap,
    formatError: (issues: z.core.$ZodIssue[]) => [toMessage(issues[0])],
  }) as FormSubmission<z.output<S>>;
}

/**
 * The same parse as a form action's, shaped for reading in a schema's unit tests: the data, or each
 * field's first error ("_form" for the form's own) and the typed values (passwords never echoed).
 */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData): ParseResult<z.output<S>> {
  const submission = parseSubmission(schema, form);
  if (submission.status === "success") return { ok: true, data: submission.value };
  const errors: FieldErrors = {};
  for (const [name, messages] of Object.entries(submission.error ?? {})) {
    const field = name.split(/[.[]/)[0] || "_form";
    if (messages?.[0]) errors[field] ??= messages[0];
  }
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(submission.payload)) {
    if (/password/i.test(name)) continue;
    values[name] = Array.isArray(value) ? value.map(String).join(",") : String(value);
  }
  return { ok: false, errors, values };
}
