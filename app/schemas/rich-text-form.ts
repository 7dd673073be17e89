import type { Message, MessageKey } from "~/utils/i18n";
import { readRichTextField } from "./rich-text";

/** Reads a rich-text form field into { json, text } or a translatable error. */
export function readBody(form: FormData, name = "body"): { ok: true; json: string; text: string } | { ok: false; error: Message } {
  const result = readRichTextField(form, name);
  if (!result.ok) return { ok: false, error: { key: `error.rich.${result.error}` as MessageKey } };
  return { ok: true, json: result.json, text: result.text };
}
