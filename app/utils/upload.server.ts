/**
 * The two pages that take a file (the user import and the knowledge-base import) read it here: a
 * multipart form with a size cap before anything is buffered, the file decoded as UTF-8 (or refused
 * with a reason a person can act on), and the other fields as text. A confirmation posts the same
 * content back as an ordinary form, so the same function reads both.
 */
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import type { Message } from "~/utils/i18n";

/** The routes that accept multipart bodies; every other action still takes urlencoded forms only (server/form-body.ts). */
export const UPLOAD_PATHS = ["/admin/users/import", "/knowledge/import"] as const;

/** Room for the form's other fields and the multipart framing around the file. */
const MULTIPART_OVERHEAD = 16 * 1024;

/**
 * A browser sends the whole file before it reads the answer: a body refused unread would reset the
 * connection and the person would see a network error instead of "too large". Up to this much is read
 * and thrown away; beyond it the connection is cut.
 */
const DISCARD_MAX = 64 * 1024 * 1024;

async function discard(request: Request, limit: number): Promise<void> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    reader = request.body?.getReader();
  } catch {
    return; // Already being read (the multipart parser stopped half-way): the server drops the rest.
  }
  if (!reader) return;
  let seen = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      seen += value.byteLength;
      if (seen > limit) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // The client went away meanwhile: nothing to answer.
  }
}

export type DecodedText = { ok: true; text: string } | { ok: false; error: Message };

/**
 * Bytes of an uploaded text file as a string. UTF-8 only (with or without a byte-order mark): a file
 * saved as UTF-16 or in a legacy code page would otherwise arrive with its accents garbled.
 */
export function decodeTextUpload(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, error: { key: "upload.error.encoding" } };
  }
  if (bytes.includes(0)) return { ok: false, error: { key: "upload.error.binary" } };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: { key: "upload.error.encoding" } };
  }
  text = text.replace(/^\uFEFF/, "");
  if (text.trim() === "") return { ok: false, error: { key: "upload.error.empty" } };
  return { ok: true, text };
}

export type UploadForm = {
  /** The form's text fields (the file left out). */
  form: FormData;
  /** The file's text, its refusal, or null when the post carried no file (a confirmation). */
  file: DecodedText | null;
};

const kib = (bytes: number) => Math.round(bytes / 1024);

/**
 * Reads a post that may carry the file `fileField` (at most `maxBytes`). A malformed or oversized body is
 * a refusal of the file, never a thrown error: the page answers it with its form and a 400.
 */
export async function readUploadForm(request: Request, { fileField, maxBytes }: { fileField: string; maxBytes: number }): Promise<UploadForm> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  const tooLarge: DecodedText = { ok: false, error: { key: "upload.error.tooLarge", vars: { max: kib(maxBytes) } } };
  if (type !== "multipart/form-data") {
    try {
      return { form: await request.formData(), file: null };
    } catch {
      return { form: new FormData(), file: { ok: false, error: { key: "upload.error.malformed" } } };
    }
  }
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > maxBytes + MULTIPART_OVERHEAD) {
    await discard(request, DISCARD_MAX);
    return { form: new FormData(), file: tooLarge };
  }
  let parsed: FormData;
  try {
    parsed = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxBytes }));
  } catch (error) {
    // Matched by its message too: the error may come from another copy (CommonJS or ESM) of Remix's runtime than the class imported here.
    const oversized = error instanceof MaxPartSizeExceededError || /exceeded upload size/i.test(String(error));
    if (oversized) await discard(request, DISCARD_MAX);
    return { form: new FormData(), file: oversized ? tooLarge : { ok: false, error: { key: "upload.error.malformed" } } };
  }
  const form = new FormData();
  let file: DecodedText | null = null;
  for (const [name, value] of parsed.entries()) {
    if (name === fileField && typeof value !== "string") {
      // A form sent without choosing a file carries an empty part with an empty name.
      file = value.size === 0 ? { ok: false, error: { key: "upload.error.noFile" } } : decodeTextUpload(new Uint8Array(await value.arrayBuffer()));
    } else if (typeof value === "string") {
      form.append(name, value);
    }
  }
  return { form, file: file ?? { ok: false, error: { key: "upload.error.noFile" } } };
}
